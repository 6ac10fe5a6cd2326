"""A supervised section classifier trained, when the index is built, on the pack's own labelled text.

Each section's FAQ phrasings, keywords, title and summary are examples of questions it answers. They are
turned into sparse TF-IDF vectors over stemmed words, stem bigrams ("social media", "working hours" as one
feature) and character 4-grams of the words (Dutch compounds, typos). IDF is computed with the section as
document over all of a section's text, so a word that many sections use ("media", "company") weighs
little and a question that matches a section only through such words gets little from it.

Two scores per section, both cosines in 0..1:

* `nearest`: the best single example of the section (nearest-FAQ): a question phrased like one of the
  pack's FAQ phrasings or keyword phrases finds it;
* `centroid`: the whole labelled text of the section, characters included, so a question's words that
  are spread over several examples still add up.

Everything is pure Python and costs a few dictionary look-ups per feature of the question.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

CHAR_N = 4
CHAR_WEIGHT = 0.35   # a character n-gram counts this much of a word (there are many per word)
BIGRAM_WEIGHT = 2.5  # a phrase of two words says more than its words apart
MIN_IDF = 0.05


def char_grams(word: str) -> list[str]:
    """Character 4-grams of a folded word with its boundaries marked ("#pauze#" → "#pau", "pauz", ...)."""
    if word.startswith("qq") or len(word) < CHAR_N - 1:
        return []
    padded = f"#{word}#"
    return ["c:" + padded[i:i + CHAR_N] for i in range(len(padded) - CHAR_N + 1)]


def features(stems: Sequence[str], words: Iterable[str] = (), weights: Sequence[float] | None = None,
             *, chars: bool = True) -> dict[str, float]:
    """Raw feature counts: stems (`w:`), adjacent stem pairs (`b:`) and, optionally, character n-grams."""
    out: dict[str, float] = defaultdict(float)
    for i, stem in enumerate(stems):
        out["w:" + stem] += weights[i] if weights is not None else 1.0
    for first, second in zip(stems, stems[1:], strict=False):
        if first != second:
            out[f"b:{first}_{second}"] += 1.0
    if chars:
        for word in words:
            for gram in char_grams(word):
                out[gram] += 1.0
    return out


@dataclass
class SectionClassifier:
    """Nearest-example and centroid cosines of a question against each section's labelled text."""

    idf: dict[str, float] = field(default_factory=dict)
    example_sections: list[str] = field(default_factory=list)
    example_postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    centroid_postings: dict[str, list[tuple[str, float]]] = field(default_factory=dict)

    @classmethod
    def train(
        cls,
        section_features: dict[str, dict[str, float]],
        examples: list[tuple[str, dict[str, float]]],
        labels: dict[str, dict[str, float]],
    ) -> SectionClassifier:
        """`section_features`: all of each section's text (for IDF); `examples`: (section, features) of
        single FAQ phrasings, keywords and titles; `labels`: each section's labelled text together."""
        n = len(section_features)
        df: dict[str, int] = defaultdict(int)
        for feats in section_features.values():
            for name in feats:
                df[name] += 1
        for feats in labels.values():
            for name in feats:
                df.setdefault(name, 1)
        idf = {name: max(MIN_IDF, math.log((n + 1) / (d + 0.5))) for name, d in df.items()}
        clf = cls(idf=idf)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for section_id, feats in examples:
            vector = clf._vector(feats, chars=False)
            if not vector:
                continue
            number = len(clf.example_sections)
            clf.example_sections.append(section_id)
            for name, value in vector.items():
                postings[name].append((number, value))
        clf.example_postings = dict(postings)
        centroids: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for section_id, feats in labels.items():
            for name, value in clf._vector(feats, chars=True).items():
                centroids[name].append((section_id, value))
        clf.centroid_postings = dict(centroids)
        return clf

    def _vector(self, feats: dict[str, float], *, chars: bool) -> dict[str, float]:
        """Unit-length TF-IDF vector (sublinear tf, typed weights) of raw feature counts."""
        vector: dict[str, float] = {}
        for name, count in feats.items():
            kind = name[0]
            if kind == "c" and not chars:
                continue
            idf = self.idf.get(name)
            if idf is None or count <= 0:
                continue
            typed = CHAR_WEIGHT if kind == "c" else BIGRAM_WEIGHT if kind == "b" else 1.0
            vector[name] = (1.0 + math.log(count) if count >= 1 else count) * idf * typed
        norm = math.sqrt(sum(v * v for v in vector.values()))
        return {k: v / norm for k, v in vector.items()} if norm else {}

    def scores(self, feats: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
        """(nearest-example cosine, centroid cosine) per section for a question's raw features."""
        nearest: dict[str, float] = {}
        query = self._vector(feats, chars=False)
        if query:
            dots: dict[int, float] = defaultdict(float)
            for name, value in query.items():
                for number, weight in self.example_postings.get(name, ()):
                    dots[number] += value * weight
            for number, dot in dots.items():
                sid = self.example_sections[number]
                if dot > nearest.get(sid, 0.0):
                    nearest[sid] = dot
        centroid: dict[str, float] = defaultdict(float)
        query = self._vector(feats, chars=True)
        for name, value in query.items():
            for sid, weight in self.centroid_postings.get(name, ()):
                centroid[sid] += value * weight
        return nearest, dict(centroid)
