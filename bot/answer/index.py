"""A small search index over a policy pack, built once when the engine starts.

Per language, each section is one document made of weighted fields (title, keywords, summary,
body, FAQ questions, FAQ answers) and ranked with BM25F; the per-term, per-section contributions are
computed at build time, so a question costs a few dictionary look-ups per word. Words the pack does
not know are split into known Dutch compound parts or matched to a known word with a small typo
distance (cached). Company names, products, competitors and code names are replaced by neutral
tokens, so one company's names never skew another's answers.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz import process as fuzz_process

from bot.answer import cache as index_cache
from bot.answer.classifier import SectionClassifier, features
from bot.answer.lexicon import BUILTIN_SYNONYMS, NEUTRAL_FALLBACK
from bot.policy import Faq, PolicyPack
from bot.text.tokens import ALL_STOPWORDS, fold, stemmer_for, words

# Field weights and length normalisation (BM25F). Titles, keywords and FAQ questions say what a
# section is about; the body says it at length.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 3.0, "keywords": 2.5, "summary": 1.5, "faq_q": 2.0, "faq_a": 0.8, "body": 1.0,
}
FIELD_B: dict[str, float] = {
    "title": 0.3, "keywords": 0.3, "summary": 0.5, "faq_q": 0.6, "faq_a": 0.7, "body": 0.75,
}
K1 = 8.0
COMPOUND_PART_WEIGHT = 0.6
VARIANT_WEIGHT = 0.5
SYNONYM_WEIGHT = 0.7
COMMON_IDF = 0.25  # a stem this common (in most sections) says nothing about the topic
MIN_PART = 3
LABEL_FIELDS = ("title", "keywords", "summary", "faq_q")  # the pack's own labelled examples of a section

NEUTRAL_TOKENS = {
    "names": "qqcompany", "products": "qqproduct",
    "competitors": "qqcompetitor", "confidential": "qqcodename",
}


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section's body (list items carry their heading), for composing answers."""

    section_id: str
    language: str
    position: int
    text: str
    stems: frozenset[str]


@dataclass(frozen=True)
class FaqQuestion:
    """One phrasing of a FAQ question, with its stems, pointing to its entry."""

    faq: Faq
    language: str
    stems: frozenset[str]
    text: str = ""


@dataclass(frozen=True)
class QueryTerm:
    """A stem the question asks for, the word it came from, and how much it counts.

    Terms of one `group` are alternatives (a word, its inflections, its synonyms): a section scores the
    best of them, not their sum, so a word with many synonyms does not outweigh the rest of the question.
    """

    stem: str
    word: str
    weight: float
    known: bool
    group: str = ""
    expansion: bool = False  # added for the question (inflection, synonym), not said in it

    @property
    def key(self) -> str:
        """The group this term counts in."""
        return self.group or self.word


