"""The neutral `Reply` as JSON, so an outbox row carries exactly what the adapter renders later."""

from __future__ import annotations

import json
from typing import Any

from bot.core.types import (
    Actions,
    Bullets,
    Button,
    Divider,
    Element,
    Fields,
    Reply,
    SourceLink,
    Sources,
    Text,
)


def _element_to_dict(element: Element) -> dict[str, Any]:
    if isinstance(element, Text):
        return {"type": "text", "text": element.text, "style": element.style}
    if isinstance(element, Bullets):
        return {"type": "bullets", "items": list(element.items)}
    if isinstance(element, Fields):
        return {"type": "fields", "items": [list(pair) for pair in element.items]}
    if isinstance(element, Sources):
        return {"type": "sources", "label": element.label, "items": [[s.id, s.title] for s in element.items]}
    if isinstance(element, Actions):
        return {"type": "actions", "buttons": [
            {"action_id": b.action_id, "label": b.label, "value": b.value, "style": b.style} for b in element.buttons
        ]}
    return {"type": "divider"}


def _element_from_dict(data: dict[str, Any]) -> Element:
    kind = data["type"]
    if kind == "text":
        return Text(data["text"], style=data.get("style", "plain"))
    if kind == "bullets":
        return Bullets(tuple(data["items"]))
    if kind == "fields":
        return Fields(tuple((str(a), str(b)) for a, b in data["items"]))
    if kind == "sources":
        return Sources(data["label"], tuple(SourceLink(i, t) for i, t in data["items"]))
    if kind == "actions":
        return Actions(tuple(Button(b["action_id"], b["label"], b.get("value", ""), b.get("style", "default"))
                             for b in data["buttons"]))
    if kind == "divider":
        return Divider()
    raise ValueError(f"unknown reply element type {kind!r}")


def reply_to_json(reply: Reply) -> str:
    """Serialise a reply (elements, language, summary, metadata) for the outbox."""
    return json.dumps({
        "elements": [_element_to_dict(e) for e in reply.elements],
        "language": reply.language,
        "summary": reply.summary,
        "metadata": reply.metadata,
    }, ensure_ascii=False, sort_keys=True)


def reply_from_json(text: str) -> Reply:
    """The reply an outbox row carries."""
    data = json.loads(text)
    return Reply([_element_from_dict(e) for e in data["elements"]], data["language"],
                 summary=data.get("summary", ""), in_thread=False, metadata=data.get("metadata") or {})
