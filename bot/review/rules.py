"""The review rules as data: `policy_data/review/rules.yaml`, loaded and checked.

Every built-in rule (the contract's eight ids) has an entry with its severity, its protocol
section and, for the rules that depend on meaning, the thresholds that turn the learned model's
probability into a finding, plus what the bot says about such a finding. A company can override
any of these in its own pack, and add rules of its own without Python (`kind: phrases` or
`kind: phrases-near`), for example patient names near ward names for a hospital.

`check_rules` reports every problem with file and line for `smm policy check`; `load_rules` raises
`RulesError` with the same list, so a broken rules file never starts a bot.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.policy import Problem
from bot.review.text import MultiMatcher
from bot.review.types import RULES, Severity
from bot.text.normalize import normalize

RULES_FILE = "rules.yaml"
LANGUAGES = ("nl", "en")
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high")
RULE_ID_RE = re.compile(r"^[a-z][a-z0-9-]{1,40}$")
_RULE_KEYS = {"title", "severity", "section", "learned", "message", "may_message", "suggestion", "kind", "phrases",
              "near", "window"}
_TOP_KEYS = {"rules", "context", "idioms"}
_LEARNED_KEYS = {"flag", "caution", "veto", "context_veto", "vetoable", "unsure"}
DATA_KINDS = ("phrases", "phrases-near")
CONTEXT = "__context__"  # the context cues (negation, reporting, counter-speech), kept with the rules
IDIOMS = "__idioms__"  # harmless phrases that contain a listed word ("de tering naar de nering", "Maine Coon")


@dataclass(frozen=True)
class Thresholds:
    """How a calibrated probability becomes a finding (see rules.yaml)."""

    flag: float
    caution: float
    veto: float
    vetoable: frozenset[str]
    unsure: str = "keep"  # a word-list finding the model scores between veto and caution: "keep" or "lower"
    context_veto: float = 0.0  # below this, a word-list hit in a sentence with a context cue is dropped


@dataclass(frozen=True)
class RuleSpec:
    """One review rule: built in (learned thresholds) or a company's data-only rule (phrases)."""

    id: str
    severity: Severity
    section: str
    learned: Thresholds | None = None
    title: Mapping[str, str] = field(default_factory=dict)
    message: Mapping[str, str] = field(default_factory=dict)
    may_message: Mapping[str, str] = field(default_factory=dict)
    suggestion: Mapping[str, str] = field(default_factory=dict)
    kind: str = "built-in"
    phrases: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    window: int = 8

    @property
    def built_in(self) -> bool:
        return self.kind == "built-in"


class RulesError(Exception):
    """The rules file cannot be used; `problems` lists every reason with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("the review rules have problems:\n" + "\n".join("  " + p.format() for p in problems))


def bundled_rules_file() -> Path:
    import policy_data

    return Path(policy_data.__file__).resolve().parent / "review" / RULES_FILE


def _lines(text: str) -> dict[str, int]:
    """The line of each rule id under `rules:` (for messages)."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^  ([A-Za-z0-9_-]+):", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _read(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, None, f"cannot be read: {exc}", "save it as UTF-8 text"))
        return {}, {}
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problems.append(Problem(path, mark.line + 1 if mark is not None else None,
                                f"invalid YAML: {getattr(exc, 'problem', None) or exc}", "check the indentation"))
        return {}, {}
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(data.get("rules"), dict) or set(data) - _TOP_KEYS:
        problems.append(Problem(path, 1, "the file must hold one mapping `rules:` of rule id to settings",
                                "see policy_data/review/rules.yaml"))
        return {}, {}
    rules = dict(data["rules"])
    if "context" in data:
        rules[CONTEXT] = data["context"]
    if "idioms" in data:
        rules[IDIOMS] = data["idioms"]
    return rules, _lines(text)


