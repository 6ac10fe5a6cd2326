"""Benchmark the answering engine: latency per answer in-process, and `smm ask` start-up time.

Run from the project's root:  .venv/bin/python bench/bench_answer.py [--policy-dir DIR] [--rounds N]

The questions are generated from the pack itself (FAQ phrasings, titles, keywords, each also with a
typo and a word the pack does not know), so the benchmark works for any company's pack. Prints
p50/p90/p99/max in milliseconds and the wall time of `smm ask --json` as a subprocess, and writes the
same figures to bench/results/answer.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.answer.engine import AnswerEngine  # noqa: E402
from bot.config import bundled_policy_dir  # noqa: E402
from bot.policy import PolicyPack, load_pack  # noqa: E402

EXTRA = {
    "nl": ["Wat eten we vandaag in de kantine?", "Hoeveel vakantiedagen heb ik nog?", "Mag dit?"],
    "en": ["What is on the canteen menu today?", "How many days off do I have left?", "Is this ok?"],
}


def questions_from(pack: PolicyPack, rng: random.Random) -> list[str]:
    """Questions derived from the pack's own text, plus variants with typos and unknown words."""
    base: list[str] = []
    for section in pack.sections.values():
        for lang in pack.languages:
            base.extend(q for faq in section.faqs for q in faq.questions.get(lang, ()))
            text = section.text(lang)
            base.append(text.title + "?")
            base.extend(f"{k}?" for k in text.keywords[:3])
    for lang in pack.languages:
        base.extend(EXTRA.get(lang, []))
    variants: list[str] = []
    for question in base:
        words = question.split()
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 4:
            j = rng.randrange(1, len(word) - 1)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
        variants.append(" ".join(words))
        variants.append(question + f" {rng.choice(['zworkel', 'plimbo', 'vexatorium'])}{rng.randrange(1000)}")
    return base + variants


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def measure_latency(engine: AnswerEngine, questions: list[str], rounds: int) -> dict[str, float]:
    timings: list[float] = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            engine.answer(question)
            timings.append((time.perf_counter() - started) * 1000)
    return {
        "answers": len(timings),
        "p50_ms": round(percentile(timings, 50), 3),
        "p90_ms": round(percentile(timings, 90), 3),
        "p99_ms": round(percentile(timings, 99), 3),
        "max_ms": round(max(timings), 3),
        "mean_ms": round(statistics.fmean(timings), 3),
    }


def measure_startup(policy_dir: Path, runs: int) -> dict[str, float]:
    smm = ROOT / ".venv" / "bin" / "smm"
    command = [str(smm)] if smm.exists() else [sys.executable, "-m", "bot"]
    walls: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run([*command, "ask", "--json", "--policy-dir", str(policy_dir),
                               "Mag ik onder werktijd op LinkedIn?"], capture_output=True, text=True, timeout=120)
        walls.append(time.perf_counter() - started)
        if proc.returncode != 0:
            raise SystemExit(f"smm ask failed: {proc.stderr.strip()[-500:]}")
    return {"runs": runs, "median_s": round(statistics.median(walls), 3), "max_s": round(max(walls), 3)}


def main() -> None:
    """Run both measurements, print them and save them to bench/results/answer.json."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--policy-dir", type=Path, default=bundled_policy_dir())
    parser.add_argument("--rounds", type=int, default=5, help="passes over the question set")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "answer.json")
    args = parser.parse_args()

    started = time.perf_counter()
    pack = load_pack(args.policy_dir)
    loaded = time.perf_counter()
    engine = AnswerEngine(pack, use_cache=False)
    built = time.perf_counter()
    AnswerEngine(pack)  # makes sure the on-disk cache holds this pack's index
    cache_started = time.perf_counter()
    cached = AnswerEngine(pack)
    cache_loaded = time.perf_counter()
    questions = questions_from(pack, random.Random(7))
    for question in questions:  # warm-up: the first pass fills the stem and typo caches
        engine.answer(question)
    cold = AnswerEngine(pack, use_cache=False)
    cold_timings = []
    for question in questions:
        t0 = time.perf_counter()
        cold.answer(question)
        cold_timings.append((time.perf_counter() - t0) * 1000)

    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "pack": {"sections": len(pack.sections), "questions": len(questions), "version": pack.version_label},
        "load_pack_s": round(loaded - started, 3),
        "build_index_s": round(built - loaded, 3),
        "load_cached_index_s": round(cache_loaded - cache_started, 3),
        "index_from_cache": cached.index.from_cache,
        "latency_warm": measure_latency(engine, questions, args.rounds),
        "latency_first_pass": {"p50_ms": round(percentile(cold_timings, 50), 3),
                               "p99_ms": round(percentile(cold_timings, 99), 3),
                               "max_ms": round(max(cold_timings), 3)},
        "startup": measure_startup(args.policy_dir, args.startup_runs),
    }
    warm, first, startup = result["latency_warm"], result["latency_first_pass"], result["startup"]
    print(f"pack: {len(pack.sections)} sections, {len(questions)} questions; "
          f"load {result['load_pack_s']} s, index build {result['build_index_s']} s, "
          f"from cache {result['load_cached_index_s']} s")
    print(f"answer latency (warm, {warm['answers']} answers): p50 {warm['p50_ms']} ms, "
          f"p90 {warm['p90_ms']} ms, p99 {warm['p99_ms']} ms, max {warm['max_ms']} ms")
    print(f"answer latency (first pass, cold caches): p50 {first['p50_ms']} ms, p99 {first['p99_ms']} ms")
    print(f"smm ask start-up (wall, subprocess): median {startup['median_s']} s, max {startup['max_s']} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
