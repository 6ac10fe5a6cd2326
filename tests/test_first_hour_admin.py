"""A new admin's first hour (issue 11, items 7-12), as conversations through the console adapter and as
command-line runs: becoming an admin, the policy version in force, what people ask, reminders, change
summaries, the announcement's signature and the help's pointers."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.adapters.console import ConsoleAdapter
from bot.app import BotApp, build_core, make_web_app
from bot.cli import app as cli
from bot.config import Settings
from bot.scheduler.outbox import OutboxWorker
from bot.store import crud, crud_schedule
from handlers.announcements import change_lines

ROOT = Path(__file__).resolve().parents[1]


def make(sqlite_url: str, policy_dir: Path) -> BotApp:
    settings = Settings(_env_file=None, database_url=sqlite_url, policy_dir=policy_dir,  # type: ignore[call-arg]
                        admins="console:admin-1")
    return build_core(settings)


@pytest.fixture
def app(sqlite_url: str, policy_dir: Path) -> Iterator[BotApp]:
    bot = make(sqlite_url, policy_dir)
    yield bot
    bot.services.db.dispose()


@pytest.fixture
def admin(app: BotApp) -> ConsoleAdapter:
    adapter = ConsoleAdapter(app.dispatcher, user_id="admin-1")
    app.services.messenger.register(adapter)
    return adapter


@pytest.fixture
def pack_copy(tmp_path: Path, policy_dir: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(policy_dir, target, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    return target


async def press(adapter: ConsoleAdapter, shown: str, label: str) -> str:
    """Press the button `label` of the replies shown (by the number the terminal printed for it)."""
    found = re.findall(r"\[#(\d+) " + re.escape(label) + r"\]", shown)
    assert found, shown
    return await adapter.say("#" + found[-1])


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {"SMM_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "SMM_ADMINS": "console:admin-1",
           "SMM_LOG_LEVEL": "ERROR", "SMM_INDEX_CACHE": "0"}
    env.update(extra)
    return env


# 7. Becoming an admin -----------------------------------------------------------------------------------------


async def test_refusal_names_the_users_qualified_id_and_the_setting(testbot: ConsoleAdapter) -> None:
    reply = await testbot.say("remind list")
    assert "console:console-user" in reply and "SMM_ADMINS" in reply, reply


def test_serve_and_chat_take_user() -> None:
    runner = CliRunner()
    for command in ("serve", "chat"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "--user" in result.output and "console:NAME" in result.output


def test_chat_delivers_an_announcement_it_queued(tmp_path: Path) -> None:
    """`smm chat` runs the outbox: the announcement the admin confirms arrives in the terminal."""
    result = CliRunner().invoke(cli, ["chat", "--user", "admin-1"], env=cli_env(tmp_path),
                                input="help\nannounce Welcome to the policy bot everyone\n#1\n")
    assert result.exit_code == 0, result.output
    assert "on its way: 1 message queued" in result.output, result.output
    assert "[user admin-1]" in result.output, result.output  # the delivered announcement


# 8. Which policy is in force ----------------------------------------------------------------------------------


def _publish_other(app: BotApp, version: str = "1.1.0") -> None:
    app.services.db.call(crud_schedule.record_policy_version, version=version, content_hash="0" * 64,
                         published_by="console:admin-1", summary={"first": True, "count": 16}, snapshot={})


async def test_policy_command_says_disk_differs_from_published_and_what_to_do(app: BotApp,
                                                                              admin: ConsoleAdapter) -> None:
    _publish_other(app)
    reply = await admin.say("policy")
    assert app.services.policy.pack.version_label in reply and "1.1.0" in reply
    assert "SMM_POLICY_DIR" in reply and "policy publish" in reply, reply


async def test_healthz_reports_disk_and_published_versions(app: BotApp) -> None:
    from aiohttp.test_utils import TestClient, TestServer

    _publish_other(app)
    client = TestClient(TestServer(make_web_app(app), host="127.0.0.1"))
    await client.start_server()
    try:
        body = await (await client.get("/healthz")).json()
    finally:
        await client.close()
    policy = body["policy"]
    assert policy["on_disk"] == app.services.policy.pack.version_label
    assert policy["published"] == "1.1.0" and policy["in_sync"] is False
    assert "SMM_POLICY_DIR" in policy["advice"]


# 9. What people ask, reminders --------------------------------------------------------------------------------


def _log(app: BotApp, question: str, *, escalated: bool = False, sources: tuple[str, ...] = ()) -> None:
    app.services.db.call(crud.log_question, platform="slack", user_id="U7", question=question, language="en",
                         sources=list(sources), confidence=0.2, escalated=escalated)


async def test_report_lists_latest_escalated_and_unanswered_questions(app: BotApp, admin: ConsoleAdapter) -> None:
    _log(app, "May I post about the reorganisation rumours?", escalated=True)
    _log(app, "Can I bring my dog to the office?")
    _log(app, "May I use LinkedIn at work?", sources=("working-hours",))
    reply = await admin.say("report")
    assert "Latest escalated questions" in reply and "reorganisation rumours" in reply, reply
    assert "bring my dog" in reply and "LinkedIn at work" not in reply, reply


def test_export_questions_writes_the_question_log(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    bot = make(env["SMM_DATABASE_URL"], Settings(_env_file=None).policy_dir)  # type: ignore[call-arg]
    _log(bot, "Can I bring my dog to the office?")
    bot.services.db.dispose()
    out = tmp_path / "questions.csv"
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "questions", "--csv", str(out)], env=env)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["question"] for r in rows] == ["Can I bring my dog to the office?"]
    later = runner.invoke(cli, ["export", "questions", "--since", "2999-01-01"], env=env)
    assert later.exit_code == 0 and "bring my dog" not in later.output
    assert "questions" in runner.invoke(cli, ["export", "--help"]).output


async def test_report_acknowledgements_of_an_announcement(admin: ConsoleAdapter) -> None:
    sent = await press(admin, await admin.say("announce Please update your profile photo"), "Send")
    assert "Announcement 1" in sent, sent
    reply = await admin.say("report acknowledgements 1")
    assert "announcement 1" in reply and "0 of 1" in reply, reply
    assert "know of no sent announcement" in await admin.say("report acknowledgements 99")


async def test_tip_reminder_that_reaches_nobody_says_so(app: BotApp, admin: ConsoleAdapter) -> None:
    await admin.say("tips off")
    reply = await admin.say('remind add users "0 9 * * 1" tip')
    assert "reaches nobody" in reply and "tips off" in reply, reply


async def test_remind_list_shows_text_and_next_run_in_company_time_zone(admin: ConsoleAdapter) -> None:
    await admin.say('remind add users "0 9 * * 1" text Check your privacy settings')
    listing = await admin.say("remind list")
    assert "Check your privacy settings" in listing and "next run: 20" in listing, listing
    assert "09:00 Europe/Amsterdam" in listing, listing


async def test_reminder_to_unknown_channel_is_refused(app: BotApp, admin: ConsoleAdapter) -> None:
    reply = await admin.say('remind add C0NOSUCH "0 9 * * 1" text Hello channel')
    assert "does not exist in the terminal" in reply, reply
    assert app.services.db.call(crud_schedule.list_reminders) == []
    own = await admin.say('remind add console:admin-1 "0 9 * * 1" text Hello me')
    assert "Reminder 1 is scheduled" in own, own


# 10. What changed ---------------------------------------------------------------------------------------------


async def test_change_summary_shows_added_and_removed_sentences_in_both_languages(sqlite_url: str,
                                                                                   pack_copy: Path) -> None:
    bot = make(sqlite_url, pack_copy)
    admin = ConsoleAdapter(bot.dispatcher, user_id="admin-1")
    bot.services.messenger.register(admin)
    try:
        await admin.say("policy publish")
        for lang, old, new in (
            ("en", "Longer personal use during your breaks and lunch.", "Personal use is fine during breaks."),
            ("nl", None, "Even een nieuwe zin over pauzes."),
        ):
            path = pack_copy / "sections" / "working-hours" / f"{lang}.md"
            text = path.read_text(encoding="utf-8")
            if old is not None:
                assert old in text
                text = text.replace(old, new)
            else:
                text = text.rstrip("\n") + f"\n\n{new}\n"
            path.write_text(text, encoding="utf-8")
        replies = await admin.handle_line("policy publish")
        english = "\n".join(admin.render(r) for r in replies)
        assert "Personal use is fine during breaks." in english and "removed" in english, english
        assert "Longer personal use during your breaks and lunch." in english, english
        dutch = change_lines(replies[0].metadata["summary"], "nl")
        assert any("Even een nieuwe zin over pauzes." in line for line in dutch), dutch
        announcement = await press(admin, english, "Send")
        assert "on its way" in announcement
        await OutboxWorker(bot.services.db, bot.services.messenger).drain(timeout=30)
        delivered = admin.sent[-1][1].plain_text()
        assert "Even een nieuwe zin over pauzes." in delivered, delivered  # in the user's language (nl)
    finally:
        bot.services.db.dispose()


# 11. Signature and counts -------------------------------------------------------------------------------------


async def test_announcement_signature_from_company_file_and_count_grammar(sqlite_url: str,
                                                                           pack_copy: Path) -> None:
    company = pack_copy / "company.yaml"
    company.write_text(company.read_text(encoding="utf-8")
                       + "announcement_signature: {nl: het communicatieteam, en: the communications team}\n",
                       encoding="utf-8")
    bot = make(sqlite_url, pack_copy)
    admin = ConsoleAdapter(bot.dispatcher, user_id="admin-1")
    bot.services.messenger.register(admin)
    try:
        preview = await admin.say("announce Please update your profile photo")
        assert "Announcement from the communications team" in preview, preview
        assert "the 1 known user" in preview and "all 1" not in preview, preview
    finally:
        bot.services.db.dispose()


def test_company_file_validator_accepts_signature_and_still_refuses_unknown_keys(pack_copy: Path) -> None:
    from bot.policy import check_pack

    company = pack_copy / "company.yaml"
    base = company.read_text(encoding="utf-8")
    company.write_text(base + "announcement_signature: the communications team\n", encoding="utf-8")
    assert check_pack(pack_copy) == []
    company.write_text(base + "announcement_signature: 3\n", encoding="utf-8")
    assert any("announcement_signature" in p.message for p in check_pack(pack_copy))
    company.write_text(base + "signature: x\n", encoding="utf-8")
    assert any("unknown key `signature`" in p.message for p in check_pack(pack_copy))


# 12. Help points at what exists ------------------------------------------------------------------------------


def test_help_points_to_the_readme_json_section_not_a_missing_contract() -> None:
    runner = CliRunner()
    for command in ("ask", "review"):
        output = " ".join(runner.invoke(cli, [command, "--help"]).output.replace("│", " ").split())
        assert "CONTRACT.md" not in output and "README, 'JSON output'" in output, output
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## JSON output" in readme and '"escalate"' in readme and '"findings"' in readme
    for folder in ("bot", "handlers", "policy_data"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".yaml", ".md") and path.is_file():
                assert "CONTRACT.md" not in path.read_text(encoding="utf-8"), path
