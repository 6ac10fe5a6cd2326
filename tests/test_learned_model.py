"""The learned review layer: the shipped model is current and agrees with scikit-learn, and retraining works."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from bot.review.learned import train
from bot.review.learned.corpus import LEARNED_RULES, CorpusError, parse_line, read_corpus
from bot.review.learned.scorer import MODEL_DIR, MODEL_FILE, VOCABULARY_FILE, load_model

CORPUS = train.CORPUS_DIR


def _slice(step: int) -> tuple[list[str], list[frozenset[str]]]:
    examples = list(read_corpus(CORPUS))[::step]
    texts, labels, _ = train._dedupe(examples)
    return texts, labels


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], Path, list[str]]:
    """A model trained on every 6th corpus line (the same code path as `make model`)."""
    texts, labels = _slice(6)
    parts = train.fit(texts, labels, folds=3)
    out = tmp_path_factory.mktemp("model")
    train.export(parts, out, {"note": "test slice"})
    return parts, out, texts


def test_run_time_scorer_agrees_with_scikit_learn(small_model: tuple[dict[str, object], Path, list[str]]) -> None:
    parts, out, texts = small_model
    model = load_model(out)
    probe = texts[:300] + ["Women just are not cut out for the warehouse", "wat een idioot is die manager", ""]
    matrix = parts["vectorizer"].transform(probe)  # type: ignore[attr-defined]
    expected = np.stack([m.decision_function(matrix) for m in parts["models"]], axis=1)  # type: ignore[attr-defined]
    assert np.abs(model.decision(probe) - expected).max() < 1e-4
    a = np.array([p[0] for p in parts["platt"]])  # type: ignore[attr-defined]
    b = np.array([p[1] for p in parts["platt"]])  # type: ignore[attr-defined]
    assert np.abs(model.probabilities(probe) - 1 / (1 + np.exp(-(expected * a + b)))).max() < 1e-4


def test_retraining_on_a_slice_gives_a_usable_model(small_model: tuple[dict[str, object], Path, list[str]]) -> None:
    parts, _, _ = small_model
    texts, labels = _slice(6)
    for rule in LEARNED_RULES:
        p = parts["cv_probabilities"][rule]  # type: ignore[index]
        y = np.array([rule in lab for lab in labels])
        recall = float(np.mean(p[y] >= 0.5))
        false_alarms = float(np.mean(p[~y] >= 0.5))
        assert recall > 0.5, (rule, recall)
        assert false_alarms < 0.2, (rule, false_alarms)


def test_shipped_model_is_trained_on_the_current_corpus() -> None:
    """`make model` was run after the corpus last changed, and the artefact stays small."""
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    texts, _, _ = train._dedupe(read_corpus(CORPUS))
    assert meta["corpus_digest"] == hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16], "run `make model`"
    size = (MODEL_DIR / MODEL_FILE).stat().st_size + (MODEL_DIR / VOCABULARY_FILE).stat().st_size
    assert size <= 20 * 1024 * 1024
    assert tuple(load_model().rules) == LEARNED_RULES


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "not valid JSON"),
    ('{"labels": []}', "non-empty"),
    ('{"text": "hoi", "labels": ["rude"]}', "unknown rule id 'rude'"),
    ('{"text": "hoi {boss}", "labels": []}', "unknown placeholder {boss}"),
])
def test_corpus_lines_are_checked(line: str, message: str) -> None:
    with pytest.raises(CorpusError, match="x.jsonl:3") as info:
        parse_line(line, file="x.jsonl", number=3)
    assert message in str(info.value)
