"""Publishing a policy version (change summary, swap, confirm), announcements, acknowledgements, reports."""

from __future__ import annotations

import shutil
from pathlib import Path

from scheduler_support import Bot

from bot.core.types import Action, Actions, ConversationRef, Request, UserRef
from bot.policy import load_pack
from bot.scheduler.outbox import OutboxWorker, WorkerOptions
from bot.scheduler.tips import check_tips, load_tips
from bot.store import crud, crud_schedule

FAST = WorkerOptions(poll_interval=0.05, rates={"slack": 1000.0, "console": 1000.0})


def copy_pack(policy_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(policy_dir, target, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return target


async def press(bot: Bot, user_id: str, action_id: str, value: str, platform: str = "console") -> str:
    request = Request(UserRef(platform, user_id), ConversationRef(platform, f"{platform}:{user_id}"),
                      kind="action", action=Action(action_id, value))
    replies = await bot.app.dispatcher.dispatch(request)
    return "\n".join(r.plain_text() for r in replies)


async def test_publish_summarises_changes_and_announce_is_acknowledged_once(bot_factory, policy_dir: Path,
                                                                            tmp_path: Path) -> None:
    pack_dir = copy_pack(policy_dir, tmp_path)
    bot = bot_factory(pack_dir)
    bot.services.db.call(crud.upsert_user, platform="slack", user_id="U1", display_name="Una")
    bot.services.db.call(crud.upsert_user, platform="slack", user_id="U2", display_name="Piet")
    first = await bot.admin.handle_line("policy publish")
    assert first[0].metadata["summary"]["first"] is True

    # Edit one section, add a custom one, disable one; publish again.
    edited = pack_dir / "sections" / "working-hours" / "en.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAlso: mute work chats on holiday.\n", encoding="utf-8")
    custom = pack_dir / "sections" / "our-podcast"
    custom.mkdir()
    for lang, title in (("nl", "Onze podcast"), ("en", "Our podcast")):
        (custom / f"{lang}.md").write_text(f"---\ntitle: {title}\ncustom: true\n---\nText about the podcast.\n",
                                           encoding="utf-8")
    pack_yaml = pack_dir / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace(
        "disabled_sections: []", "disabled_sections: [discrimination-and-harassment]"), encoding="utf-8")
    replies = await bot.admin.handle_line("policy publish")
    summary = replies[0].metadata["summary"]
    assert [i["id"] for i in summary["changed"]] == ["working-hours"]
    assert [i["id"] for i in summary["added"]] == ["our-podcast"]
    assert [i["id"] for i in summary["removed"]] == ["discrimination-and-harassment"]
    assert "our-podcast" in bot.services.policy.pack.sections  # the running pack was swapped
    text = bot.admin.render(replies[0])
    assert "Our podcast" in text or "Onze podcast" in text
    buttons = [b for e in replies[1].elements if isinstance(e, Actions) for b in e.buttons]
    assert {b.action_id for b in buttons} == {"smm.announce.confirm", "smm.announce.cancel"}
    assert "unchanged" not in text

    # A non-admin cannot press confirm; the admin can.
    await press(bot, "employee-7", "smm.announce.confirm", buttons[0].value)
    assert bot.services.db.call(crud_schedule.outbox_counts) == {}
    await press(bot, "admin-1", "smm.announce.confirm", buttons[0].value)
    worker = OutboxWorker(bot.services.db, bot.services.messenger, FAST)
    await worker.drain()
    assert {t.id for t, _ in bot.slack.sent} == {"U1", "U2"}
    announcement = bot.slack.sent[0][1]
    ack = [b for e in announcement.elements if isinstance(e, Actions) for b in e.buttons][0]
    assert ack.action_id.startswith("smm.ack:v")
    # Confirming again sends nothing new.
    await press(bot, "admin-1", "smm.announce.confirm", buttons[0].value)
    await worker.drain()
    assert len(bot.slack.sent) == 2

    # Pressing "I have read it" twice stores one row.
    await press(bot, "U1", ack.action_id, ack.value, platform="slack")
    again = await press(bot, "U1", ack.action_id, ack.value, platform="slack")
    assert "already" in again or "al als gelezen" in again
    rows = bot.services.db.call(crud_schedule.list_acknowledgements)
    assert [(a.platform, a.user_id) for a, _, _ in rows] == [("slack", "U1")]
    report = await bot.admin.handle_line("report acknowledgements")
    assert report[0].metadata == {"acknowledged": 1, "known": 4}  # U1, U2, admin-1, employee-7
    assert "Piet" in bot.admin.render(report[0])
    figures = await bot.admin.handle_line("report")
    assert figures[0].metadata["users"] == 4
    status = await bot.admin.say("policy")
    assert "admin-1" in status
    unchanged = await bot.admin.say("policy publish")
    assert "nothing published" in unchanged or "niets gepubliceerd" in unchanged


