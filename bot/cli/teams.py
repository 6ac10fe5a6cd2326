"""`smm teams-package`: the Teams app package (manifest and icons) to upload in Teams or the admin center."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bot.cli.app import app as cli
from bot.cli.common import PolicyDirOption, fail, load_pack_or_exit, settings_for


@cli.command("teams-package")
def teams_package(
    out: Annotated[Path, typer.Option("--out", help="Where to write the zip.")] = Path("smm-teams-app.zip"),
    version: Annotated[str, typer.Option("--version", help="The app version (raise it for every upload).")] = "1.0.0",
    website: Annotated[str | None, typer.Option("--website", help="https:// URL for the developer, privacy and "
                                                "terms links (default: the domain of the manager's contact).")] = None,
    domain: Annotated[list[str] | None, typer.Option("--domain", help="A domain for validDomains (repeatable), "
                                                     "e.g. the host that serves /api/messages.")] = None,
    policy_dir: PolicyDirOption = None,
) -> None:
    """Write the Teams app package: manifest.json (bot id from SMM_TEAMS_APP_ID, names from company.yaml)
    and the two icons, zipped."""
    from bot.adapters.teams.package import PackageError, build_package

    settings = settings_for(policy_dir)
    pack = load_pack_or_exit(settings)
    try:
        data = build_package(pack, app_id=settings.teams_app_id or "", version=version, website=website,
                             domains=tuple(domain or ()))
    except PackageError as exc:
        fail(str(exc))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    typer.echo(f"Wrote {out} ({len(data)} bytes). Upload it in Teams (Apps > Manage your apps > Upload an app) "
               "or in the Teams admin center.")
