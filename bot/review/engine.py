"""The review engine: checks a draft post against the protocol and explains every finding.

`ReviewEngine(pack).review(text)` returns a `Review` whose findings carry offsets into the
original post, the excerpt, a message and a suggestion in the post's language, and the policy
section they relate to. Word lists come from `policy_data/review/` (so a company can extend
them) and the company's names, products, code names and competitors from `company.yaml`.

Words alone do not decide: an insult counts only when it is aimed at someone (the employer,
managers, colleagues, customers, competitors), a group word only when the group is generalised
about or excluded, a product name only together with promotional language and no disclosure.
Everything is compiled once here; a review is one pass of tokenising plus dictionary lookups,
so its cost grows linearly with the post. Nothing of the post is logged or stored.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from bot.policy import PolicyPack
from bot.review import personal
from bot.review.learned.examples import load_examples
from bot.review.learned.features import QUOTED_RE
from bot.review.learned.layer import CompanyMasker, LearnedLayer, Sentence
from bot.review.learned.scorer import ModelMissing, shared_model
from bot.review.lexicons import Lexicons, load_lexicons
from bot.review.messages import TARGETS, TEXTS, summary_for
from bot.review.rules import CONTEXT, DATA_KINDS, IDIOMS, RuleSpec, data_rule_matcher, load_rules
from bot.review.text import Hit, MultiMatcher, PhraseMatcher, Token, tokenize
from bot.review.types import RULES, Finding, Review, Severity, verdict_for
from bot.text.lang import detect_language
from bot.text.normalize import Normalized, normalize

log = logging.getLogger(__name__)
# Word-list groups that can explain a model finding of these rules; without one, the model alone cautions.
_EXPLAINED = {
    "discrimination": ("discrimination", "cues", "exclusion", "group_cues", "predicates", "stereotypes"),
    "insulting-language": ("insults", "profanity", "metaphor_heads", "metaphor_nouns", "sarcasm", "ridicule",
                           "collective", "superlatives"),
}
CONTEXT_SURE = 0.99  # a model-only finding in a sentence with a context cue needs this probability
CONTEXT_REACH = 60  # characters from a context cue to the word it bears on (a negation's scope, roughly)
_NAME_LISTS = (("insults", "insults"), ("profanity", "profanity"), ("discrimination", "slurs"))
# Rules whose words can be mentioned rather than used (a slur quoted in a report); code names cannot.
_MENTIONABLE = frozenset({"insulting-language", "discrimination", "profanity"})
LOWER: dict[str, Severity] = {"high": "medium", "medium": "low", "low": "low"}

SECTIONS: dict[str, str] = {
    "confidential-information": "confidential-information",
    "personal-data": "privacy-of-others",
    "insulting-language": "respectful-communication",
    "discrimination": "discrimination-and-harassment",
    "profanity": "respectful-communication",
    "undisclosed-promotion": "promoting-the-company",
    "speaking-on-behalf": "speaking-on-behalf",
    "sensitive-topic": "negative-comments-and-crises",
}

MAX_FINDINGS_PER_RULE = 25
# Who an insult can be aimed at; "people" ("die mensen", "these people") only in a post about work.
TARGET_CATEGORIES = ("employer", "colleague", "customer", "competitor", "people")
TARGET_WINDOW = 8  # tokens between an insult and what it is aimed at
NEAR = 6

# Promotional offers written with digits and symbols, which word lists cannot express.
_OFFER_RE = re.compile(
    r"\d{1,3} ?% ?(?:korting|off|discount)\b|\b\d ?\+ ?\d(?: gratis| free)?\b|\b\d-for-\d\b|\b\d for \d\b"
    r"|€ ?\d|\d ?€|\$\d|\bEUR ?\d"
    r"|\b(?:10|11|100) ?/ ?10\b|\b5 ?/ ?5\b|⭐{4,}",
    re.IGNORECASE,
)
_PUBLISHED_RE = re.compile(
    r"\b(?:gepubliceerd|published|jaarverslag|annual report|persbericht|press release|bekendgemaakt|announced)\b",
    re.IGNORECASE,
)
# Age groups written with numbers: "mensen boven de 55", "people over 55", "55-plussers", "over-50s", "50+".
# Found from the numbers 45-79 outwards (a big alternation tried at every word would be slow).
_AGE_NUMBER_RE = re.compile(r"(?<![\d.,])(?:4[5-9]|[5-7]\d)(?![\d]|[.,]\d)")
_AGE_BEFORE_RE = re.compile(
    r"\b(?:people|staff|workers|employees|colleagues|applicants|candidates|anyone|everyone|someone|men|women"
    r"|mensen|iedereen|collega's|werknemers|medewerkers|sollicitanten|kandidaten|personeel|iemand|mannen|vrouwen)"
    r" (?:aged |van )?(?:over|above|older than|past|boven de|ouder dan|van boven de|van over de|vanaf|from)"
    r" (?:the age of )?$|\bover-?$",
    re.IGNORECASE,
)
_AGE_AFTER_RE = re.compile(r" ?\+(?:ers|'ers)?(?!\w)|-?plus(?:sers|ser)?\b|s\b", re.IGNORECASE)
# What a target word stands for when it is followed by one of these: a service, not people.
_SERVICE_WORDS = frozenset([
    "service", "services", "support", "care", "experience", "app", "website", "site", "portal", "desk",
    "dienst", "dienstverlening", "klantenservice", "ervaring", "prices", "prijzen", "coffee", "koffie",
])
# Words after "RailCo is the worst" that keep it about the company ("the worst ever", "de slechtste van NL").
_AFTER_SUPERLATIVE = frozenset(["ever", "ooit", "in", "of", "van", "op", "on", "around", "out", "there", "allertijden",
                                "aller", "by", "to", "die", "that", "i", "ik"])
_PREPOSITIONS = frozenset(["bij", "van", "met", "voor", "naar", "at", "with", "for", "from", "to", "in", "op", "door",
                           "by", "of", "about", "over", "than", "dan", "als", "like", "and", "en", "or", "of", "via"])
_OURS = frozenset(["our", "we", "onze", "ons", "wij", "we're", "my", "mijn"])
_PRONOUNS = frozenset([
    "ze", "zij", "hij", "hun", "hem", "haar", "die", "they", "he", "she", "them", "their", "him", "her",
    "those"
])
# Capitalised words after "customer"/"klant" that are not names ("Customer Service").
_NOT_NAMES = frozenset([
    "service", "services", "support", "success", "care", "experience", "day", "days", "week", "team",
    "desk", "center", "centre", "portal", "journey", "satisfaction", "review", "reviews", "feedback",
    "relations", "dienst", "service-desk", "panel", "survey", "app", "zone", "first", "de", "het",
    "een", "the", "a", "an", "and", "en", "of", "van", "is", "was"
])
# Department names that contain an incident word ("storingsteam", "outage team") are not incidents.
_TEAM_SUFFIXES = ("team", "teams", "dienst", "diensten", "monteur", "monteurs", "afdeling", "desk", "nummer", "lijn",
                  "coördinator", "coordinator", "manager", "management", "procedure", "protocol", "plan")
_TEAM_WORDS = frozenset(["team", "teams", "desk", "department", "unit", "crew", "engineer", "engineers", "manager",
                         "managers", "hotline", "procedure", "procedures", "protocol", "dienst", "afdeling"])
# "A look inside our meeting room": a photo of a room, whose whiteboard may be mentioned a sentence on.
_LOOK_WORDS = frozenset(["kijkje", "inkijkje", "binnenkijken", "look", "peek"])
_SINGULAR_PERSON = frozenset(["vrouw", "man", "woman", "moeder", "mother", "vriendin", "vriend"])
_POSSESSIVES = frozenset(["mijn", "zijn", "je", "jouw", "m'n", "z'n", "my", "his", "your", "haar", "her"])
_TUSSENVOEGSELS = frozenset([
    "de", "den", "der", "van", "von", "ten", "ter", "te", "la", "le", "da", "di", "du", "del", "vd", "v"
])


def _labelled(entries: Iterable[str], label: str) -> list[tuple[str, str]]:
    """Entries with their label, normalised like posts are ("can't" is matched as "can not")."""
    return [(normalize(entry).text, label) for entry in entries]


class ReviewEngine:
    """Reviews draft posts for one policy pack. Build it once; `review` is cheap and thread-safe."""

    def __init__(self, pack: PolicyPack, lexicons: Lexicons | None = None, *, use_model: bool = True,
                 model_dir: Path | None = None) -> None:
        self.pack = pack
        company = pack.company
        lex = lexicons if lexicons is not None else load_lexicons(pack.root)
        self.company_name = company.short_name
        self.smm = f"{company.social_media_manager.name} ({company.social_media_manager.contact})"
        self._smm_contact = company.social_media_manager.contact.lower()
        self._smm_contact_normalized = normalize(self._smm_contact).text
        # Sections switched off in pack.yaml still exist: a rule may keep citing one.
        on_disk = {p.name for p in (pack.root / "sections").iterdir() if p.is_dir()} \
            if (pack.root / "sections").is_dir() else set()
        self.rules: dict[str, RuleSpec] = load_rules(pack.root, frozenset(pack.sections) | on_disk)
        self._data_rules = data_rule_matcher(self.rules)
        self.learned: LearnedLayer | None = None
        if use_model:
            try:
                model = shared_model(model_dir) if model_dir is not None else shared_model()
            except ModelMissing as exc:
                log.warning("reviews run on the word lists only: %s", exc)
            else:
                masker = CompanyMasker(
                    [(n, "company") for n in company.all_names] + [(n, "product") for n in company.products]
                    + [(n, "competitor") for n in company.competitors]
                    + [(n, "codename") for n in company.confidential_terms])
                self.learned = LearnedLayer(model, masker, load_examples(pack.root, masker))

        # The company's own words. Longest match per start token wins, so "Acme Thuis app" is a product.
        company_entries = _labelled(company.all_names, "company") + _labelled(company.products, "product")
        company_entries += _labelled(company.competitors, "competitor")
        # People shorten multi-word competitor names to the first word ("Rapido" for "Rapido Bikes").
        company_entries += [(c.split()[0], "competitor") for c in company.competitors
                            if " " in c and len(c.split()[0]) >= 5 and c.split()[0] not in company.all_names]
        groups: dict[str, list[tuple[str, str]]] = {}
        groups["company"] = (_quote_all(company_entries))
        groups["code_names"] = (_quote_all(_labelled(company.confidential_terms, "code")))

        targets: list[tuple[str, str]] = []
        for category in TARGET_CATEGORIES:
            targets += _labelled(lex.get("targets", category), category)
        self._target_words = frozenset(
            e.rstrip("*").lower() for c in TARGET_CATEGORIES
            for e in lex.get("targets", c) if " " not in e and len(e.rstrip("*")) >= 3
        )
        self._target_prefix_lengths = sorted({len(w) for w in self._target_words if len(w) >= 4})
        groups["targets"] = (targets)
        groups["insults"] = (_labelled(lex.get("insults", "insults"), "insult"))
        self._compound_prefixes = tuple(sorted({p.lower() for p in lex.get("insults", "compound_prefixes")},
                                               key=len, reverse=True))
        self._compound_starts = frozenset(p[:3] for p in self._compound_prefixes)
        groups["profanity"] = (_labelled(lex.get("profanity", "profanity"), "profanity"))

        groups["discrimination"] = (
            _labelled(lex.get("discrimination", "slurs"), "slur")
            + _labelled(lex.get("discrimination", "phrases"), "phrase")
        )
        groups["groups"] = (_labelled(lex.get("discrimination", "groups"), "group"))
        groups["cues"] = (_labelled(lex.get("discrimination", "cues"), "cue"))
        groups["exclusion"] = (_labelled(lex.get("discrimination", "exclusion"), "exclusion"))
        groups["group_cues"] = (_labelled(lex.get("discrimination", "group_cues"), "cue"))
        groups["counter"] = (_labelled(lex.get("discrimination", "counter_speech"), "counter"))
        groups["predicates"] = (_labelled(lex.get("discrimination", "predicates"), "predicate"))
        groups["neutral"] = (_labelled(lex.get("discrimination", "neutral_context"), "neutral"))
        groups["stereotypes"] = (_labelled(lex.get("discrimination", "stereotypes"), "stereotype"))
        groups["metaphor_heads"] = (_labelled(lex.get("insults", "metaphor_heads"), "metaphor"))
        groups["metaphor_nouns"] = (_labelled(lex.get("insults", "metaphor_nouns"), "noun")
                                    + _labelled(lex.get("insults", "collective_nouns"), "noun"))
        groups["sarcasm"] = (_labelled(lex.get("insults", "sarcastic_praise"), "sarcasm"))
        groups["ridicule"] = (_labelled(lex.get("insults", "ridicule_context"), "ridicule"))
        groups["collective"] = (_labelled(lex.get("insults", "collective"), "collective"))
        groups["collective_nouns"] = (_labelled(lex.get("insults", "collective_nouns"), "collective_noun"))
        groups["superlatives"] = (_labelled(lex.get("insults", "superlatives"), "superlative"))

        conf = "confidential"
        groups["confidential"] = (
            _labelled(lex.get(conf, "unreleased"), "unreleased")
            + _labelled(lex.get(conf, "launch"), "launch")
            + _labelled(lex.get(conf, "launch_dates"), "launch_date")
            + _labelled(lex.get(conf, "new_product"), "new_product")
            + _labelled(lex.get(conf, "internal"), "internal")
            + _labelled(lex.get(conf, "financial"), "financial")
            + _labelled(lex.get(conf, "unpublished"), "unpublished")
            + _labelled(lex.get(conf, "customer_data"), "customer_data")
            + _labelled(lex.get(conf, "photo"), "photo")
        )
        # Second matchers for words that also appear in the lists above ("internal" is both).
        groups["documents"] = (_labelled(lex.get(conf, "documents"), "document"))
        groups["screens"] = (_labelled(lex.get(conf, "screen_objects"), "screen"))
        groups["financial"] = (_labelled(lex.get(conf, "financial"), "financial"))
        groups["unpublished"] = (_labelled(lex.get(conf, "unpublished"), "unpublished"))
        groups["internal"] = (_labelled(lex.get(conf, "internal"), "internal"))
        groups["changes"] = (_labelled(lex.get(conf, "figure_change"), "change"))

        groups["roles"] = (
            _labelled(lex.get("personal", "customer_roles"), "customer")
            + [(e, "role") for e in lex.get("personal", "roles") if e not in lex.get("personal", "customer_roles")]
        )
        groups["private"] = (_labelled(lex.get("personal", "private_details"), "private"))
        self._street_nl = tuple(sorted({s.lower() for s in lex.get("personal", "street_suffixes", "nl")},
                                       key=len, reverse=True))
        self._street_en = frozenset(s.lower() for s in lex.get("personal", "street_suffixes", "en"))

        groups["promo"] = (
            _labelled(lex.get("promotion", "promo"), "promo") + _labelled(lex.get("promotion", "praise"), "praise")
        )
        groups["disclosure"] = (_labelled(lex.get("promotion", "disclosure"), "disclosure"))

        groups["official"] = (_labelled(lex.get("speaking-on-behalf", "official"), "official"))
        groups["with_company"] = (_labelled(lex.get("speaking-on-behalf", "with_company"), "with_company"))
        groups["company_words"] = (_labelled(lex.get("speaking-on-behalf", "company_words"), "company"))
        groups["org_nouns"] = (_labelled(lex.get("speaking-on-behalf", "org_nouns"), "org"))
        groups["statement_verbs"] = (_labelled(lex.get("speaking-on-behalf", "statement_verbs"), "verb"))

        weak = set(lex.get("sensitive", "weak_topics"))
        groups["topics"] = (
            [(e, "weak" if e in weak else "topic") for e in lex.get("sensitive", "topics")]
            + [(e, "weak") for e in weak if e not in set(lex.get("sensitive", "topics"))]
        )
        groups["work_context"] = (_labelled(lex.get("sensitive", "work_context"), "work"))
        groups["deals"] = (_labelled(lex.get("sensitive", "company_deals"), "deal"))

        # Entries of one language's list only ("joke", "dick" in English): in a post of the other language a
        # capitalised word in mid-sentence with that spelling is a first name (Joke, Dick), not an insult.
        self._other_language: dict[str, frozenset[str]] = {}
        for lang, other in (("nl", "en"), ("en", "nl")):
            own = {normalize(x).text.lower() for f, n in _NAME_LISTS for x in lex.get(f, n, lang)}
            self._other_language[lang] = frozenset(
                normalize(x).text.lower() for f, n in _NAME_LISTS for x in lex.get(f, n, other)) - own
        self._targets = PhraseMatcher(groups["targets"])
        self._matcher = MultiMatcher(groups)

    # ------------------------------------------------------------------ public API

    def review(self, text: str, language: str | None = None) -> Review:
        """Review `text` (the post exactly as written). `language` overrides detection (nl or en)."""
        lang = language if language in ("nl", "en") else detect_language(text)
        if not text.strip():
            return Review(verdict="ok", language=lang, findings=(), summary=summary_for("ok", 0, lang))
        norm = normalize(text)
        run = _Run(self, norm.text, lang)
        raw = run.raw_findings()
        hits = self._data_rules.find_all(run.tokens) if self._data_rules is not None else {}
        raw += self._data_rule_findings(run, hits)
        if hits.get(IDIOMS):
            idioms = [run.span(h) for h in hits[IDIOMS]]
            raw = [item for item in raw if item[0] not in _MENTIONABLE
                   or not any(a <= item[2] and item[3] <= b for a, b in idioms)]
        if self.learned is not None:
            cues = [run.span(h) for h in hits.get(CONTEXT, ())]
            explained = {rule: [run.span(h)[0] for g in groups for h in run.hits.get(g, ())]
                         for rule, groups in _EXPLAINED.items()}
            raw = self._with_model(raw, self.learned.score(norm.text), norm.text, cues,
                                   disclosed=bool(run.hits["disclosure"]), explained=explained)
        findings = [self._render(run, norm, text, *item) for item in _dedupe(raw)]
        verdict = verdict_for(findings)
        return Review(verdict=verdict, language=lang, findings=tuple(findings),
                      summary=summary_for(verdict, len(findings), lang))

    def rule_titles(self, language: str) -> dict[str, str]:
        """Titles of the company's own (data-only) rules in `language`."""
        return {spec.id: spec.title.get(language, spec.title.get("en", spec.id))
                for spec in self.rules.values() if spec.kind in DATA_KINDS}

    # ------------------------------------------------------------------ the layers together

    def _with_model(self, raw: list[_Raw], windows: list[Sentence], text: str,
                    cues: Sequence[tuple[int, int]] = (), disclosed: bool = False,
                    explained: dict[str, list[int]] | None = None) -> list[_Raw]:
        """Word-list findings the sentence's meaning contradicts are dropped; the model's own findings added.

        A word-list finding of a `vetoable` kind goes when every window containing it scores below
        the rule's `veto`; an insult, slur or swear word inside quotation marks goes when its sentence scores
        below `caution`. A window scoring at least `caution` for a rule without a word-list finding
        becomes a finding of its own: at the rule's severity from `flag` up, one tier lower below it."""
        if not windows:
            return raw
        explained = explained or {}
        kept: list[_Raw] = []
        covered: set[tuple[str, int]] = set()
        quotes = [m.span() for m in QUOTED_RE.finditer(text)] if ("'" in text or '"' in text or not text.isascii()) \
            else []
        for item in raw:
            rule, kind, start, end, _values = item
            spec = self.rules.get(rule)
            thresholds = spec.learned if spec is not None else None
            inside = [i for i, w in enumerate(windows) if w.start <= start < w.end or (start <= w.start < end)]
            if thresholds is None or not inside or rule not in windows[0].scores:
                kept.append(item)
                continue
            best = max(windows[i].scores[rule] for i in inside)
            if kind in thresholds.vetoable and best < thresholds.veto:
                continue
            # Negation, reporting or counter-speech in the same sentence ("nobody deserves to be called …"),
            # and the model does not see a problem either: the words are not meant as they look.
            if (kind in thresholds.vetoable and best < thresholds.context_veto
                    and any(a <= start and start - b <= CONTEXT_REACH
                            and any(windows[i].start <= a < windows[i].end for i in inside) for a, b in cues)):
                continue
            # A word in quotation marks is mentioned, not used ("he called me 'X'", "never use 'X'"): it counts
            # only when the sentence around the quote is itself a problem.
            if (rule in _MENTIONABLE and best < thresholds.caution
                    and any(a <= start and end <= b for a, b in quotes)):
                continue
            if kind in thresholds.vetoable and best < thresholds.caution and thresholds.unsure == "lower":
                item = (rule, kind, start, end, {**item[4], "__severity": LOWER[RULES[rule]], "__may": "may"})
            kept.append(item)
            covered.update((rule, i) for i in inside)
        for i, window in enumerate(windows):
            for rule, p in window.scores.items():
                spec = self.rules.get(rule)
                if spec is None or spec.learned is None or (rule, i) in covered or p < spec.learned.caution:
                    continue
                if rule == "undisclosed-promotion" and disclosed:
                    continue  # "ik werk bij …", "#ad": the post says it
                if (rule in _MENTIONABLE and p < CONTEXT_SURE
                        and any(window.start <= a < window.end for a, _ in cues)):
                    continue  # "there is no place for hate against …": a context cue needs a sure model
                sure = p >= spec.learned.flag
                if sure and rule in _EXPLAINED and not any(window.start <= a < window.end
                                                           for a in explained.get(rule, ())):
                    sure = False  # without a word-list hit to explain it, the model alone says "may come across"
                severity = spec.severity if sure else LOWER[spec.severity]
                may = "" if sure else "may"
                kept.append((rule, "learned", window.start, window.end, {"__severity": severity, "__may": may}))
        return kept

    def _data_rule_findings(self, run: _Run, hits: dict[str, list[Hit]]) -> list[_Raw]:
        """Findings of the company's own data-only rules (`kind: phrases` / `phrases-near` in rules.yaml)."""
        out: list[_Raw] = []
        for spec in self.rules.values():
            if spec.built_in or spec.kind == "context":
                continue
            if spec.kind == "phrases":
                out.extend((spec.id, "data", *run.span(hit), {}) for hit in hits.get(spec.id, ()))
                continue
            near = run.index(hits.get(f"{spec.id}/near", []))
            for hit in hits.get(spec.id, ()):
                other = run.near(hit, near, spec.window, disjoint=True)
                if other is not None and run.sentence(other) == run.sentence(hit):
                    out.append((spec.id, "data", *run.joined(hit, other), {}))
        return out

    def _render(self, run: _Run, norm: Normalized, original: str, rule: str, kind: str, start: int, end: int,
                values: dict[str, str]) -> Finding:
        """The finding with offsets into the post as written, and its text in the post's language."""
        start, end = norm.span(start, end)
        excerpt = original[start:end]
        spec = self.rules.get(rule)
        severity: Severity = values.get("__severity", spec.severity if spec else RULES[rule])  # type: ignore[assignment]
        section = spec.section if spec is not None else SECTIONS[rule]
        lang = run.lang
        if (kind in ("learned", "data") or values.get("__may")) and spec is not None:
            fill = {"company": self.company_name, "smm": self.smm, "excerpt": _short(excerpt)}
            message_texts = spec.may_message if values.get("__may") and spec.may_message else spec.message
            message = message_texts.get(lang, message_texts.get("en", "")).format(**fill)
            suggestion = spec.suggestion.get(lang, spec.suggestion.get("en", "")).format(**fill)
        else:
            plain = {k: v for k, v in values.items() if not k.startswith("__")}
            message, suggestion = TEXTS[kind].render(lang, excerpt=_short(excerpt), company=self.company_name,
                                                     smm=self.smm, **plain)
        return Finding(rule=rule, severity=severity, start=start, end=end, excerpt=excerpt, message=message,
                       suggestion=suggestion, section=section)


