"""The Teams app package: manifest.json and the two icons, zipped, for upload to Teams (pure; no botbuilder).

The icons are drawn at run time by a tiny PNG writer (zlib + struct), so nothing binary lives in the
repository and the colour can follow the company: a 192x192 full-colour icon and the 32x32 outline icon
Teams requires to be white on a transparent background.
"""

from __future__ import annotations

import io
import json
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

from bot.policy import PolicyPack

MANIFEST_VERSION = "1.17"
MANIFEST_SCHEMA = f"https://developer.microsoft.com/en-us/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
SCOPES = ["personal", "team", "groupChat"]
# Teams limits: command title 32, description 128; name short 30, full 100; description short 80, full 4000.
COMMANDS = [
    ("help", "List what I can do, in your language"),
    ("ask", "Ask a question about the social media protocol (or just type it)"),
    ("review", "review <post>: check a draft post before you publish it; only you see the verdict"),
    ("profile", "profile <handle> [bio]: does your account read as private or corporate?"),
]
ACCENT = (0x1F, 0x4E, 0x79)

Pixel = tuple[int, int, int, int]


class PackageError(Exception):
    """The package cannot be built; the message says what to set."""


def png(width: int, height: int, pixel: Callable[[int, int], Pixel]) -> bytes:
    """An RGBA PNG drawn by `pixel(x, y)`."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def _bubble(x: float, y: float) -> bool:
    """A speech bubble with a tail, in unit coordinates (0..1)."""
    in_body = 0.2 <= x <= 0.8 and 0.25 <= y <= 0.65
    in_tail = 0.3 <= x <= 0.45 and 0.65 <= y <= 0.8 and (x - 0.3) <= (0.8 - y)
    return in_body or in_tail


def color_icon(size: int = 192, accent: tuple[int, int, int] = ACCENT) -> bytes:
    """The full-colour icon: a white speech bubble with three dots on the accent colour."""
    white: Pixel = (255, 255, 255, 255)
    background: Pixel = (*accent, 255)

    def pixel(x: int, y: int) -> Pixel:
        u, v = (x + 0.5) / size, (y + 0.5) / size
        if _bubble(u, v):
            dots = any((u - cx) ** 2 + (v - 0.45) ** 2 < 0.05 ** 2 for cx in (0.35, 0.5, 0.65))
            return background if dots else white
        return background

    return png(size, size, pixel)


def outline_icon(size: int = 32) -> bytes:
    """The outline icon: the speech bubble's edge in white on transparent, as Teams requires."""
    white: Pixel = (255, 255, 255, 255)
    clear: Pixel = (0, 0, 0, 0)
    step = 1.0 / size

    def pixel(x: int, y: int) -> Pixel:
        u, v = (x + 0.5) / size, (y + 0.5) / size
        inside = _bubble(u, v)
        edge = inside and not all(_bubble(u + du, v + dv) for du in (-2 * step, 2 * step)
                                  for dv in (-2 * step, 2 * step))
        return white if edge else clear

    return png(size, size, pixel)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def manifest(pack: PolicyPack, *, app_id: str, package_id: str | None = None, version: str = "1.0.0",
             website: str | None = None, domains: tuple[str, ...] = ()) -> dict[str, Any]:
    """The Teams app manifest for this company's bot."""
    if not app_id:
        raise PackageError("SMM_TEAMS_APP_ID is not set: the manifest needs the bot's Microsoft App ID "
                           "(Azure Bot resource > Configuration). Set it in the environment or .env.")
    try:
        uuid.UUID(app_id)
    except ValueError:
        raise PackageError(f"SMM_TEAMS_APP_ID {app_id!r} is not a GUID; copy the Microsoft App ID "
                           "from the Azure Bot resource.") from None
    company = pack.company
    contact_domain = company.social_media_manager.contact.rpartition("@")[2]
    site = website or (f"https://{contact_domain}" if "." in contact_domain else "https://example.com")
    if not re.match(r"^https://", site):
        raise PackageError(f"the website {site!r} must start with https://")
    short_name = _cut(f"{company.short_name} Social Media", 30)
    return {
        "$schema": MANIFEST_SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": package_id or app_id,
        "developer": {"name": _cut(company.name, 32), "websiteUrl": site, "privacyUrl": site,
                      "termsOfUseUrl": site},
        "name": {"short": short_name, "full": _cut(f"{company.name} – virtual social media manager", 100)},
        "description": {
            "short": _cut(f"Questions about {company.short_name}'s social media protocol, answered", 80),
            "full": _cut(
                f"The virtual social media manager of {company.name}. Ask a question about the social media "
                "protocol and get an answer with the sections it is based on, in Dutch or English; let it "
                "review a draft post before you publish it (only you see the verdict); check whether your "
                f"account reads as private or corporate. For anything it cannot answer it brings in "
                f"{company.social_media_manager.name}.", 4000),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [{
            "botId": app_id,
            "scopes": SCOPES,
            "supportsFiles": False,
            "isNotificationOnly": False,
            "commandLists": [{"scopes": SCOPES, "commands": [
                {"title": _cut(title, 32), "description": _cut(description, 128)} for title, description in COMMANDS
            ]}],
        }],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": list(dict.fromkeys(domains)),
    }


def build_package(pack: PolicyPack, *, app_id: str, **options: Any) -> bytes:
    """The zip Teams accepts: manifest.json, color.png and outline.png at the top level."""
    data = manifest(pack, app_id=app_id, **options)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(data, indent=2, ensure_ascii=False))
        archive.writestr("color.png", color_icon())
        archive.writestr("outline.png", outline_icon())
    return buffer.getvalue()
