"""The review lexicons in `policy_data/review/*.yaml`: loading them and checking them.

They are YAML so that a company can extend them without touching code (see
`policy_data/review/SOURCES.md`). The policy pack loader leaves this folder alone; the review
engine loads it, and `check_review_lexicons` lets `smm policy check` report mistakes in it with
file and line, the same way as the rest of the pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.policy import Problem
from bot.review.text import MIN_PREFIX, parse_entry

LEXICON_LANGUAGES: tuple[str, ...] = ("nl", "en")

# file stem -> the lists it must have. Every list maps a language to a list of entries.
SCHEMA: dict[str, tuple[str, ...]] = {
    "insults": ("insults", "compound_prefixes", "collective", "collective_nouns", "superlatives",
                "metaphor_heads", "metaphor_nouns", "sarcastic_praise", "ridicule_context"),
    "targets": ("employer", "colleague", "customer", "competitor", "people"),
    "profanity": ("profanity",),
    "discrimination": ("slurs", "phrases", "groups", "cues", "exclusion", "group_cues", "counter_speech",
                       "predicates", "neutral_context", "stereotypes"),
    "confidential": (
        "unreleased", "launch", "launch_dates", "new_product", "internal", "documents", "financial",
        "unpublished", "figure_change", "customer_data", "photo", "screen_objects",
    ),
    "personal": ("roles", "customer_roles", "private_details", "street_suffixes"),
    "promotion": ("promo", "praise", "disclosure"),
    "speaking-on-behalf": ("official", "with_company", "company_words", "org_nouns", "statement_verbs"),
    "sensitive": ("topics", "work_context", "weak_topics", "company_deals"),
}

# Lists added later: a company's own copy of the file may leave them out (then they are empty).
OPTIONAL_LISTS = {("targets", "people"), ("sensitive", "company_deals"), ("discrimination", "group_cues"),
                  ("discrimination", "counter_speech"), ("discrimination", "predicates"),
                  ("discrimination", "neutral_context"), ("insults", "collective"), ("insults", "collective_nouns"),
                  ("insults", "superlatives"), ("speaking-on-behalf", "org_nouns"),
                  ("speaking-on-behalf", "statement_verbs"), ("discrimination", "stereotypes"),
                  ("insults", "metaphor_heads"), ("insults", "metaphor_nouns"), ("insults", "sarcastic_praise"),
                  ("insults", "ridicule_context")}

# Files in `review/` that are not word lists (checked by their own modules).
NOT_LEXICONS = frozenset({"rules.yaml", "examples.yaml"})

# Lists whose entries are plain word endings or prefixes, not phrases in the entry syntax.
PLAIN_LISTS = {("insults", "compound_prefixes"), ("personal", "street_suffixes")}


def bundled_review_dir() -> Path:
    """The lexicons that ship with the bot (`policy_data/review/`)."""
    import policy_data

    return Path(policy_data.__file__).resolve().parent / "review"


@dataclass(frozen=True)
class Lexicons:
    """Every review list, per file, list and language."""

    lists: dict[str, dict[str, dict[str, tuple[str, ...]]]] = field(default_factory=dict)

    def get(self, file: str, name: str, language: str | None = None) -> tuple[str, ...]:
        """The entries of one list: of one language, or of every language (posts mix languages)."""
        per_lang = self.lists.get(file, {}).get(name, {})
        if language is not None:
            return per_lang.get(language, ())
        merged: dict[str, None] = {}
        for lang in LEXICON_LANGUAGES:
            for entry in per_lang.get(lang, ()):
                merged[entry] = None
        return tuple(merged)


class LexiconError(Exception):
    """The review lexicons cannot be used; `problems` says why, with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("the review lexicons have problems:\n" + "\n".join("  " + p.format() for p in problems))


def _check_entry(entry: str, plain: bool) -> str:
    """Why `entry` is not a valid lexicon entry, or an empty string."""
    text = entry.strip()
    if not text:
        return "empty entry"
    if plain:
        return "" if all(ch.isalnum() or ch in "-'" for ch in text) else f"`{entry}` must be a plain word"
    if text.startswith("!"):
        word = text[1:].strip()
        return "" if word and " " not in word and word.replace("-", "").replace("'", "").isalnum() else (
            f"exception `{entry}` must be a single word after the `!`")
    for raw in text.split():
        if raw == "~":
            continue
        if "*" in raw.rstrip("*") or raw.count("*") > 1:
            return f"`{entry}`: `*` may only end a word"
        if "#" in raw[1:]:
            return f"`{entry}`: `#` may only start a word"
        if raw.endswith("*") and len(raw.lstrip("#").rstrip("*")) < MIN_PREFIX:
            return f"`{entry}`: a `*` word needs at least {MIN_PREFIX} letters before the `*`"
    parts = parse_entry(text)
    if not parts:
        return f"`{entry}` has no letters or digits to match"
    if text.split()[0] == "~":
        return f"`{entry}` may not start with `~`"
    return ""


