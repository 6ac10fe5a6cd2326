"""`smm teams-package`: a zip Teams accepts, filled from the settings and company.yaml."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app

APP_ID = "3c0e1a2b-4d5f-4a6b-8c7d-9e0f1a2b3c4d"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and zlib.crc32(data[12:16 + length]) == struct.unpack(">I", data[16 + length:20 + length])[0]
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_package_has_manifest_and_icons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SMM_TEAMS_APP_ID", APP_ID)
    out = tmp_path / "out" / "app.zip"

    result = CliRunner().invoke(app, ["teams-package", "--out", str(out), "--domain", "bot.noordlicht.example"])

    assert result.exit_code == 0, result.output
    archive = zipfile.ZipFile(io.BytesIO(out.read_bytes()))
    assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["manifestVersion"] == "1.17" and manifest["id"] == APP_ID
    [bot] = manifest["bots"]
    assert bot["botId"] == APP_ID and bot["scopes"] == ["personal", "team", "groupChat"]
    [commands] = bot["commandLists"]
    assert [c["title"] for c in commands["commands"]] == ["help", "ask", "review", "profile"]
    assert all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands["commands"])
    assert manifest["validDomains"] == ["bot.noordlicht.example"]
    assert "Noordlicht" in manifest["name"]["short"] and len(manifest["name"]["short"]) <= 30
    assert len(manifest["description"]["short"]) <= 80
    assert manifest["developer"]["websiteUrl"].startswith("https://")
    assert _png_size(archive.read("color.png")) == (192, 192)
    assert _png_size(archive.read("outline.png")) == (32, 32)


def test_without_an_app_id_it_says_what_to_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SMM_TEAMS_APP_ID", raising=False)

    result = CliRunner().invoke(app, ["teams-package", "--out", str(tmp_path / "app.zip")])

    assert result.exit_code == 2
    assert "SMM_TEAMS_APP_ID" in result.output
    assert not (tmp_path / "app.zip").exists()
