"""`smm review` and `smm profile`: check a draft post, a content calendar or an account profile."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, cast

import typer

from bot.cli.app import app
from bot.cli.common import EXIT_USAGE, PolicyDirOption, fail, load_pack_or_exit, settings_for
from bot.cli.io import InputError, read_jsonl, single_input, stdin_text, validate_text, write_json_line

if TYPE_CHECKING:
    from bot.review.engine import ReviewEngine
    from bot.review.profile import ProfileResult
    from bot.review.types import Review

MAX_POST_CHARS = 100_000
CSV_ADDED = ("verdict", "findings", "findings_json")

SEVERITY_MARK = {"high": "✖", "medium": "!", "low": "·"}
VERDICT_LABEL = {
    "nl": {"ok": "OK", "caution": "LET OP", "block": "NIET PLAATSEN"},
    "en": {"ok": "OK", "caution": "CAUTION", "block": "DO NOT POST"},
}


def render_review_text(review: Review) -> str:
    """The review as readable text for a terminal: verdict first, then each finding."""
    lang = "nl" if review.language == "nl" else "en"
    lines = [f"[{VERDICT_LABEL[lang][review.verdict]}] {review.summary}"]
    for number, finding in enumerate(review.findings, start=1):
        excerpt = " ".join(finding.excerpt.split())
        lines.append("")
        lines.append(f"{number}. {SEVERITY_MARK[finding.severity]} {finding.rule} ({finding.severity}) "
                     f"at {finding.start}-{finding.end}: “{excerpt}”")
        lines.append(f"   {finding.message}")
        lines.append(("   Tip: " if lang == "en" else "   Tip: ") + finding.suggestion)
        lines.append(("   Section: " if lang == "en" else "   Protocol: ") + finding.section)
    return "\n".join(lines)


def _findings_cell(review: Review) -> str:
    return "; ".join(f"{f.rule} ({f.severity}) {f.start}-{f.end}: {' '.join(f.excerpt.split())}"
                     for f in review.findings)


class _LastLine:
    """Iterates over a stream and remembers the last raw line, so `--jsonl` can review the post
    exactly as sent (read_jsonl strips it, and offsets must point into the original)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.last = ""

    def __iter__(self) -> Iterator[str]:
        for line in self._stream:
            self.last = line
            yield line


def _raw_text(line: str) -> str | None:
    try:
        value: Any = json.loads(line)
    except json.JSONDecodeError:
        return None
    if isinstance(value, dict):
        value = value.get("text")
    return value if isinstance(value, str) else None


def _review_jsonl(engine: ReviewEngine, lang: str | None) -> None:
    recorder = _LastLine(stdin_text())
    for item in read_jsonl(cast(TextIO, recorder), what="post", max_chars=MAX_POST_CHARS):
        if item.error is not None or item.text is None:
            write_json_line({"error": item.error, "line": item.line})
            continue
        raw = _raw_text(recorder.last)
        try:
            write_json_line(engine.review(raw if raw is not None else item.text, language=lang).to_json())
        except Exception:  # one bad post never stops the batch; the text itself is not echoed
            write_json_line({"error": f"line {item.line}: the post could not be reviewed", "line": item.line})


def _read_calendar(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    if not path.is_file():
        fail(f"the content calendar {path} does not exist (or is not a file)")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            sample = handle.read(4096)
            handle.seek(0)
            try:
                dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            reader = csv.DictReader(handle, dialect=dialect)
            columns = list(reader.fieldnames or [])
            rows = [dict(row) for row in reader]
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text; save the calendar as CSV (UTF-8)")
    except csv.Error as exc:
        fail(f"{path} is not a readable CSV file ({exc})")
    if "text" not in columns:
        shown = ", ".join(repr(c) for c in columns) if columns else "none"
        fail(f"{path} has no `text` column; it has: {shown}. Name the column with the post texts `text`.")
    return columns, rows


def _review_csv(engine: ReviewEngine, path: Path, out: Path | None, lang: str | None) -> None:
    columns, rows = _read_calendar(path)
    fieldnames = columns + [c for c in CSV_ADDED if c not in columns]
    handle: TextIO = out.open("w", encoding="utf-8", newline="") if out is not None else sys.stdout
    try:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, extrasaction="ignore")
        writer.writeheader()
        for row in _with_progress(rows, f"Reviewing {path.name}"):
            text = row.get("text") or ""
            try:
                validate_text(text, what="post", max_chars=MAX_POST_CHARS)
            except InputError as exc:
                row.update({"verdict": "error", "findings": str(exc), "findings_json": "[]"})
            else:
                review = engine.review(text, language=lang)
                row.update({
                    "verdict": review.verdict,
                    "findings": _findings_cell(review),
                    "findings_json": json.dumps([f.to_json() for f in review.findings], ensure_ascii=False),
                })
            writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    finally:
        if out is not None:
            handle.close()
    if out is not None:
        typer.echo(f"Reviewed {len(rows)} post(s); results in {out}", err=True)


