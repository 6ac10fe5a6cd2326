"""Reminder schedules: crontab expressions in the company's time zone, said back in words.

Admins write standard crontab (minute hour day-of-month month day-of-week, with 0 or 7 = Sunday). APScheduler 3
counts weekday 0 as Monday (its documented historical mistake), so numeric weekdays are turned into names
before `CronTrigger.from_crontab` sees them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

_DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_WORDS = {
    "en": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "nl": ("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"),
}
_NAME_INDEX = {name: i for i, name in enumerate(_DAY_NAMES[:7])}
MAX_CATCH_UP = 100_000


def _normalise_weekdays(field: str) -> str:
    """Crontab weekday numbers (0-7, Sunday = 0 or 7) as names; ranges that wrap are split."""

    def convert(part: str) -> str:
        step = ""
        if "/" in part:
            part, _, raw_step = part.partition("/")
            step = "/" + raw_step
        if "-" in part:
            a, _, b = part.partition("-")
            if a.isdigit() and b.isdigit():
                lo, hi = int(a), int(b)
                if not (0 <= lo <= 7 and 0 <= hi <= 7):
                    raise ValueError(f"weekday {part} is out of range 0-7")
                if hi == 7 and lo > 0:
                    return f"{_DAY_NAMES[lo]}-sat{step},sun" if not step else f"{_DAY_NAMES[lo]}-sun{step}"
                return f"{_DAY_NAMES[lo]}-{_DAY_NAMES[hi]}{step}"
        if part.isdigit():
            if not 0 <= int(part) <= 7:
                raise ValueError(f"weekday {part} is out of range 0-7")
            return _DAY_NAMES[int(part)] + step
        return part + step

    return ",".join(convert(p) for p in field.split(","))


def parse_cron(expr: str, timezone: str) -> CronTrigger:
    """A trigger for a five-field crontab expression; raises ValueError saying what is wrong."""
    fields = expr.split()
    if len(fields) != 5:
        raise ValueError(f"a schedule needs 5 fields (minute hour day month weekday), got {len(fields)}")
    fields[4] = _normalise_weekdays(fields[4].lower())
    return CronTrigger.from_crontab(" ".join(fields), timezone=timezone)


def describe_cron(expr: str, language: str, timezone: str) -> str:
    """The schedule in words, e.g. "every Monday at 09:00 (Europe/Amsterdam)" / "elke maandag om 09:00";
    unusual expressions are shown as they are."""
    nl = language == "nl"
    minute, hour, dom, month, dow = expr.split()
    zone = f" ({timezone})"
    if not (minute.isdigit() and hour.isdigit()):
        if minute.isdigit() and hour == "*" and dom == month == dow == "*":
            return (f"elk uur om :{int(minute):02d}" if nl else f"every hour at :{int(minute):02d}") + zone
        if minute == "*" and hour == dom == month == dow == "*":
            return ("elke minuut" if nl else "every minute") + zone
        step = re.fullmatch(r"\*/(\d+)", minute)
        if step and hour == dom == month == dow == "*":
            return (f"elke {step.group(1)} minuten" if nl else f"every {step.group(1)} minutes") + zone
        return f"cron `{expr}`{zone}"
    at = f"{int(hour):02d}:{int(minute):02d}"
    at_words = f" om {at}" if nl else f" at {at}"
    if month != "*":
        return f"cron `{expr}`{zone}"
    if dom == "*" and dow == "*":
        return ("elke dag" if nl else "every day") + at_words + zone
    if dom == "*":
        days = _weekday_words(dow, "nl" if nl else "en")
        if days is None:
            return f"cron `{expr}`{zone}"
        return (f"elke {days}" if nl else f"every {days}") + at_words + zone
    if dow == "*" and dom.isdigit():
        return (f"elke maand op dag {int(dom)}" if nl else f"on day {int(dom)} of every month") + at_words + zone
    return f"cron `{expr}`{zone}"


def _weekday_words(dow: str, language: str) -> str | None:
    words = _DAY_WORDS[language]
    names = _normalise_weekdays(dow.lower())
    if names == "mon-fri":
        return "werkdag (ma-vr)" if language == "nl" else "weekday (Mon-Fri)"
    result = []
    for part in names.split(","):
        if part in _NAME_INDEX:
            result.append(words[_NAME_INDEX[part]])
        elif re.fullmatch(r"[a-z]{3}-[a-z]{3}", part) and part[:3] in _NAME_INDEX and part[4:] in _NAME_INDEX:
            joiner = " t/m " if language == "nl" else " to "
            result.append(words[_NAME_INDEX[part[:3]]] + joiner + words[_NAME_INDEX[part[4:]]])
        else:
            return None
    joiner = " en " if language == "nl" else " and "
    return ", ".join(result[:-1]) + joiner + result[-1] if len(result) > 1 else result[0]


def latest_slot(trigger: CronTrigger, *, since: datetime, now: datetime) -> datetime | None:
    """The latest fire time of `trigger` in (since, now]: the schedule slot a run at `now` belongs to.

    A run that fires late (after downtime, coalesced) still gets the newest slot, so its outbox keys are the
    same whichever process or retry runs it."""
    slot: datetime | None = None
    current = trigger.get_next_fire_time(None, since + timedelta(microseconds=1))
    for _ in range(MAX_CATCH_UP):
        if current is None or current > now:
            break
        slot = current
        current = trigger.get_next_fire_time(current, current + timedelta(microseconds=1))
    return slot
