"""Data access for the scheduled side: keyword-only functions that take a session (like `crud.py`).

The outbox functions are the delivery guarantee's foundation: `enqueue` inserts with ON CONFLICT DO NOTHING
on the idempotency key, `claim` moves due rows to 'sending' (`FOR UPDATE SKIP LOCKED` on PostgreSQL so
several processes can work the same outbox; SQLite ignores the clause and has one process).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, and_, delete, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.store.models import ChatUser, QuestionLog, utcnow
from bot.store.models_schedule import (
    FAILED,
    PENDING,
    SENDING,
    SENT,
    Acknowledgement,
    Announcement,
    OutboxMessage,
    PolicyVersion,
    Reminder,
)

ENQUEUE_CHUNK = 1000
DEFAULT_LEASE = timedelta(seconds=30)
LEGACY_STALE_AFTER = timedelta(seconds=300)  # rows claimed before leases existed (migration 0004)
OUTBOX: Table = OutboxMessage.__table__  # type: ignore[attr-defined]

# Outbox ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    """An outbox row a worker has claimed (state 'sending'), detached from any session."""

    id: int
    key: str
    platform: str
    target_kind: str
    target_id: str
    payload: str
    attempts: int


def enqueue(*, session: Session, rows: Sequence[dict[str, Any]], now: datetime | None = None) -> int:
    """Insert outbox rows (keys: idempotency_key, platform, target_kind, target_id, payload); rows whose key
    exists already are skipped. Returns how many were new. Runs in the caller's transaction, so a fan-out is
    all or nothing."""
    if not rows:
        return 0
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        base: Any = pg_insert(OUTBOX)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        base = sqlite_insert(OUTBOX)
    stmt = base.on_conflict_do_nothing(index_elements=["idempotency_key"]).returning(OUTBOX.c.id)
    stamp = now or utcnow()
    inserted = 0
    for start in range(0, len(rows), ENQUEUE_CHUNK):
        chunk = [
            {**row, "state": PENDING, "attempts": 0, "next_attempt_at": stamp, "created_at": stamp}
            for row in rows[start:start + ENQUEUE_CHUNK]
        ]
        inserted += len(session.execute(stmt, chunk).all())
    return inserted


def _claim(session: Session, where: Any, limit: int, now: datetime, lease: timedelta) -> list[Claimed]:
    table = OUTBOX
    c = table.c
    due = (
        select(c.id).where(where).order_by(c.next_attempt_at, c.id).limit(limit).with_for_update(skip_locked=True)
    ).scalar_subquery()
    stmt = (
        update(table).where(c.id.in_(due))
        .values(state=SENDING, claimed_at=now, lease_until=now + lease, attempts=c.attempts + 1)
        .returning(c.id, c.idempotency_key, c.platform, c.target_kind, c.target_id, c.payload, c.attempts)
    )
    rows = session.execute(stmt).all()
    return sorted((Claimed(*row) for row in rows), key=lambda r: r.id)


def claim(*, session: Session, limit: int, lease: timedelta = DEFAULT_LEASE,
          now: datetime | None = None) -> list[Claimed]:
    """Move up to `limit` due 'pending' rows to 'sending', leased to the caller until now + `lease`, and return
    them (committed by the caller's session before anything is sent, so a crash leaves them visible as
    'sending'). The caller renews the lease (`renew_leases`) for as long as it holds them."""
    now = now or utcnow()
    c = OUTBOX.c
    return _claim(session, (c.state == PENDING) & (c.next_attempt_at <= now), limit, now, lease)


def _lease_expired(now: datetime) -> Any:
    c = OUTBOX.c
    # Rows claimed by a version without leases (NULL) keep that version's five-minute rule.
    return (c.state == SENDING) & ((c.lease_until < now)
                                   | (c.lease_until.is_(None) & (c.claimed_at < now - LEGACY_STALE_AFTER)))


def claim_stale(*, session: Session, limit: int, lease: timedelta = DEFAULT_LEASE,
                now: datetime | None = None) -> list[Claimed]:
    """Re-claim rows left in 'sending' whose lease ran out: their worker died (or lost the database) mid-send.
    The caller must find out whether the platform got them before sending again."""
    now = now or utcnow()
    return _claim(session, _lease_expired(now), limit, now, lease)


def renew_leases(*, session: Session, ids: Iterable[int], lease: timedelta, now: datetime | None = None) -> int:
    """Extend the lease on rows this worker holds ('sending'); returns how many were renewed."""
    id_list = list(ids)
    if not id_list:
        return 0
    c = OUTBOX.c
    result = session.execute(update(OUTBOX).where(c.id.in_(id_list), c.state == SENDING)
                             .values(lease_until=(now or utcnow()) + lease))
    return int(getattr(result, "rowcount", 0) or 0)


def next_lease_expiry(*, session: Session) -> datetime | None:
    """When the earliest lease on a 'sending' row runs out (None: no row is 'sending')."""
    c = OUTBOX.c
    due = session.execute(select(func.min(func.coalesce(c.lease_until, c.claimed_at)))
                          .where(c.state == SENDING)).scalar()
    return due if isinstance(due, datetime) else None


def next_pending_at(*, session: Session) -> datetime | None:
    """When the earliest 'pending' row is due (None: no row is pending)."""
    due = session.execute(select(func.min(OUTBOX.c.next_attempt_at)).where(OUTBOX.c.state == PENDING)).scalar()
    return due if isinstance(due, datetime) else None


def mark_sent(*, session: Session, ids: Iterable[int], now: datetime | None = None) -> None:
    """Record that the platform accepted these messages."""
    id_list = list(ids)
    if id_list:
        session.execute(
            update(OutboxMessage).where(col(OutboxMessage.id).in_(id_list))
            .values(state=SENT, sent_at=now or utcnow(), lease_until=None, last_error=None)
        )


def mark_retry(*, session: Session, id: int, error: str, at: datetime) -> None:
    """Put a row back to 'pending', due at `at` (after a 429's Retry-After or a back-off)."""
    session.execute(update(OutboxMessage).where(col(OutboxMessage.id) == id)
                    .values(state=PENDING, next_attempt_at=at, lease_until=None, last_error=error[:512]))


def mark_failed(*, session: Session, id: int, error: str) -> None:
    """Give up on a row (permanent failure, or too many attempts); it is never retried."""
    session.execute(update(OutboxMessage).where(col(OutboxMessage.id) == id)
                    .values(state=FAILED, lease_until=None, last_error=error[:512]))


def outbox_counts(*, session: Session, key_prefix: str | None = None) -> dict[str, int]:
    """Rows per state, optionally only those whose key starts with `key_prefix` (e.g. "ann:12:")."""
    query = select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
    if key_prefix is not None:
        query = query.where(col(OutboxMessage.idempotency_key).startswith(key_prefix))
    return {state: count for state, count in session.exec(query)}


def prune_outbox(*, session: Session, older_than_days: int, now: datetime | None = None) -> int:
    """Delete sent and failed outbox rows older than the retention period, except the sent rows of
    announcements and their nudges: they record who an announcement reached, which acknowledgements need."""
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    key = col(OutboxMessage.idempotency_key)
    kept = (col(OutboxMessage.state) == SENT) & (key.startswith("ann:") | key.startswith("nudge:"))
    result = session.execute(delete(OutboxMessage).where(
        col(OutboxMessage.state).in_([SENT, FAILED]), col(OutboxMessage.created_at) < cutoff, ~kept))
    return int(getattr(result, "rowcount", 0) or 0)


# Reminders ------------------------------------------------------------------------------------------------


def create_reminder(*, session: Session, reminder: Reminder) -> Reminder:
    session.add(reminder)
    session.flush()
    return reminder


def get_reminder(*, session: Session, reminder_id: int) -> Reminder | None:
    return session.get(Reminder, reminder_id)


def list_reminders(*, session: Session) -> list[Reminder]:
    return list(session.exec(select(Reminder).order_by(col(Reminder.id))))


def set_reminder_paused(*, session: Session, reminder_id: int, paused: bool) -> Reminder | None:
    row = session.get(Reminder, reminder_id)
    if row is not None:
        row.paused = paused
        session.add(row)
    return row


def delete_reminder(*, session: Session, reminder_id: int) -> bool:
    row = session.get(Reminder, reminder_id)
    if row is None:
        return False
    session.delete(row)
    return True


def lock_reminder(*, session: Session, reminder_id: int) -> Reminder | None:
    """The reminder row, locked for the rest of the transaction (PostgreSQL), so two runs of the same slot
    cannot both pass `record_reminder_run`'s check."""
    return session.exec(select(Reminder).where(Reminder.id == reminder_id).with_for_update()).first()


def record_reminder_run(*, session: Session, reminder: Reminder, slot: datetime) -> int | None:
    """Record the run of `reminder` for schedule slot `slot`; returns the run number (the tip rotation follows
    it), or None when this slot (or a later one) was already fanned out."""
    if reminder.last_run_at is not None and reminder.last_run_at >= slot:
        return None
    run_number = reminder.runs
    reminder.runs += 1
    reminder.last_run_at = slot
    session.add(reminder)
    return run_number


# Policy versions ------------------------------------------------------------------------------------------


def latest_policy_version(*, session: Session) -> PolicyVersion | None:
    return session.exec(select(PolicyVersion).order_by(col(PolicyVersion.id).desc())).first()


def get_policy_version(*, session: Session, version_id: int) -> PolicyVersion | None:
    return session.get(PolicyVersion, version_id)


def record_policy_version(
    *, session: Session, version: str, content_hash: str, published_by: str,
    summary: dict[str, Any], snapshot: dict[str, Any],
) -> PolicyVersion:
    row = PolicyVersion(version=version, content_hash=content_hash, published_by=published_by,
                        summary=json.dumps(summary, sort_keys=True), snapshot=json.dumps(snapshot, sort_keys=True))
    session.add(row)
    session.flush()
    return row


# Announcements and acknowledgements -----------------------------------------------------------------------


def create_announcement(*, session: Session, announcement: Announcement) -> Announcement:
    session.add(announcement)
    session.flush()
    return announcement


def get_announcement(*, session: Session, announcement_id: int) -> Announcement | None:
    return session.get(Announcement, announcement_id)


def acknowledge(*, session: Session, subject: str, platform: str, user_id: str) -> bool:
    """Store that a user read an announcement; True the first time, False when already stored. Does not check
    that the subject exists or reached the user: `record_acknowledgement` does."""
    try:
        with session.begin_nested():
            session.add(Acknowledgement(subject=subject, platform=platform, user_id=user_id))
            session.flush()
    except IntegrityError:
        return False
    return True


# Outbox states in which a message may have reached its recipient (a 'sending' row's 'sent' mark may be a
# moment behind the platform's answer, or was lost in a crash and waits for its reconciliation).
DELIVERED_STATES = (SENT, SENDING)


def _subject_announcements(session: Session, subject: str) -> list[Announcement] | None:
    """The sent announcements that carry `subject`'s button, or None when the subject is not a published
    policy version (`v<id>`) or a sent free announcement (`a<id>`)."""
    kind, number = subject[:1], subject[1:]
    if kind not in ("v", "a") or not number.isdigit() or int(number) < 1:
        return None
    if kind == "v":
        if session.get(PolicyVersion, int(number)) is None:
            return None  # never published (a future or made-up version)
        return list(session.exec(select(Announcement).where(
            Announcement.kind == "policy", Announcement.policy_version_id == int(number),
            Announcement.state == "sent")))
    announcement = session.get(Announcement, int(number))
    if announcement is None or announcement.kind != "free" or announcement.state != "sent":
        return None
    return [announcement]


def was_sent_to(*, session: Session, announcements: Sequence[Announcement], platform: str, user_id: str,
                conversation_id: str | None = None) -> bool:
    """Whether one of `announcements` (or its nudge) was delivered to this user as a direct message, or to the
    channel `conversation_id` the user is acting in. The outbox rows are the delivery record (their keys are
    `ann:<id>:<platform>:<user>`, `nudge:<id>:<platform>:<user>` and `ann:<id>:<platform>:#<channel>`)."""
    keys: list[str] = []
    for announcement in announcements:
        if announcement.channels:
            if conversation_id and announcement.platform == platform:
                keys.append(f"ann:{announcement.id}:{platform}:#{conversation_id}")
        else:
            keys += [f"ann:{announcement.id}:{platform}:{user_id}", f"nudge:{announcement.id}:{platform}:{user_id}"]
    if not keys:
        return False
    c = OUTBOX.c
    found = session.execute(select(c.id).where(c.idempotency_key.in_(keys), c.state.in_(DELIVERED_STATES))
                            .limit(1)).first()
    return found is not None


def record_acknowledgement(*, session: Session, subject: str, platform: str, user_id: str,
                           conversation_id: str | None = None) -> str:
    """Store "I have read it" only for a published policy version or a sent announcement, and only from a user
    it was sent to. Returns "stored", "already", "unknown" (no such version or sent announcement) or
    "not_recipient"; nothing is stored unless "stored"."""
    announcements = _subject_announcements(session, subject)
    if announcements is None:
        return "unknown"
    if not was_sent_to(session=session, announcements=announcements, platform=platform, user_id=user_id,
                       conversation_id=conversation_id):
        return "not_recipient"
    return "stored" if acknowledge(session=session, subject=subject, platform=platform, user_id=user_id) \
        else "already"


@dataclass(frozen=True)
class Coverage:
    """How many known users acknowledged a subject, and the first few who have not."""

    acknowledged: int
    known: int
    missing: list[tuple[str, str, str | None]]  # (platform, user id, display name)

    @property
    def percent(self) -> float:
        return 100.0 * self.acknowledged / self.known if self.known else 0.0


def _ack_exists(subject: str) -> Any:
    return (
        select(Acknowledgement.id).where(
            Acknowledgement.subject == subject,
            Acknowledgement.platform == ChatUser.platform,
            Acknowledgement.user_id == ChatUser.user_id,
        ).exists()
    )


def ack_coverage(*, session: Session, subject: str, limit: int = 20) -> Coverage:
    """Acknowledged / known users for a subject, with the first `limit` users who have not acknowledged."""
    known = session.exec(select(func.count()).select_from(ChatUser)).one()
    acked = session.exec(select(func.count()).select_from(ChatUser).where(_ack_exists(subject))).one()
    missing = session.exec(
        select(ChatUser.platform, ChatUser.user_id, ChatUser.display_name)
        .where(~_ack_exists(subject)).order_by(col(ChatUser.id)).limit(limit)
    ).all()
    return Coverage(int(acked), int(known), [(p, u, n) for p, u, n in missing])


def users_without_ack(*, session: Session, subject: str, platforms: Sequence[str]) -> list[ChatUser]:
    """Known users on `platforms` who have not acknowledged `subject` (for nudges)."""
    return list(session.exec(
        select(ChatUser).where(col(ChatUser.platform).in_(list(platforms)), ~_ack_exists(subject))
        .order_by(col(ChatUser.id))
    ))


def announcements_to_nudge(*, session: Session, now: datetime | None = None) -> list[Announcement]:
    """Sent announcements to users with a nudge period that has passed and no nudge yet."""
    now = now or utcnow()
    rows = session.exec(select(Announcement).where(
        Announcement.state == "sent", col(Announcement.nudge_days).is_not(None),
        col(Announcement.nudged_at).is_(None), Announcement.channels == "",
    )).all()
    return [a for a in rows if a.sent_at is not None and a.sent_at + timedelta(days=a.nudge_days or 0) <= now]


def list_acknowledgements(*, session: Session) -> list[tuple[Acknowledgement, str | None, str | None]]:
    """Every acknowledgement with the user's display name and the policy version label (for the export)."""
    rows = session.exec(select(Acknowledgement, ChatUser.display_name).join(
        ChatUser, and_(col(ChatUser.platform) == col(Acknowledgement.platform),
                      col(ChatUser.user_id) == col(Acknowledgement.user_id)),
        isouter=True,
    ).order_by(col(Acknowledgement.id))).all()
    labels = {f"v{v.id}": v.version for v in session.exec(select(PolicyVersion))}
    return [(ack, name, labels.get(ack.subject)) for ack, name in rows]


def known_subjects(*, session: Session) -> list[str]:
    """Every subject an acknowledgement may have: published policy versions and sent free announcements."""
    versions = [f"v{v}" for v in session.exec(select(PolicyVersion.id))]
    free = [f"a{a}" for a in session.exec(select(Announcement.id).where(
        Announcement.kind == "free", Announcement.state == "sent"))]
    return versions + free


def report_figures(*, session: Session) -> dict[str, int]:
    """Counts for `/smm report`: questions, escalations, feedback, known users, acknowledgements."""

    def count(query: Any) -> int:
        return int(session.exec(query).one())

    return {
        "questions": count(select(func.count()).select_from(QuestionLog)),
        "escalations": count(select(func.count()).select_from(QuestionLog).where(QuestionLog.escalated == True)),  # noqa: E712
        "feedback_up": count(select(func.count()).select_from(QuestionLog).where(QuestionLog.feedback == "up")),
        "feedback_down": count(select(func.count()).select_from(QuestionLog).where(QuestionLog.feedback == "down")),
        "users": count(select(func.count()).select_from(ChatUser)),
        # Only acknowledgements of something that exists (rows stored before that was checked may not).
        "acknowledgements": count(select(func.count()).select_from(Acknowledgement)
                                  .where(col(Acknowledgement.subject).in_(known_subjects(session=session)))),
    }
