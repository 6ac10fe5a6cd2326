"""`smm ask`: answer a question about the protocol from the policy pack."""

from __future__ import annotations

from typing import Annotated

import typer

from bot.answer.types import Answer
from bot.cli.app import app
from bot.cli.common import EXIT_USAGE, PolicyDirOption, fail, load_pack_or_exit, settings_for
from bot.cli.io import read_jsonl, single_input, stdin_text, write_json_line

MAX_QUESTION_CHARS = 4000


def render_answer_text(answer: Answer) -> str:
    """The answer as plain text for a terminal."""
    heading = "Bronnen" if answer.language == "nl" else "Sources"
    lines = [answer.text]
    if answer.sources:
        lines.append("")
        lines.append(f"{heading}: " + "; ".join(f"{s.title} [{s.id}]" for s in answer.sources))
    return "\n".join(lines)


@app.command()
def ask(
    question: Annotated[
        list[str] | None, typer.Argument(help="The question, e.g. \"mag ik onder werktijd op LinkedIn?\"")
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object (its fields: README, "
                                           "'JSON output').")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read one question per line from standard input.")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Answer in nl or en instead of the question's language.")
    ] = None,
    policy_dir: PolicyDirOption = None,
) -> None:
    """Answer a question about the social media protocol, with the sections it comes from."""
    if lang is not None and lang not in ("nl", "en"):
        fail(f"--lang must be nl or en, not {lang!r}")
    if jsonl and (question or json_out):
        fail("--jsonl reads questions from standard input; give no question and no --json with it")
    from bot.answer.engine import AnswerEngine  # deferred: keeps `smm --help` fast

    pack = load_pack_or_exit(settings_for(policy_dir))
    engine = AnswerEngine(pack)
    if jsonl:
        for item in read_jsonl(stdin_text(), what="question", max_chars=MAX_QUESTION_CHARS):
            if item.error is not None or item.text is None:
                write_json_line({"error": item.error, "line": item.line})
                continue
            try:
                write_json_line(engine.answer(item.text, language=lang).to_json())
            except Exception as exc:  # one bad line must not end the batch (README, 'JSON output')
                write_json_line({"error": f"line {item.line}: could not answer ({type(exc).__name__})",
                                 "line": item.line})
        return
    if not question:
        fail('give a question, e.g. smm ask "mag ik onder werktijd op LinkedIn?"', EXIT_USAGE)
    text = single_input(" ".join(question), what="question", max_chars=MAX_QUESTION_CHARS, json_out=json_out)
    answer = engine.answer(text, language=lang)
    if json_out:
        write_json_line(answer.to_json())
    else:
        typer.echo(render_answer_text(answer))
