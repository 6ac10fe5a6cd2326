"""Train the learned review layer from the corpus: `make model` (or `python -m bot.review.learned.train`).

A `TfidfVectorizer` over `features.analyze_normalized` (words, word pairs, character 3-5-grams),
then one `LogisticRegression` per rule, calibrated with Platt scaling fitted on 5-fold
cross-validated scores. Everything is seeded, so the same corpus gives the same model. The
artefact is written to `bot/review/learned/model/` and read by `scorer.py` without scikit-learn.

scikit-learn is a training-time dependency only (the `train` extra, also in `dev`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bot.review.learned.corpus import LEARNED_RULES, Example, read_corpus
from bot.review.learned.features import analyze_normalized
from bot.review.learned.scorer import META_FILE, MODEL_DIR, MODEL_FILE, VOCABULARY_FILE
from bot.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]
CORPUS_DIR = ROOT / "corpus" / "review"
SEED = 20261201


TEMPLATE_WEIGHT = 0.5  # generated lines repeat their patterns; hand-written ones count double


def weights_for(examples: Sequence[Example]) -> np.ndarray:
    """Sample weights: hand-written lines 1.0, generated ones TEMPLATE_WEIGHT."""
    return np.array([TEMPLATE_WEIGHT if e.source == "template" else 1.0 for e in examples])


def _dedupe(examples: Iterable[Example]) -> tuple[list[str], list[frozenset[str]], list[Example]]:
    """Normalised texts with the union of their labels; the first example of each text is kept for reports."""
    index: dict[str, int] = {}
    texts: list[str] = []
    labels: list[set[str]] = []
    firsts: list[Example] = []
    for example in examples:
        text = normalize(example.text).text.strip()
        if not text:
            continue
        at = index.get(text)
        if at is None:
            index[text] = len(texts)
            texts.append(text)
            labels.append(set(example.labels))
            firsts.append(example)
        else:
            labels[at] |= example.labels
    return texts, [frozenset(x) for x in labels], firsts


def fit(texts: Sequence[str], labels: Sequence[frozenset[str]], rules: Sequence[str] = LEARNED_RULES, *,
        weights: np.ndarray | None = None, min_df: int = 2, max_features: int = 300_000, c: float = 4.0,
        folds: int = 5, seed: int = SEED) -> dict[str, Any]:
    """Fit vectorizer, one classifier per rule and its calibration; returns the parts and CV scores."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    vectorizer = TfidfVectorizer(analyzer=analyze_normalized, sublinear_tf=True, min_df=min_df,
                                 max_features=max_features, dtype=np.float32)
    x = vectorizer.fit_transform(texts)
    models = []
    platt: list[tuple[float, float]] = []
    cv_scores: dict[str, np.ndarray] = {}
    for rule in rules:
        y = np.array([rule in lab for lab in labels], dtype=np.int8)
        if y.sum() < folds or (len(y) - y.sum()) < folds:
            raise ValueError(f"rule {rule!r} needs at least {folds} positive and negative examples")
        model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000,
                                   random_state=seed)
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        w = weights if weights is not None else np.ones(len(y))
        decision = cross_val_predict(model, x, y, cv=cv, method="decision_function", params={"sample_weight": w})
        calibrator = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
        calibrator.fit(decision.reshape(-1, 1), y)
        a, b = float(calibrator.coef_[0, 0]), float(calibrator.intercept_[0])
        model.fit(x, y, sample_weight=w)
        models.append(model)
        platt.append((a, b))
        cv_scores[rule] = 1.0 / (1.0 + np.exp(-(decision * a + b)))
    return {"vectorizer": vectorizer, "models": models, "platt": platt, "rules": tuple(rules),
            "cv_probabilities": cv_scores}


