"""Tables of the scheduled side: reminders, policy versions, announcements, acknowledgements and the outbox.

Each table states why it exists. The outbox is the only way a scheduled message leaves the bot: one row per
(announcement or reminder run, recipient), keyed by an idempotency key, so a re-run inserts nothing new and a
crash resumes where it stopped. APScheduler's job table is declared here too (same columns as its
`SQLAlchemyJobStore`), so the schema is owned by Alembic and autogenerate does not try to drop it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Float, Index, LargeBinary, Table, Text, Unicode, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utcnow

# Outbox states. 'sending' is claimed by a worker, which holds a lease on it (`lease_until`) and renews it while
# it works; a 'sending' row whose lease ran out was in flight when its worker died, and is reconciled (see
# bot/scheduler/outbox.py).
PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


class Reminder(SQLModel, table=True):
    """A recurring message an admin scheduled: fixed text, or the next tip of the rotating tip list."""

    __tablename__ = "reminder"

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)  # the admin's platform; a channel target lives there
    target: str = Field(max_length=256)  # "users" or a channel id
    cron: str = Field(max_length=128)  # crontab expression as given (weekday 0/7 = Sunday)
    timezone: str = Field(max_length=64)
    kind: str = Field(max_length=8)  # "tip" or "text"
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    language: str = Field(default="en", max_length=8)
    paused: bool = False
    runs: int = 0  # how many runs were fanned out; the tip rotation follows it
    last_run_at: datetime | None = None  # the schedule slot of the last fan-out (guards re-runs)
    created_by: str = Field(max_length=160)
    created_at: datetime = Field(default_factory=utcnow)


class PolicyVersion(SQLModel, table=True):
    """A published policy pack: who published it, when, what changed, and a per-section snapshot
    (content hash and titles) so the next publish can be compared with it."""

    __tablename__ = "policy_version"

    id: int | None = Field(default=None, primary_key=True)
    version: str = Field(max_length=64)  # the pack's version label
    content_hash: str = Field(max_length=64, index=True)
    published_by: str = Field(max_length=160)
    published_at: datetime = Field(default_factory=utcnow, index=True)
    summary: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON: added/removed/changed
    snapshot: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON: {section: {hash, titles}}


class Announcement(SQLModel, table=True):
    """A message to every known user or to chosen channels: a new policy version or a free text."""

    __tablename__ = "announcement"

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=8)  # "policy" or "free"
    policy_version_id: int | None = Field(default=None, foreign_key="policy_version.id")
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # free announcements only
    language: str = Field(default="en", max_length=8)
    platform: str = Field(max_length=16)  # the admin's platform (for channel audiences)
    channels: str = Field(default="", max_length=1024)  # comma-separated; empty = every known user
    nudge_days: int | None = None
    state: str = Field(default="draft", max_length=16)  # draft, sent, cancelled
    created_by: str = Field(max_length=160)
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None
    nudged_at: datetime | None = None


class Acknowledgement(SQLModel, table=True):
    """A user pressed "I have read it": once per user and subject (`v<policy version id>` or
    `a<announcement id>`), enforced by a unique constraint."""

    __tablename__ = "acknowledgement"
    __table_args__ = (UniqueConstraint("subject", "platform", "user_id", name="uq_ack_subject_user"),)

    id: int | None = Field(default=None, primary_key=True)
    subject: str = Field(max_length=32)
    platform: str = Field(max_length=16)
    user_id: str = Field(max_length=128)
    acknowledged_at: datetime = Field(default_factory=utcnow)


class OutboxMessage(SQLModel, table=True):
    """One scheduled message to one recipient. `idempotency_key` is unique: fan-out inserts with
    ON CONFLICT DO NOTHING, so each (announcement or reminder run, recipient) exists once."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("idempotency_key", name="uq_outbox_key"),
        Index("ix_outbox_state_due", "state", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    idempotency_key: str = Field(max_length=255)
    platform: str = Field(max_length=16)
    target_kind: str = Field(max_length=8)  # "user" or "channel"
    target_id: str = Field(max_length=256)
    payload: str = Field(sa_column=Column(Text, nullable=False))  # JSON of the neutral Reply
    state: str = Field(default=PENDING, max_length=16)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    claimed_at: datetime | None = None
    lease_until: datetime | None = None  # while 'sending': the claiming worker's lease, renewed as it works
    sent_at: datetime | None = None
    message_id: str | None = Field(default=None, max_length=256)
    last_error: str | None = Field(default=None, max_length=512)
    created_at: datetime = Field(default_factory=utcnow, index=True)


# APScheduler 3's job table, exactly as `SQLAlchemyJobStore` declares it (it creates it only when missing).
apscheduler_jobs = Table(
    "apscheduler_jobs",
    SQLModel.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)
