"""Neutral replies as Slack Block Kit: a pure module (no SDK, no I/O) so every limit and escape is unit-tested.

Every piece of text a reply carries is plain text (see `bot.core.types`). Slack reads `mrkdwn` text as markup,
so `<!channel>`, `<@U…>` and `<https://…|links>` inside a reviewed post or a question would become live;
`escape` turns `&`, `<` and `>` into entities first. User-supplied text shown back verbatim (`Text(style="quote")`)
goes into a `rich_text` quote, which Slack never parses as markup at all.

Block Kit limits (https://api.slack.com/reference/block-kit/blocks) are enforced here, not by hoping:
50 blocks per message (100 in a Home tab), 3,000 characters per section text, 150 per header, 75 per button
label, 2,000 per button value, 255 per action id, 10 context elements, 25 buttons per actions block.
Long texts are split into several sections; more than 50 blocks into several messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.types import Actions, Bullets, Divider, Element, Fields, Reply, Sources, Text

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ID = 255
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS_ELEMENTS = 25
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_FALLBACK_TEXT = 3000
ELLIPSIS = "…"

Block = dict[str, Any]
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


@dataclass
class SlackMessage:
    """One Slack message: fallback `text` (for notifications) and its `blocks`."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


def escape(text: str) -> str:
    """Escape plain text for Slack `mrkdwn`: only `&`, `<` and `>` are control characters there."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Undo Slack's escaping of incoming message text (`&lt;` back to `<`), for the engines."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def split_text(text: str, limit: int = MAX_SECTION_TEXT) -> list[str]:
    """Split `text` into chunks of at most `limit` characters, preferring paragraph, line, then word breaks."""
    chunks: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            position = window.rfind(separator)
            if position > limit // 3:
                cut = position
                break
        if cut == -1:
            # No break in reach: cut hard, but never inside an entity such as `&amp;`.
            cut = limit
            amp = window.rfind("&", max(0, limit - 5))
            if amp != -1 and ";" not in window[amp:]:
                cut = amp
            chunks.append(rest[:cut])
            rest = rest[cut:]
        else:
            chunks.append(rest[:cut].rstrip())
            rest = rest[cut:].lstrip("\n ")
    if rest or not chunks:
        chunks.append(rest)
    return chunks


def _mrkdwn(text: str, mention_user: str | None) -> str:
    escaped = escape(text)
    if mention_user and _USER_ID.match(mention_user):
        # The one place a live mention is wanted: the escalation names the asker, whose id the adapter supplied.
        escaped = escaped.replace(f"&lt;{mention_user}&gt;", f"<@{mention_user}>")
    return escaped


def _sections(text: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in split_text(text) if chunk]


def _quote(text: str) -> list[Block]:
    """User-supplied text verbatim: a rich-text quote is never parsed as markup, so nothing in it goes live."""
    return [
        {"type": "rich_text", "elements": [{"type": "rich_text_quote", "elements": [{"type": "text", "text": chunk}]}]}
        for chunk in split_text(text) if chunk
    ]


def _context(texts: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for start in range(0, len(texts), MAX_CONTEXT_ELEMENTS):
        elements = [{"type": "mrkdwn", "text": truncate(text, MAX_SECTION_TEXT)}
                    for text in texts[start:start + MAX_CONTEXT_ELEMENTS]]
        blocks.append({"type": "context", "elements": elements})
    return blocks


def _button(button_action_id: str, label: str, value: str, style: str) -> Block:
    block: Block = {
        "type": "button",
        "action_id": button_action_id[:MAX_ACTION_ID],
        "text": {"type": "plain_text", "text": truncate(label, MAX_BUTTON_TEXT), "emoji": True},
    }
    if value:
        block["value"] = value[:MAX_BUTTON_VALUE]
    if style in ("primary", "danger"):
        block["style"] = style
    return block


def element_blocks(element: Element, *, first: bool = False, mention_user: str | None = None) -> list[Block]:
    """The Block Kit blocks for one neutral element."""
    if isinstance(element, Text):
        if element.style == "quote":
            return _quote(element.text)
        if element.style == "heading":
            if first and len(element.text) <= MAX_HEADER_TEXT and "\n" not in element.text:
                return [{"type": "header", "text": {"type": "plain_text", "text": element.text, "emoji": True}}]
            return _sections("\n".join(f"*{line}*" if line.strip() else line
                                       for line in _mrkdwn(element.text, mention_user).split("\n")))
        if element.style == "muted":
            return _context(split_text(_mrkdwn(element.text, mention_user)))
        if element.style == "warning":
            return _sections(":warning: " + _mrkdwn(element.text, mention_user))
        return _sections(_mrkdwn(element.text, mention_user))
    if isinstance(element, Bullets):
        return _sections("\n".join(f"• {escape(item)}" for item in element.items)) if element.items else []
    if isinstance(element, Fields):
        blocks: list[Block] = []
        items = list(element.items)
        for start in range(0, len(items), MAX_FIELDS):
            fields = [{"type": "mrkdwn", "text": truncate(f"*{escape(label)}*\n{escape(value)}", MAX_FIELD_TEXT)}
                      for label, value in items[start:start + MAX_FIELDS]]
            blocks.append({"type": "section", "fields": fields})
        return blocks
    if isinstance(element, Sources):
        if not element.items:
            return []
        texts = [f"*{escape(element.label)}:*"] + [f"{escape(s.title)} (`{escape(s.id)}`)" for s in element.items]
        return _context(texts)
    if isinstance(element, Actions):
        buttons = [_button(b.action_id, b.label, b.value, b.style) for b in element.buttons]
        return [{"type": "actions", "elements": buttons[start:start + MAX_ACTIONS_ELEMENTS]}
                for start in range(0, len(buttons), MAX_ACTIONS_ELEMENTS)]
    if isinstance(element, Divider):
        return [{"type": "divider"}]
    raise TypeError(f"unknown reply element {type(element).__name__}")


def reply_blocks(reply: Reply) -> list[Block]:
    """All blocks of a reply, in order, without the per-message limit applied."""
    mention = reply.metadata.get("mention_user")
    mention_user = mention if isinstance(mention, str) else None
    blocks: list[Block] = []
    for index, element in enumerate(reply.elements):
        blocks.extend(element_blocks(element, first=index == 0, mention_user=mention_user))
    return blocks


def fallback_text(reply: Reply) -> str:
    """The notification text: the reply's summary, or its plain text, escaped and bounded."""
    return truncate(escape(reply.summary or reply.plain_text()), MAX_FALLBACK_TEXT) or " "


def render_reply(reply: Reply, *, max_blocks: int = MAX_BLOCKS) -> list[SlackMessage]:
    """A reply as one or more Slack messages, each within the block limit. Buttons stay with the last message."""
    blocks = reply_blocks(reply)
    text = fallback_text(reply)
    if not blocks:
        return [SlackMessage(text=text, blocks=[])]
    messages: list[SlackMessage] = []
    for start in range(0, len(blocks), max_blocks):
        chunk = blocks[start:start + max_blocks]
        messages.append(SlackMessage(text=text if start == 0 else truncate(text, 150), blocks=chunk))
    return messages


def render_home(replies: list[Reply]) -> dict[str, Any]:
    """A Home tab view from replies (the bot's introduction), within the Home tab's 100-block limit."""
    blocks: list[Block] = []
    for index, reply in enumerate(replies):
        if index:
            blocks.append({"type": "divider"})
        blocks.extend(reply_blocks(reply))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}
