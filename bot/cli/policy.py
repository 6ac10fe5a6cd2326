"""`smm policy …`: check the pack, and show what it contains."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.app import policy_app
from bot.cli.common import EXIT_POLICY, PolicyDirOption, load_pack_or_exit, settings_for
from bot.policy import Problem, check_pack


def all_pack_problems(root: Path) -> list[Problem]:
    """Problems in the sections and company file, the review lexicons, rules and examples, and the tips list."""
    from bot.review.learned.examples import check_examples
    from bot.review.lexicons import check_review_lexicons
    from bot.review.rules import check_rules
    from bot.scheduler.tips import check_tips

    sections_dir = root / "sections"
    sections = frozenset(p.name for p in sections_dir.iterdir() if p.is_dir()) if sections_dir.is_dir() else None
    return [*check_pack(root), *check_review_lexicons(root), *check_rules(root, sections), *check_examples(root),
            *check_tips(root)]


@policy_app.command("check")
def policy_check(
    policy_dir: PolicyDirOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
) -> None:
    """Validate the policy pack and list every problem with file, line and what to do."""
    settings = settings_for(policy_dir)
    root = settings.policy_dir.resolve()
    problems = all_pack_problems(root)
    if json_out:
        typer.echo(json.dumps({
            "ok": not problems,
            "problems": [
                {"file": str(p.file), "line": p.line, "message": p.message, "hint": p.hint} for p in problems
            ],
        }, ensure_ascii=False))
        if problems:
            raise typer.Exit(EXIT_POLICY)
        return
    if problems:
        typer.echo(f"{len(problems)} problem(s) in the policy pack {root}:", err=True)
        for problem in problems:
            typer.echo("  " + problem.format(root), err=True)
        raise typer.Exit(EXIT_POLICY)
    pack = load_pack_or_exit(settings)
    faqs = sum(len(s.faqs) for s in pack.sections.values())
    typer.echo(f"OK: {root}")
    typer.echo(f"  company:  {pack.company.name}")
    typer.echo(f"  version:  {pack.version_label}")
    typer.echo(f"  sections: {len(pack.sections)} in {', '.join(pack.languages)}; {faqs} FAQ entries")


@policy_app.command("show")
def policy_show(
    section: Annotated[str | None, typer.Argument(help="A section id; omit to list the sections.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="nl or en")] = "en",
    policy_dir: PolicyDirOption = None,
) -> None:
    """List the sections, or print one section as employees see it."""
    pack = load_pack_or_exit(settings_for(policy_dir))
    if section is None:
        for sec in pack.sections.values():
            typer.echo(f"{sec.id:32} {sec.title(lang)}")
        return
    if section not in pack.sections:
        typer.echo(f"smm: no section `{section}`; `smm policy show` lists them", err=True)
        raise typer.Exit(2)
    text = pack.sections[section].text(lang)
    typer.echo(f"# {text.title}\n\n{text.body}")
