"""Scores sentences with the trained review model, without importing scikit-learn.

The artefact (`model/review-model.npz` and `model/vocabulary.txt`, written by `make model`) holds
what a fitted `TfidfVectorizer` + one `LogisticRegression` per rule + a Platt calibration per rule
need at prediction time: the vocabulary, the idf weights, the coefficients and intercepts, and the
two calibration numbers. Prediction is the same arithmetic scikit-learn does (sublinear tf times
idf, L2-normalised, a dot product, a sigmoid), done with numpy over all sentences of a post at
once; `tests/test_learned_model.py` checks that it agrees with scikit-learn's own predictions.

Importing scikit-learn costs about two seconds; this costs the numpy import and about 50 ms of
loading, once per process.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.review.learned.features import mask_quotes, tokens, word_features

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_FILE = "review-model.npz"
VOCABULARY_FILE = "vocabulary.txt"
META_FILE = "meta.json"
WORD_CACHE = 100_000  # words whose feature indices are remembered (cleared when full)


class ModelMissing(RuntimeError):
    """The trained artefact is not where it should be (run `make model`)."""


@dataclass(frozen=True)
class Model:
    """A loaded review model: which rules it scores, and the numbers to score them."""

    rules: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    coef: np.ndarray  # (features, rules)
    intercept: np.ndarray  # (rules,)
    platt_a: np.ndarray  # (rules,)
    platt_b: np.ndarray  # (rules,)
    meta: dict[str, object]
    _word_cache: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def digest(self) -> str:
        return str(self.meta.get("digest", ""))

    def indices(self, text: str) -> tuple[list[int], str, str]:
        """The vocabulary indices of every feature occurrence in one normalised text (repeats kept), and its
        first and last word (to join two neighbouring sentences without reading them again)."""
        words = tokens(mask_quotes(text))
        cache = self._word_cache
        vocab_get = self.vocabulary.get
        found: list[int] = []
        extend = found.extend
        for word in words:
            indices = cache.get(word)
            if indices is None:
                indices = tuple(i for i in map(vocab_get, word_features(word)) if i is not None)
                if len(cache) >= WORD_CACHE:
                    cache.clear()
                cache[word] = indices
            extend(indices)
        for pair in map("|".join, zip(words, words[1:], strict=False)):
            index = vocab_get(pair)
            if index is not None:
                found.append(index)
        return found, (words[0] if words else ""), (words[-1] if words else "")

    def joined(self, first: tuple[list[int], str, str], second: tuple[list[int], str, str]) -> list[int]:
        """The indices of two neighbouring texts read as one: both, plus the word pair across the join."""
        out = first[0] + second[0]
        if first[2] and second[1]:
            index = self.vocabulary.get(f"{first[2]}|{second[1]}")
            if index is not None:
                out.append(index)
        return out

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """The raw linear scores, shape (len(texts), rules), for already normalised texts."""
        return self.decision_of([self.indices(text)[0] for text in texts])

    def decision_of(self, lists: Sequence[list[int]]) -> np.ndarray:
        """Scores for texts given as feature-index lists (see `indices`), all through numpy together:
        one sort, one gather of coefficients."""
        out = np.tile(self.intercept, (len(lists), 1)).astype(np.float64)
        sizes = [len(x) for x in lists]
        flat = [i for x in lists for i in x]
        if not flat:
            return out
        size = len(self.vocabulary)
        rows = np.repeat(np.arange(len(lists), dtype=np.int64), sizes)
        keys = rows * size + np.array(flat, dtype=np.int64)
        unique, counts = np.unique(keys, return_counts=True)
        row = unique // size
        col = unique % size
        values = (np.log(counts) + 1.0) * self.idf[col]
        norms = np.sqrt(np.bincount(row, weights=values * values, minlength=len(lists)))
        values /= norms[row]
        contributions = self.coef[col].astype(np.float64) * values[:, None]
        for j in range(out.shape[1]):
            out[:, j] += np.bincount(row, weights=contributions[:, j], minlength=len(lists))
        return out

    def probabilities_of(self, lists: Sequence[list[int]]) -> np.ndarray:
        """Calibrated probabilities for feature-index lists, shape (len(lists), rules)."""
        if not lists:
            return np.zeros((0, len(self.rules)))
        z = self.decision_of(lists) * self.platt_a + self.platt_b
        return 1.0 / (1.0 + np.exp(-z))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, shape (len(texts), rules), for already normalised texts."""
        return self.probabilities_of([self.indices(text)[0] for text in texts])


def load_model(directory: Path = MODEL_DIR) -> Model:
    """Load the artefact from `directory`; raises `ModelMissing` with what to do when it is absent."""
    weights = directory / MODEL_FILE
    vocabulary = directory / VOCABULARY_FILE
    if not weights.is_file() or not vocabulary.is_file():
        raise ModelMissing(f"the review model is missing in {directory}: run `make model` to train it")
    with np.load(weights, allow_pickle=False) as data:
        rules = tuple(str(r) for r in data["rules"])
        idf = data["idf"].astype(np.float64)
        coef = data["coef"]
        intercept = data["intercept"].astype(np.float64)
        platt_a = data["platt_a"].astype(np.float64)
        platt_b = data["platt_b"].astype(np.float64)
    words = vocabulary.read_text(encoding="utf-8").split("\n")
    if words and words[-1] == "":
        words.pop()
    if len(words) != idf.shape[0] or coef.shape != (len(words), len(rules)):
        raise ModelMissing(f"the review model in {directory} is inconsistent: run `make model` again")
    meta_path = directory / META_FILE
    meta: dict[str, object] = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    if "digest" not in meta:
        meta["digest"] = hashlib.sha256(weights.read_bytes()).hexdigest()[:16]
    return Model(rules=rules, vocabulary=dict(zip(words, range(len(words)), strict=True)), idf=idf, coef=coef,
                 intercept=intercept, platt_a=platt_a, platt_b=platt_b, meta=meta)


_lock = threading.Lock()
_cache: dict[Path, Model] = {}


def shared_model(directory: Path = MODEL_DIR) -> Model:
    """One loaded model per directory and process (it is read-only, so engines share it)."""
    with _lock:
        model = _cache.get(directory)
        if model is None:
            model = _cache[directory] = load_model(directory)
        return model