@dataclass
class LanguageIndex:
    """Everything searchable in one language."""

    language: str
    section_ids: list[str] = field(default_factory=list)
    term_scores: dict[str, dict[str, float]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    section_stems: dict[str, frozenset[str]] = field(default_factory=dict)
    topic_stems: frozenset[str] = frozenset()
    surface: dict[str, str] = field(default_factory=dict)
    surface_list: list[str] = field(default_factory=list)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)
    faq_questions: list[FaqQuestion] = field(default_factory=list)
    synonyms: list[tuple[bool, tuple[tuple[str, ...], ...]]] = field(default_factory=list)
    vocab: frozenset[str] = frozenset()
    passage_scores: dict[str, dict[int, float]] = field(default_factory=dict)
    passage_sections: list[str] = field(default_factory=list)
    faq_postings: dict[str, list[int]] = field(default_factory=dict)
    synonym_starts: dict[str, list[tuple[int, tuple[str, ...]]]] = field(default_factory=dict)
    faq_norms: list[float] = field(default_factory=list)
    max_idf: float = 1.0
    classifier: SectionClassifier = field(default_factory=SectionClassifier)
    _unknown_cache: dict[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    _variant_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _initials: dict[str, list[str]] = field(default_factory=dict)

    def stem(self, word: str) -> str:
        """The stem of a folded word in this language (neutral tokens stay as they are)."""
        if word.startswith("qq"):
            return word
        return stemmer_for(self.language)(word)

    def resolve(self, word: str) -> tuple[tuple[str, float], ...]:
        """Known stems for a word the index lacks: compound parts, else the nearest known word.

        Returns (stem, weight) pairs; empty when nothing close is known. Cached per word.
        """
        cached = self._unknown_cache.get(word)
        if cached is not None:
            return cached
        result: tuple[tuple[str, float], ...] = ()
        parts = self._split_compound(word) if self.language == "nl" else None
        if parts:
            result = tuple((self.stem(p), COMPOUND_PART_WEIGHT + 0.2 * (i == len(parts) - 1))
                           for i, p in enumerate(parts))
        elif len(word) >= 5 and not word.isdigit():
            cutoff = 84.0 if len(word) >= 7 else 88.0
            # Typos rarely hit the first letter; requiring it keeps "opgenomen" from becoming "genomen".
            same_start = self._by_initial().get(word[0], [])
            match = fuzz_process.extractOne(word, same_start, scorer=fuzz.ratio, score_cutoff=cutoff)
            if match is not None:
                result = ((self.surface[match[0]], 0.9),)
        if len(self._unknown_cache) < 50_000:
            self._unknown_cache[word] = result
        return result

    def variants(self, word: str) -> tuple[str, ...]:
        """Stems of the pack's words that share the start of `word` ("reageer" → "reageren", "reageert").

        Snowball leaves many Dutch verb forms apart; this joins them softly. Cached per word.
        """
        cached = self._variant_cache.get(word)
        if cached is not None:
            return cached
        result: tuple[str, ...] = ()
        if len(word) >= 6 and not word.startswith("qq"):
            prefix = word[:max(5, len(word) - 3)]
            start = bisect.bisect_left(self.surface_list, prefix)
            own = self.stem(word)
            found: dict[str, None] = {}
            for candidate in self.surface_list[start:start + 50]:
                if not candidate.startswith(prefix):
                    break
                stem = self.surface[candidate]
                if stem != own:
                    found[stem] = None
            result = tuple(found)
        if len(self._variant_cache) < 50_000:
            self._variant_cache[word] = result
        return result

    def _by_initial(self) -> dict[str, list[str]]:
        if not self._initials:
            for word in self.surface_list:
                self._initials.setdefault(word[0], []).append(word)
        return self._initials

    def _known_word(self, word: str) -> bool:
        return len(word) >= MIN_PART and word in self.surface  # no stemming here: Dutch Snowball is slow

    def _split_compound(self, word: str, depth: int = 0) -> list[str] | None:
        """Split a Dutch compound into known words, longest head first ("socialemediabeleid")."""
        if len(word) < 2 * MIN_PART or depth > 2:
            return None
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if not self._known_word(head):
                continue
            candidates = [tail]
            if tail[:1] in ("s", "e") and len(tail) > MIN_PART + 1:
                candidates.append(tail[1:])
            for candidate in candidates:
                if self._known_word(candidate):
                    return [head, candidate]
                rest = self._split_compound(candidate, depth + 1)
                if rest:
                    return [head, *rest]
        return None


def _strip_markdown(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return re.sub(r"\s+", " ", text).strip()


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'“‘(])")


def split_sentences(body: str) -> list[str]:
    """The body as readable sentences; list items become "Heading: item" so they stand alone."""
    out: list[str] = []
    heading = ""
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = _strip_markdown(" ".join(paragraph))
            out.extend(s.strip() for s in _SENTENCE_END.split(text) if s.strip())
            paragraph.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            flush()
            heading = _strip_markdown(line.lstrip("#"))
            continue
        item = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if item:
            flush()
            text = _strip_markdown(item.group(1))
            if text and text[-1] not in ".!?":
                text += "."
            out.append((heading.rstrip(":") + ": " if heading else "") + text)
            continue
        paragraph.append(line)
    flush()
    return out


class NameNormaliser:
    """Replaces the company's names, products, competitors and code names by neutral tokens."""

    def __init__(self, pack: PolicyPack) -> None:
        company = pack.company
        groups = {
            "names": company.all_names,
            "products": company.products,
            "competitors": company.competitors,
            "confidential": company.confidential_terms,
        }
        replacement: dict[str, str] = {}
        for group, names in groups.items():
            for name in names:
                folded = fold(name).strip()
                if folded and folded not in replacement:
                    replacement[folded] = NEUTRAL_TOKENS[group]
        self._replacement = replacement
        if replacement:
            alternatives = "|".join(re.escape(n) for n in sorted(replacement, key=len, reverse=True))
            pattern = rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])"
            self._pattern: re.Pattern[str] | None = re.compile(pattern)
        else:
            self._pattern = None

    def __call__(self, text: str) -> str:
        """`text` folded, with every known name replaced by its neutral token."""
        folded = fold(text)
        if self._pattern is None:
            return folded
        return self._pattern.sub(lambda m: " " + self._replacement[m.group(0)] + " ", folded)


