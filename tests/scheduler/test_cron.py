"""Crontab weekdays read the crontab way (0 and 7 are Sunday, steps count from Sunday) and the latest slot of a
schedule found in a few steps, also after long downtime."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from bot.scheduler.cron import describe_cron, latest_slot, parse_cron

ZONE = "Europe/Amsterdam"
SUNDAY = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)  # a Sunday, after 09:00 Amsterdam time


def fire_days(expr: str, count: int = 7) -> list[str]:
    """The weekdays of the next `count` fire times after SUNDAY, as "Sun", "Mon", …"""
    trigger = parse_cron(expr, ZONE)
    days, previous, now = [], None, SUNDAY
    for _ in range(count):
        fire = trigger.get_next_fire_time(previous, now)
        assert fire is not None
        days.append(fire.strftime("%a"))
        previous, now = fire, fire + timedelta(microseconds=1)
    return days


@pytest.mark.parametrize("expr", ["0 9 * * 0-7", "0 9 * * 0-6", "0 9 * * *", "0 9 * * sun-sat"])
def test_every_day_ranges(expr: str) -> None:
    assert fire_days(expr) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def test_zero_to_five_is_sunday_to_friday() -> None:
    assert fire_days("0 9 * * 0-5", 6) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sun"]


def test_step_counts_from_sunday() -> None:
    assert fire_days("0 9 * * */2", 4) == ["Tue", "Thu", "Sat", "Sun"]
    assert fire_days("0 9 * * 1-5/2", 3) == ["Mon", "Wed", "Fri"]
    assert fire_days("0 9 * * 1/2", 3) == ["Mon", "Wed", "Fri"]


@pytest.mark.parametrize("expr, days", [
    ("0 9 * * 0", ["Sun"]), ("0 9 * * 7", ["Sun"]), ("0 9 * * 1", ["Mon"]), ("0 9 * * 6", ["Sat"]),
    ("0 9 * * 1-5", ["Mon", "Tue", "Wed", "Thu", "Fri"]), ("0 9 * * 5-7", ["Fri", "Sat", "Sun"]),
    ("0 9 * * 6,0", ["Sat", "Sun"]), ("0 9 * * 1,3,5", ["Mon", "Wed", "Fri"]),
    ("0 9 * * fri-sun", ["Fri", "Sat", "Sun"]),
])
def test_lists_and_single_days(expr: str, days: list[str]) -> None:
    assert fire_days(expr, len(days)) == days


@pytest.mark.parametrize("expr", ["0 9 * * 8", "0 9 * * 5-1", "0 9 * * */0", "0 9 * * xyz", "0 9 * *"])
def test_invalid_weekdays_are_rejected(expr: str) -> None:
    with pytest.raises(ValueError):
        parse_cron(expr, ZONE)


def test_descriptions() -> None:
    assert describe_cron("0 9 * * 0-7", "en", ZONE) == "every day at 09:00 (Europe/Amsterdam)"
    assert describe_cron("0 9 * * 1-5", "nl", ZONE) == "elke werkdag (ma-vr) om 09:00 (Europe/Amsterdam)"
    assert describe_cron("0 9 * * 7", "en", ZONE) == "every Sunday at 09:00 (Europe/Amsterdam)"


def naive_latest(expr: str, since: datetime, now: datetime) -> datetime | None:
    trigger = parse_cron(expr, ZONE)
    slot, current = None, trigger.get_next_fire_time(None, since + timedelta(microseconds=1))
    while current is not None and current <= now:
        slot, current = current, trigger.get_next_fire_time(current, current + timedelta(microseconds=1))
    return slot


@pytest.mark.parametrize("expr", ["* * * * *", "*/7 * * * *", "0 9 * * 1", "* 9 * * 1", "30 2 * * *",
                                  "0 0 1 * *", "15 3,15 * * 0-7"])
def test_latest_slot_matches_stepping_forward(expr: str) -> None:
    trigger = parse_cron(expr, ZONE)
    base = datetime(2025, 3, 20, tzinfo=UTC)  # spans the March DST change
    for minutes in range(0, 30 * 24 * 60, 997):
        since = base + timedelta(minutes=minutes)
        for gap in (timedelta(0), timedelta(seconds=59), timedelta(minutes=61), timedelta(hours=30)):
            now = since + gap
            assert latest_slot(trigger, since=since, now=now) == naive_latest(expr, since, now), (since, now)


def test_latest_slot_after_long_downtime_is_quick() -> None:
    trigger = parse_cron("* * * * *", ZONE)
    since = datetime(2024, 1, 1, tzinfo=UTC)
    now = since + timedelta(days=400, seconds=30)  # over half a million missed minutes
    started = time.perf_counter()
    assert latest_slot(trigger, since=since, now=now) == now.replace(second=0)
    assert time.perf_counter() - started < 0.5
    assert latest_slot(trigger, since=now, now=now) is None
