"""SMM_ADMINS: platform-qualified ids, refused at start-up when unqualified, compared per platform, and never
granted to a request its platform could not authenticate."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from bot.app import BotApp
from bot.cli import app as cli
from bot.config import Settings
from bot.core.types import ConversationRef, Request, UserRef
from handlers.messages import t

REFUSED = [t("error.admin_only", lang, command="policy", user="x").split("`")[0] for lang in ("nl", "en")]


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("admins", "message"), [
    ("U123", "SMM_ADMINS: 'U123' has no platform; write slack:U123, teams:<id> or console:<name>"),
    ("slack:U1, 6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b", "'6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b' has no platform"),
    ("discord:123", "SMM_ADMINS: 'discord:123' names an unknown platform 'discord'"),
    ("slack:", "SMM_ADMINS: 'slack:' has no user id"),
])
def test_unqualified_or_unknown_admin_ids_are_refused(admins: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        _settings(admins=admins)


def test_serve_names_the_unqualified_id_and_the_fix(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve"], env={"SMM_ADMINS": "U0ADMIN001",
                                                     "SMM_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"})
    assert result.exit_code != 0
    assert "'U0ADMIN001' has no platform; write slack:U0ADMIN001" in result.output
    assert "Traceback" not in result.output


def test_admin_ids_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMM_ADMINS", " slack:U0ADMIN001, teams:6F1C2B9E-3A4D-4E5F-8A9B-0C1D2E3F4A5B ,console:karel,")
    settings = _settings()

    assert settings.admin_ids == {("slack", "U0ADMIN001"), ("teams", "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"),
                                  ("console", "karel")}
    assert settings.is_admin("slack", "U0ADMIN001")
    assert settings.is_admin("teams", "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b")
    assert not settings.is_admin("teams", "U0ADMIN001")  # a Slack admin's id claimed on Teams
    assert not settings.is_admin("console", "U0ADMIN001")
    assert not settings.is_admin("slack", "u0admin001")  # Slack ids keep their case
    assert not settings.is_admin("slack", "slack:U0ADMIN001")
    assert not settings.is_admin("console", "")


def test_the_emulator_is_off_by_default() -> None:
    assert _settings().teams_emulator is False


def _request(platform: str, user: str, text: str, *, authenticated: bool = True) -> Request:
    return Request(UserRef(platform, user), ConversationRef(platform, f"{platform}:{user}", "direct"), text=text,
                   authenticated=authenticated)


async def _refused(bot_app: BotApp, request: Request) -> bool:
    replies = await bot_app.dispatcher.dispatch(request)
    return any(part in reply.plain_text() for reply in replies for part in REFUSED)


# The dispatcher compares platform and id, and an unauthenticated request is no admin whatever id it claims.
async def test_admin_commands_need_the_platform_and_an_authenticated_request(bot_app: BotApp) -> None:
    bot_app.services.settings = bot_app.services.settings.model_copy(
        update={"admins": "slack:U0ADMIN001,console:admin-1"})

    assert not await _refused(bot_app, _request("slack", "U0ADMIN001", "policy"))
    assert not await _refused(bot_app, _request("console", "admin-1", "policy"))
    assert await _refused(bot_app, _request("teams", "U0ADMIN001", "policy"))
    assert await _refused(bot_app, _request("console", "U0ADMIN001", "policy"))
    assert await _refused(bot_app, _request("slack", "admin-1", "policy"))
    assert await _refused(bot_app, _request("slack", "U0ADMIN001", "policy", authenticated=False))
    # An entry that skipped validation (settings copied with model_copy) matches nobody.
    bot_app.services.settings = bot_app.services.settings.model_copy(update={"admins": "U0ADMIN001"})
    assert await _refused(bot_app, _request("slack", "U0ADMIN001", "policy"))
    assert not bot_app.services.is_admin("U0ADMIN001")
