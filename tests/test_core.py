"""The conversation core: platform-neutral, routes commands, refuses non-admins, survives failing handlers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.core.dispatcher import split_command
from bot.core.errors import RegistrationError
from bot.core.registry import HandlerRegistry, command

ROOT = Path(__file__).resolve().parent.parent
PLATFORM_SDKS = ("slack_bolt", "slack_sdk", "botbuilder", "botframework", "microsoft_agents")
CORE_PATHS = ["bot/core", "bot/answer", "bot/review", "bot/policy", "bot/store", "bot/text", "handlers"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_no_platform_sdk() -> None:
    offenders = []
    for folder in CORE_PATHS:
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported_modules(path):
                if name.split(".")[0] in PLATFORM_SDKS:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_split_command() -> None:
    assert split_command("/smm review Hello <!channel>") == ("review", "Hello <!channel>")
    assert split_command("Review: mijn post") == ("review", "mijn post")
    assert split_command("   ") == ("", "")
    assert split_command("profile\nKarel_Acme") == ("profile", "Karel_Acme")


def test_registry_refuses_sync_handlers_and_duplicate_words() -> None:
    registry = HandlerRegistry()

    def not_async(ctx: object, args: str) -> None:
        return None

    with pytest.raises(RegistrationError, match="async def"):
        registry.add_command(command("x")(not_async).__smm_command__)

    async def one(ctx: object, args: str) -> None:
        return None

    async def two(ctx: object, args: str) -> None:
        return None

    registry.add_command(command("one", words=("een",))(one).__smm_command__)
    with pytest.raises(RegistrationError, match="already calls"):
        registry.add_command(command("two", words=("een",))(two).__smm_command__)


async def test_help_lists_commands_in_the_askers_language(testbot: object) -> None:
    reply = await testbot.say("help")  # type: ignore[attr-defined]
    assert "review" in reply and "profile" in reply
    reply_nl = await testbot.say("hulp")  # type: ignore[attr-defined]
    assert "Stel me gerust een vraag" in reply_nl or "vraag" in reply_nl


async def test_question_in_dutch_gets_dutch_answer_with_source(testbot: object) -> None:
    reply = await testbot.say("mag ik onder werktijd op LinkedIn?")  # type: ignore[attr-defined]
    assert "Bronnen" in reply
    assert "[working-hours]" in reply


async def test_non_admin_is_refused_admin_commands(bot_app: object) -> None:
    from bot.app import BotApp
    from bot.core.types import ConversationRef, Request, UserRef
    from bot.store import crud

    assert isinstance(bot_app, BotApp)
    admin_commands = [c for c in bot_app.dispatcher.registry.commands.values() if c.admin]
    if not admin_commands:
        pytest.skip("no admin commands registered yet")
    word = admin_commands[0].name
    request = Request(UserRef("console", "someone"), ConversationRef("console", "c1"), text=f"{word} anything")
    replies = await bot_app.dispatcher.dispatch(request)
    assert replies and replies[0].private
    rows = bot_app.services.db.call(crud.list_audit)
    assert rows and rows[0].allowed is False and rows[0].action == word


async def test_failing_handler_gives_apology_not_traceback(bot_app: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.app import BotApp
    from bot.core.types import ConversationRef, Request, UserRef

    assert isinstance(bot_app, BotApp)

    def explode(question: str, language: str | None = None) -> object:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(bot_app.services.policy.answers, "answer", explode)
    request = Request(UserRef("console", "u1"), ConversationRef("console", "c1"), text="what about LinkedIn?")
    replies = await bot_app.dispatcher.dispatch(request)
    text = replies[0].plain_text()
    assert "secret internals" not in text and request.request_id in text
    # the next request is still served
    replies = await bot_app.dispatcher.dispatch(
        Request(UserRef("console", "u1"), ConversationRef("console", "c1"), text="help"))
    assert "review" in replies[0].plain_text()


async def test_retried_event_is_handled_once(bot_app: object) -> None:
    from bot.app import BotApp
    from bot.core.types import ConversationRef, Request, UserRef

    assert isinstance(bot_app, BotApp)
    req = Request(UserRef("slack", "U1"), ConversationRef("slack", "D1"), text="help", event_id="Ev1")
    assert await bot_app.dispatcher.dispatch(req)
    assert await bot_app.dispatcher.dispatch(req) == []
