"""The learned layer of a review: which sentences of a post the trained model finds problematic.

The post (already normalised) is cut into sentences and each sentence is scored. Each pair of
neighbouring sentences is scored too, and counts where reading the two together says clearly more
than either alone ("Those people. They are all thieves."). Before scoring, the company file's
names, products, competitors and code names are replaced by the tokens the model was trained
with, so the verdict does not depend on which company installed the bot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.review.learned.examples import ExampleMemory
from bot.review.learned.features import COMPANY_TOKENS
from bot.review.learned.scorer import Model

_SENTENCE_RE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n+|$)")
PAIR_MARGIN = 0.25
MAX_SENTENCES = 400  # a 40,000-character post has about that many; beyond it windows are merged


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the normalised post, `[start, end)`, and the model's probability per rule."""

    start: int
    end: int
    scores: dict[str, float]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of `text`, trimmed, without empty ones."""
    spans: list[tuple[int, int]] = []
    for match in _SENTENCE_RE.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped or not any(c.isalnum() for c in stripped):
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        spans.append((start + lead, end - trail))
    if len(spans) > MAX_SENTENCES:
        # Very long posts: glue neighbours so the number of windows stays bounded.
        size = -(-len(spans) // MAX_SENTENCES)
        spans = [(spans[i][0], spans[min(i + size, len(spans)) - 1][1]) for i in range(0, len(spans), size)]
    return spans


class CompanyMasker:
    """Replaces the company file's own words by the model's tokens ("Acme Thuis app" -> xproductx)."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        words: dict[str, str] = {}
        for phrase, kind in entries:
            phrase = phrase.strip()
            if len(phrase) >= 2 and kind in COMPANY_TOKENS:
                words.setdefault(phrase.lower(), COMPANY_TOKENS[kind])
        self._tokens = words
        if words:
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            # Not inside an e-mail address or a web address ("social@acme.example", "acme.example/jobs").
            self._re: re.Pattern[str] | None = re.compile(
                rf"(?<![\w@./])(?:{alternatives})(?!\w|@|\.\w)", re.IGNORECASE)
        else:
            self._re = None

    def __call__(self, text: str) -> str:
        if self._re is None:
            return text
        return self._re.sub(lambda m: self._tokens[m.group(0).lower()], text)


class LearnedLayer:
    """Scores the sentences of a normalised post with one model for one company."""

    def __init__(self, model: Model, masker: CompanyMasker, memory: ExampleMemory | None = None) -> None:
        self.model = model
        self.mask = masker
        self.memory = memory if memory is not None and len(memory) else None
        self.rules: Sequence[str] = model.rules

    def score(self, text: str) -> list[Sentence]:
        spans = sentences(text)
        if not spans:
            return []
        windows = [self.mask(text[a:b]) for a, b in spans]
        model = self.model
        features = [model.indices(window) for window in windows]
        pairs = [model.joined(features[i], features[i + 1]) for i in range(len(spans) - 1)]
        probabilities = model.probabilities_of([f[0] for f in features] + pairs)
        rules = self.rules
        out = [Sentence(a, b, {rule: float(probabilities[i, j]) for j, rule in enumerate(rules)})
               for i, (a, b) in enumerate(spans)]
        if self.memory is not None:
            for i, window in enumerate(windows):
                near = self.memory.nearest(window)
                if near is None:
                    continue
                example = near[0]
                scores = out[i].scores
                for rule in rules:
                    if rule in example.labels:
                        scores[rule] = max(scores[rule], 0.99)
                    elif not example.labels:
                        scores[rule] = min(scores[rule], 0.01)
        # A pair counts only where reading the two together says clearly more than either alone.
        for i in range(len(pairs)):
            row = probabilities[len(spans) + i]
            alone = np.maximum(probabilities[i], probabilities[i + 1])
            lifted = row > alone + PAIR_MARGIN
            if lifted.any():
                out.append(Sentence(spans[i][0], spans[i + 1][1],
                                    {rule: float(row[j]) if lifted[j] else 0.0 for j, rule in enumerate(rules)}))
        return out
