"""`smm export …`: records for auditors, as CSV."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.app import export_app
from bot.cli.common import PolicyDirOption, settings_for


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
