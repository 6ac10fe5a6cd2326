"""Reminder schedules: crontab expressions in the company's time zone, said back in words.

Admins write standard crontab (minute hour day-of-month month day-of-week, with 0 or 7 = Sunday). APScheduler 3
counts weekday 0 as Monday (its documented historical mistake), so numeric weekdays are turned into names
before `CronTrigger.from_crontab` sees them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from apscheduler.triggers.cron import CronTrigger

_TICK = timedelta(microseconds=1)

_DAY_NAMES = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")
_DAY_WORDS = {
    "en": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "nl": ("zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"),
}
_NAME_INDEX = {name: i for i, name in enumerate(_DAY_NAMES)}


def _weekday_number(word: str, *, range_end: bool = False) -> int:
    """A crontab weekday (0-7 or a name) as 0-7; `sun` at the end of a range is 7 (`fri-sun`)."""
    if word.isdigit():
        number = int(word)
        if not 0 <= number <= 7:
            raise ValueError(f"weekday {word} is out of range 0-7")
        return number
    if word in _NAME_INDEX:
        return 7 if range_end and word == "sun" else _NAME_INDEX[word]
    raise ValueError(f"weekday `{word}` is not a number 0-7 or a day name (mon, tue, …)")


def _weekday_set(field: str) -> set[int]:
    """The days (0 = Sunday … 6 = Saturday) a crontab weekday field selects: lists, ranges and steps,
    counted the crontab way (`*/2` is Sunday, Tuesday, Thursday, Saturday; 7 is Sunday too)."""
    days: set[int] = set()
    for part in field.split(","):
        base, slash, raw_step = part.partition("/")
        step = 1
        if slash:
            if not raw_step.isdigit() or int(raw_step) < 1:
                raise ValueError(f"weekday step `{raw_step}` must be a whole number of 1 or more")
            step = int(raw_step)
        if base == "*":
            lo, hi = 0, 6
        elif "-" in base:
            a, _, b = base.partition("-")
            lo, hi = _weekday_number(a), _weekday_number(b, range_end=True)
            if lo > hi:
                raise ValueError(f"weekday range {base} runs backwards (write e.g. 5-7 or fri-sun)")
        else:
            lo = _weekday_number(base)
            hi = 6 if slash else lo  # `1/2`: from Monday to the end of the week, every second day
        days.update(day % 7 for day in range(lo, hi + 1, step))
    return days


def _normalise_weekdays(field: str) -> str:
    """A crontab weekday field (numbers 0-7 with Sunday = 0 or 7, names, lists, ranges, steps) spelled with
    day names only, which APScheduler reads the same way crontab does: `*` for every day, otherwise the days
    from Sunday on, runs of three or more days from Monday on as a range (`mon-fri`)."""
    if field.strip() == "*":
        return "*"
    days = sorted(_weekday_set(field.strip()))
    if len(days) == 7:
        return "*"
    parts: list[str] = []
    if days[0] == 0:
        parts.append("sun")  # never inside a range: APScheduler's week runs mon-sun, so `sun-fri` is backwards
        days = days[1:]
    index = 0
    while index < len(days):
        end = index
        while end + 1 < len(days) and days[end + 1] == days[end] + 1:
            end += 1
        if end - index >= 2:
            parts.append(f"{_DAY_NAMES[days[index]]}-{_DAY_NAMES[days[end]]}")
        else:
            parts += [_DAY_NAMES[d] for d in days[index:end + 1]]
        index = end + 1
    return ",".join(parts)


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
    try:
        dow = _normalise_weekdays(dow.lower())
    except ValueError:
        return f"cron `{expr}` ({timezone})"
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
    names = dow
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
    same whichever process or retry runs it. Found in a few dozen trigger look-ups however long the downtime
    and however often the schedule fires: a window before `now` is doubled until it holds a fire time, then
    the latest one in it is found by bisection."""
    earliest = since + _TICK
    if earliest > now:
        return None

    def fires_from(start: datetime) -> datetime | None:
        """The first fire time at or after `start` when it is not after `now`."""
        fire = trigger.get_next_fire_time(None, start)
        return fire if fire is not None and fire <= now else None

    # Grow a window [now - width, now] until it holds a fire time (or reaches `since`).
    width = timedelta(minutes=1)
    lo, hi = max(now - width, earliest), now + _TICK
    while fires_from(lo) is None:
        if lo == earliest:
            return None
        hi = lo  # no fire time in [hi, now]
        width *= 2
        lo = max(now - width, earliest)
    # Invariant: a fire time in [lo, now], none in [hi, now]. The latest lies in [lo, hi).
    fire = fires_from(lo)
    while fire is not None:
        after = fires_from(fire + _TICK)
        if after is None:
            return fire
        if hi - lo <= _TICK:
            return after  # cannot happen for a monotonic trigger; kept so the loop always ends
        mid = lo + (hi - lo) / 2
        if fires_from(mid) is not None:
            lo = mid
            fire = fires_from(lo)
        else:
            hi = mid
    return None
