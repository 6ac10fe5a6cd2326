"""Reminders: scheduled by an admin in chat, fired by APScheduler into the terminal chat and a recorded Slack
stand-in, surviving a restart, and sent once after downtime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scheduler_support import Bot, FakeClock, wait_for
from sqlmodel import select

from bot.config import Settings
from bot.scheduler.component import SchedulerComponent, worker_options
from bot.scheduler.outbox import WorkerOptions
from bot.store import crud, crud_schedule
from bot.store.models import AuditLog
from bot.store.models_schedule import OutboxMessage
from handlers.reminders import fan_out_reminder

FAST = WorkerOptions(poll_interval=0.05, rates={"slack": 1000.0, "console": 1000.0})


def fire_soon(component: SchedulerComponent, reminder_id: int) -> None:
    assert component.scheduler is not None
    component.scheduler.modify_job(f"reminder:{reminder_id}",
                                   next_run_time=datetime.now(UTC) + timedelta(milliseconds=100))


async def setup_reminder(bot: Bot, command: str) -> None:
    bot.services.db.call(crud.upsert_user, platform="slack", user_id="U1", display_name="Una")
    reply = await bot.admin.say(command)
    assert "Reminder 1 " in reply or "Herinnering 1 " in reply, reply


async def test_reminder_fires_into_console_and_slack_and_survives_restart(bot_factory, clock: FakeClock,
                                                                          running) -> None:
    bot = bot_factory()
    await setup_reminder(bot, 'remind add users "* * * * *" text Check your privacy settings')
    component = SchedulerComponent(bot.services, options=FAST, clock=clock)
    running.append(component)
    await component.start()
    clock.advance(minutes=2)
    fire_soon(component, 1)
    await wait_for(lambda: len(bot.slack.sent) == 1 and len(bot.admin.sent) == 1)
    target, reply = bot.slack.sent[0]
    assert (target.platform, target.kind, target.id) == ("slack", "user", "U1")
    assert "Check your privacy settings" in reply.plain_text()
    assert "Check your privacy settings" in bot.out.getvalue()
    await component.stop()
    running.remove(component)

    # A new process on the same database: the job is still there and fires.
    bot2 = bot_factory()
    component2 = SchedulerComponent(bot2.services, options=FAST, clock=clock)
    running.append(component2)
    await component2.start()
    assert component2.scheduler is not None
    assert component2.scheduler.get_job("reminder:1") is not None
    clock.advance(minutes=2)
    fire_soon(component2, 1)
    await wait_for(lambda: len(bot2.slack.sent) == 1 and len(bot2.admin.sent) == 1)


async def test_missed_run_is_sent_once(bot_factory, clock: FakeClock, running, monkeypatch) -> None:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    bot = bot_factory()
    await setup_reminder(bot, 'remind add users "* * * * *" tip')
    # The first process starts its scheduler paused, so the every-minute job cannot fire (in real time)
    # before the test has moved it into the past.
    start = AsyncIOScheduler.start
    monkeypatch.setattr(AsyncIOScheduler, "start", lambda self, paused=False: start(self, paused=True))
    component = SchedulerComponent(bot.services, options=FAST, clock=clock, run_worker=False, sync_interval=3600)
    await component.start()
    monkeypatch.undo()
    assert component.scheduler is not None and component.scheduler.get_job("reminder:1") is not None
    # The bot was down: the job's next run lies five periods in the past.
    component.scheduler.modify_job("reminder:1", next_run_time=datetime.now(UTC) - timedelta(minutes=5))
    await component.stop()

    clock.advance(minutes=6)  # six schedule slots passed while the bot was down
    bot2 = bot_factory()
    component2 = SchedulerComponent(bot2.services, options=FAST, clock=clock, sync_interval=3600)
    running.append(component2)
    await component2.start()
    await wait_for(lambda: len(bot2.slack.sent) >= 1 and len(bot2.admin.sent) >= 1, timeout=20)
    await component2.worker.drain()
    assert len(bot2.slack.sent) == 1 and len(bot2.admin.sent) == 1
    tip = bot2.slack.sent[0][1]
    assert tip.elements and any("tips off" in getattr(e, "text", "") for e in tip.elements)
    rows = bot2.services.db.call(lambda session: list(session.exec(select(OutboxMessage))))
    assert len(rows) == 2 and {r.state for r in rows} == {"sent"}
    # One run, for the newest of the missed slots; the job firing again in the same slot adds nothing.
    reminder = bot2.services.db.call(crud_schedule.get_reminder, reminder_id=1)
    assert reminder.runs == 1
    last = reminder.last_run_at if reminder.last_run_at.tzinfo else reminder.last_run_at.replace(tzinfo=UTC)
    assert last == clock.now.replace(second=0, microsecond=0)
    assert await fan_out_reminder(bot2.services, reminder_id=1, now=clock.now) == 0


async def test_send_rates_and_outbox_metrics(bot_factory, clock: FakeClock, running) -> None:
    bot = bot_factory()
    assert worker_options(Settings(_env_file=None, send_rates="slack=3,teams=2")).rates["slack"] == 3.0  # type: ignore[call-arg]
    await setup_reminder(bot, 'remind add users "* * * * *" text Check your privacy settings')
    metrics = bot.app.metrics
    component = SchedulerComponent(bot.services, options=FAST, clock=clock, run_worker=False, sync_interval=3600,
                                   metrics=metrics)
    running.append(component)
    await component.start()
    clock.advance(minutes=2)
    assert await fan_out_reminder(bot.services, reminder_id=1, now=clock.now) == 2
    await component.leadership_pass()
    assert metrics.registry.get_sample_value("smm_outbox_pending") == 2
    assert component.health()["outbox_waiting"] == 2 and component.health()["jobs"] == 3
    await component.worker.drain()
    await component.leadership_pass()
    assert metrics.registry.get_sample_value("smm_outbox_pending") == 0
    assert metrics.registry.get_sample_value("smm_outbox_sent_total", {"platform": "slack"}) == 1
    assert metrics.registry.get_sample_value("smm_outbox_sent_total", {"platform": "console"}) == 1


async def test_tips_opt_out_skips_user(bot_factory, clock: FakeClock, running) -> None:
    bot = bot_factory()
    await setup_reminder(bot, 'remind add users "0 9 * * 1" tip')
    assert "`tips on`" in await bot.admin.say("tips off")
    component = SchedulerComponent(bot.services, options=FAST, clock=clock)
    running.append(component)
    await component.start()
    clock.advance(days=8)
    fire_soon(component, 1)
    await wait_for(lambda: len(bot.slack.sent) == 1)
    await component.worker.drain()
    assert bot.admin.sent == []


def either(reply: str, *phrases: str) -> bool:
    """The bot answers in the language it detects in the command; accept the phrase in either language."""
    return any(p in reply for p in phrases)


async def test_remind_grammar_list_pause_resume_delete(bot_factory) -> None:
    bot = bot_factory()
    usage = await bot.admin.say("remind add users every monday tip")
    assert either(usage, "after the target comes the schedule", "na het doel komt het schema")
    bad = await bot.admin.say('remind add users "61 9 * * 1" tip')
    assert '"61 9 * * 1"' in bad and either(bad, "not valid", "klopt niet")
    assert either(await bot.admin.say('remind add users "0 9 * * 1" hello'), "`tip` or `text", "`tip` of `text")
    created = await bot.admin.say('remind add console:admin-1 "0 9 * * 1" text Weekly check of the company accounts')
    assert "every Monday at 09:00 (Europe/Amsterdam)" in created
    nl = await bot.admin.say('remind add gebruikers "0 9 * * 1-5" tekst Denk aan je wachtwoord en je profiel')
    assert "elke werkdag (ma-vr) om 09:00" in nl
    assert "#1" in await bot.admin.say("remind list")
    assert either(await bot.admin.say("remind pause 1"), "paused", "gepauzeerd")
    assert either(await bot.admin.say("remind list"), "(paused)", "(gepauzeerd)")
    assert either(await bot.admin.say("remind resume 1"), "running again", "loopt weer")
    assert either(await bot.admin.say("remind delete 1"), "deleted", "verwijderd")
    assert either(await bot.admin.say("remind delete 1"), "does not exist", "bestaat niet")


async def test_non_admin_is_refused_and_logged(bot_factory) -> None:
    from bot.adapters.console import ConsoleAdapter

    bot = bot_factory()
    user = ConsoleAdapter(bot.app.dispatcher, user_id="employee-7")
    assert either(await user.say('remind add users "0 9 * * 1" tip'), "Only administrators", "Alleen beheerders")
    assert either(await user.say("policy publish"), "Only administrators", "Alleen beheerders")
    rows = bot.services.db.call(crud.list_audit)
    refused = {(r.user_id, r.action) for r in rows if not r.allowed}
    assert {("employee-7", "remind"), ("employee-7", "policy")} <= refused
    assert all(isinstance(r, AuditLog) for r in rows)
