"""The rotating tip list in `policy_data/tips.yaml`: loading, validating and rendering one tip.

Format: a YAML list of entries, each `section: <section-id>` plus one text per language (`nl:`, `en:`). Texts
may contain {company}, {company_short}, {smm_name}, {smm_contact} (and the other placeholders policy texts
know); they are filled from company.yaml like every other policy text. Each tip links to its section.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.policy.loader import Problem, _Collector, load_company, placeholder_values, render_placeholders
from bot.policy.model import Company

TIPS_FILE = "tips.yaml"
TIP_KEYS = {"section"}


@dataclass(frozen=True)
class Tip:
    """One tip: the section it belongs to and its rendered text per language."""

    section: str
    texts: dict[str, str]


def _entry_lines(text: str) -> list[int]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    return [n.start_mark.line + 1 for n in node.value] if isinstance(node, yaml.SequenceNode) else []


def _collect(root: Path, company: Company | None, out: _Collector) -> list[Tip]:
    path = root / TIPS_FILE
    if not path.is_file():
        return []
    languages = company.languages if company else ("nl", "en")
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError) as exc:
        out.add(path, None, f"cannot be read: {exc}", "save it as UTF-8")
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        out.add(path, mark.line + 1 if mark else None, "invalid YAML", "check indentation, colons and quotes")
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        out.add(path, 1, "tips.yaml must be a list of tips", "each: `- section: working-hours` with `nl:` and `en:`")
        return []
    sections_dir = root / "sections"
    known = {p.name for p in sections_dir.iterdir() if p.is_dir()} if sections_dir.is_dir() else set()
    lines = _entry_lines(text)
    tips: list[Tip] = []
    for index, entry in enumerate(data):
        line = lines[index] if index < len(lines) else None
        if not isinstance(entry, dict):
            out.add(path, line, f"tip {index + 1} must be a mapping", "`section:`, `nl:` and `en:`")
            continue
        unknown = set(entry) - TIP_KEYS - set(languages)
        if unknown:
            out.add(path, line, f"tip {index + 1} has unknown key(s) {', '.join(sorted(map(str, unknown)))}",
                    "allowed: section, " + ", ".join(languages))
        section = entry.get("section")
        if not isinstance(section, str) or not section.strip():
            out.add(path, line, f"tip {index + 1} has no `section`", "the id of the section the tip belongs to")
            continue
        if known and section not in known:
            out.add(path, line, f"tip {index + 1} names unknown section `{section}`", "use a folder name of sections/")
            continue
        texts: dict[str, str] = {}
        for lang in languages:
            value = entry.get(lang)
            if not isinstance(value, str) or not value.strip():
                out.add(path, line, f"tip {index + 1} has no `{lang}` text", f"add `{lang}: ...`")
                continue
            texts[lang] = (render_placeholders(value, placeholder_values(company, lang), path, line or 1, out)
                           if company else value).strip()
        if len(texts) == len(languages):
            tips.append(Tip(section, texts))
    return tips


def check_tips(root: Path) -> list[Problem]:
    """Every problem with `tips.yaml` in the pack at `root` (none when the file is absent): for `smm policy check`."""
    out = _Collector()
    root = root.resolve()
    company = load_company(root / "company.yaml", _Collector())
    _collect(root, company, out)
    return out.problems


def load_tips(root: Path, company: Company) -> list[Tip]:
    """The valid tips, rendered; entries with problems are left out (check_tips lists them)."""
    return _collect(root.resolve(), company, _Collector())
