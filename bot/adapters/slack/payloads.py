"""Slack payloads into neutral requests: pure functions over the JSON Slack sends (no SDK, no I/O).

Kept apart from the Bolt wiring so the translation is easy to read and to test with recorded payloads.
"""

from __future__ import annotations

import re
from typing import Any

from bot.adapters.slack.render import unescape
from bot.core.commands import REVIEW_WORDS
from bot.core.dispatcher import split_command
from bot.core.types import Action, ConversationKind, ConversationRef, Request, UserRef

PLATFORM = "slack"

# Message subtypes that still carry a user's own words; every other subtype (message_changed, message_deleted,
# channel_join, bot_message, …) is an edit, a notice or a bot, and is ignored.
USER_SUBTYPES = frozenset({"file_share", "thread_broadcast"})
_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_MARKUP = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def plain_text(text: str, *, keep_urls: bool = False) -> str:
    """Slack's message markup as the plain text the user sees, for the engines: `<@U1|karel>` → `@karel`,
    `<!channel>` → `@channel`, `<mailto:a@b.nl|a@b.nl>` → `a@b.nl`, and the entities `&lt; &gt; &amp;` back to
    characters. A labelled link `<https://x|label>` becomes `label`, as it would be published (a post under
    review is judged that way); with `keep_urls` it becomes `label (https://x)`, so an announcement, reminder or
    question keeps where the link points. A link shown as its own URL is just the URL either way."""

    def replace(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if target.startswith("@"):
            return "@" + (label or target[1:])
        if target.startswith("!"):
            name = target[1:].split("^", 1)[0]
            if name in ("channel", "here", "everyone"):
                return "@" + name
            return label or "@" + name
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("mailto:"):
            return label or target.removeprefix("mailto:")
        if not label or not keep_urls or _same_link(label, target):
            return label or target
        return f"{label} ({target})"

    return unescape(_MARKUP.sub(replace, text))


def _same_link(label: str, url: str) -> bool:
    """True when a link's label is its URL, give or take the scheme and a trailing slash."""
    def bare(value: str) -> str:
        return re.sub(r"^[a-z][a-z0-9+.-]*://", "", unescape(value).strip(), flags=re.I).rstrip("/").lower()

    return bare(label) == bare(url)


def is_review(text: str) -> bool:
    """True when the text (a command's or a message's, markup and all) asks for a review by its first word."""
    word, _ = split_command(text)
    return word in REVIEW_WORDS


def request_text(text: str) -> str:
    """A message's or command's text for the dispatcher: a review sees the post as published, anything else
    keeps its links' URLs (see `plain_text`)."""
    return plain_text(text, keep_urls=not is_review(text))


def is_user_message(event: dict[str, Any], *, bot_user_id: str | None = None, bot_id: str | None = None) -> bool:
    """True for a message a person wrote: not a bot (any bot, including this one), not an edit or notice."""
    if event.get("bot_id") or event.get("bot_profile"):
        return False
    subtype = event.get("subtype")
    if subtype and subtype not in USER_SUBTYPES:
        return False
    user = event.get("user")
    if not user or not isinstance(user, str) or (bot_user_id and user == bot_user_id):
        return False
    return not (bot_id and event.get("bot_id") == bot_id)


def strip_mention(text: str, bot_user_id: str | None) -> str:
    """Remove mentions of the bot (`<@U123>`, `<@U123|name>`) from a message's text."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    else:
        text = _MENTION.sub(" ", text, count=1)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def conversation_kind(channel_type: str | None, channel_id: str = "") -> ConversationKind:
    """Slack channel types (`im`, `mpim`, `channel`, `group`) as the neutral kind."""
    if channel_type in ("im", "directmessage") or (channel_type is None and channel_id.startswith("D")):
        return "direct"
    if channel_type in ("mpim", "mpdm"):
        return "group"
    return "channel"


def permalink(workspace_url: str | None, channel: str, ts: str, thread_ts: str | None = None) -> str | None:
    """A message link built from the workspace URL (auth.test's `url`), channel and ts, as Slack formats them."""
    if not workspace_url or not channel or not ts:
        return None
    link = f"{workspace_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel}"
    return link


def message_request(body: dict[str, Any], *, bot_user_id: str | None, workspace_url: str | None) -> Request:
    """A DM (`message.im`) or mention (`app_mention`) event as a question or command request."""
    event = body["event"]
    channel = event.get("channel", "")
    ts = event.get("ts", "")
    thread_ts = event.get("thread_ts") or ts
    kind = conversation_kind(event.get("channel_type"), channel)
    team = body.get("team_id") or event.get("team")
    conversation = ConversationRef(
        PLATFORM, channel, kind, thread_id=thread_ts,
        reference={"channel": channel, "team": team},
        link=permalink(workspace_url, channel, ts, event.get("thread_ts")),
    )
    text = request_text(strip_mention(event.get("text") or "", bot_user_id))
    return Request(UserRef(PLATFORM, event["user"]), conversation, text=text, kind="message",
                   event_id=body.get("event_id"))


def replay_event_id(replay_key: str | None) -> str | None:
    """The event id under which a signed command or button press is recorded as handled (events carry
    Slack's own `event_id`): a replay of the same signed request is then de-duplicated like an event."""
    return f"replay:{replay_key}" if replay_key else None


def command_request(body: dict[str, Any], *, replay_key: str | None = None) -> Request:
    """A `/smm …` slash command as a command request (its reply goes through the `response_url`)."""
    channel = body.get("channel_id", "")
    kind = conversation_kind(body.get("channel_name"), channel)
    conversation = ConversationRef(PLATFORM, channel, kind, reference={"channel": channel, "team": body.get("team_id")})
    user = UserRef(PLATFORM, body["user_id"], name=body.get("user_name"))
    return Request(user, conversation, text=request_text(body.get("text") or ""), kind="command",
                   event_id=replay_event_id(replay_key))


def action_request(body: dict[str, Any], pressed: dict[str, Any], *, replay_key: str | None = None) -> Request:
    """A pressed button (`block_actions`) as a neutral action request; `replay_key` names this one action of
    the signed request."""
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id") or ""
    message = body.get("message") or {}
    message_ts = message.get("ts") or container.get("message_ts")
    thread_ts = message.get("thread_ts") or message_ts
    conversation = ConversationRef(PLATFORM, channel, conversation_kind(None, channel), thread_id=thread_ts,
                                   reference={"channel": channel, "team": (body.get("team") or {}).get("id")})
    user = body.get("user") or {}
    action = Action(str(pressed.get("action_id", "")), str(pressed.get("value") or ""), message_id=message_ts)
    return Request(UserRef(PLATFORM, user.get("id", ""), name=user.get("username") or user.get("name")),
                   conversation, kind="action", action=action, event_id=replay_event_id(replay_key))


def event_user_team(body: dict[str, Any]) -> str | None:
    """The team (workspace) of the user behind an event: `user_team` (Slack Connect), the user object's
    `team_id`, or the message's `team`. None when the event does not say."""
    event = body.get("event") or {}
    user = event.get("user")
    team = event.get("user_team") or (user.get("team_id") if isinstance(user, dict) else None) or event.get("team")
    return str(team) if team else None


def command_user_team(body: dict[str, Any]) -> str | None:
    """The team of the user who ran a slash command (`user_team` when Slack sends it, else `team_id`)."""
    team = body.get("user_team") or body.get("team_id")
    return str(team) if team else None


def action_user_team(body: dict[str, Any]) -> str | None:
    """The team of the user who pressed a button (`user.team_id`, else the payload's `team.id`)."""
    team = (body.get("user") or {}).get("team_id") or (body.get("team") or {}).get("id")
    return str(team) if team else None
