"""Acknowledgements ("I have read it") are stored only for a published policy version or a sent announcement,
and only from a user it reached; every other press gets a polite answer and stores nothing.

The announcements reach the `testbot` user through the outbox and the console adapter, and the button is
pressed as the console adapter presses buttons: an action request through the dispatcher."""

from __future__ import annotations

from typing import Any

from bot.adapters.console import ConsoleAdapter
from bot.app import BotApp
from bot.core.types import Action, Actions, Button, ConversationRef, Reply, Request, UserRef
from bot.scheduler.outbox import OutboxWorker, WorkerOptions
from bot.store import crud, crud_schedule
from bot.store.models_schedule import Announcement
from handlers.announcements import ACK, start_announcement
from handlers.messages import t

FAST = WorkerOptions(poll_interval=0.05, rates={"console": 1000.0, "slack": 1000.0})


class Recorder:
    """Stands in for Slack as a sender, so announcements to other users have somewhere to go."""

    platform = "slack"

    async def send(self, target: Any, reply: Reply) -> str | None:
        return None


async def press(testbot: ConsoleAdapter, button: Button | str, *, conversation: str | None = None) -> Reply:
    """Press a button as the testbot user (`conversation`: a channel it is pressed in, else the DM)."""
    action = button if isinstance(button, Button) else Button(button, "ok", "")
    where = ConversationRef("console", conversation or f"console:{testbot.user_id}",
                            "channel" if conversation else "direct")
    request = Request(UserRef("console", testbot.user_id), where, kind="action",
                      action=Action(action.action_id, action.value))
    replies = await testbot.dispatcher.dispatch(request)
    assert len(replies) == 1
    return replies[0]


def ack_button(reply: Reply) -> Button:
    return next(b for e in reply.elements if isinstance(e, Actions) for b in e.buttons if b.action_id.startswith(ACK))


async def announce(bot_app: BotApp, *, text: str = "New brand guide.", channels: str = "",
                   kind: str = "free", version_id: int | None = None) -> int:
    """Create an announcement and send it (fan-out and delivery) the way a confirmed one is sent."""
    db = bot_app.services.db
    draft = await db.run(crud_schedule.create_announcement, announcement=Announcement(
        kind=kind, text=text if kind == "free" else None, policy_version_id=version_id, language="en",
        platform="console", channels=channels, created_by="console:admin-1"))
    assert draft.id is not None
    await start_announcement(bot_app.services, draft.id)
    await OutboxWorker(db, bot_app.services.messenger, FAST).drain()
    return draft.id


async def known_users(bot_app: BotApp, *users: tuple[str, str]) -> None:
    for platform, user_id in users:
        await bot_app.services.db.run(crud.upsert_user, platform=platform, user_id=user_id, display_name=user_id)


def stored(bot_app: BotApp) -> int:
    return len(bot_app.services.db.call(crud_schedule.list_acknowledgements))


def polite(reply: Reply, key: str, bot_app: BotApp) -> bool:
    manager = bot_app.services.policy.pack.company.social_media_manager
    return reply.plain_text() == t(key, reply.language, name=manager.name, contact=manager.contact)


