"""Neutral request and reply types: what adapters translate platform payloads into and out of.

A handler receives a `Request` and returns a `Reply` built from a few generic elements. Adapters
render those elements as Block Kit, Adaptive Cards or terminal text; they never see a feature.
All text in elements is plain text: adapters escape it for their platform, so user-supplied text
(a reviewed post, a question) can never become live markup such as `<!channel>`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

Platform = Literal["slack", "teams", "console"]
ConversationKind = Literal["direct", "group", "channel"]
RequestKind = Literal["message", "command", "action"]


@dataclass(frozen=True)
class UserRef:
    """Who sent a request. `id` is the platform's user id (Slack `U…`, Teams AAD object id)."""

    platform: str
    id: str
    name: str | None = None
    locale: str | None = None


@dataclass(frozen=True)
class ConversationRef:
    """Where a request came from and where its reply goes.

    `reference` is the platform's own serialisable reference (for example a Bot Framework
    ConversationReference as a dict) that proactive messages need later. `link` is a URL to the
    message that made the request, when the platform has one (used when escalating).
    """

    platform: str
    id: str
    kind: ConversationKind = "direct"
    thread_id: str | None = None
    reference: dict[str, Any] | None = None
    link: str | None = None


@dataclass(frozen=True)
class Action:
    """A button or card action pressed by the user: a stable id and a small value. `language` is the language
    of the message the button was on, when the adapter knows it (the reply to the press uses it)."""

    id: str
    value: str = ""
    message_id: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Request:
    """One thing a user asked of the bot, whatever the platform.

    `authenticated` is False when the platform could not vouch for the sender (the Bot Framework Emulator's
    tokenless endpoint): such a request is answered, but never gets admin rights, whatever id it claims."""

    user: UserRef
    conversation: ConversationRef
    text: str = ""
    kind: RequestKind = "message"
    action: Action | None = None
    event_id: str | None = None
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    authenticated: bool = True

    @property
    def platform(self) -> str:
        return self.user.platform


# Reply elements ---------------------------------------------------------------------------------

TextStyle = Literal["plain", "heading", "muted", "quote", "warning"]


@dataclass(frozen=True)
class Text:
    """A paragraph of plain text. `quote` is for user-supplied text shown back verbatim."""

    text: str
    style: TextStyle = "plain"


@dataclass(frozen=True)
class Bullets:
    """A short list of plain-text items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label/value pairs, e.g. verdict and language."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SourceLink:
    """A policy section cited by a reply."""

    id: str
    title: str


@dataclass(frozen=True)
class Sources:
    """The sections a reply is based on, best first, under a label in the reply's language."""

    label: str
    items: tuple[SourceLink, ...]


ButtonStyle = Literal["default", "primary", "danger"]


@dataclass(frozen=True)
class Button:
    """A button that comes back as an `Action` with the same `action_id` and `value`."""

    action_id: str
    label: str
    value: str = ""
    style: ButtonStyle = "default"


@dataclass(frozen=True)
class Actions:
    """A row of buttons."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class Divider:
    """A visual separator."""


Element = Text | Bullets | Fields | Sources | Actions | Divider


@dataclass
class Reply:
    """What the bot says back.

    `private` replies are shown only to the asker (Slack ephemeral). `summary` is the plain
    fallback text for notifications and platforms without rich layout. `replace_original`
    asks the adapter to update the message whose button was pressed instead of posting anew.
    """

    elements: list[Element]
    language: str
    summary: str = ""
    private: bool = False
    in_thread: bool = True
    replace_original: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)

    def plain_text(self) -> str:
        """The reply flattened to plain text (console, logs of bot output, fallbacks)."""
        lines: list[str] = []
        for element in self.elements:
            if isinstance(element, Text):
                lines.append(("> " + element.text.replace("\n", "\n> ")) if element.style == "quote" else element.text)
            elif isinstance(element, Bullets):
                lines.extend(f"• {item}" for item in element.items)
            elif isinstance(element, Fields):
                lines.extend(f"{label}: {value}" for label, value in element.items)
            elif isinstance(element, Sources):
                lines.append(f"{element.label}: " + "; ".join(f"{s.title} [{s.id}]" for s in element.items))
            elif isinstance(element, Actions):
                lines.append("  ".join(f"[{b.label}]" for b in element.buttons))
            elif isinstance(element, Divider):
                lines.append("—" * 20)
        return "\n".join(lines)


@dataclass(frozen=True)
class Target:
    """A destination for a proactive message: a user's direct chat or a channel, on one platform."""

    platform: str
    kind: Literal["user", "channel"]
    id: str
