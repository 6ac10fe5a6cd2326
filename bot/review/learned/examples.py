"""A company's own labelled examples (`review/examples.yaml` in the pack), merged into the learned layer.

    examples:
      - text: "Patiënt {name} ligt op afdeling 3B"
        labels: [personal-data]        # rules it is an example of; [] for a post that is fine
      - text: "Onze afdeling 3B is verhuisd naar de nieuwe vleugel"
        labels: []

They are read at start-up and held as a memory beside the trained model: a sentence very close to
an example (cosine similarity of their word and word-pair features at least `SIMILAR`) takes the
example's verdict: its rules become findings, and for an example labelled `[]` the model's
findings in that sentence are withdrawn. This teaches the bot a company's own wording without a
retraining run, costs microseconds, and lets an editor see the effect at once. `smm policy check`
checks the file (`check_examples`).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.policy import Problem
from bot.review.learned.corpus import LEARNED_RULES, PLACEHOLDERS, fill
from bot.review.learned.features import tokens
from bot.text.normalize import normalize

EXAMPLES_FILE = "examples.yaml"
SIMILAR = 0.7
_RULES = LEARNED_RULES


def _features(text: str) -> dict[str, float]:
    words = tokens(normalize(text).text)
    bag: dict[str, float] = {}
    for feature in [*words, *(f"{a}|{b}" for a, b in zip(words, words[1:], strict=False))]:
        bag[feature] = bag.get(feature, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in bag.values())) or 1.0
    return {k: v / norm for k, v in bag.items()}


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]


class ExampleMemory:
    """Nearest company example of a sentence, through an inverted index of word features."""

    def __init__(self, examples: list[Example], mask: Callable[[str], str] = lambda text: text) -> None:
        """`mask` is applied to every example as to every sentence (the company's names become tokens)."""
        self.examples = examples
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for i, example in enumerate(examples):
            for feature, weight in _features(mask(example.text)).items():
                self._postings.setdefault(feature, []).append((i, weight))

    def __len__(self) -> int:
        return len(self.examples)

    def nearest(self, text: str) -> tuple[Example, float] | None:
        if not self.examples:
            return None
        scores: dict[int, float] = {}
        for feature, weight in _features(text).items():
            for i, other in self._postings.get(feature, ()):
                scores[i] = scores.get(i, 0.0) + weight * other
        if not scores:
            return None
        best = max(scores, key=lambda i: scores[i])
        return (self.examples[best], scores[best]) if scores[best] >= SIMILAR else None


def _read(path: Path, problems: list[Problem]) -> list[Example]:
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, None, f"cannot be read: {exc}"))
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(path, mark.line + 1 if mark is not None else None, f"invalid YAML: {exc}"))
        return []
    if data is None:
        return []
    items = data.get("examples") if isinstance(data, dict) else None
    if not isinstance(items, list) or set(data) - {"examples"}:
        problems.append(Problem(path, 1, "the file must hold one list `examples:` of {text, labels}",
                                "see the module bot/review/learned/examples.py or the README"))
        return []
    rng = random.Random(7)
    out: list[Example] = []
    for number, item in enumerate(items, 1):
        where = f"example {number}"
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
            problems.append(Problem(path, None, f"{where}: needs a non-empty `text`"))
            continue
        labels = item.get("labels", [])
        if set(item) - {"text", "labels"}:
            problems.append(Problem(path, None, f"{where}: unknown key `{sorted(set(item) - {'text', 'labels'})[0]}`",
                                    "an example has only `text` and `labels`"))
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            problems.append(Problem(path, None, f"{where}: `labels` must be a list of rule ids"))
            continue
        unknown = [x for x in labels if x not in _RULES]
        if unknown:
            problems.append(Problem(path, None, f"{where}: unknown rule id `{unknown[0]}`",
                                    "use one of " + ", ".join(_RULES)))
            continue
        bad = [p for p in re.findall(r"\{(\w+)\}", item["text"]) if p not in PLACEHOLDERS]
        if bad:
            problems.append(Problem(path, None, f"{where}: unknown placeholder {{{bad[0]}}}"))
            continue
        out.append(Example(fill(item["text"], rng), frozenset(labels)))
    return out


def check_examples(root: Path) -> list[Problem]:
    """Every problem with the pack's own examples (none when it has no examples file)."""
    problems: list[Problem] = []
    path = root / "review" / EXAMPLES_FILE
    if path.is_file():
        _read(path, problems)
    return problems


def load_examples(root: Path, mask: Callable[[str], str] = lambda text: text) -> ExampleMemory:
    """The pack's examples as a memory (empty without a file); raises ValueError listing problems."""
    problems: list[Problem] = []
    path = root / "review" / EXAMPLES_FILE
    examples = _read(path, problems) if path.is_file() else []
    if problems:
        raise ValueError("the review examples have problems:\n" + "\n".join("  " + p.format() for p in problems))
    return ExampleMemory(examples, mask)