def export(parts: dict[str, Any], directory: Path, meta: dict[str, Any]) -> None:
    """Write the artefact the scorer reads (vocabulary, idf, coefficients, calibration)."""
    vectorizer = parts["vectorizer"]
    vocabulary: dict[str, int] = vectorizer.vocabulary_
    words = [""] * len(vocabulary)
    for word, i in vocabulary.items():
        if "\n" in word:
            raise ValueError(f"feature {word!r} contains a newline")
        words[i] = word
    coef = np.stack([m.coef_[0] for m in parts["models"]], axis=1).astype(np.float32)
    intercept = np.array([m.intercept_[0] for m in parts["models"]], dtype=np.float64)
    platt = np.array(parts["platt"], dtype=np.float64)
    directory.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(directory / MODEL_FILE, rules=np.array(parts["rules"]), idf=vectorizer.idf_.astype(np.float32),
                        coef=coef, intercept=intercept, platt_a=platt[:, 0], platt_b=platt[:, 1])
    (directory / VOCABULARY_FILE).write_text("\n".join(words) + "\n", encoding="utf-8")
    digest = hashlib.sha256((directory / MODEL_FILE).read_bytes()).hexdigest()[:16]
    (directory / META_FILE).write_text(json.dumps({**meta, "digest": digest}, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")


def report(rules: Sequence[str], labels: Sequence[frozenset[str]], firsts: Sequence[Example],
           cv: dict[str, np.ndarray], threshold: float = 0.5) -> dict[str, Any]:
    """Cross-validated recall and false-positive rate per rule and language, and the worst negative kinds."""
    out: dict[str, Any] = {}
    for rule in rules:
        p = cv[rule]
        per_lang: dict[str, dict[str, float]] = {}
        for lang in ("nl", "en"):
            pos = [p[i] for i, e in enumerate(firsts) if e.language == lang and rule in labels[i]]
            neg = [p[i] for i, e in enumerate(firsts) if e.language == lang and rule not in labels[i]]
            per_lang[lang] = {
                "positives": len(pos),
                "recall": round(float(np.mean([v >= threshold for v in pos])), 3) if pos else 0.0,
                "false_positive_rate": round(float(np.mean([v >= threshold for v in neg])), 3) if neg else 0.0,
            }
        kinds: dict[str, list[bool]] = defaultdict(list)
        for i, e in enumerate(firsts):
            if rule not in labels[i] and not labels[i]:
                kinds[e.kind].append(bool(p[i] >= threshold))
        worst = sorted(((sum(v) / len(v), k, len(v)) for k, v in kinds.items() if len(v) >= 10), reverse=True)[:5]
        out[rule] = {**per_lang, "worst_negative_kinds": [[k, round(r, 3), n] for r, k, n in worst]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the learned review layer from the corpus.")
    parser.add_argument("--corpus", type=Path, action="append", help="corpus folder (repeatable)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to write the model")
    parser.add_argument("--limit", type=int, default=0, help="use only every n-th example (quick runs)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    folders = args.corpus or [CORPUS_DIR]
    examples: list[Example] = []
    for folder in folders:
        examples.extend(read_corpus(folder))
    if args.limit > 1:
        examples = examples[:: args.limit]
    texts, labels, firsts = _dedupe(examples)
    counts = Counter((e.language, rule) for e, lab in zip(firsts, labels, strict=True) for rule in lab)
    print(f"{len(texts)} distinct texts from {len(examples)} lines", file=sys.stderr)
    parts = fit(texts, labels, weights=weights_for(firsts))
    figures = report(parts["rules"], labels, firsts, parts["cv_probabilities"])
    corpus_digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    import sklearn

    meta = {"corpus_digest": corpus_digest, "texts": len(texts), "seed": SEED, "sklearn": sklearn.__version__,
            "positives": {f"{rule}.{lang}": n for (lang, rule), n in sorted(counts.items())},
            "cross_validation": figures, "features": len(parts["vectorizer"].vocabulary_)}
    export(parts, args.out, meta)
    print(json.dumps(figures, indent=1), file=sys.stderr)
    print(f"model written to {args.out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