async def test_a_sent_announcement_is_acknowledged_once(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    await known_users(bot_app, ("console", testbot.user_id))
    await announce(bot_app)
    (target, message), = testbot.sent
    assert target.id == testbot.user_id
    first = await press(testbot, ack_button(message))
    assert first.plain_text() == t("ack.thanks", first.language)
    again = await press(testbot, ack_button(message))
    assert again.plain_text() == t("ack.already", again.language)
    assert stored(bot_app) == 1
    assert bot_app.services.db.call(crud_schedule.report_figures)["acknowledgements"] == 1


async def test_things_that_do_not_exist_are_not_acknowledged(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    await known_users(bot_app, ("console", testbot.user_id))
    announcement_id = await announce(bot_app)  # a real one exists, so the made-up ones sit next to it
    for subject in ("v0", "v1", "v99", f"a{announcement_id + 1}", "a0", "x1", "v", "a-1", "v1.0"):
        reply = await press(testbot, ACK + subject)
        assert stored(bot_app) == 0, subject
        assert polite(reply, "ack.not_found", bot_app), (subject, reply.plain_text())
        assert reply.private
    assert stored(bot_app) == 0
    assert bot_app.services.db.call(crud_schedule.report_figures)["acknowledgements"] == 0


async def test_a_draft_or_cancelled_announcement_is_not_acknowledged(testbot: ConsoleAdapter,
                                                                    bot_app: BotApp) -> None:
    draft = await bot_app.services.db.run(crud_schedule.create_announcement, announcement=Announcement(
        kind="free", text="Not sent yet.", language="en", platform="console", created_by="console:admin-1"))
    reply = await press(testbot, ACK + f"a{draft.id}")
    assert polite(reply, "ack.not_found", bot_app)
    assert stored(bot_app) == 0


async def test_only_a_recipient_may_acknowledge(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    bot_app.services.messenger.register(Recorder())
    await known_users(bot_app, ("slack", "U1"), ("slack", "U2"))  # the testbot user is not known yet
    announcement_id = await announce(bot_app)
    assert testbot.sent == []
    reply = await press(testbot, ACK + f"a{announcement_id}")
    assert stored(bot_app) == 0
    assert polite(reply, "ack.not_recipient", bot_app)


async def test_a_policy_version_is_acknowledged_only_when_published_and_announced_to_the_user(
        testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    db = bot_app.services.db
    pack = bot_app.services.policy.pack
    version = await db.run(crud_schedule.record_policy_version, version=pack.version_label,
                           content_hash=pack.content_hash, published_by="console:admin-1", summary={}, snapshot={})
    assert version.id is not None
    # Published, but not (yet) announced to this user: refused.
    reply = await press(testbot, ACK + f"v{version.id}")
    assert polite(reply, "ack.not_recipient", bot_app)
    await known_users(bot_app, ("console", testbot.user_id))
    await announce(bot_app, kind="policy", version_id=version.id)
    (_, message), = testbot.sent
    assert ack_button(message).action_id == ACK + f"v{version.id}"
    reply = await press(testbot, ack_button(message))
    assert reply.plain_text() == t("ack.thanks", reply.language)
    # A later, unpublished version is still refused.
    reply = await press(testbot, ACK + f"v{version.id + 1}")
    assert polite(reply, "ack.not_found", bot_app)
    assert stored(bot_app) == 1


async def test_a_channel_announcement_is_acknowledged_in_that_channel_only(testbot: ConsoleAdapter,
                                                                          bot_app: BotApp) -> None:
    announcement_id = await announce(bot_app, channels="C-general")
    (target, message), = testbot.sent
    assert (target.kind, target.id) == ("channel", "C-general")
    elsewhere = await press(testbot, ack_button(message), conversation="C-random")
    assert polite(elsewhere, "ack.not_recipient", bot_app)
    there = await press(testbot, ack_button(message), conversation="C-general")
    assert there.plain_text() == t("ack.thanks", there.language)
    assert [a.subject for a, _, _ in bot_app.services.db.call(crud_schedule.list_acknowledgements)] == [
        f"a{announcement_id}"]


async def test_the_refusal_is_in_the_users_language(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    for language in ("nl", "en"):
        await bot_app.services.db.run(crud.upsert_user, platform="console", user_id=testbot.user_id,
                                      display_name="me")
        await bot_app.services.db.run(crud.set_user_language, platform="console", user_id=testbot.user_id,
                                      language=language)
        testbot.dispatcher.forget_user("console", testbot.user_id)
        reply = await press(testbot, ACK + "v99")
        assert reply.language == language
        assert polite(reply, "ack.not_found", bot_app)