async def test_free_announcement_to_channel(bot_factory) -> None:
    bot = bot_factory()
    replies = await bot.admin.handle_line("announce to C42 nudge 3 The new brand guide is on the intranet")
    confirm = [b for r in replies for e in r.elements if isinstance(e, Actions) for b in e.buttons][0]
    await press(bot, "admin-1", confirm.action_id, confirm.value)
    await OutboxWorker(bot.services.db, bot.services.messenger, FAST).drain()
    # The admin is on the console, so the channel is a console channel.
    assert [(t.kind, t.id) for t, _ in bot.admin.sent] == [("channel", "C42")]
    assert "brand guide" in bot.admin.sent[0][1].plain_text()
    bad = await bot.admin.say("announce nudge many Hello")
    assert "nudge" in bad


def test_bundled_tips_are_valid(policy_dir: Path) -> None:
    assert check_tips(policy_dir) == []
    tips = load_tips(policy_dir, load_pack(policy_dir).company)
    assert tips and all("{" not in text for tip in tips for text in tip.texts.values())


def test_tip_problems_are_reported(policy_dir: Path, tmp_path: Path) -> None:
    pack_dir = copy_pack(policy_dir, tmp_path)
    (pack_dir / "tips.yaml").write_text("- section: nope\n  nl: a\n  en: b\n- section: working-hours\n  nl: x {bogus}\n"
                                        "  en: y\n- section: working-hours\n  en: only english\n", encoding="utf-8")
    messages = [p.message for p in check_tips(pack_dir)]
    assert any("unknown section `nope`" in m for m in messages)
    assert any("{bogus}" in m for m in messages)
    assert any("no `nl` text" in m for m in messages)


async def test_publish_with_broken_lexicon_is_refused_and_records_nothing(bot_factory, policy_dir: Path,
                                                                          tmp_path: Path) -> None:
    pack_dir = copy_pack(policy_dir, tmp_path)
    bot = bot_factory(pack_dir)
    first = await bot.admin.handle_line("policy publish")
    version_id = first[0].metadata["version_id"]
    running_pack = bot.services.policy.pack
    running_reviews = bot.services.policy.reviews

    # A change to publish, and a review lexicon the review engine cannot load.
    edited = pack_dir / "sections" / "working-hours" / "en.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAlso: mute work chats on holiday.\n", encoding="utf-8")
    (pack_dir / "review" / "insults.yaml").write_text("insults:\n  nl: [klungel\n  en: [fool]\n", encoding="utf-8")
    refused = await bot.admin.say("policy publish")
    assert "was not published" in refused or "niet gepubliceerd" in refused
    assert "insults.yaml:" in refused  # file:line of the problem

    latest = bot.services.db.call(crud_schedule.latest_policy_version)
    assert latest is not None and latest.id == version_id
    assert bot.services.db.call(crud_schedule.get_announcement, announcement_id=2) is None
    assert bot.services.policy.pack is running_pack and bot.services.policy.reviews is running_reviews
    audit = [r for r in bot.services.db.call(crud.list_audit) if r.action == "policy.publish"]
    assert any("rejected" in (r.detail or "") for r in audit)
    # The bot still answers with the pack in force.
    answer = await bot.admin.say("Mag ik onder werktijd op LinkedIn?")
    assert answer.strip() and "problem" not in answer


async def test_publish_with_broken_tips_is_refused(bot_factory, policy_dir: Path, tmp_path: Path) -> None:
    pack_dir = copy_pack(policy_dir, tmp_path)
    bot = bot_factory(pack_dir)
    (pack_dir / "tips.yaml").write_text("- section: nope\n  nl: a\n  en: b\n", encoding="utf-8")
    refused = await bot.admin.say("policy publish")
    assert "tips.yaml:1: tip 1 names unknown section `nope`" in refused
    assert bot.services.db.call(crud_schedule.latest_policy_version) is None