def _with_progress(rows: list[dict[str, str]], label: str) -> Iterator[dict[str, str]]:
    """Yield the rows, with a progress bar on standard error when it is a terminal."""
    if not sys.stderr.isatty():
        yield from rows
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=len(rows))
        for row in rows:
            yield row
            progress.advance(task)


@app.command()
def review(
    post: Annotated[list[str] | None, typer.Argument(help='The draft post, e.g. "Trots op ons team!"')] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object (its fields: README, "
                                           "'JSON output').")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read one post per line (JSON) from standard input.")] = False,
    csv_file: Annotated[Path | None, typer.Option(
        "--csv", help="Review a content calendar: a CSV file with a `text` column.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="With --csv: write the reviewed calendar here (default: standard output).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Review in nl or en instead of the post's language.")] = None,
    policy_dir: PolicyDirOption = None,
) -> None:
    """Review a draft social media post against the protocol, with a suggestion for every finding."""
    if lang is not None and lang not in ("nl", "en"):
        fail(f"--lang must be nl or en, not {lang!r}")
    modes = sum([bool(jsonl), csv_file is not None, bool(post)])
    if modes > 1:
        fail("give either a post, --jsonl (posts on standard input) or --csv FILE, not more than one")
    if out is not None and csv_file is None:
        fail("--out goes with --csv FILE")
    if csv_file is not None and not csv_file.is_file():
        fail(f"the content calendar {csv_file} does not exist (or is not a file)")
    from bot.review.engine import ReviewEngine  # deferred: keeps `smm --help` fast

    engine = ReviewEngine(load_pack_or_exit(settings_for(policy_dir)))
    if jsonl:
        _review_jsonl(engine, lang)
        return
    if csv_file is not None:
        _review_csv(engine, csv_file, out, lang)
        return
    if not post:
        fail('give a post, e.g. smm review "Trots op ons team!"', EXIT_USAGE)
    text = " ".join(post)
    single_input(text, what="post", max_chars=MAX_POST_CHARS, json_out=json_out)
    result = engine.review(text, language=lang)
    if json_out:
        write_json_line(result.to_json())
    else:
        typer.echo(render_review_text(result))


def render_profile_text(result: ProfileResult) -> str:
    """The profile check as readable text for a terminal."""
    lines = [result.summary]
    for advice in result.advice:
        lines.append(f"- {advice.text} [{advice.section}]")
    return "\n".join(lines)


@app.command()
def profile(
    handle: Annotated[str, typer.Argument(help="The account name, e.g. KarelFransen_Acme or @fransie_69")],
    bio: Annotated[str | None, typer.Option("--bio", help="The profile's bio text.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Answer in nl or en (default: the bio's language).")] = None,
    policy_dir: PolicyDirOption = None,
) -> None:
    """Say whether an account reads as private or corporate, and what its profile needs."""
    if lang is not None and lang not in ("nl", "en"):
        fail(f"--lang must be nl or en, not {lang!r}")
    try:
        handle = validate_text(handle, what="handle", max_chars=200)
        if bio is not None:
            bio = validate_text(bio, what="bio", max_chars=2000) if bio.strip() else None
    except InputError as exc:
        if json_out:
            write_json_line({"error": str(exc)})
            raise typer.Exit(EXIT_USAGE) from None
        fail(str(exc))
    from bot.review.profile import check_profile

    result = check_profile(load_pack_or_exit(settings_for(policy_dir)), handle, bio=bio, language=lang)
    if json_out:
        write_json_line(result.to_json())
    else:
        typer.echo(render_profile_text(result))
