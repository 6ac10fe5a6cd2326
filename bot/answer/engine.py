"""Answer employees' questions from the policy pack, in their language, with sources.

The engine ranks sections with the index (see `bot.answer.index`), then decides how sure it is:
a question counts as covered when most of what it asks about is found in the best section and that
section stands out from the rest. Questions about being online get the benefit of the doubt; questions
about pay, leave, IT or facilities that the pack does not mention go to the human social media
manager instead of getting a guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from bot.answer.classifier import features
from bot.answer.conversation import intent, small_talk
from bot.answer.index import FaqQuestion, PackIndex, QueryTerm, Sentence
from bot.answer.lexicon import MEDIUM_ONLINE, OFF_TOPIC, ONLINE, PROTOCOL, WEAK_ONLINE
from bot.answer.messages import message
from bot.answer.types import Answer, Source
from bot.policy import PolicyPack
from bot.text.lang import language_scores
from bot.text.tokens import ALL_STOPWORDS

OTHER_LANGUAGE_WEIGHT = 0.5   # how much the other language's text counts towards a section's score
FAQ_BONUS = 0.2             # share of the best section score added per unit of squared FAQ similarity
FAQ_EXACT = 0.95             # a question this close to a FAQ phrasing goes to that FAQ's section
FAQ_LEAD_SIMILARITY = 0.5     # above this, the FAQ answer leads the reply
SECOND_SOURCE_RATIO = 0.6     # a second section is cited when it scores at least this share of the first
MAX_SOURCES = 3
PASSAGE_WEIGHT = 0.5         # the best single FAQ entry or paragraph of a section, on top of the section score
GROUP_REST = 0.5            # alternatives of one word (synonyms, inflections) beyond the best count this much
ESCALATE_BELOW = 0.35
UNKNOWN_WORD_FACTOR = 1.2     # an unknown word weighs like a rare word: the pack does not know it
NEAREST_WEIGHT = 0.5          # the classifier's nearest-example cosine, as a share of the best section score
CENTROID_WEIGHT = 2.0         # the classifier's whole-section cosine, likewise
PAIR_MIN = 8                  # two adjacent words joined this long may match an office prefix ("thuis werken")
UNRELATED_PENALTY = 0.15      # confidence lost by a question with no online, office or protocol word
EXPANSION_FEATURE = 0.5       # a synonym or inflection the question did not say counts this much in the classifier


@dataclass(frozen=True)
class _Ranked:
    section_id: str
    score: float


class AnswerEngine:
    """Answers questions from one policy pack. Build once (the index is built here), then call `answer`."""

    def __init__(self, pack: PolicyPack, *, use_cache: bool = True) -> None:
        self.pack = pack
        self.index = PackIndex(pack, use_cache=use_cache)
        smm = pack.company.social_media_manager
        self._smm = {"smm_name": smm.name, "smm_contact": smm.contact}

    # -- public -----------------------------------------------------------------------------------

    def answer(self, text: str, language: str | None = None) -> Answer:
        """Answer `text` in `language` (detected from the text when None).

        Never raises for odd input: an empty or unrecognisable question is escalated. Small talk ("hoi",
        "thanks") gets a short friendly reply and a question about the protocol itself (which topics it has,
        what changed) an overview, neither escalated nor with a guess from the sections.
        """
        kind = intent(text)
        if kind is not None:
            chat = small_talk(text)
            said = chat.language if chat is not None else None
            lang = language if language in self.index.languages else None
            lang = lang or (said if said in self.index.languages else None) or self.detect_language(text)
            if kind == "small_talk" and chat is not None:
                return self.small_talk_answer(chat.kind, lang)
            if kind == "sections":
                return self.sections_answer(lang)
            return self.changes_answer(lang)
        words = self.index.tokens(text)
        content = list(dict.fromkeys(w for w in words if w not in ALL_STOPWORDS))
        lang = language if language in self.index.languages else self.detect_language(text, content)
        if not content or not self.pack.sections:
            return Answer(message("empty", lang, **self._smm), lang, (), 0.0, True,
                          {"reason": "no content words"})

        terms = {code: self.index.query_terms(content, code, fuzzy=code == lang)
                 for code in self.index.languages}
        ranked, faq_best = self._rank(terms, lang)
        top = ranked[0]
        second = ranked[1].score if len(ranked) > 1 else 0.0
        # What the question is about: being online (platforms, posting, the press) or the office (pay,
        # leave, IT, facilities). An office word outweighs the words that are only sometimes about being
        # online (a password, a message, the news), and then only the question's other words count as
        # evidence that the section answers it.
        off_topic = [w for w in content if w in OFF_TOPIC]
        # Two words that name an office topic together ("work from home", "performance review", "e-mail
        # signature"): both words then count as office words, whatever they mean on their own.
        pairs = [(a, b) for a, b in zip(content, content[1:], strict=False)
                 if a + b in OFF_TOPIC.exact or (len(a + b) >= PAIR_MIN and a + b in OFF_TOPIC and not any(
                     w in OFF_TOPIC or w in ONLINE for w in (a, b)))]
        off_topic += [a + b for a, b in pairs] + [w for pair in pairs for w in pair]
        office_words = frozenset(off_topic)
        strong = [w for w in content if w in ONLINE and w not in office_words]
        medium = [w for w in content if w in MEDIUM_ONLINE and w not in office_words]
        weak = [w for w in content if w in WEAK_ONLINE and w not in office_words]
        online = bool(strong) or (bool(weak or medium) and not off_topic)
        office = bool(off_topic) and not strong
        # Nothing online, no office word and nothing the protocol regulates: an everyday question about work.
        unrelated = not (online or office or medium or any(w in PROTOCOL for w in content))
        coverage = self._coverage(content, terms, top.section_id, lang,
                                  exclude=frozenset(off_topic) if office else frozenset())
        margin = (top.score - second) / top.score if top.score > 0 else 0.0
        confidence = self._confidence(coverage, margin, top.score, online, office, bool(medium))
        if unrelated:
            confidence = max(0.0, confidence - UNRELATED_PENALTY)
        details = {
            "coverage": round(coverage, 3), "margin": round(margin, 3), "score": round(top.score, 3),
            "online": online, "off_topic": off_topic, "unrelated": unrelated, "faq": round(faq_best[0], 3),
            "ranking": [(r.section_id, round(r.score, 3)) for r in ranked[:5]],
        }
        if confidence < ESCALATE_BELOW:
            return self._escalation(lang, ranked, confidence, details)
        sources = self._sources(ranked, lang)
        body = self._compose(lang, top.section_id, terms[lang], faq_best, sources)
        return Answer(body, lang, sources, confidence, False, details)

    def detect_language(self, text: str, content: list[str] | None = None) -> str:
        """"nl" or "en": function words first; on a tie, the language whose policy text knows more words."""
        nl, en = language_scores(text)
        if nl != en:
            return "nl" if nl > en else "en"
        if content is None:
            content = [w for w in self.index.tokens(text) if w not in ALL_STOPWORDS]
        if "nl" in self.index.languages and "en" in self.index.languages:
            nl_idx, en_idx = self.index.languages["nl"], self.index.languages["en"]
            nl_only = sum(1 for w in content if w in nl_idx.surface and w not in en_idx.surface)
            en_only = sum(1 for w in content if w in en_idx.surface and w not in nl_idx.surface)
            if nl_only != en_only:
                return "nl" if nl_only > en_only else "en"
        return "en" if "en" in self.index.languages else self.pack.languages[0]

    # -- conversation ------------------------------------------------------------------------------

    def small_talk_answer(self, kind: str, lang: str) -> Answer:
        """A short friendly reply to a greeting, thanks, acknowledgement or goodbye: no sources, no escalation."""
        return Answer(message(f"small_talk.{kind}", lang), lang, (), 1.0, False,
                      {"intent": "small_talk", "kind": kind})

    def sections_answer(self, lang: str) -> Answer:
        """The protocol's topics in `lang`, in the pack's order, each cited as a source."""
        sections = sorted(self.pack.sections.values(), key=lambda s: (s.order, s.id))
        sources = tuple(Source(s.id, s.title(lang), 1.0) for s in sections)
        titles = "; ".join(s.title for s in sources)
        count = str(len(sources))
        return Answer(message("sections.list", lang, count=count, titles=titles), lang, sources, 1.0, False,
                      {"intent": "sections", "lead": message("sections.lead", lang, count=count)})

    def changes_answer(self, lang: str, published: dict[str, Any] | None = None) -> Answer:
        """What changed in the latest published version. `published` is the recorded version: `version`, `when`
        (text) and the change `summary` (added/removed/changed sections with their titles, or `first`); None when
        nothing was recorded, which the answer says, with the version in force. Changed and new sections that
        are still in the pack are the sources."""
        parts = [message("changes.in_force", lang, version=self.pack.version_label)]
        sources: list[Source] = []
        if published is None:
            parts.append(message("changes.none_recorded", lang))
        else:
            summary = published.get("summary") or {}
            if published.get("when"):
                parts.append(message("changes.published", lang, version=str(published.get("version", "")),
                                     when=str(published["when"])))
            if summary.get("first"):
                parts.append(message("changes.first", lang, count=str(summary.get("count", len(self.pack.sections)))))
            else:
                listed = False
                for kind in ("changed", "added", "removed"):
                    items = summary.get(kind) or []
                    if not items:
                        continue
                    titles = []
                    for item in items:
                        sid = str(item.get("id", ""))
                        if kind != "removed" and sid in self.pack.sections:
                            title = self.pack.sections[sid].title(lang)
                            sources.append(Source(sid, title, 1.0))
                        else:
                            recorded = item.get("titles") or {}
                            title = recorded.get(lang) or next(iter(recorded.values()), sid)
                        titles.append(title)
                    parts.append(message(f"changes.{kind}", lang, titles=", ".join(titles)))
                    listed = True
                if not listed:
                    parts.append(message("changes.unchanged", lang))
        return Answer(" ".join(parts), lang, tuple(sources), 1.0, False,
                      {"intent": "changes", "recorded": published is not None})

    # -- ranking ----------------------------------------------------------------------------------

    def _rank(
        self, terms: dict[str, list[QueryTerm]], lang: str
    ) -> tuple[list[_Ranked], tuple[float, FaqQuestion | None]]:
        scores = dict.fromkeys(self.pack.sections, 0.0)
        faq_sims: dict[str, dict[str, float]] = {}
        faq_best: tuple[float, FaqQuestion | None] = (0.0, None)
        for code, query in terms.items():
            index = self.index.languages[code]
            factor = 1.0 if code == lang else OTHER_LANGUAGE_WEIGHT
            best: dict[tuple[str, str], float] = {}
            total: dict[tuple[str, str], float] = {}
            for term in query:
                for section_id, value in index.term_scores.get(term.stem, {}).items():
                    key = (section_id, term.key)
                    best[key] = max(best.get(key, 0.0), term.weight * value)
                    total[key] = total.get(key, 0.0) + term.weight * value
            for key, value in best.items():
                scores[key[0]] += factor * (value + GROUP_REST * (total[key] - value))
            passage: dict[tuple[int, str], float] = {}
            for term in query:
                for number, value in index.passage_scores.get(term.stem, {}).items():
                    pkey = (number, term.key)
                    passage[pkey] = max(passage.get(pkey, 0.0), term.weight * value)
            per_passage: dict[int, float] = {}
            for (number, _), value in passage.items():
                per_passage[number] = per_passage.get(number, 0.0) + value
            best_passage: dict[str, float] = {}
            for number, value in per_passage.items():
                sid = index.passage_sections[number]
                best_passage[sid] = max(best_passage.get(sid, 0.0), value)
            for sid, value in best_passage.items():
                scores[sid] += factor * PASSAGE_WEIGHT * value
            faq_sim = faq_sims.setdefault(code, {})
            for number, sim in self._faq_similarities(query, code).items():
                faq_question = index.faq_questions[number]
                sid = faq_question.faq.section_id
                if sim > faq_sim.get(sid, 0.0):
                    faq_sim[sid] = sim
                if code == lang and sim > faq_best[0]:
                    faq_best = (sim, faq_question)
        # A question phrased like a FAQ entry of a section is strong evidence for it, in proportion to
        # how the sections score at all (so the boost means the same for long and short questions).
        ceiling = max(scores.values(), default=0.0)
        for code, faq_sim in faq_sims.items():
            factor = 1.0 if code == lang else OTHER_LANGUAGE_WEIGHT
            for sid, sim in faq_sim.items():
                scores[sid] += factor * FAQ_BONUS * sim ** 2 * ceiling
        nearest, centroid = self._classify(terms[lang], lang)
        for sid in scores:
            scores[sid] += ceiling * (NEAREST_WEIGHT * nearest.get(sid, 0.0) + CENTROID_WEIGHT * centroid.get(sid, 0.0))
        exact_sim, exact = faq_best
        if exact is not None and exact_sim >= FAQ_EXACT:
            # The pack itself says which section answers this question.
            sid = exact.faq.section_id
            scores[sid] = max(scores[sid], max(scores.values()) * 1.05)
        ranked = sorted((_Ranked(sid, s) for sid, s in scores.items()),
                        key=lambda r: (-r.score, self.pack.sections[r.section_id].order))
        return ranked, faq_best

    def _classify(self, query: list[QueryTerm], lang: str) -> tuple[dict[str, float], dict[str, float]]:
        """The pack-trained classifier's (nearest-example, centroid) cosines for the question."""
        said = [t for t in query if not t.expansion]
        stems = [t.stem for t in said]
        weights = [t.weight for t in said]
        feats = features(stems, dict.fromkeys(t.word for t in said), weights)
        for term in query:
            if term.expansion:
                key = "w:" + term.stem
                feats[key] = max(feats.get(key, 0.0), EXPANSION_FEATURE * term.weight)
        return self.index.languages[lang].classifier.scores(feats)

    def _faq_similarities(self, query: list[QueryTerm], code: str) -> dict[int, float]:
        """Cosine of the idf-weighted word sets of the question and each FAQ phrasing sharing a word."""
        index = self.index.languages[code]
        q_weights: dict[str, float] = {}
        for term in query:
            if term.known and not term.expansion:
                w = term.weight * index.idf.get(term.stem, 0.0)
                q_weights[term.stem] = max(q_weights.get(term.stem, 0.0), w)
        q_norm = math.sqrt(sum(w * w for w in q_weights.values()))
        if not q_norm:
            return {}
        shared: dict[int, float] = {}
        for stem, w in q_weights.items():
            value = w * index.idf.get(stem, 0.0)
            for number in index.faq_postings.get(stem, ()):
                shared[number] = shared.get(number, 0.0) + value
        return {n: v / (q_norm * index.faq_norms[n]) for n, v in shared.items() if v > 0 and index.faq_norms[n]}

    def _coverage(
        self, content: list[str], terms: dict[str, list[QueryTerm]], section_id: str, lang: str,
        exclude: frozenset[str] = frozenset(),
    ) -> float:
        """Share of the question's words (weighted by rarity) that the best section speaks about.

        Words in `exclude` count in the question's total but never as spoken about.
        """
        total = matched = 0.0
        by_word: dict[str, list[tuple[str, QueryTerm]]] = {}
        for code, query in terms.items():
            for term in query:
                by_word.setdefault(term.word, []).append((code, term))
        for word in content:
            entries = by_word.get(word, [])
            known = [(code, t) for code, t in entries if t.known]
            if not known:
                total += self.index.languages[lang].max_idf * UNKNOWN_WORD_FACTOR
                continue
            weight = max(self.index.languages[code].idf.get(t.stem, 0.0) for code, t in known)
            total += weight
            stems = {code: self.index.languages[code].section_stems.get(section_id, frozenset()) for code in terms}
            if word not in exclude and any(t.stem in stems[code] for code, t in known):
                matched += weight
        return matched / total if total else 0.0

    @staticmethod
    def _confidence(
        coverage: float, margin: float, score: float, online: bool, off_topic: bool, shown: bool = False
    ) -> float:
        """0..1: mostly coverage, helped by a clear lead over the next section and by an online topic.

        An office topic costs confidence, a little less when something is shown or shared (`shown`).
        """
        strength = score / (score + 3.0)
        value = 0.55 * coverage + 0.2 * margin * strength + 0.25 * strength
        if online:
            value += 0.2
        elif off_topic:
            value -= 0.2 if shown else 0.3
        return max(0.0, min(1.0, value))

    # -- composing --------------------------------------------------------------------------------

    def _sources(self, ranked: list[_Ranked], lang: str) -> tuple[Source, ...]:
        top = ranked[0].score
        chosen = [r for r in ranked[:MAX_SOURCES] if r.score > 0 and r.score >= SECOND_SOURCE_RATIO * top]
        return tuple(Source(r.section_id, self.pack.sections[r.section_id].title(lang), round(r.score, 3))
                     for r in chosen or ranked[:1])

    def _compose(self, lang: str, section_id: str, query: list[QueryTerm],
                 faq_best: tuple[float, FaqQuestion | None], sources: tuple[Source, ...]) -> str:
        sim, faq_question = faq_best
        parts: list[str] = []
        leads = faq_question is not None and faq_question.faq.section_id == section_id
        if faq_question is not None and leads and sim >= FAQ_LEAD_SIMILARITY:
            parts.append(faq_question.faq.answers.get(lang) or next(iter(faq_question.faq.answers.values())))
        else:
            parts.extend(self._best_sentences(lang, section_id, query))
        titles = [s.title for s in sources[:2]]
        if len(titles) == 2:
            parts.append(message("see_two", lang, first=titles[0], second=titles[1]))
        else:
            parts.append(message("see_one", lang, first=titles[0]))
        return " ".join(parts)

    def _best_sentences(
        self, lang: str, section_id: str, query: list[QueryTerm], limit: int = 2
    ) -> list[str]:
        index = self.index.languages[lang]
        wanted = {t.stem: t.weight * index.idf.get(t.stem, 0.0) for t in query if t.known}
        scored: list[tuple[float, Sentence]] = []
        for sentence in index.sentences.get(section_id, []):
            value = sum(w for s, w in wanted.items() if s in sentence.stems)
            if value > 0:
                scored.append((value, sentence))
        summary = self.pack.sections[section_id].text(lang).summary
        if not scored:
            return [summary] if summary else []
        scored.sort(key=lambda item: (-item[0], item[1].position))
        best = sorted((s for _, s in scored[:limit]), key=lambda s: s.position)
        texts = [s.text for s in best]
        if summary and summary not in texts and scored[0][0] < 1.5 * max(wanted.values(), default=1.0):
            texts.insert(0, summary)
        return texts[:limit + 1]

    def _escalation(
        self, lang: str, ranked: list[_Ranked], confidence: float, details: dict[str, object]
    ) -> Answer:
        text = message("escalate", lang, **self._smm)
        sources: tuple[Source, ...] = ()
        if ranked and ranked[0].score > 0 and confidence >= ESCALATE_BELOW / 2:
            nearest = ranked[0]
            title = self.pack.sections[nearest.section_id].title(lang)
            text = f"{text} {message('escalate_near', lang, title=title)}"
            sources = (Source(nearest.section_id, title, round(nearest.score, 3)),)
        return Answer(text, lang, sources, confidence, True, dict(details))
