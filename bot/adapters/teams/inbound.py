"""Reading one `POST /api/messages` body: size, JSON and the shape of the fields the adapter reads.

botbuilder's msrest deserializer accepts almost anything (a number where a string belongs, a list where an
object belongs) and the failure shows up later, as a traceback inside a turn. So the body is checked here
first, and anything odd is refused with a 4xx and a reason that names fields, never their values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError

MAX_BODY_BYTES = 256 * 1024  # Teams' own limit for a message is ~28 KB; invokes carry a card's data
MAX_STRING_CHARS = 40_000


@dataclass(frozen=True)
class Refused:
    """A body that is not served: the HTTP status and a short reason (safe to log and to answer)."""

    status: int
    reason: str


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", str_max_length=MAX_STRING_CHARS)


class _Account(_Shape):
    id: StrictStr | None = None
    name: StrictStr | None = None
    aadObjectId: StrictStr | None = None  # noqa: N815 (the Bot Framework's field names)
    role: StrictStr | None = None


class _Conversation(_Shape):
    id: StrictStr | None = None
    name: StrictStr | None = None
    isGroup: StrictBool | None = None  # noqa: N815
    conversationType: StrictStr | None = None  # noqa: N815
    tenantId: StrictStr | None = None  # noqa: N815


class _Entity(_Shape):
    type: StrictStr | None = None
    text: StrictStr | None = None
    mentioned: _Account | None = None


class _Tenant(_Shape):
    id: StrictStr | None = None


class _ChannelData(_Shape):
    tenant: _Tenant | None = None


class _Attachment(_Shape):
    contentType: StrictStr | None = None  # noqa: N815
    contentUrl: StrictStr | None = None  # noqa: N815
    name: StrictStr | None = None


class ActivityShape(_Shape):
    """The fields of an activity the adapter (or botbuilder on its behalf) reads, with their JSON types."""

    type: StrictStr
    id: StrictStr | None = None
    name: StrictStr | None = None
    serviceUrl: StrictStr | None = None  # noqa: N815
    channelId: StrictStr | None = None  # noqa: N815
    timestamp: StrictStr | None = None
    localTimestamp: StrictStr | None = None  # noqa: N815
    locale: StrictStr | None = None
    text: StrictStr | None = None
    textFormat: StrictStr | None = None  # noqa: N815
    summary: StrictStr | None = None
    replyToId: StrictStr | None = None  # noqa: N815
    from_: _Account | None = Field(default=None, alias="from")
    recipient: _Account | None = None
    conversation: _Conversation | None = None
    entities: list[_Entity] | None = None
    membersAdded: list[_Account] | None = None  # noqa: N815
    membersRemoved: list[_Account] | None = None  # noqa: N815
    attachments: list[_Attachment] | None = None
    channelData: _ChannelData | None = None  # noqa: N815
    value: Any = None


def read_activity(raw: bytes, content_type: str) -> dict[str, Any] | Refused:
    """The activity as a dict when the body is a JSON object of the right shape, else why not."""
    if "application/json" not in content_type.lower():
        return Refused(415, "the body must be application/json")
    if len(raw) > MAX_BODY_BYTES:
        return Refused(413, f"the body is larger than {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):  # bad UTF-8, bad JSON, too deeply nested
        return Refused(400, "the body is not valid JSON")
    if not isinstance(body, dict):
        return Refused(400, "the body is not a JSON object")
    try:
        ActivityShape.model_validate(body)
    except ValidationError as exc:
        where = sorted({".".join(str(part) for part in error["loc"]) or "body" for error in exc.errors()})
        return Refused(400, "fields of an unexpected type or missing: " + ", ".join(where[:5])[:300])
    except RecursionError:
        return Refused(400, "the body is nested too deeply")
    return body


def activity_problem(body: dict[str, Any]) -> str | None:
    """What a message or invoke needs beyond its types to be answered: who sent it, where, and how to reply."""
    if body.get("type") not in ("message", "invoke", "conversationUpdate"):
        return None  # other types are acknowledged and ignored by the bot
    missing = [name for name, value in (("serviceUrl", body.get("serviceUrl")),
                                         ("conversation.id", (body.get("conversation") or {}).get("id")),
                                         ("from.id", (body.get("from") or {}).get("id")),
                                         ("channelId", body.get("channelId"))) if not value]
    if missing:
        return "missing " + ", ".join(missing)
    return None
