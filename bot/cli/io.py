"""Reading inputs for `--jsonl` and validating single inputs, with errors a user can act on."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO


class InputError(ValueError):
    """An input the bot cannot work on; the message says what is wrong and what to do."""


@dataclass(frozen=True)
class InputLine:
    """One line of `--jsonl` input: its 1-based line number and either a text or an error."""

    line: int
    text: str | None
    error: str | None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:2000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return len(sample) > 0 and controls / len(sample) > 0.1


def validate_text(text: str, *, what: str, max_chars: int) -> str:
    """Return `text` stripped, or raise InputError for empty, binary or oversized input."""
    if _looks_binary(text):
        raise InputError(f"the {what} looks like binary data, not text; paste the words themselves")
    stripped = text.strip()
    if not stripped:
        raise InputError(f"the {what} is empty; give some text")
    if len(stripped) > max_chars:
        raise InputError(
            f"the {what} is {len(stripped):,} characters long; the limit is {max_chars:,}. Shorten it or split it up"
        )
    return stripped


def read_jsonl(stream: TextIO, *, what: str, max_chars: int) -> Iterator[InputLine]:
    """Each non-blank line as a JSON string or an object with a "text" key."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield InputLine(number, None, f"line {number}: not valid JSON ({exc.msg} at column {exc.colno}); "
                            'give a JSON string or an object like {"text": "..."}')
            continue
        if isinstance(value, dict):
            value = value.get("text")
            if value is None:
                yield InputLine(number, None, f'line {number}: the object has no "text" key')
                continue
        if not isinstance(value, str):
            yield InputLine(number, None, f"line {number}: expected a JSON string or an object with a \"text\" string")
            continue
        try:
            yield InputLine(number, validate_text(value, what=what, max_chars=max_chars), None)
        except InputError as exc:
            yield InputLine(number, None, f"line {number}: {exc}")


def stdin_text() -> TextIO:
    """Standard input decoded as UTF-8 whatever the locale, replacing undecodable bytes."""
    return open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115


def write_json_line(obj: dict[str, Any], stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()


def single_input(text: str, *, what: str, max_chars: int, json_out: bool) -> str:
    """Validate one command-line input; on a problem print it (as JSON with --json) and exit with code 2."""
    import typer

    try:
        return validate_text(text, what=what, max_chars=max_chars)
    except InputError as exc:
        if json_out:
            write_json_line({"error": str(exc)})
        else:
            typer.echo(f"smm: {exc}", err=True)
        raise typer.Exit(2) from None
