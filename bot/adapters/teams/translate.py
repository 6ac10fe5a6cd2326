"""Bot Framework activities to neutral requests, and neutral replies to activities."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment

from bot.adapters.teams.cards import (
    CARD_CONTENT_TYPE,
    action_from_execute,
    action_from_value,
    plain_line,
    render_cards,
)
from bot.core.types import Action, ConversationKind, ConversationRef, Reply, Request, UserRef

PLATFORM = "teams"
EXECUTE_INVOKE = "adaptiveCard/action"
MAX_SUMMARY_CHARS = 200
_KINDS: dict[str, ConversationKind] = {"personal": "direct", "groupChat": "group", "channel": "channel"}


def conversation_kind(activity: Activity) -> ConversationKind:
    """direct / group / channel from Teams' conversationType (the Emulator sends none: a direct chat)."""
    conv_type = getattr(activity.conversation, "conversation_type", None) if activity.conversation else None
    if conv_type in _KINDS:
        return _KINDS[conv_type]
    return "group" if activity.conversation and activity.conversation.is_group else "direct"


def split_conversation_id(conversation_id: str) -> tuple[str, str | None]:
    """`19:…@thread.tacv2;messageid=123` -> (`19:…@thread.tacv2`, `123`): a channel and the thread in it."""
    base, sep, rest = conversation_id.partition(";messageid=")
    return base, (rest or None) if sep else None


def user_of(activity: Activity) -> UserRef:
    """The sender: the AAD object id in Teams (what SMM_ADMINS lists), the channel id elsewhere."""
    sender = activity.from_property
    user_id = (getattr(sender, "aad_object_id", None) or getattr(sender, "id", None)) if sender else None
    name = getattr(sender, "name", None) if sender else None
    return UserRef(PLATFORM, str(user_id or "unknown"), name=name, locale=activity.locale)


def conversation_of(activity: Activity) -> ConversationRef:
    """Where the activity came from, with the serialised ConversationReference for proactive messages.

    In a channel the stored reference points at the channel itself (not the thread), so a proactive
    message to the channel starts a new post."""
    kind = conversation_kind(activity)
    raw_id = activity.conversation.id if activity.conversation else ""
    base_id, thread_id = split_conversation_id(raw_id or "")
    reference: dict[str, Any] = TurnContext.get_conversation_reference(activity).serialize()
    if kind == "channel" and isinstance(reference.get("conversation"), dict):
        reference["conversation"]["id"] = base_id
        reference.pop("activityId", None)
    return ConversationRef(PLATFORM, base_id, kind, thread_id=thread_id, reference=reference)


def message_text(activity: Activity) -> str:
    """The message text without the bot's own @mention (`<at>Bot</at>`) and surrounding space.

    botbuilder's `TurnContext.remove_recipient_mention` uses the bot's display name as a regular expression,
    which breaks on names with `(`, `+` or `.`; this removes the mention entity's literal text instead."""
    text = activity.text or ""
    bot_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if (entity.type or "").lower() != "mention":
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if mentioned.get("id") == bot_id:
            mention_text = props.get("text") or f"<at>{mentioned.get('name', '')}</at>"
            text = text.replace(mention_text, " ")
    return text.replace("\u00a0", " ").strip()


def to_request(activity: Activity, *, authenticated: bool = True) -> Request | None:
    """The neutral request for a message, an Action.Submit or an Action.Execute; None for anything else.
    `authenticated` is False for the Emulator's tokenless activities (never admin, see `Request`)."""
    if activity.type == ActivityTypes.message:
        pressed = action_from_value(activity.value)
        if pressed is not None:
            return Request(user_of(activity), conversation_of(activity), kind="action",
                           action=Action(pressed[0], pressed[1], message_id=activity.reply_to_id),
                           event_id=activity.id, authenticated=authenticated)
        text = message_text(activity)
        return Request(user_of(activity), conversation_of(activity), text=text, kind="message",
                       event_id=activity.id, authenticated=authenticated)
    if activity.type == ActivityTypes.invoke and activity.name == EXECUTE_INVOKE:
        pressed = action_from_execute(activity.value)
        if pressed is None:
            return None
        return Request(user_of(activity), conversation_of(activity), kind="action",
                       action=Action(pressed[0], pressed[1], message_id=activity.reply_to_id),
                       event_id=activity.id, authenticated=authenticated)
    return None


def to_activities(reply: Reply) -> list[Activity]:
    """A reply as message activities, one Adaptive Card each (several when the reply is long)."""
    activities = []
    for card in render_cards(reply):
        activity = Activity(type=ActivityTypes.message,
                            attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=card)])
        if reply.summary:
            activity.summary = plain_line(reply.summary, MAX_SUMMARY_CHARS)
        activities.append(activity)
    return activities
