"""Adversarial 40,000-character posts: trigger words of the proximity checks repeated thousands of
times, runs without spaces, emoji and binary garbage. Each gets an answer with a bounded number of
findings and the right verdict. How fast is the benchmark's business (bench/bench_review.py), not
these tests'; they only check that the answer is complete and sane."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from bot.config import bundled_policy_dir
from bot.policy import load_pack
from bot.review.engine import MAX_FINDINGS_PER_RULE, ReviewEngine
from bot.review.types import Review

SIZE = 40_000


@pytest.fixture(scope="module")
def engine() -> ReviewEngine:
    return ReviewEngine(load_pack(bundled_policy_dir()))


def repeat(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def check_bounded(text: str, review: Review) -> None:
    per_rule = Counter(f.rule for f in review.findings)
    assert all(count <= MAX_FINDINGS_PER_RULE for count in per_rule.values()), per_rule
    for finding in review.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.excerpt


@pytest.mark.parametrize(("unit", "verdict", "rule"), [
    ("foto scherm ", "block", "confidential-information"),  # photo near a screen, every other word
    ("mijn baas is een idioot ", "block", "insulting-language"),
    ("kut idioot baas ", "block", "insulting-language"),
    ("intern memo ", "block", "confidential-information"),
    ("vrouwen kunnen niet ", "block", "discrimination"),
    # "bunch of bunglers" about people: the learned layer reads it as an insult (issue 10: insults of people),
    # the word lists alone did not; here only the bounds are checked.
    ("stelletje prutsers ", "any", None),
    ("jij idioot ", None, None),  # an insult aimed at no one in particular
    ("Dorpsstraat 22 1234 AB Utrecht ", "block", "personal-data"),
])
def test_repeated_trigger_words(engine: ReviewEngine, unit: str, verdict: str | None, rule: str | None) -> None:
    text = repeat(unit)
    review = engine.review(text)
    check_bounded(text, review)
    if verdict == "any":
        return
    if verdict is None:
        assert review.verdict == "ok" and review.findings == ()
    else:
        assert review.verdict == verdict
        rules = Counter(f.rule for f in review.findings)
        # Thousands of occurrences, but the findings stop at the cap per rule.
        assert rules[rule] == MAX_FINDINGS_PER_RULE


def test_company_name_with_insults(engine: ReviewEngine) -> None:
    company = engine.company_name
    text = repeat(f"{company} idioot ")
    review = engine.review(text)
    check_bounded(text, review)
    assert review.verdict == "block"
    assert all(f.start < 2_000 for f in review.findings)  # the first ones in the post are kept


@pytest.mark.parametrize("text", [
    "a" * SIZE,
    repeat("kutbaas"),  # one 40,000-character word
    repeat(".!?,;:-"),
    "\n" * SIZE,
    "🎉" * SIZE,
    repeat("👩\u200d👩\u200d👧 "),
    random.Random(7).randbytes(SIZE).decode("latin-1"),
    "".join(chr(c) for c in random.Random(8).sample(range(0x20, 0xD7FF), SIZE)),
])
def test_degenerate_posts_get_a_bounded_answer(engine: ReviewEngine, text: str) -> None:
    review = engine.review(text)
    check_bounded(text, review)
    assert review.verdict in {"ok", "caution", "block"}
    assert len(review.findings) <= MAX_FINDINGS_PER_RULE * 8


def test_emoji_and_garbage_are_ok(engine: ReviewEngine) -> None:
    for text in ("🎉" * SIZE, random.Random(7).randbytes(SIZE).decode("latin-1")):
        review = engine.review(text)
        assert review.verdict == "ok" and review.findings == ()
