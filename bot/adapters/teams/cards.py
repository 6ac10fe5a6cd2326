"""Rendering neutral replies as Adaptive Cards (version 1.5, the newest Teams supports).

Pure functions from `Reply` to card dicts: no botbuilder import, no I/O, so the same code can feed the
Microsoft 365 Agents SDK later. Two rules shape it:

- Every text in a reply is plain text, often typed by a user (a question, a reviewed post). TextBlocks
  interpret a subset of Markdown and `{{DATE(…)}}` functions, so `plain()` escapes both and the text
  renders literally; a reviewed post can never become a link, a list or bold text.
- A Teams message must stay under about 28 KB. Long texts are cut into several TextBlocks at paragraph or
  word boundaries, and a reply that still does not fit one card is spread over several cards (buttons stay
  on the last), each under `CARD_BUDGET_BYTES`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.core.types import Actions, Bullets, Button, Divider, Element, Fields, Reply, Sources, Text

SCHEMA_URL = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"
CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"

# Teams refuses messages above ~28 KB; leave room for the activity envelope around the card.
MESSAGE_LIMIT_BYTES = 28 * 1024
CARD_BUDGET_BYTES = 24 * 1024
# One TextBlock never holds more than this many characters; longer texts become several blocks.
BLOCK_CHARS = 4000
MAX_FALLBACK_CHARS = 300

# The keys under which a button's action comes back in Action.Submit / Action.Execute data.
DATA_ACTION = "smm_action"
DATA_VALUE = "smm_value"

_BUTTON_STYLES = {"default": "default", "primary": "positive", "danger": "destructive"}
# Characters with a meaning in Adaptive Card Markdown (CommonMark subset) and in Teams' rendering of it.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!<>|~])")
_LIST_START = re.compile(r"^(\s*)([-+*]|\d+[.)])(\s)", re.MULTILINE)


def plain(text: str) -> str:
    """`text` escaped so a TextBlock shows it literally: Markdown punctuation gets a backslash, a line that
    would start a list keeps its marker as text, and `{{` (card date/time functions) is broken up."""
    escaped = _MARKDOWN.sub(r"\\\1", text)
    escaped = _LIST_START.sub(_escape_list_marker, escaped)
    escaped = escaped.replace("{{", "{\u200b{")
    # Markdown needs a blank line for a paragraph break; keep the author's single line breaks visible.
    return escaped.replace("\r\n", "\n").replace("\n", "\n\n").replace("\n\n\n\n", "\n\n")


def plain_line(text: str, limit: int) -> str:
    """`text` as a one-line plain fallback (a card's fallbackText, an activity's summary), escaped like a
    TextBlock and cut to `limit` characters without leaving half an escape at the end."""
    escaped = plain(" ".join(text.split()))[:limit]
    trailing = len(escaped) - len(escaped.rstrip("\\"))
    return escaped[:-1] if trailing % 2 else escaped


def _escape_list_marker(match: re.Match[str]) -> str:
    indent, marker, space = match.groups()
    escaped = f"{marker[:-1]}\\{marker[-1]}" if marker[0].isdigit() else f"\\{marker}"
    return f"{indent}{escaped}{space}"


def chunk_text(text: str, limit: int = BLOCK_CHARS) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters, preferring paragraph, then line, then word ends."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def text_blocks(element: Text) -> list[dict[str, Any]]:
    """A text paragraph as one or more TextBlocks in its style."""
    style: dict[str, Any] = {}
    if element.style == "heading":
        style = {"weight": "Bolder", "size": "Medium"}
    elif element.style == "muted":
        style = {"isSubtle": True, "size": "Small"}
    elif element.style == "warning":
        style = {"color": "Attention"}
    blocks = [{"type": "TextBlock", "text": plain(piece), "wrap": True, **style} for piece in chunk_text(element.text)]
    if element.style == "quote":
        # User-supplied text shown back (a reviewed post): set apart in an emphasis container.
        return [{"type": "Container", "style": "emphasis", "items": blocks}]
    return blocks


def button_action(button: Button) -> dict[str, Any]:
    """A button as Action.Submit; it comes back as a message activity whose value carries id and value."""
    action: dict[str, Any] = {
        "type": "Action.Submit",
        "title": button.label,
        "data": {DATA_ACTION: button.action_id, DATA_VALUE: button.value},
    }
    if button.style != "default":
        action["style"] = _BUTTON_STYLES[button.style]
    return action


def element_items(element: Element) -> list[dict[str, Any]]:
    """The card body items for one neutral element (a Divider is handled by `render_cards`)."""
    if isinstance(element, Text):
        return text_blocks(element)
    if isinstance(element, Bullets):
        return [{"type": "TextBlock", "text": plain(f"• {item}"), "wrap": True, "spacing": "Small"}
                for item in element.items]
    if isinstance(element, Fields):
        return [{"type": "FactSet", "facts": [{"title": plain(label), "value": plain(value)}
                                              for label, value in element.items]}]
    if isinstance(element, Sources):
        lines = [{"type": "TextBlock", "text": plain(f"{source.title} ({source.id})"), "wrap": True,
                  "isSubtle": True, "size": "Small", "spacing": "None"} for source in element.items]
        label = {"type": "TextBlock", "text": plain(element.label), "wrap": True, "weight": "Bolder",
                 "size": "Small", "spacing": "Medium"}
        return [label, *lines]
    if isinstance(element, Actions):
        return [{"type": "ActionSet", "actions": [button_action(b) for b in element.buttons]}]
    return []


def empty_card(fallback: str = "") -> dict[str, Any]:
    """A card with an empty body, in the shape every card here has."""
    card: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA_URL, "version": CARD_VERSION, "body": []}
    if fallback:
        card["fallbackText"] = plain_line(fallback, MAX_FALLBACK_CHARS)  # user text: a link must stay text
    return card


def card_size(card: dict[str, Any]) -> int:
    """The card's size in bytes as it travels (compact JSON, UTF-8)."""
    return len(json.dumps(card, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def render_cards(reply: Reply, *, budget: int = CARD_BUDGET_BYTES) -> list[dict[str, Any]]:
    """The reply as one Adaptive Card, or several when it would not fit in one message.

    Items are added in order; when the next one would push the card over `budget`, a new card starts.
    An item that alone exceeds the budget (only possible for absurd inputs) is truncated.
    """
    fallback = reply.summary or ""
    cards: list[dict[str, Any]] = [empty_card(fallback)]
    separator_next = False
    for element in reply.elements:
        if isinstance(element, Divider):
            separator_next = True
            continue
        for index, item in enumerate(element_items(element)):
            if separator_next and index == 0:
                item["separator"] = True
                separator_next = False
            current = cards[-1]
            current["body"].append(item)
            if card_size(current) > budget and len(current["body"]) > 1:
                current["body"].pop()
                item.pop("separator", None)
                cards.append(empty_card(fallback))
                cards[-1]["body"].append(item)
            if card_size(cards[-1]) > budget:
                _truncate(cards[-1], budget)
    return cards


def _truncate(card: dict[str, Any], budget: int) -> None:
    """Shorten the last TextBlock of a card until the card fits (the last resort for one huge item)."""
    block = card["body"][-1]
    while "items" in block and block["items"]:
        block = block["items"][-1]
    if block.get("type") != "TextBlock":
        card["body"].pop()
        return
    while card_size(card) > budget and len(block["text"]) > 1:
        excess = card_size(card) - budget
        block["text"] = block["text"][: max(1, len(block["text"]) - excess - 16)].rstrip("\\") + " …"


def render_card(reply: Reply) -> dict[str, Any]:
    """The first card of a reply (for places that take exactly one card, such as an invoke response)."""
    return render_cards(reply)[0]


def action_from_value(value: Any) -> tuple[str, str] | None:
    """(action id, value) from the data of an Action.Submit, or None when it is not one of our buttons."""
    if not isinstance(value, dict):
        return None
    action_id = value.get(DATA_ACTION)
    if not isinstance(action_id, str) or not action_id:
        return None
    raw = value.get(DATA_VALUE, "")
    return action_id, raw if isinstance(raw, str) else str(raw)


def action_from_execute(value: Any) -> tuple[str, str] | None:
    """(action id, value) from an `adaptiveCard/action` invoke: the verb is the id, the data the value."""
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    if not isinstance(action, dict):
        return None
    data = action.get("data")
    verb = action.get("verb")
    if isinstance(data, dict) and DATA_ACTION in data:
        return action_from_value(data)
    if not isinstance(verb, str) or not verb:
        return None
    raw = data.get(DATA_VALUE, "") if isinstance(data, dict) else ""
    return verb, raw if isinstance(raw, str) else str(raw)
