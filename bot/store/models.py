"""Tables of the conversation core. Scheduling tables live in `models_schedule.py`.

Split by purpose as in the FastAPI full-stack template: each table states why it exists.
No table holds the text of a reviewed post.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class ChatUser(SQLModel, table=True):
    """A user the bot has seen, per platform: for announcements, tips and language preference."""

    __tablename__ = "chat_user"
    __table_args__ = (UniqueConstraint("platform", "user_id", name="uq_chat_user_platform_user"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    user_id: str = Field(max_length=128)
    display_name: str | None = Field(default=None, max_length=256)
    language: str | None = Field(default=None, max_length=8)
    tips_opt_out: bool = Field(default=False)
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow, index=True)


class ConversationReference(SQLModel, table=True):
    """How to reach a conversation later (proactive messages): the platform's serialised reference."""

    __tablename__ = "conversation_reference"
    __table_args__ = (UniqueConstraint("platform", "conversation_id", name="uq_convref_platform_conv"),)

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    conversation_id: str = Field(max_length=512)
    kind: str = Field(default="direct", max_length=16)
    user_id: str | None = Field(default=None, max_length=128, index=True)
    reference: str = Field(default="{}", sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, index=True)


class ProcessedEvent(SQLModel, table=True):
    """Event ids already handled, so a platform's retries are answered once."""

    __tablename__ = "processed_event"

    platform: str = Field(primary_key=True, max_length=16)
    event_id: str = Field(primary_key=True, max_length=256)
    received_at: datetime = Field(default_factory=utcnow, index=True)


class QuestionLog(SQLModel, table=True):
    """Questions asked and how they were answered: for feedback, reports and improving the pack."""

    __tablename__ = "question_log"

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    user_id: str = Field(max_length=128)
    question: str = Field(sa_column=Column(Text, nullable=False))
    language: str = Field(max_length=8)
    sources: str = Field(default="", max_length=1024)
    confidence: float = 0.0
    escalated: bool = False
    feedback: str | None = Field(default=None, max_length=16)
    policy_version: str | None = Field(default=None, max_length=64)
    message_link: str | None = Field(default=None, max_length=1024)
    escalated_at: datetime | None = Field(default=None)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class AuditLog(SQLModel, table=True):
    """Admin actions and refusals: who did (or tried) what, and when."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    platform: str = Field(max_length=16)
    user_id: str = Field(max_length=128)
    action: str = Field(max_length=64)
    allowed: bool = True
    detail: str = Field(default="", max_length=1024)
    created_at: datetime = Field(default_factory=utcnow, index=True)


Index("ix_question_log_feedback", QuestionLog.feedback)  # type: ignore[arg-type]