def _quote_all(entries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Company words are literal names: strip the lexicon syntax characters from them."""
    out = []
    for entry, label in entries:
        clean = entry.replace("*", " ").replace("~", " ").lstrip("!#").strip()
        if clean:
            out.append((clean, label))
    return out


class _Index:
    """Hits sorted by position, for proximity questions answered with bisect instead of scanning all pairs.

    `nearest` returns exactly what scanning the whole list would: the hit with the smallest gap, the
    earliest in the original list on a tie. It looks only at hits whose first token lies within the
    window (plus the longest hit's length), so a post full of trigger words stays linear.
    """

    __slots__ = ("hits", "order", "firsts", "lasts_order", "lasts", "longest", "sentences")

    def __init__(self, hits: Sequence[Hit], sentences: Sequence[int]) -> None:
        self.hits = hits
        self.order = sorted(range(len(hits)), key=lambda i: (hits[i].first, i))
        self.firsts = [hits[i].first for i in self.order]
        self.lasts_order = sorted(range(len(hits)), key=lambda i: (hits[i].last, i))
        self.lasts = [hits[i].last for i in self.lasts_order]
        self.longest = max((h.last - h.first for h in hits), default=0)
        self.sentences = sentences  # sentence number per token

    def nearest(self, hit: Hit, window: int, sentences: int = 0, disjoint: bool = False,
                min_first: int = -1) -> Hit | None:
        """The closest hit within `window` tokens and `sentences` sentences of `hit` (see `_Run.near`).
        `disjoint` skips hits overlapping `hit`; `min_first` skips hits starting before that token."""
        if not self.hits:
            return None
        hits, order, firsts, sent = self.hits, self.order, self.firsts, self.sentences
        own = sent[hit.first]
        best_gap = window
        best: tuple[int, int] | None = None  # (gap, original index)
        split = bisect.bisect_right(firsts, hit.last)
        # Hits starting after `hit`: the gap grows with the start.
        for k in range(split, len(order)):
            other = hits[order[k]]
            gap = other.first - hit.last - 1
            if gap > best_gap or sent[other.first] - own > sentences:
                break
            if best is None or (gap, order[k]) < best:
                best, best_gap = (gap, order[k]), gap
        # Hits starting at or before the end of `hit`: overlapping (gap 0) or before it.
        for k in range(split - 1, -1, -1):
            other = hits[order[k]]
            if other.first < min_first or hit.first - other.first - self.longest - 1 > best_gap:
                break
            if own - sent[other.first] > sentences:
                break
            if other.last >= hit.first:
                if disjoint:
                    continue
                gap = 0
            else:
                gap = hit.first - other.last - 1
            if gap <= best_gap and (best is None or (gap, order[k]) < best):
                best, best_gap = (gap, order[k]), gap
        return hits[best[1]] if best is not None else None

    def first_starting(self, low: int, high: int, sentence: int | None = None) -> Hit | None:
        """The earliest (in the original list) hit starting at a token in [low, high], optionally in `sentence`."""
        found: int | None = None
        for k in range(bisect.bisect_left(self.firsts, low), bisect.bisect_right(self.firsts, high)):
            i = self.order[k]
            if sentence is not None and self.sentences[self.hits[i].first] != sentence:
                continue
            if found is None or i < found:
                found = i
        return self.hits[found] if found is not None else None

    def starting_in(self, low: int, high: int) -> list[Hit]:
        """The hits starting at a token in [low, high], in the order of the original list."""
        picked = sorted(self.order[k] for k in range(bisect.bisect_left(self.firsts, low),
                                                     bisect.bisect_right(self.firsts, high)))
        return [self.hits[i] for i in picked]

    def ending_in(self, low: int, high: int) -> list[Hit]:
        """The hits ending at a token in [low, high], in the order of the original list."""
        picked = sorted(self.lasts_order[k] for k in range(bisect.bisect_left(self.lasts, low),
                                                          bisect.bisect_right(self.lasts, high)))
        return [self.hits[i] for i in picked]


class _Run:
    """One review of one post: the tokens, the hits of every matcher, and the findings."""

    def __init__(self, engine: ReviewEngine, text: str, language: str) -> None:
        self.e = engine
        self.text = text
        self.lang = language
        self.tokens: list[Token] = tokenize(text)
        self.starts = [t.start for t in self.tokens]
        self.sent = [t.sentence for t in self.tokens]
        # Findings as (rule, kind, start, end, values); only those kept by `_dedupe` get their text rendered.
        self.out: list[tuple[str, str, int, int, dict[str, str]]] = []
        self.hits = engine._matcher.find_all(self.tokens)
        foreign = engine._other_language.get(language, frozenset())
        if foreign:
            # A word used as a name once in mid-sentence is a name everywhere in the post ("Joke, bedankt!").
            names = {h.entry.lower() for g in ("insults", "profanity", "discrimination") for h in self.hits[g]
                     if self._first_name(h, foreign)}
            for group in ("insults", "profanity", "discrimination"):
                self.hits[group] = [h for h in self.hits[group] if not (
                    self._first_name(h, foreign)
                    or (h.entry.lower() in names and self.tokens[h.first].capitalised))]
        self.company_hits = self.hits["company"]
        self.own_hits = [h for h in self.company_hits if h.label in ("company", "product")]
        self.company_sentences = {self.tokens[h.first].sentence for h in self.own_hits}
        self.company_set = frozenset(self.company_hits)
        self._work: bool | None = None
        self._pronoun_sentences: set[int] | None = None
        self._sentence_sizes: dict[int, int] | None = None
        self._target_word_cache: dict[str, bool] = {}

    # -------------------------------------------------------------- helpers

    def _first_name(self, hit: Hit, foreign: frozenset[str]) -> bool:
        """A capitalised single word in mid-sentence whose entry belongs to the other language's list."""
        if hit.first != hit.last or hit.entry.lower() not in foreign:
            return False
        token = self.tokens[hit.first]
        mid_sentence = hit.first > 0 and self.tokens[hit.first - 1].sentence == token.sentence
        return token.capitalised and mid_sentence

    def add(self, rule: str, kind: str, start: int, end: int, **values: str) -> None:
        self.out.append((rule, kind, start, end, values))

    def index(self, hits: Sequence[Hit]) -> _Index:
        return _Index(hits, self.sent)

    def span(self, hit: Hit) -> tuple[int, int]:
        return self.tokens[hit.first].start, self.tokens[hit.last].end

    def sentence(self, hit: Hit) -> int:
        return self.tokens[hit.first].sentence

    def token_at(self, offset: int) -> int:
        """Index of the token at or after character `offset` (for regex hits)."""
        return min(bisect.bisect_left(self.starts, offset), max(len(self.tokens) - 1, 0))

    @staticmethod
    def gap(a: Hit, b: Hit) -> int:
        """Tokens between two hits (0 when adjacent or overlapping)."""
        if a.last < b.first:
            return b.first - a.last - 1
        if b.last < a.first:
            return a.first - b.last - 1
        return 0

    @staticmethod
    def near(hit: Hit, others: _Index, window: int, sentences: int = 0, disjoint: bool = False,
             min_first: int = -1) -> Hit | None:
        """The closest of `others` within `window` tokens and `sentences` sentences of `hit` (the earliest
        listed on a tie); `disjoint` leaves out those overlapping `hit`, `min_first` those starting before
        that token. A bisect into the sorted hits, not a scan of all pairs."""
        return others.nearest(hit, window, sentences, disjoint, min_first)

    def joined(self, a: Hit, b: Hit) -> tuple[int, int]:
        """The span covering both hits when they are in one sentence and close, else `a` alone."""
        if self.sentence(a) == self.sentence(b) and self.gap(a, b) <= 12:
            return (min(self.tokens[a.first].start, self.tokens[b.first].start),
                    max(self.tokens[a.last].end, self.tokens[b.last].end))
        return self.span(a)

    # -------------------------------------------------------------- detectors

    def raw_findings(self) -> list[_Raw]:
        """Every word-list finding, in normalised-text offsets, before de-duplication."""
        if not self.text.strip():
            return []
        self.confidential()
        self.personal_data()
        insult_spans = self.insults()
        self.discrimination()
        self.profanity(insult_spans)
        self.promotion()
        self.speaking()
        self.sensitive()
        return list(self.out)

    def confidential(self) -> None:
        for hit in self.hits["code_names"]:
            self.add("confidential-information", "code-name", *self.span(hit))
        hits = self.hits["confidential"]
        by_label: dict[str, list[Hit]] = {}
        for hit in hits:
            by_label.setdefault(hit.label, []).append(hit)
        for hit in by_label.get("unreleased", []):
            self.add("confidential-information", "unreleased", *self.span(hit))
        for hit in by_label.get("customer_data", []):
            self.add("confidential-information", "internal", *self.span(hit))
        # A launch or date next to one of our products: telling about a release before the company.
        products = [h for h in self.company_hits if h.label == "product"]
        anchors = self.index(products + by_label.get("new_product", []))
        product_index = self.index(products)
        for hit in by_label.get("launch", []) + by_label.get("launch_date", []):
            product = self.near(hit, anchors if hit.label == "launch" else product_index, 12, sentences=1)
            if product is not None:
                self.add("confidential-information", "launch", *self.joined(product, hit))
        # Internal material: "internal memo", "interne cijfers", "for internal use only".
        documents = self.index(self.hits["documents"])
        for hit in self.hits["internal"]:
            if len(hit.entry.split()) >= 2:
                self.add("confidential-information", "internal", *self.span(hit))
                continue
            following = documents.first_starting(hit.last + 1, hit.last + 3, self.sentence(hit))
            if following is not None:
                self.add("confidential-information", "internal", *self.joined(hit, following))
        # Financial figures before publication.
        financial = self.hits["financial"]
        if financial:
            unpublished = self.index(self.hits["unpublished"])
            changes = self.index(self.hits["changes"])
            public = _PUBLISHED_RE.search(self.text) is not None
            for hit in financial:
                cue = self.near(hit, unpublished, 20, sentences=1)
                if cue is not None:
                    self.add("confidential-information", "financial", *self.joined(hit, cue))
                    continue
                # "our margin is way above forecast": an actual result of ours, not yet published.
                change = self.near(hit, changes, 8)
                if change is not None and not public and self._ours(hit):
                    self.add("confidential-information", "financial", *self.joined(hit, change))
        # Photos of screens, whiteboards and badges.
        photos = by_label.get("photo", [])
        if photos:
            screens = self.index(self.hits["screens"])
            for hit in photos:
                # "Kijkje in onze vergaderzaal na de sessie (let niet op het whiteboard)": a sentence on.
                looks = any(t.word in _LOOK_WORDS for t in self.tokens[hit.first:hit.last + 1])
                screen = self.near(hit, screens, 15, sentences=1) if looks else self.near(hit, screens, NEAR)
                if screen is not None:
                    self.add("confidential-information", "photo", *self.joined(hit, screen))

    def _ours(self, hit: Hit) -> bool:
        """Whether the sentence of `hit` is about our company ("our", "onze", "we", or its name)."""
        sentence = self.sentence(hit)
        if sentence in self.company_sentences:
            return True
        return any(t.word in _OURS for t in self.tokens[max(0, hit.first - 12):hit.last + 12]
                   if t.sentence == sentence)

    def personal_data(self) -> None:
        text = self.text
        # The spans taken so far never overlap, so sorted by start they are sorted by end too: only the
        # last one starting before `end` can overlap [start, end).
        taken_starts: list[int] = []
        taken_ends: list[int] = []

        def free(start: int, end: int) -> bool:
            k = bisect.bisect_left(taken_starts, end) - 1
            return k < 0 or taken_ends[k] <= start

        def take(start: int, end: int) -> None:
            k = bisect.bisect_left(taken_starts, start)
            taken_starts.insert(k, start)
            taken_ends.insert(k, end)

        for start, end in personal.find_emails(text):
            if text[start:end].lower() in (self.e._smm_contact, self.e._smm_contact_normalized):
                continue  # the social media manager's own address is meant to be shared
            take(start, end)
            self.add("personal-data", "email", start, end)
        for start, end in personal.find_ibans(text):
            if free(start, end):
                take(start, end)
                self.add("personal-data", "iban", start, end)
        for start, end in personal.find_bsns(text):
            if free(start, end):
                take(start, end)
                self.add("personal-data", "bsn", start, end)
        for start, end in personal.find_phones(text):
            if free(start, end) and text[start:end].lower() not in self.e._smm_contact:
                take(start, end)
                self.add("personal-data", "phone", start, end)
        addresses = self.addresses()
        address_starts = sorted(a for a, _ in addresses)
        address_ends = sorted(b for _, b in addresses)
        for start, end in addresses:
            if free(start, end):
                take(start, end)
                self.add("personal-data", "address", start, end)
        for start, end in personal.find_postcodes(text):
            if not free(start, end):
                continue
            near_address = _any_within(address_ends, start, 40) or _any_within(address_starts, end, 40)
            after = text[end:end + 30].lstrip(" ,")
            city = bool(after[:1].isupper() and after[:3].isalpha() and not after[:3].isupper())
            if near_address or city:
                take(start, end)
                self.add("personal-data", "address", start, end)
        self.named_people()

    def addresses(self) -> list[tuple[int, int]]:
        """Street plus house number: "Dorpsstraat 22", "Stationsweg 4a", "12 Baker Street"."""
        found: list[tuple[int, int]] = []
        tokens, text = self.tokens, self.text
        for i, token in enumerate(tokens):
            if (i + 1 < len(tokens) and token.capitalised and tokens[i + 1].word.isdigit()
                    and not token.word.isdigit()):
                nxt = tokens[i + 1]
                if (len(nxt.word) <= 4 and not text[token.end:nxt.start].strip()
                        and any(token.word.endswith(s) and len(token.word) > len(s) + 2 for s in self.e._street_nl)):
                    end = nxt.end
                    after = text[end:end + 12].lower()
                    if re.match(r"\s*(?:uur|min|km|jaar|keer|x\b|%|euro|procent|kilo|meter)", after):
                        continue
                    letter = end < len(text) and text[end].isalpha()
                    if letter and (end + 1 == len(text) or not text[end + 1].isalpha()):
                        end += 1  # house number letter: 4a
                    found.append((token.start, end))
            if token.word.isdigit() and len(token.word) <= 4:
                # English: number, one to three capitalised words, the last a street word.
                for j in range(i + 1, min(i + 4, len(tokens) - 1) + 1):
                    if j >= len(tokens) or not tokens[j].capitalised:
                        break
                    if j > i + 1 and tokens[j].word in self.e._street_en:
                        found.append((token.start, tokens[j].end))
                        break
        return found

    def named_people(self) -> None:
        """A role word followed by a name: a named customer, or a named person with private details."""
        tokens, text = self.tokens, self.text
        private = self.index(self.hits["private"])
        in_company = {i for h in self.company_hits for i in range(h.first, h.last + 1)}
        for hit in self.hits["roles"]:
            name_first = hit.last + 1
            if name_first >= len(tokens) or text[tokens[hit.last].end:tokens[name_first].start].strip(" ,.:") != "":
                continue
            j = name_first
            last_name = -1
            while j < len(tokens) and j - name_first < 5:
                tok = tokens[j]
                between = text[tokens[j - 1].end:tok.start]
                if between.strip(" ") not in ("", ".") and j > name_first:
                    break
                if tok.capitalised and tok.word.isalpha() and tok.word not in _NOT_NAMES:
                    last_name = j
                elif tok.word in _TUSSENVOEGSELS and (last_name >= 0 or hit.label == "customer"):
                    pass
                else:
                    break
                j += 1
            if last_name < 0:
                continue
            if name_first in in_company:
                continue
            start, end = tokens[hit.first].start, tokens[last_name].end
            name_hit = Hit(hit.first, last_name, "name", "")
            if hit.label == "customer":
                self.add("personal-data", "named-customer", start, end)
                continue
            detail = self.near(name_hit, private, 20, sentences=1, min_first=hit.last + 1)
            if detail is not None:
                self.add("personal-data", "private-detail", *self.joined(name_hit, detail))

    def insults(self) -> list[tuple[int, int]]:
        """Insults aimed at the employer, colleagues, customers or competitors."""
        e = self.e
        targets = self.hits["targets"] + self.company_hits
        if not self._about_work():
            targets = [t for t in targets if t.label != "people"]
        spans: list[tuple[int, int]] = []
        target_index = self.index(targets)
        for hit in self.hits["insults"]:
            target = self.near(hit, target_index, TARGET_WINDOW, disjoint=True)
            if target is None and (self._has_pronoun(hit) or self._sentence_length(hit) <= 6):
                target = self.near(hit, target_index, 40, sentences=1, disjoint=True)
                if target is not None and self.sentence(target) > self.sentence(hit):
                    target = None  # a pronoun points back, not forward
            if target is None:
                continue
            start, end = self.span(hit)
            spans.append((start, end))
            self.add("insulting-language", "insult", start, end, target=self._target_name(target))
        spans += self._collective_insults(target_index)
        spans += self._metaphors(target_index)
        spans += self._sarcasm(target_index)
        spans += self._superlatives(target_index)
        # Dutch compounds: "kutbedrijf", "klotebaas", "rotklant".
        starts = e._compound_starts
        for token in self.tokens:
            if token.word[:3] not in starts:
                continue
            for prefix in e._compound_prefixes:
                rest = token.word[len(prefix):]
                if token.word.startswith(prefix) and len(rest) >= 3 and self._is_target_word(rest):
                    spans.append((token.start, token.end))
                    category = self._target_category(rest)
                    self.add("insulting-language", "insult", token.start, token.end,
                             target=self._category_name(category))
                    break
        return spans

    def _collective_insults(self, targets: _Index) -> list[tuple[int, int]]:
        """"Stelletje prutsers", "bende amateurs", "bunch of clowns": an insult aimed at a group. It counts
        when a target or the company's names are in the post (within two sentences) or it is about work."""
        heads = self.hits["collective"]
        if not heads:
            return []
        nouns = self.index(self.hits["insults"] + self.hits["collective_nouns"])
        spans: list[tuple[int, int]] = []
        for head in heads:
            noun = nouns.first_starting(head.last + 1, head.last + 3, self.sentence(head))
            if noun is None:
                continue
            target = self.near(head, targets, 10_000, sentences=2)
            if target is None and not self._about_work():
                continue
            start, end = self.joined(head, noun)
            spans.append((start, end))
            name = self._target_name(target) if target is not None else self._category_name("people")
            self.add("insulting-language", "insult", start, end, target=name)
        return spans

    def _aimed(self, hit: Hit, targets: _Index) -> Hit | None:
        """The target `hit` is aimed at: within TARGET_WINDOW words, or in a short sentence or one with a
        pronoun, the closest in the same or the previous sentence."""
        target = self.near(hit, targets, TARGET_WINDOW, disjoint=True)
        if target is None and (self._has_pronoun(hit) or self._sentence_length(hit) <= 6):
            target = self.near(hit, targets, 40, sentences=1, disjoint=True)
            if target is not None and self.sentence(target) > self.sentence(hit):
                target = None  # a pronoun points back, not forward
        return target

    def _metaphors(self, targets: _Index) -> list[tuple[int, int]]:
        """"Their helpdesk is run by actual potatoes", "die klanten zijn net kleuters": a target compared
        to animals or objects (a head, then within three words a metaphor noun), aimed at a target."""
        heads = self.hits["metaphor_heads"]
        if not heads:
            return []
        nouns = self.index(self.hits["metaphor_nouns"])
        spans: list[tuple[int, int]] = []
        for head in heads:
            noun = nouns.first_starting(head.last + 1, head.last + 3, self.sentence(head))
            if noun is None:
                continue
            target = self._aimed(head, targets)
            if target is None:
                continue
            start, end = self.joined(head, noun)
            spans.append((start, end))
            self.add("insulting-language", "insult", start, end, target=self._target_name(target))
        return spans

    def _sarcasm(self, targets: _Index) -> list[tuple[int, int]]:
        """"Shoutout to the genius customer who asked why it wouldn't charge": praise within two words of a
        target, with a mistake or question held up for ridicule in that sentence or the next two."""
        praise = self.hits["sarcasm"]
        if not praise or not self.hits["ridicule"]:
            return []
        ridicule = self.index(self.hits["ridicule"])
        spans: list[tuple[int, int]] = []
        for hit in praise:
            target = self.near(hit, targets, 2, disjoint=True)
            if target is None or self.near(hit, ridicule, 40, sentences=2) is None:
                continue
            start, end = self.joined(hit, target)
            spans.append((start, end))
            self.add("insulting-language", "insult", start, end, target=self._target_name(target))
        return spans

    def _superlatives(self, targets: _Index) -> list[tuple[int, int]]:
        """"Worst employer in the country", "slechtste werkgever", "RailCo is by far the worst": a derogatory
        superlative right before a target word, or shortly after the company's or a competitor's name."""
        sups = self.hits["superlatives"]
        if not sups:
            return []
        tokens = self.tokens
        names = self.index([h for h in self.company_hits if h.label in ("company", "competitor")])
        spans: list[tuple[int, int]] = []
        for sup in sups:
            sentence = self.sentence(sup)
            target = targets.first_starting(sup.last + 1, sup.last + 2, sentence)
            if target is not None and target.last + 1 < len(tokens) and tokens[target.last + 1].word in _SERVICE_WORDS:
                target = None  # "worst customer service": about a service, not the people
            if target is None:
                before = [n for n in names.ending_in(sup.first - 5, sup.first - 1) if self.sentence(n) == sentence]
                nxt = tokens[sup.last + 1] if sup.last + 1 < len(tokens) else None
                if before and (nxt is None or nxt.sentence != sentence or nxt.word in _AFTER_SUPERLATIVE):
                    target = before[-1]
            if target is None:
                continue
            start, end = self.joined(sup, target)
            spans.append((start, end))
            self.add("insulting-language", "insult", start, end, target=self._target_name(target))
        return spans

    def _about_work(self) -> bool:
        """Whether the post is about work or the company (its names, or work words)."""
        if self._work is None:
            self._work = bool(self.own_hits) or bool(self.hits["work_context"]) or any(
                t.label != "people" for t in self.hits["targets"])
        return self._work

    def _sentence_length(self, hit: Hit) -> int:
        sentence = self.sentence(hit)
        return sum(1 for t in self.tokens[max(0, hit.first - 8):hit.last + 8] if t.sentence == sentence)

    def _has_pronoun(self, hit: Hit) -> bool:
        if self._pronoun_sentences is None:
            self._pronoun_sentences = {t.sentence for t in self.tokens if t.word in _PRONOUNS}
        return self.sentence(hit) in self._pronoun_sentences

    def _is_target_word(self, word: str) -> bool:
        known = self._target_word_cache.get(word)
        if known is None:
            e = self.e
            # A target word, or starting with one of at least 4 letters: look its prefixes up in the set.
            known = word in e._target_words or any(
                word[:n] in e._target_words for n in e._target_prefix_lengths if n <= len(word))
            self._target_word_cache[word] = known
        return known

    def _target_category(self, word: str) -> str:
        found = self.e._targets.find(tokenize(word))
        return found[0].label if found else "employer"

    def _target_name(self, target: Hit) -> str:
        if target.label in ("company", "product"):
            return self.e.company_name
        if target.label == "competitor" and target.entry and not target.entry.endswith("*"):
            if target in self.company_set:
                return self.text[slice(*self.span(target))]
            return self._category_name("competitor")
        return self._category_name(target.label)

    def _category_name(self, category: str) -> str:
        nl, en = TARGETS.get(category, TARGETS["employer"])
        return nl if self.lang == "nl" else en

    def discrimination(self) -> None:
        for hit in self.hits["discrimination"]:
            self.add("discrimination", "slur" if hit.label == "slur" else "discriminatory", *self.span(hit))
        groups = self.hits["groups"] + self._age_groups()
        if not groups:
            return
        cues = self.index(self.hits["cues"] + self.hits["insults"])
        exclusions = self.index(self.hits["exclusion"])
        after = self.index(self.hits["group_cues"])
        # A sentence against racism, hate or exclusion names groups and cues without generalising.
        counter = {self.sentence(h) for h in self.hits["counter"]}
        blocked = counter | {self.sentence(h) for h in self.hits["neutral"]}
        predicates = self.index(self.hits["predicates"])
        stereotypes = self.index(self.hits["stereotypes"])
        # For stereotype cues, a neutral word inside the cue itself ("ervaring leert") does not count.
        covered = {i for h in self.hits["stereotypes"] for i in range(h.first, h.last + 1)}
        soft_blocked = counter | {self.sentence(h) for h in self.hits["neutral"]
                                  if not any(i in covered for i in range(h.first, h.last + 1))}
        groups = [g for g in groups if not self._one_person(g)]
        for hit in groups:
            before = exclusions.ending_in(hit.first - 2, hit.first - 1)
            if before:
                self.add("discrimination", "discriminatory", *self.joined(before[0], hit))
                continue
            if self.sentence(hit) in counter:
                continue
            cue = self.near(hit, cues, 25, sentences=1, disjoint=True)
            if cue is not None and self.sentence(cue) >= self.sentence(hit) and self.sentence(cue) not in counter:
                self.add("discrimination", "discriminatory", *self.joined(hit, cue))
                continue
            cue = self.near(hit, after, 10, min_first=hit.last + 1)
            if cue is not None:
                self.add("discrimination", "discriminatory", *self.joined(hit, cue))
                continue
            cue = self._predicate(hit, predicates, blocked)
            if cue is not None:
                self.add("discrimination", "discriminatory", *self.joined(hit, cue))
                continue
            cue = self._stereotype(hit, stereotypes, soft_blocked)
            if cue is not None:
                self.add("discrimination", "discriminatory", *self.joined(hit, cue))

    def _one_person(self, group: Hit) -> bool:
        """"Mijn vrouw", "his wife": a singular gender word after a possessive is one person, not a group."""
        if group.first == 0 or group.first != group.last:
            return False
        word = self.tokens[group.first].word
        return word in _SINGULAR_PERSON and self.tokens[group.first - 1].word in _POSSESSIVES

    def _stereotype(self, group: Hit, stereotypes: _Index, blocked: set[int]) -> Hit | None:
        """An implicit exclusion or stereotype cue within 25 words of `group`, in its sentence or the one
        before or after; neither sentence neutral, warm or against discrimination."""
        if not stereotypes.hits or self.sentence(group) in blocked:
            return None
        cue = self.near(group, stereotypes, 25, sentences=1, disjoint=True)
        if cue is None or self.sentence(cue) in blocked:
            return None
        return cue

    def _age_groups(self) -> list[Hit]:
        """Age groups written with numbers ("people over 55", "mensen boven de 55", "55-plussers")."""
        found = []
        text = self.text
        for match in _AGE_NUMBER_RE.finditer(text):
            start, end = match.span()
            window = max(0, start - 60)
            before = _AGE_BEFORE_RE.search(text, window, start)
            after = _AGE_AFTER_RE.match(text, end)
            plural = after is not None and after.group(0).lower() == "s"
            if before is not None and before.group(0).lower().startswith("over") and not plural:
                continue  # "over 55" alone is a count ("over 55 orders"); "over-55s" is a group
            if before is None and (after is None or plural):
                continue
            if before is not None:
                start = before.start()
            if after is not None:
                end = after.end()
            first = self.token_at(start)
            found.append(Hit(first, max(first, self.token_at(end - 1)), "group", text[start:end]))
        return found

    def _predicate(self, group: Hit, predicates: _Index, blocked: set[int]) -> Hit | None:
        """A capability or exclusion predicate about `group`: in its sentence within 12 words, or a
        short next sentence answering it ("Homo's met kinderen laten werken? Lijkt me geen goed idee.").
        Not in a sentence that speaks against discrimination or mentions the group neutrally or warmly."""
        if not predicates.hits:
            return None
        sentence = self.sentence(group)
        if sentence in blocked:
            return None
        found = self.near(group, predicates, 12, disjoint=True)
        if found is not None:
            return found
        if sentence + 1 in blocked or self._sentence_size(sentence + 1) > 10:
            return None
        # The first predicate of the next sentence that does not overlap the group.
        low = bisect.bisect_left(self.sent, sentence + 1)
        high = bisect.bisect_right(self.sent, sentence + 1) - 1
        for p in predicates.starting_in(low, high):
            if p.last < group.first or p.first > group.last:
                return p
        return None

    def _sentence_size(self, sentence: int) -> int:
        if self._sentence_sizes is None:
            sizes: dict[int, int] = {}
            for t in self.tokens:
                sizes[t.sentence] = sizes.get(t.sentence, 0) + 1
            self._sentence_sizes = sizes
        return self._sentence_sizes.get(sentence, 0)

    def profanity(self, insult_spans: list[tuple[int, int]]) -> None:
        # Whether a span overlaps an insult: of the insults starting before its end, the furthest end.
        ordered = sorted(insult_spans)
        span_starts = [s for s, _ in ordered]
        furthest: list[int] = []
        for _, e in ordered:
            furthest.append(max(e, furthest[-1]) if furthest else e)
        for hit in self.hits["profanity"]:
            start, end = self.span(hit)
            k = bisect.bisect_left(span_starts, end) - 1
            if k >= 0 and furthest[k] > start:
                continue
            self.add("profanity", "profanity", start, end)

    def promotion(self) -> None:
        if not self.own_hits:
            return
        if self.hits["disclosure"]:
            return
        promos = self.hits["promo"]
        for match in _OFFER_RE.finditer(self.text):
            index = self.token_at(match.start())
            promos.append(Hit(index, max(index, self.token_at(match.end() - 1)), "promo", match.group(0)))
        if not promos:
            return
        products = [h for h in self.own_hits if h.label == "product"]
        promo_index = self.index(promos)
        for product in products:
            cue = self.near(product, promo_index, 10_000, sentences=10_000)
            if cue is not None:
                self.add("undisclosed-promotion", "promotion", *self.joined(product, cue))
                return
        strong = self.index([p for p in promos if p.label == "promo"])
        for name in self.own_hits:
            cue = self.near(name, strong, 30, sentences=1)
            if cue is not None:
                self.add("undisclosed-promotion", "promotion", *self.joined(name, cue))
                return

    def speaking(self) -> None:
        for hit in self.hits["official"]:
            self.add("speaking-on-behalf", "official", *self.span(hit))
        self._company_statements()
        weak = self.hits["with_company"]
        if not weak:
            return
        anchors = self.index([h for h in self.own_hits if h.label == "company"] + self.hits["company_words"])
        for hit in weak:
            anchor = self.near(hit, anchors, 20, sentences=1)
            if anchor is not None:
                self.add("speaking-on-behalf", "official", *self.joined(hit, anchor))

    def _company_statements(self) -> None:
        """The company as the subject of a future or official verb: "Our hospital will …", "Noordlicht
        gaat vanaf maart …", "Onze organisatie heeft besloten …"."""
        if not self.hits["statement_verbs"]:
            return
        verbs = self.index(self.hits["statement_verbs"])
        tokens = self.tokens
        subjects = [h for h in self.own_hits if h.label == "company"
                    and not (h.first > 0 and tokens[h.first - 1].word in _PREPOSITIONS
                             and tokens[h.first - 1].sentence == tokens[h.first].sentence)]
        for org in self.hits["org_nouns"]:
            for back in (1, 2):
                i = org.first - back
                if (i >= 0 and tokens[i].word in ("our", "onze", "ons")
                        and tokens[i].sentence == tokens[org.first].sentence):
                    subjects.append(Hit(i, org.last, "org", org.entry))
                    break
        for subject in subjects:
            verb = verbs.first_starting(subject.last + 1, subject.last + 2, self.sentence(subject))
            if verb is not None:
                self.add("speaking-on-behalf", "official", *self.joined(subject, verb))

    def sensitive(self) -> None:
        companies = self.index([h for h in self.company_hits if h.label in ("company", "competitor")])
        for hit in self.hits["deals"]:
            # "RailCo wants to take us over": a takeover near the company's or a competitor's name.
            if self.near(hit, companies, 8) is not None:
                self.add("sensitive-topic", "sensitive", *self.span(hit))
        hits = self.hits["topics"]
        if not hits:
            return
        context: bool | None = None
        tokens = self.tokens
        for hit in hits:
            if self._team_name(hit, tokens):
                continue
            if hit.label == "weak":
                if context is None:
                    context = self._about_work()
                if not context:
                    continue
            self.add("sensitive-topic", "sensitive", *self.span(hit))


    @staticmethod
    def _team_name(hit: Hit, tokens: Sequence[Token]) -> bool:
        """"Storingsteam", "storingsdienst", "outage team": a department named after incidents, not one."""
        word = tokens[hit.last].word
        if any(word.endswith(s) and len(word) > len(s) + 3 for s in _TEAM_SUFFIXES):
            return True
        nxt = hit.last + 1
        return (hit.first == hit.last and nxt < len(tokens) and tokens[nxt].sentence == tokens[hit.last].sentence
                and tokens[nxt].word in _TEAM_WORDS)


def _short(excerpt: str, limit: int = 80) -> str:
    flat = " ".join(excerpt.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_Raw = tuple[str, str, int, int, dict[str, str]]  # rule, kind, start, end, message values


def _dedupe(findings: list[_Raw]) -> list[_Raw]:
    """One finding per place and rule: overlapping findings of the same rule keep the first, longest;
    at most MAX_FINDINGS_PER_RULE per rule, the first in the post."""
    ordered = sorted(findings, key=lambda f: (f[2], -(f[3] - f[2]), f[0]))
    kept: list[_Raw] = []
    last_end: dict[str, int] = {}
    count: dict[str, int] = {}
    for finding in ordered:
        rule, _, start, end, _ = finding
        if start < last_end.get(rule, -1):
            continue
        if count.get(rule, 0) >= MAX_FINDINGS_PER_RULE:
            continue
        kept.append(finding)
        last_end[rule] = end
        count[rule] = count.get(rule, 0) + 1
    return kept


def _any_within(ordered: list[int], value: int, distance: int) -> bool:
    """Whether the sorted list has a number within `distance` of `value`."""
    k = bisect.bisect_left(ordered, value - distance)
    return k < len(ordered) and ordered[k] <= value + distance
