"""Data access for the conversation core: keyword-only functions that take a session."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from sqlalchemy import CursorResult, delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from bot.store.models import AuditLog, ChatUser, ConversationReference, ProcessedEvent, QuestionLog, utcnow


def upsert_user(
    *, session: Session, platform: str, user_id: str, display_name: str | None = None
) -> ChatUser:
    """Record that a user was seen; returns the stored row."""
    user = session.exec(
        select(ChatUser).where(ChatUser.platform == platform, ChatUser.user_id == user_id)
    ).first()
    now = utcnow()
    if user is None:
        # Two first requests of a new user can race (a DM and a slash command at once): insert in a savepoint and
        # fall back to the row the other request stored.
        try:
            with session.begin_nested():
                user = ChatUser(platform=platform, user_id=user_id, display_name=display_name,
                                first_seen=now, last_seen=now)
                session.add(user)
                session.flush()
            return user
        except IntegrityError:
            user = session.exec(
                select(ChatUser).where(ChatUser.platform == platform, ChatUser.user_id == user_id)
            ).one()
    else:
        user.last_seen = now
        if display_name:
            user.display_name = display_name
    session.add(user)
    session.flush()
    return user


def get_user(*, session: Session, platform: str, user_id: str) -> ChatUser | None:
    return session.exec(
        select(ChatUser).where(ChatUser.platform == platform, ChatUser.user_id == user_id)
    ).first()


def set_user_language(*, session: Session, platform: str, user_id: str, language: str | None) -> None:
    user = upsert_user(session=session, platform=platform, user_id=user_id)
    user.language = language
    session.add(user)


def set_tips_opt_out(*, session: Session, platform: str, user_id: str, opt_out: bool) -> None:
    user = upsert_user(session=session, platform=platform, user_id=user_id)
    user.tips_opt_out = opt_out
    session.add(user)


def list_users(*, session: Session, platform: str | None = None, tips_only: bool = False) -> list[ChatUser]:
    query = select(ChatUser)
    if platform is not None:
        query = query.where(ChatUser.platform == platform)
    if tips_only:
        query = query.where(ChatUser.tips_opt_out == False)  # noqa: E712
    return list(session.exec(query.order_by(ChatUser.id)))  # type: ignore[arg-type]


def save_conversation_reference(
    *,
    session: Session,
    platform: str,
    conversation_id: str,
    kind: str,
    user_id: str | None,
    reference: dict[str, Any] | None,
) -> None:
    """Store (or refresh) how to reach a conversation proactively."""
    row = session.exec(
        select(ConversationReference).where(
            ConversationReference.platform == platform,
            ConversationReference.conversation_id == conversation_id,
        )
    ).first()
    payload = json.dumps(reference or {}, sort_keys=True, default=str)
    if row is None:
        try:  # the first two requests from a conversation can race, as in `upsert_user`
            with session.begin_nested():
                session.add(ConversationReference(platform=platform, conversation_id=conversation_id, kind=kind,
                                                  user_id=user_id, reference=payload))
                session.flush()
            return
        except IntegrityError:
            row = session.exec(
                select(ConversationReference).where(
                    ConversationReference.platform == platform,
                    ConversationReference.conversation_id == conversation_id,
                )
            ).one()
    row.reference = payload if reference else row.reference
    row.kind = kind
    row.user_id = user_id or row.user_id
    row.updated_at = utcnow()
    session.add(row)


def get_conversation_reference(
    *, session: Session, platform: str, conversation_id: str | None = None, user_id: str | None = None
) -> ConversationReference | None:
    """A stored reference by conversation id, or the direct conversation with a user."""
    query = select(ConversationReference).where(ConversationReference.platform == platform)
    if conversation_id is not None:
        query = query.where(ConversationReference.conversation_id == conversation_id)
    elif user_id is not None:
        query = query.where(ConversationReference.user_id == user_id, ConversationReference.kind == "direct")
    else:
        raise ValueError("give conversation_id or user_id")
    return session.exec(query.order_by(ConversationReference.updated_at.desc())).first()  # type: ignore[attr-defined]


def mark_event_processed(*, session: Session, platform: str, event_id: str) -> bool:
    """True the first time an event id is seen; False for a retry of an event already handled."""
    try:
        with session.begin_nested():
            session.add(ProcessedEvent(platform=platform, event_id=event_id))
            session.flush()
    except IntegrityError:
        return False
    return True


def log_question(
    *,
    session: Session,
    platform: str,
    user_id: str,
    question: str,
    language: str,
    sources: list[str],
    confidence: float,
    escalated: bool,
    policy_version: str | None = None,
    message_link: str | None = None,
) -> int:
    """Store an asked question and how it was answered; returns its id (used by feedback buttons)."""
    row = QuestionLog(platform=platform, user_id=user_id, question=question[:4000], language=language,
                      sources=",".join(sources)[:1024], confidence=confidence, escalated=escalated,
                      policy_version=policy_version, message_link=message_link)
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


FeedbackOutcome = Literal["stored", "changed", "same", "unknown", "not_asker"]


def set_feedback(*, session: Session, question_id: int, feedback: str, user_id: str | None = None,
                 platform: str | None = None) -> FeedbackOutcome:
    """Store 'up' or 'down' on a logged question: one vote per answer, its asker's (when `user_id`/`platform`
    are given, anyone else's press is refused). Pressing again never adds a vote: the latest press replaces
    the earlier one ("changed"), the same press again changes nothing ("same")."""
    row = session.get(QuestionLog, question_id, with_for_update=True)
    if row is None:
        return "unknown"
    if (user_id is not None and row.user_id != user_id) or (platform is not None and row.platform != platform):
        return "not_asker"
    if row.feedback == feedback:
        return "same"
    outcome: FeedbackOutcome = "stored" if row.feedback is None else "changed"
    row.feedback = feedback
    session.add(row)
    return outcome


def get_question(*, session: Session, question_id: int) -> QuestionLog | None:
    return session.get(QuestionLog, question_id)


def audit(*, session: Session, platform: str, user_id: str, action: str, allowed: bool, detail: str = "") -> None:
    """Record an admin action, or a refused attempt at one."""
    session.add(AuditLog(platform=platform, user_id=user_id, action=action, allowed=allowed, detail=detail[:1024]))


def list_audit(*, session: Session, limit: int = 100) -> list[AuditLog]:
    return list(session.exec(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)))  # type: ignore[union-attr]


def prune(*, session: Session, older_than_days: int, now: datetime | None = None) -> dict[str, int]:
    """Delete question logs and processed event ids older than the retention period (index-backed)."""
    cutoff = (now or utcnow()) - timedelta(days=older_than_days)
    events_cutoff = (now or utcnow()) - timedelta(days=min(older_than_days, 7))
    questions = cast(CursorResult[Any], session.execute(
        delete(QuestionLog).where(QuestionLog.created_at < cutoff)))  # type: ignore[arg-type]
    events = cast(CursorResult[Any], session.execute(
        delete(ProcessedEvent).where(ProcessedEvent.received_at < events_cutoff)))  # type: ignore[arg-type]
    return {"question_log": questions.rowcount or 0, "processed_event": events.rowcount or 0}


def mark_escalated(*, session: Session, question_id: int, user_id: str) -> QuestionLog | None:
    """Mark the asker's question as passed to the social media manager; None when it is not theirs or was
    passed on already (so pressing the button twice posts once)."""
    row = session.get(QuestionLog, question_id, with_for_update=True)
    if row is None or row.user_id != user_id or row.escalated_at is not None:
        return None
    row.escalated_at = utcnow()
    session.add(row)
    session.flush()
    return row