class PackIndex:
    """The searchable form of a policy pack, in each of its languages."""

    def __init__(self, pack: PolicyPack, *, use_cache: bool = True) -> None:
        self.pack = pack
        self.normalise = NameNormaliser(pack)
        key = pack.content_hash[:32]
        cached = index_cache.load(key) if use_cache and key else None
        if isinstance(cached, dict) and set(cached) == set(pack.languages):
            self.languages: dict[str, LanguageIndex] = cached
            self.from_cache = True
        else:
            self.languages = {lang: self._build(lang) for lang in pack.languages}
            self.from_cache = False
            if use_cache and key:
                index_cache.save(key, self.languages)

    def tokens(self, text: str) -> list[str]:
        """The words of `text` with names made neutral, folded, stop words kept."""
        return list(words(self.normalise(text)))

    def _content_stems(self, index: LanguageIndex, text: str) -> list[str]:
        return [index.stem(w) for w in self.tokens(text) if w not in ALL_STOPWORDS]

    def _build(self, lang: str) -> LanguageIndex:
        index = LanguageIndex(language=lang)
        fields: dict[str, dict[str, dict[str, float]]] = {}
        surface: dict[str, str] = {}
        passages: list[tuple[str, list[str]]] = []
        all_feats: dict[str, dict[str, float]] = {}
        examples: list[tuple[str, dict[str, float]]] = []
        labels: dict[str, dict[str, float]] = {}
        for section in self.pack.sections.values():
            text = section.text(lang)
            index.section_ids.append(section.id)
            texts: dict[str, list[str]] = {
                "title": [text.title],
                "keywords": list(text.keywords),
                "summary": [text.summary],
                "body": [text.body],
                "faq_q": [q for faq in section.faqs for q in faq.questions.get(lang, ())],
                "faq_a": [faq.answers[lang] for faq in section.faqs if lang in faq.answers],
            }
            per_field: dict[str, dict[str, float]] = {}
            section_feats: dict[str, float] = defaultdict(float)
            label_feats: dict[str, float] = defaultdict(float)
            for name, chunks in texts.items():
                counter: dict[str, float] = defaultdict(float)
                for chunk in chunks:
                    content = [w for w in self.tokens(chunk) if w not in ALL_STOPWORDS]
                    stems = [index.stem(w) for w in content]
                    for word, stem in zip(content, stems, strict=True):
                        counter[stem] += 1.0
                        if not word.startswith("qq"):
                            surface.setdefault(word, stem)
                    chunk_feats = features(stems, content)
                    for feat, count in chunk_feats.items():
                        section_feats[feat] += count
                    if name in LABEL_FIELDS:
                        for feat, count in chunk_feats.items():
                            label_feats[feat] += count
                        if name != "summary":
                            examples.append((section.id, chunk_feats))
                per_field[name] = counter
            all_feats[section.id] = section_feats
            labels[section.id] = label_feats
            fields[section.id] = per_field
            index.sentences[section.id] = [
                Sentence(section.id, lang, i, s, frozenset(self._content_stems(index, s)))
                for i, s in enumerate(split_sentences(text.body))
            ]
            for faq in section.faqs:
                for question in faq.questions.get(lang, ()):
                    index.faq_questions.append(
                        FaqQuestion(faq, lang, frozenset(self._content_stems(index, question)), question))
                passages.append((section.id, self._content_stems(
                    index, " ".join(faq.questions.get(lang, ())) + " " + faq.answers.get(lang, ""))))
            for paragraph in re.split(r"\n\s*\n", text.body):
                if paragraph.strip():
                    passages.append((section.id, self._content_stems(index, paragraph)))
        index.surface = surface
        index.surface_list = sorted(surface)
        index.vocab = frozenset(s for per_field in fields.values() for c in per_field.values() for s in c)
        self._add_compound_parts(index, fields)
        self._score_terms(index, fields)
        self._score_passages(index, passages)
        index.classifier = SectionClassifier.train(all_feats, examples, labels)
        postings: dict[str, list[int]] = defaultdict(list)
        for number, phrasing in enumerate(index.faq_questions):
            for stem in phrasing.stems:
                postings[stem].append(number)
        index.faq_postings = dict(postings)
        index.faq_norms = [math.sqrt(sum(index.idf.get(s, 0.0) ** 2 for s in q.stems)) for q in index.faq_questions]
        groups = [(False, g) for g in BUILTIN_SYNONYMS.get(lang, ())]
        groups += [(True, g) for g in self.pack.synonyms.get(lang, ())]
        index.synonyms = [
            (always, tuple(tuple(index.stem(w) for w in words(self.normalise(member)) if w not in ALL_STOPWORDS)
                           for member in group))
            for always, group in groups
        ]
        starts: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        for number, (_, members) in enumerate(index.synonyms):
            for member in members:
                if member:
                    starts[member[0]].append((number, member))
        index.synonym_starts = dict(starts)
        return index

    def _add_compound_parts(self, index: LanguageIndex, fields: dict[str, dict[str, dict[str, float]]]) -> None:
        """Dutch compounds in the pack also count, a little, for their parts ("privégebruik" → "gebruik")."""
        if index.language != "nl":
            return
        splits: dict[str, list[str]] = {}
        for word in index.surface_list:
            if len(word) >= 2 * MIN_PART + 1:
                parts = index._split_compound(word)
                if parts:
                    splits[index.surface[word]] = [index.stem(p) for p in parts]
        for per_field in fields.values():
            for counter in per_field.values():
                extra: dict[str, float] = defaultdict(float)
                for stem, count in counter.items():
                    for part in splits.get(stem, ()):
                        extra[part] += count * COMPOUND_PART_WEIGHT
                for part, count in extra.items():
                    counter[part] = counter.get(part, 0.0) + count

    def _score_terms(self, index: LanguageIndex, fields: dict[str, dict[str, dict[str, float]]]) -> None:
        n = len(fields)
        avg_len = {
            name: max(1.0, sum(sum(per_field[name].values()) for per_field in fields.values()) / max(1, n))
            for name in FIELD_WEIGHTS
        }
        df: Counter[str] = Counter()
        for per_field in fields.values():
            df.update({stem for counter in per_field.values() for stem in counter})
        index.idf = {stem: math.log(1 + (n - d + 0.5) / (d + 0.5)) for stem, d in df.items()}
        index.max_idf = max(index.idf.values(), default=1.0)
        topic: set[str] = set()
        scores: dict[str, dict[str, float]] = defaultdict(dict)
        for section_id, per_field in fields.items():
            weighted: dict[str, float] = defaultdict(float)
            for name, counter in per_field.items():
                length = sum(counter.values())
                norm = 1 - FIELD_B[name] + FIELD_B[name] * length / avg_len[name]
                for stem, count in counter.items():
                    weighted[stem] += FIELD_WEIGHTS[name] * count / norm
                if name in ("title", "keywords"):
                    topic.update(counter)
            for stem, tf in weighted.items():
                scores[stem][section_id] = index.idf[stem] * tf * (K1 + 1) / (K1 + tf)
            index.section_stems[section_id] = frozenset(weighted)
        index.term_scores = dict(scores)
        index.topic_stems = frozenset(topic)

    @staticmethod
    def _score_passages(index: LanguageIndex, passages: list[tuple[str, list[str]]]) -> None:
        """Plain BM25 over FAQ entries and paragraphs: rewards a question whose words meet in one place."""
        n = len(passages)
        avg = max(1.0, sum(len(stems) for _, stems in passages) / max(1, n))
        df: Counter[str] = Counter()
        for _, stems in passages:
            df.update(set(stems))
        scores: dict[str, dict[int, float]] = defaultdict(dict)
        for number, (_, stems) in enumerate(passages):
            norm = 0.25 + 0.75 * len(stems) / avg
            for stem, tf in Counter(stems).items():
                idf = math.log(1 + (n - df[stem] + 0.5) / (df[stem] + 0.5))
                scores[stem][number] = idf * tf * 2.2 / (tf + 1.2 * norm)
        index.passage_scores = dict(scores)
        index.passage_sections = [section_id for section_id, _ in passages]

    def query_terms(self, words_: Sequence[str], lang: str, *, fuzzy: bool = True) -> list[QueryTerm]:
        """The stems to look up for a question's content words in `lang`, with synonyms added."""
        index = self.languages[lang]
        terms: list[QueryTerm] = []
        stems_in_order: list[str] = []
        owners: list[str] = []
        for word in words_:
            stem = index.stem(word)
            if word in NEUTRAL_FALLBACK and stem not in index.idf:
                stem = index.stem(NEUTRAL_FALLBACK[word].get(lang, word))
            if stem in index.idf:
                terms.append(QueryTerm(stem, word, 1.0, True))
                stems_in_order.append(stem)
                owners.append(word)
                continue
            resolved = index.resolve(word) if fuzzy and not word.startswith("qq") else ()
            if not resolved:
                terms.append(QueryTerm(stem, word, 1.0, False))
                stems_in_order.append(stem)
                owners.append(word)
                continue
            for number, (part, weight) in enumerate(resolved):
                group = f"{word}#{number}" if len(resolved) > 1 else word
                terms.append(QueryTerm(part, word, weight, part in index.idf, group))
                stems_in_order.append(part)
                owners.append(group)
        present = set(stems_in_order)
        for word in words_:
            for stem in index.variants(word):
                if stem not in present:
                    terms.append(QueryTerm(stem, word, VARIANT_WEIGHT, True, expansion=True))
                    present.add(stem)
        for stem, start, length, weight in _synonym_expansions(index, stems_in_order):
            if stem not in present:
                word = owners[start] if length == 1 else " ".join(owners[start:start + length])
                terms.append(QueryTerm(stem, word.split("#")[0], weight, True, word, expansion=True))
                present.add(stem)
        return terms


