"""`smm export …`: records for auditors, as CSV."""

from __future__ import annotations

import csv
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session, col, select

from bot.cli.app import export_app
from bot.cli.common import PolicyDirOption, fail, settings_for
from bot.store.models import QuestionLog


@export_app.command("acknowledgements")
def export_acknowledgements(
    file: Annotated[Path | None, typer.Argument(help="Write to FILE instead of standard output.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV (the only format so far).")] = True,
    policy_dir: PolicyDirOption = None,
) -> None:
    """Who acknowledged which policy version or announcement, and when (version, platform, user, name, time)."""
    from bot.store import crud_schedule
    from bot.store.db import Database

    settings = settings_for(policy_dir)
    db = Database(settings.database_url)
    db.migrate()
    rows = db.call(crud_schedule.list_acknowledgements)
    db.dispose()
    handle = file.open("w", newline="", encoding="utf-8") if file else sys.stdout
    try:
        writer = csv.writer(handle)
        writer.writerow(["version", "platform", "user_id", "user_name", "acknowledged_at"])
        for ack, name, version in rows:
            label = version or ("announcement " + ack.subject[1:] if ack.subject.startswith("a") else ack.subject)
            writer.writerow([label, ack.platform, ack.user_id, name or "", ack.acknowledged_at.isoformat()])
    finally:
        if file:
            handle.close()
    if file:
        typer.echo(f"{len(rows)} acknowledgement(s) written to {file}", err=True)


def _since(value: str | None) -> datetime | None:
    """`--since`: a date (2026-12-01), a date and time (2026-12-01T09:00) or a number of days (`7d`, `7`)."""
    if value is None:
        return None
    text = value.strip().lower()
    days = text.removesuffix("d")
    if days.isdigit():
        return datetime.now(UTC) - timedelta(days=int(days))
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        fail(f"--since {value!r}: give a date like 2026-12-01, a date and time like 2026-12-01T09:00, "
             "or a number of days like 7d")
    return when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)


def _questions(*, session: Session, since: datetime | None) -> list[QuestionLog]:
    query = select(QuestionLog).order_by(col(QuestionLog.created_at), col(QuestionLog.id))
    if since is not None:
        query = query.where(col(QuestionLog.created_at) >= since)
    return list(session.exec(query).all())


@export_app.command("questions")
def export_questions(
    since: Annotated[str | None, typer.Option("--since", help="Only questions from this date (2026-12-01), "
                                              "date and time, or number of days back (7d).")] = None,
    csv_file: Annotated[Path | None, typer.Option("--csv", help="Write CSV to FILE instead of standard "
                                                  "output.")] = None,
    policy_dir: PolicyDirOption = None,
) -> None:
    """The question log: when, who, language, the question, the sections that answered, confidence, whether it
    was escalated, feedback and policy version. Reviewed posts are never stored, so never exported."""
    from bot.store.db import Database

    start = _since(since)
    settings = settings_for(policy_dir)
    db = Database(settings.database_url)
    db.migrate()
    questions = db.call(_questions, since=start)
    db.dispose()
    handle = csv_file.open("w", newline="", encoding="utf-8") if csv_file else sys.stdout
    try:
        writer = csv.writer(handle)
        writer.writerow(["asked_at", "platform", "user_id", "language", "question", "sources", "confidence",
                         "escalated", "feedback", "policy_version"])
        for q in questions:
            writer.writerow([q.created_at.isoformat(), q.platform, q.user_id, q.language, q.question, q.sources,
                             f"{q.confidence:.2f}", "yes" if q.escalated else "no", q.feedback or "",
                             q.policy_version or ""])
    finally:
        if csv_file:
            handle.close()
    if csv_file:
        typer.echo(f"{len(questions)} question(s) written to {csv_file}", err=True)