def _texts(value: Any, path: Path, line: int | None, rule: str, key: str, problems: list[Problem]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or set(value) - set(LANGUAGES) or not all(isinstance(v, str) and v.strip()
                                                                             for v in value.values()):
        problems.append(Problem(path, line, f"rule `{rule}`: `{key}` must map nl and en to a text",
                                f"write `{key}: {{nl: \"...\", en: \"...\"}}`"))
        return {}
    missing = [lang for lang in LANGUAGES if lang not in value]
    if missing:
        problems.append(Problem(path, line, f"rule `{rule}`: `{key}` has no {' or '.join(missing)} text",
                                "every text is needed in both languages"))
    return {k: str(v) for k, v in value.items()}


def _phrases(value: Any, path: Path, line: int | None, rule: str, key: str, problems: list[Problem]) -> tuple[str, ...]:
    from bot.review.lexicons import _check_entry

    if not isinstance(value, dict) or set(value) - set(LANGUAGES):
        problems.append(Problem(path, line, f"rule `{rule}`: `{key}` must map nl and/or en to a list of phrases",
                                f"write `{key}: {{nl: [...], en: [...]}}`"))
        return ()
    out: list[str] = []
    for lang, entries in value.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            problems.append(Problem(path, line, f"rule `{rule}`: `{key}.{lang}` must be a list of phrases"))
            continue
        for entry in entries:
            why = _check_entry(entry, plain=False)
            if why:
                problems.append(Problem(path, line, f"rule `{rule}`: {why}"))
            else:
                out.append(entry)
    if not out:
        problems.append(Problem(path, line, f"rule `{rule}`: `{key}` has no phrases", "add at least one"))
    return tuple(out)


def _parse_rule(rule: str, raw: Any, base: RuleSpec | None, path: Path, line: int | None,
                sections: frozenset[str] | None, problems: list[Problem]) -> RuleSpec | None:
    if not isinstance(raw, dict):
        problems.append(Problem(path, line, f"rule `{rule}` must be a mapping of settings"))
        return None
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        problems.append(Problem(path, line, f"rule `{rule}`: unknown setting `{unknown[0]}`",
                                "known: " + ", ".join(sorted(_RULE_KEYS))))
    if not RULE_ID_RE.match(rule):
        problems.append(Problem(path, line, f"rule id `{rule}` must be lower-case letters, digits and dashes"))
        return None
    kind = str(raw.get("kind", base.kind if base else ("built-in" if rule in RULES else "")))
    if rule in RULES and kind != "built-in":
        problems.append(Problem(path, line, f"rule `{rule}` is built in; it cannot change its kind",
                                "give a company rule an id of its own"))
        return None
    if rule not in RULES and kind not in DATA_KINDS:
        problems.append(Problem(path, line, f"rule `{rule}` needs `kind: phrases` or `kind: phrases-near`",
                                "built-in rules are " + ", ".join(RULES)))
        return None
    severity = raw.get("severity", base.severity if base else None)
    if severity not in SEVERITIES:
        problems.append(Problem(path, line, f"rule `{rule}`: severity must be low, medium or high"))
        return None
    section = raw.get("section", base.section if base else None)
    if not isinstance(section, str) or (sections is not None and section not in sections):
        problems.append(Problem(path, line, f"rule `{rule}`: unknown section `{section}`",
                                "use a section id of the pack"))
        return None
    learned = base.learned if base else None
    if "learned" in raw:
        value = raw["learned"]
        if not isinstance(value, dict) or set(value) - _LEARNED_KEYS:
            problems.append(Problem(path, line, f"rule `{rule}`: `learned` takes " + ", ".join(sorted(_LEARNED_KEYS))))
        elif kind != "built-in":
            problems.append(Problem(path, line, f"rule `{rule}`: only built-in rules have a learned model"))
        else:
            numbers = {}
            for key in ("flag", "caution", "veto", "context_veto"):
                number = value.get(key, getattr(learned, key) if learned else (0.0 if key == "context_veto" else None))
                if not isinstance(number, int | float) or not 0.0 <= float(number) <= 1.0:
                    problems.append(Problem(path, line, f"rule `{rule}`: learned.{key} must be a number from 0 to 1"))
                    number = 1.0
                numbers[key] = float(number)
            if not numbers["veto"] <= numbers["caution"] <= numbers["flag"]:
                problems.append(Problem(path, line,
                                        f"rule `{rule}`: learned thresholds must be veto <= caution <= flag"))
            vetoable = value.get("vetoable", sorted(learned.vetoable) if learned else [])
            if not isinstance(vetoable, list) or not all(isinstance(v, str) for v in vetoable):
                problems.append(Problem(path, line, f"rule `{rule}`: learned.vetoable must be a list of finding kinds"))
                vetoable = []
            unsure = value.get("unsure", learned.unsure if learned else "keep")
            if unsure not in ("keep", "lower"):
                problems.append(Problem(path, line, f"rule `{rule}`: learned.unsure must be keep or lower"))
                unsure = "keep"
            learned = Thresholds(numbers["flag"], numbers["caution"], numbers["veto"], frozenset(vetoable), unsure,
                                 numbers["context_veto"])
    title = _texts(raw.get("title"), path, line, rule, "title", problems) or (dict(base.title) if base else {})
    message = _texts(raw.get("message"), path, line, rule, "message", problems) or (dict(base.message) if base else {})
    may = _texts(raw.get("may_message"), path, line, rule, "may_message", problems) or (
        dict(base.may_message) if base else {})
    suggestion = _texts(raw.get("suggestion"), path, line, rule, "suggestion", problems) or (
        dict(base.suggestion) if base else {})
    phrases: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    window = 8
    if kind in DATA_KINDS:
        phrases = _phrases(raw.get("phrases"), path, line, rule, "phrases", problems)
        if kind == "phrases-near":
            near = _phrases(raw.get("near"), path, line, rule, "near", problems)
            window = raw.get("window", 8)
            if not isinstance(window, int) or not 1 <= window <= 50:
                problems.append(Problem(path, line, f"rule `{rule}`: window must be a whole number of words, 1 to 50"))
                window = 8
        if not title or not message or not suggestion:
            problems.append(Problem(path, line, f"rule `{rule}`: a company rule needs `title`, `message` and "
                                    "`suggestion`", "each in nl and en"))
    return RuleSpec(id=rule, severity=severity, section=section, learned=learned, title=title, message=message,
                    may_message=may, suggestion=suggestion, kind=kind, phrases=phrases, near=near, window=window)


def _collect(root: Path | None, sections: frozenset[str] | None, problems: list[Problem]) -> dict[str, RuleSpec]:
    bundled = bundled_rules_file()
    raw, lines = _read(bundled, problems)
    specs: dict[str, RuleSpec] = {}
    context: tuple[str, ...] = ()
    idioms: tuple[str, ...] = ()
    if CONTEXT in raw:
        context = _phrases(raw.pop(CONTEXT), bundled, None, "context", "context", problems)
    if IDIOMS in raw:
        idioms = _phrases(raw.pop(IDIOMS), bundled, None, "idioms", "idioms", problems)
    for rule, value in raw.items():
        spec = _parse_rule(str(rule), value, None, bundled, lines.get(str(rule)), None, problems)
        if spec is not None:
            specs[spec.id] = spec
    own = root / "review" / RULES_FILE if root is not None else None
    if own is not None and own.is_file() and own.resolve() != bundled.resolve():
        raw, lines = _read(own, problems)
        if CONTEXT in raw:
            context = _phrases(raw.pop(CONTEXT), own, None, "context", "context", problems)
        if IDIOMS in raw:
            idioms = _phrases(raw.pop(IDIOMS), own, None, "idioms", "idioms", problems)
        for rule, value in raw.items():
            spec = _parse_rule(str(rule), value, specs.get(str(rule)), own, lines.get(str(rule)), sections, problems)
            if spec is not None:
                specs[spec.id] = spec
    missing = [r for r in RULES if r not in specs]
    if missing:
        problems.append(Problem(bundled, None, f"built-in rule `{missing[0]}` is missing from rules.yaml"))
    if context:
        specs[CONTEXT] = RuleSpec(id=CONTEXT, severity="low", section="", kind="context", phrases=context)
    if idioms:
        specs[IDIOMS] = RuleSpec(id=IDIOMS, severity="low", section="", kind="context", phrases=idioms)
    return specs


def check_rules(root: Path, sections: frozenset[str] | None = None) -> list[Problem]:
    """Every problem with the rules of the pack at `root`."""
    problems: list[Problem] = []
    _collect(root, sections, problems)
    return problems


def load_rules(root: Path | None = None, sections: frozenset[str] | None = None) -> dict[str, RuleSpec]:
    """The rules of the pack at `root` (the bundled file, overridden and extended by the pack's own)."""
    problems: list[Problem] = []
    specs = _collect(root, sections, problems)
    if problems:
        raise RulesError(problems)
    return specs


def data_rule_matcher(specs: Mapping[str, RuleSpec]) -> MultiMatcher | None:
    """One matcher over every company rule's phrases (groups `<id>` and `<id>/near`)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for spec in specs.values():
        if spec.built_in:
            continue
        if spec.kind == "context":
            groups[spec.id] = [(normalize(p).text, "cue") for p in spec.phrases]
            continue
        groups[spec.id] = [(normalize(p).text, "phrase") for p in spec.phrases]
        if spec.near:
            groups[f"{spec.id}/near"] = [(normalize(p).text, "near") for p in spec.near]
    return MultiMatcher(groups) if groups else None