def _synonym_expansions(index: LanguageIndex, stems: list[str]) -> list[tuple[str, int, int, float]]:
    """(stem, start, length of the matched phrase, weight) for the synonyms of what the question says.

    The longest phrase wins ("social media manager" is not also "manager"), and a word that occurs in
    nearly every section ("media" in a social media policy) is too common to expand.
    """
    matches: list[tuple[int, int, int, tuple[str, ...]]] = []
    for start, stem in enumerate(stems):
        for number, member in index.synonym_starts.get(stem, ()):
            if tuple(stems[start:start + len(member)]) == member:
                matches.append((len(member), start, number, member))
    claimed: set[int] = set()
    chosen: list[tuple[int, int, tuple[str, ...]]] = []
    for length in sorted({m[0] for m in matches}, reverse=True):
        level = [m for m in matches if m[0] == length and not claimed & set(range(m[1], m[1] + length))]
        for _, start, number, member in level:
            claimed.update(range(start, start + length))
            chosen.append((number, start, member))
    out: list[tuple[str, int, int, float]] = []
    done: set[int] = set()
    for number, start, hit in chosen:
        always, group = index.synonyms[number]
        known = [s for s in hit if s in index.idf]
        if number in done or (known and max(index.idf[s] for s in known) < COMMON_IDF):
            continue
        if not always and len(known) == len(hit):
            continue  # built-in synonyms only bridge words the pack does not use
        done.add(number)
        out.extend((stem, start, len(hit), SYNONYM_WEIGHT / len(member))
                   for member in group if member != hit for stem in member if stem in index.idf)
    return out
