"""The review lexicons: the bundled ones are valid, mistakes are reported with file and line, and the
entry syntax (phrases, `*`, `#`, `~`, `!`) matches what SOURCES.md promises."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import bundled_policy_dir
from bot.review.lexicons import LexiconError, check_review_lexicons, load_lexicons
from bot.review.text import PhraseMatcher, tokenize


def test_bundled_lexicons_are_valid() -> None:
    assert check_review_lexicons(bundled_policy_dir()) == []
    assert load_lexicons(bundled_policy_dir()).get("profanity", "profanity")


def test_sources_note_is_next_to_the_lists() -> None:
    text = (bundled_policy_dir() / "review" / "SOURCES.md").read_text(encoding="utf-8")
    assert "written for this project" in text.lower()


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "review").mkdir(parents=True)
    return root


def test_a_pack_without_lists_uses_the_bundled_ones(pack: Path) -> None:
    assert check_review_lexicons(pack) == []


def test_mistakes_are_reported_with_file_and_line(pack: Path) -> None:
    (pack / "review" / "profanity.yaml").write_text(
        "profanity:\n  nl:\n    - verdomme\n    - 'ab*'\n    - 'a*b'\n  fr: [merde]\nextra: {nl: [x]}\n",
        encoding="utf-8",
    )
    (pack / "review" / "colours.yaml").write_text("x: 1\n", encoding="utf-8")
    problems = check_review_lexicons(pack)
    messages = [(p.file.name, p.line, p.message) for p in problems]
    assert any(name == "profanity.yaml" and line == 4 and "at least 3" in msg for name, line, msg in messages)
    assert any(line == 5 and "`*` may only end a word" in msg for _, line, msg in messages)
    assert any("unknown language `fr`" in msg for _, _, msg in messages)
    assert any("unknown list `extra`" in msg for _, _, msg in messages)
    assert any(name == "colours.yaml" and "unknown lexicon file" in msg for name, _, msg in messages)
    with pytest.raises(LexiconError):
        load_lexicons(pack)


def test_invalid_yaml_is_reported(pack: Path) -> None:
    (pack / "review" / "insults.yaml").write_text("insults:\n  nl: [a, b\n", encoding="utf-8")
    [problem] = check_review_lexicons(pack)
    assert "invalid YAML" in problem.message and problem.line


def test_a_company_can_extend_a_list(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    shutil.copytree(bundled_policy_dir(), root, ignore=shutil.ignore_patterns("__pycache__"))
    path = root / "review" / "profanity.yaml"
    extended = path.read_text(encoding="utf-8").replace("  en:\n", "  en:\n    - frak*\n", 1)
    path.write_text(extended, encoding="utf-8")
    assert check_review_lexicons(root) == []
    assert "frak*" in load_lexicons(root).get("profanity", "profanity")


def matches(entries: list[str], text: str) -> list[str]:
    tokens = tokenize(text)
    hits = PhraseMatcher((e, "x") for e in entries).find(tokens)
    return [text[tokens[h.first].start:tokens[h.last].end] for h in hits]


def test_entry_syntax() -> None:
    assert matches(["kut*", "!kutsu"], "Kutweer en kutsu") == ["Kutweer"]
    assert matches(["#ad"], "ad hoc #ad") == ["#ad"]
    assert matches(["moet je ~ proberen"], "Dit moet je echt eens proberen") == ["moet je echt eens proberen"]
    assert matches(["moet je ~ proberen"], "Moet je. Proberen") == []  # not across sentences
    assert matches(["homo's"], "geen homo’s hier") == ["homo’s"]
    assert matches(["2-for-1"], "now 2 for 1 and 2-for-1") == ["2 for 1", "2-for-1"]