def _load_file(path: Path, stem: str, problems: list[Problem]) -> dict[str, dict[str, tuple[str, ...]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(path, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})", "save it as UTF-8"))
        return {}
    except OSError as exc:
        problems.append(Problem(path, None, f"cannot be read: {exc.strerror}"))
        return {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(path, mark.line + 1 if mark is not None else None,
                                f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
                                "check indentation and quote entries that start with ! or contain : or %"))
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problems.append(Problem(path, 1, "must map list names to {nl: [...], en: [...]}"))
        return {}
    lines: dict[str, int] = {}
    item_lines: dict[tuple[str, str], list[int]] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.MappingNode):
            for lang_node, seq in value_node.value:
                if isinstance(seq, yaml.SequenceNode):
                    item_lines[(key, str(lang_node.value))] = [n.start_mark.line + 1 for n in seq.value]
    allowed = SCHEMA[stem]
    result: dict[str, dict[str, tuple[str, ...]]] = {}
    for key, value in data.items():
        name = str(key)
        line = lines.get(name)
        if name not in allowed:
            problems.append(Problem(path, line, f"unknown list `{name}`", "known lists: " + ", ".join(allowed)))
            continue
        if not isinstance(value, dict):
            problems.append(Problem(path, line, f"`{name}` must map languages to lists",
                                    f"{name}: {{nl: [...], en: [...]}}"))
            continue
        per_lang: dict[str, tuple[str, ...]] = {}
        for lang, entries in value.items():
            if lang not in LEXICON_LANGUAGES:
                problems.append(Problem(path, line, f"`{name}` has unknown language `{lang}`", "use nl or en"))
                continue
            if not isinstance(entries, list):
                problems.append(Problem(path, line, f"`{name}.{lang}` must be a list",
                                        "write it as [a, b] or - a lines"))
                continue
            clean: list[str] = []
            positions = item_lines.get((name, str(lang)), [])
            for index, entry in enumerate(entries):
                entry_line = positions[index] if index < len(positions) else line
                if not isinstance(entry, str | int | float) or isinstance(entry, bool):
                    problems.append(Problem(path, entry_line, f"`{name}.{lang}` entry {index + 1} is not a word",
                                            "quote it"))
                    continue
                reason = _check_entry(str(entry), (stem, name) in PLAIN_LISTS)
                if reason:
                    problems.append(Problem(path, entry_line, reason,
                                            "see policy_data/review/SOURCES.md, Entry syntax"))
                    continue
                clean.append(str(entry).strip())
            per_lang[str(lang)] = tuple(clean)
        result[name] = per_lang
    for name in allowed:
        if name not in result and name not in data and (stem, name) not in OPTIONAL_LISTS:
            problems.append(Problem(path, None, f"list `{name}` is missing", f"add `{name}: {{nl: [], en: []}}`"))
    return result


def _collect(root: Path | None, problems: list[Problem]) -> Lexicons:
    folder = root / "review" if root is not None else None
    bundled = bundled_review_dir()
    lists: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.y*ml")):
            if path.stem not in SCHEMA and path.name not in NOT_LEXICONS:
                problems.append(Problem(path, None, f"unknown lexicon file `{path.name}`",
                                        "known: " + ", ".join(f"{s}.yaml" for s in SCHEMA)))
    for stem in SCHEMA:
        path = bundled / f"{stem}.yaml"
        if folder is not None and (folder / f"{stem}.yaml").is_file():
            path = folder / f"{stem}.yaml"  # a pack without its own list uses the bundled one
        lists[stem] = _load_file(path, stem, problems)
    return Lexicons(lists)


def check_review_lexicons(root: Path) -> list[Problem]:
    """Every problem with the review lexicons of the pack at `root` (its `review/` folder)."""
    problems: list[Problem] = []
    _collect(root, problems)
    return problems


def load_lexicons(root: Path | None = None) -> Lexicons:
    """The lexicons of the pack at `root` (missing files fall back to the bundled ones).

    Raises LexiconError listing every problem: a review with a broken list would silently miss things.
    """
    problems: list[Problem] = []
    lexicons = _collect(root, problems)
    if problems:
        raise LexiconError(problems)
    return lexicons
