"""Load and validate a policy pack folder.

Layout (see README, "Adapting the policy pack"):

    pack.yaml                 version, title, disabled sections
    company.yaml              the company (product contract, section 4; README "The company file")
    synonyms.yaml             optional: words that mean the same, per language
    sections/<id>/<lang>.md   one file per section and language, with a small YAML front matter
    sections/<id>/faq.yaml    optional: questions and answers for the section

Every problem is collected with its file and line, so `smm policy check` can list them all at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from rapidfuzz import process as fuzz_process

from bot.policy.model import (
    CONTRACT_SECTION_IDS,
    LANGUAGES,
    Company,
    Faq,
    PolicyPack,
    Section,
    SectionText,
    SocialMediaManager,
)

# libyaml's C loader when available: the pure-Python one made loading a pack take over a second.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SECTION_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
PLACEHOLDER_RE = re.compile(r"\{\{|\}\}|\{([^{}\n]{0,40})\}")
FRONT_MATTER_KEYS = {"id", "title", "keywords", "order", "summary", "custom"}
PACK_KEYS = {"version", "title", "disabled_sections"}
COMPANY_KEYS = {
    "name", "aliases", "products", "confidential_terms", "competitors",
    "social_media_manager", "timezone", "languages", "announcement_signature",
}
MANAGER_KEYS = {"name", "contact"}
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the pack: where, what, and what to do about it."""

    file: Path
    line: int | None
    message: str
    hint: str = ""

    def format(self, root: Path | None = None) -> str:
        path = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                path = self.file.relative_to(root)
        where = f"{path}:{self.line}" if self.line else str(path)
        return f"{where}: {self.message}" + (f" ({self.hint})" if self.hint else "")


class PolicyError(Exception):
    """The pack cannot be used; `problems` lists every reason."""

    def __init__(self, root: Path, problems: list[Problem]) -> None:
        self.root = root
        self.problems = problems
        lines = "\n".join("  " + p.format(root) for p in problems)
        super().__init__(f"the policy pack in {root} has {len(problems)} problem(s):\n{lines}")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: Path, line: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, line, message, hint))


def _read_text(path: Path, out: _Collector) -> str | None:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            out.add(path, None, "file is larger than 1 MB", "split it or remove what is not policy text")
            return None
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        out.add(path, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})", "save the file as UTF-8")
    except OSError as exc:
        out.add(path, None, f"cannot be read: {exc.strerror}")
    return None


def _parse_yaml(text: str, path: Path, out: _Collector, line_offset: int = 0) -> tuple[Any, dict[str, int]]:
    """Parse YAML, returning the data and the line of each top-level key (1-based)."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        out.add(path, line, f"invalid YAML: {problem}", "check indentation, colons and quotes")
        return None, {}
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                lines[str(key_node.value)] = key_node.start_mark.line + 1 + line_offset
    return data, lines


def _string_list(value: Any, path: Path, line: int | None, key: str, out: _Collector) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        out.add(path, line, f"`{key}` must be a list of words or names", f"write it as {key}: [a, b]")
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def load_company(path: Path, out: _Collector | None = None) -> Company | None:
    """Read `company.yaml`; problems go to `out` (or raise PolicyError when no collector is given)."""
    collector = out or _Collector()
    company = _load_company(path, collector)
    if out is None and collector.problems:
        raise PolicyError(path.parent, collector.problems)
    return company


def _load_company(path: Path, out: _Collector) -> Company | None:
    if not path.is_file():
        out.add(path, None, "company.yaml is missing", "copy the bundled policy_data/company.yaml and edit it")
        return None
    text = _read_text(path, out)
    if text is None:
        return None
    data, lines = _parse_yaml(text, path, out)
    if data is None and not out.problems:
        out.add(path, 1, "company.yaml is empty", "fill in at least `name` and `social_media_manager`")
        return None
    if not isinstance(data, dict):
        if data is not None:
            out.add(path, 1, "company.yaml must be a mapping of keys to values",
                    "see \"The company file\" in the README")
        return None
    before = len(out.problems)
    for key in data:
        if key not in COMPANY_KEYS:
            out.add(path, lines.get(str(key)), f"unknown key `{key}`",
                    "allowed keys: " + ", ".join(sorted(COMPANY_KEYS)))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        out.add(path, lines.get("name"), "missing required key `name`", "the company's legal or common name")
    manager = data.get("social_media_manager")
    manager_obj: SocialMediaManager | None = None
    if not isinstance(manager, dict):
        out.add(path, lines.get("social_media_manager"), "missing required key `social_media_manager`",
                "give it `name` and `contact` (an e-mail address or channel)")
    else:
        for key in manager:
            if key not in MANAGER_KEYS:
                out.add(path, lines.get("social_media_manager"), f"unknown key `social_media_manager.{key}`",
                        "allowed keys: name, contact")
        m_name, m_contact = manager.get("name"), manager.get("contact")
        if not isinstance(m_name, str) or not m_name.strip():
            out.add(path, lines.get("social_media_manager"), "missing `social_media_manager.name`")
        if not isinstance(m_contact, str) or not m_contact.strip():
            out.add(path, lines.get("social_media_manager"), "missing `social_media_manager.contact`",
                    "an e-mail address, phone number or channel where employees reach the manager")
        if isinstance(m_name, str) and isinstance(m_contact, str):
            manager_obj = SocialMediaManager(name=m_name.strip(), contact=m_contact.strip())
    timezone = data.get("timezone", "Europe/Amsterdam")
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        out.add(path, lines.get("timezone"), f"unknown time zone `{timezone}`",
                "use an IANA name like Europe/Amsterdam")
    languages = _string_list(data.get("languages", list(LANGUAGES)), path, lines.get("languages"), "languages", out)
    for lang in languages:
        if lang not in LANGUAGES:
            out.add(path, lines.get("languages"), f"unsupported language `{lang}`", "supported: nl, en")
    if not languages:
        out.add(path, lines.get("languages"), "`languages` is empty", "use [nl, en]")
    lists = {
        key: _string_list(data.get(key), path, lines.get(key), key, out)
        for key in ("aliases", "products", "confidential_terms", "competitors")
    }
    signature = _signature(data.get("announcement_signature"), path, lines.get("announcement_signature"), out)
    if len(out.problems) > before or manager_obj is None or not isinstance(name, str):
        return None
    return Company(
        name=name.strip(),
        social_media_manager=manager_obj,
        aliases=lists["aliases"],
        products=lists["products"],
        confidential_terms=lists["confidential_terms"],
        competitors=lists["competitors"],
        timezone=str(timezone),
        languages=tuple(dict.fromkeys(languages)),
        announcement_signature=signature,
    )


def _signature(value: object, path: Path, line: int | None, out: _Collector) -> tuple[tuple[str, str], ...]:
    """`announcement_signature`: one text for every language, or a mapping `{nl: …, en: …}`."""
    hint = 'a text such as "the communications team", or per language {nl: "…", en: "…"}'
    if value is None:
        return ()
    if isinstance(value, str):
        if not value.strip():
            out.add(path, line, "`announcement_signature` is empty", hint + "; or leave the key out")
            return ()
        return tuple((lang, value.strip()) for lang in LANGUAGES)
    if isinstance(value, dict):
        pairs = []
        for lang, text in value.items():
            if lang not in LANGUAGES:
                out.add(path, line, f"`announcement_signature` has an unsupported language `{lang}`",
                        "supported: nl, en")
            elif not isinstance(text, str) or not text.strip():
                out.add(path, line, f"`announcement_signature.{lang}` must be a non-empty text", hint)
            else:
                pairs.append((str(lang), text.strip()))
        return tuple(pairs)
    out.add(path, line, "`announcement_signature` must be a text or a mapping of languages to texts", hint)
    return ()


def _join(items: tuple[str, ...], language: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    last = " en " if language == "nl" else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def placeholder_values(company: Company, language: str) -> dict[str, str]:
    """The values that `{placeholder}`s in policy texts are replaced with."""
    return {
        "company": company.name,
        "company_short": company.short_name,
        "aliases": _join(company.aliases, language),
        "products": _join(company.products, language),
        "confidential_terms": _join(company.confidential_terms, language),
        "competitors": _join(company.competitors, language),
        "smm_name": company.social_media_manager.name,
        "smm_contact": company.social_media_manager.contact,
        "timezone": company.timezone,
    }


def render_placeholders(
    text: str, values: dict[str, str], path: Path, first_line: int, out: _Collector
) -> str:
    """Fill `{name}` placeholders; `{{` and `}}` stand for literal braces."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        key = match.group(1).strip()
        line = first_line + text.count("\n", 0, match.start())
        if key not in values:
            out.add(path, line, f"unknown placeholder `{{{key}}}`",
                    "known: " + ", ".join("{" + k + "}" for k in sorted(values)))
            return token
        if not values[key]:
            out.add(path, line, f"placeholder `{{{key}}}` has no value",
                    f"fill in `{key}` in company.yaml, or reword the text without it")
            return token
        value = values[key]
        # "Noordlicht B.V." at the end of a sentence must not become "B.V..".
        if value.endswith(".") and text.startswith(".", match.end()):
            return value[:-1]
        return value

    return PLACEHOLDER_RE.sub(replace, text)


def _split_front_matter(text: str, path: Path, out: _Collector) -> tuple[dict[str, Any], dict[str, int], str, int]:
    """Return (front matter, key lines, body, first line of body)."""
    if not text.startswith("---"):
        out.add(path, 1, "missing front matter", "start the file with ---, a `title:` line, and ---")
        return {}, {}, text, 1
    end = text.find("\n---", 3)
    if end < 0:
        out.add(path, 1, "front matter is not closed", "add a line with --- after the front matter")
        return {}, {}, text, 1
    raw = text[3:end]
    data, lines = _parse_yaml(raw, path, out, line_offset=0)
    body_start = end + len("\n---")
    newline = text.find("\n", body_start)
    body = text[newline + 1:] if newline >= 0 else ""
    body_line = text.count("\n", 0, newline + 1) + 1 if newline >= 0 else 1
    if data is None:
        return {}, lines, body, body_line
    if not isinstance(data, dict):
        out.add(path, 2, "front matter must be `key: value` lines")
        return {}, lines, body, body_line
    return data, lines, body, body_line


def _first_paragraph(markdown: str) -> str:
    for block in re.split(r"\n\s*\n", markdown.strip()):
        stripped = block.strip()
        if stripped and not stripped.startswith("#"):
            return re.sub(r"\s+", " ", stripped)
    return ""


def _suggest(word: str, choices: tuple[str, ...] | list[str]) -> str:
    match = fuzz_process.extractOne(word, list(choices), score_cutoff=75)
    return f"did you mean `{match[0]}`?" if match else ""


def _load_section_text(
    path: Path, section_id: str, language: str, company: Company | None, out: _Collector
) -> tuple[SectionText | None, int | None, bool]:
    text = _read_text(path, out)
    if text is None:
        return None, None, False
    meta, lines, body, body_line = _split_front_matter(text, path, out)
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            hint = _suggest(str(key), sorted(FRONT_MATTER_KEYS)) or "allowed: " + ", ".join(sorted(FRONT_MATTER_KEYS))
            out.add(path, lines.get(str(key)), f"unknown front matter key `{key}`", hint)
    if "id" in meta and meta["id"] != section_id:
        out.add(path, lines.get("id"), f"front matter id `{meta['id']}` does not match the folder `{section_id}`",
                "rename the folder or fix the id")
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        out.add(path, 2, "missing `title` in the front matter", "add a line like `title: Social media at work`")
        title = section_id
    if not body.strip():
        out.add(path, body_line, "the section has no text", "write the section below the front matter")
    order = meta.get("order")
    if order is not None and not isinstance(order, int):
        out.add(path, lines.get("order"), "`order` must be a whole number")
        order = None
    keywords = _string_list(meta.get("keywords"), path, lines.get("keywords"), "keywords", out)
    summary = meta.get("summary", "")
    if not isinstance(summary, str):
        out.add(path, lines.get("summary"), "`summary` must be text")
        summary = ""
    custom = bool(meta.get("custom", False))
    if company is None:
        return None, order, custom
    values = placeholder_values(company, language)
    title = render_placeholders(title, values, path, 2, out)
    body = render_placeholders(body, values, path, body_line, out)
    summary = render_placeholders(summary, values, path, 2, out) if summary else _first_paragraph(body)
    keywords = tuple(render_placeholders(k, values, path, 2, out) for k in keywords)
    return SectionText(language, title.strip(), body.strip(), keywords, summary.strip(), path), order, custom


def _load_faq(path: Path, section_id: str, languages: tuple[str, ...], company: Company | None,
              out: _Collector) -> tuple[Faq, ...]:
    text = _read_text(path, out)
    if text is None:
        return ()
    data, _ = _parse_yaml(text, path, out)
    if data is None:
        return ()
    if not isinstance(data, list):
        out.add(path, 1, "faq.yaml must be a list of entries",
                "each entry: `- question: {nl: ..., en: ...}` and `answer:`")
        return ()
    try:
        node = yaml.compose(text, Loader=_Loader)
        entry_lines = [n.start_mark.line + 1 for n in node.value] if isinstance(node, yaml.SequenceNode) else []
    except yaml.YAMLError:
        entry_lines = []
    faqs: list[Faq] = []
    for index, entry in enumerate(data):
        line = entry_lines[index] if index < len(entry_lines) else None
        if not isinstance(entry, dict) or set(entry) != {"question", "answer"}:
            out.add(path, line, f"entry {index + 1} must have exactly `question` and `answer`",
                    "each of them with one text per language (nl:, en:)")
            continue
        questions: dict[str, tuple[str, ...]] = {}
        answers: dict[str, str] = {}
        for lang in languages:
            q = entry["question"].get(lang) if isinstance(entry["question"], dict) else None
            a = entry["answer"].get(lang) if isinstance(entry["answer"], dict) else None
            q_list = [q] if isinstance(q, str) else q if isinstance(q, list) else None
            if not q_list or not all(isinstance(x, str) and x.strip() for x in q_list):
                out.add(path, line, f"entry {index + 1} has no `{lang}` question", f"add `{lang}:` under `question`")
                continue
            if not isinstance(a, str) or not a.strip():
                out.add(path, line, f"entry {index + 1} has no `{lang}` answer", f"add `{lang}:` under `answer`")
                continue
            if company is not None:
                values = placeholder_values(company, lang)
                q_list = [render_placeholders(x, values, path, line or 1, out) for x in q_list]
                a = render_placeholders(a, values, path, line or 1, out)
            questions[lang] = tuple(x.strip() for x in q_list)
            answers[lang] = a.strip()
        if questions and answers:
            faqs.append(Faq(section_id, questions, answers, path, index))
    return tuple(faqs)


def _load_synonyms(path: Path, company: Company | None, out: _Collector) -> dict[str, tuple[tuple[str, ...], ...]]:
    if not path.is_file():
        return {}
    text = _read_text(path, out)
    if text is None:
        return {}
    data, lines = _parse_yaml(text, path, out)
    if data is None:
        return {}
    if not isinstance(data, dict):
        out.add(path, 1, "synonyms.yaml must map a language to a list of groups", "nl: [[werktijd, werkuren], ...]")
        return {}
    result: dict[str, tuple[tuple[str, ...], ...]] = {}
    for lang, groups in data.items():
        if lang not in LANGUAGES:
            out.add(path, lines.get(str(lang)), f"unknown language `{lang}`", "use nl or en")
            continue
        if not isinstance(groups, list) or not all(isinstance(g, list) and len(g) >= 2 for g in groups):
            out.add(path, lines.get(str(lang)), f"`{lang}` must be a list of groups of at least two words",
                    "e.g. - [werktijd, werkuren]")
            continue
        values = placeholder_values(company, lang) if company else {}
        rendered = []
        for group in groups:
            words = tuple(
                render_placeholders(str(w), values, path, lines.get(str(lang)) or 1, out) if company else str(w)
                for w in group
            )
            rendered.append(tuple(w.lower() for w in words if w.strip()))
        result[str(lang)] = tuple(rendered)
    return result


def content_hash(root: Path) -> str:
    """A SHA-256 over every file of the pack (path and bytes), so any edit changes the version."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root)
        if "__pycache__" in rel.parts or path.suffix in {".py", ".pyc"} or rel.name.startswith("."):
            continue
        digest.update(rel.as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _collect(root: Path, out: _Collector) -> PolicyPack | None:
    if not root.is_dir():
        out.add(root, None, "the policy folder does not exist", "point --policy-dir or SMM_POLICY_DIR at a policy pack")
        return None
    company = _load_company(root / "company.yaml", out)
    languages = company.languages if company else LANGUAGES

    pack_file = root / "pack.yaml"
    version, disabled, titles = "0.0.0", set(), {}
    if pack_file.is_file():
        text = _read_text(pack_file, out)
        data, lines = _parse_yaml(text or "", pack_file, out) if text is not None else (None, {})
        if isinstance(data, dict):
            for key in data:
                if key not in PACK_KEYS:
                    out.add(pack_file, lines.get(str(key)), f"unknown key `{key}`",
                            "allowed: " + ", ".join(sorted(PACK_KEYS)))
            version = str(data.get("version", version))
            raw_titles = data.get("title", {})
            titles = {str(k): str(v) for k, v in raw_titles.items()} if isinstance(raw_titles, dict) else {}
            disabled = set(_string_list(data.get("disabled_sections"), pack_file, lines.get("disabled_sections"),
                                        "disabled_sections", out))
        elif data is not None:
            out.add(pack_file, 1, "pack.yaml must be a mapping", "version: 1.0.0")
    else:
        out.add(pack_file, None, "pack.yaml is missing", "add one with at least `version: 1.0.0`")

    sections_dir = root / "sections"
    if not sections_dir.is_dir():
        out.add(sections_dir, None, "the sections folder is missing", "one folder per section id, with nl.md and en.md")
        return None
    folders = sorted(p for p in sections_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    known_ids = {p.name for p in folders}
    for section_id in sorted(disabled - known_ids - set(CONTRACT_SECTION_IDS)):
        out.add(pack_file, None, f"unknown section id `{section_id}` in disabled_sections",
                _suggest(section_id, sorted(known_ids | set(CONTRACT_SECTION_IDS))))
    sections: dict[str, Section] = {}
    for position, folder in enumerate(folders):
        section_id = folder.name
        if not SECTION_ID_RE.match(section_id):
            out.add(folder, None, f"`{section_id}` is not a valid section id",
                    "use lower-case letters, digits and hyphens")
            continue
        texts: dict[str, SectionText] = {}
        order: int | None = None
        custom = False
        for lang in languages:
            path = folder / f"{lang}.md"
            if not path.is_file():
                out.add(path, None, f"section `{section_id}` has no {lang} text", f"add {lang}.md to {folder.name}/")
                continue
            section_text, file_order, file_custom = _load_section_text(path, section_id, lang, company, out)
            order = file_order if file_order is not None else order
            custom = custom or file_custom
            if section_text is not None:
                texts[lang] = section_text
        for extra in sorted(folder.iterdir()):
            if extra.name.startswith(".") or extra.name == "faq.yaml":
                continue
            if extra.suffix == ".md" and extra.stem not in languages:
                out.add(extra, None, f"`{extra.name}` is not a language of this pack",
                        "languages come from company.yaml `languages`")
        if section_id not in CONTRACT_SECTION_IDS and not custom:
            hint = _suggest(section_id, CONTRACT_SECTION_IDS)
            out.add(folder, None, f"unknown section id `{section_id}`",
                    (hint + " " if hint else "")
                    + "if this is a section of your own, add `custom: true` to its front matter")
        faq_path = folder / "faq.yaml"
        faqs = _load_faq(faq_path, section_id, languages, company, out) if faq_path.is_file() else ()
        if section_id in disabled:
            continue
        if len(texts) == len(languages):
            default_order = (CONTRACT_SECTION_IDS.index(section_id) if section_id in CONTRACT_SECTION_IDS
                             else 100 + position) * 10
            final_order = order if order is not None else default_order
            sections[section_id] = Section(section_id, final_order, texts, faqs, custom)
    for section_id in CONTRACT_SECTION_IDS:
        if section_id not in known_ids and section_id not in disabled:
            out.add(sections_dir / section_id, None, f"required section `{section_id}` is missing",
                    f"add sections/{section_id}/ with nl.md and en.md, or list it under disabled_sections in pack.yaml")
    synonyms = _load_synonyms(root / "synonyms.yaml", company, out)
    if company is None:
        return None
    ordered = dict(sorted(sections.items(), key=lambda item: (item[1].order, item[0])))
    return PolicyPack(root=root, version=version, content_hash=content_hash(root), company=company,
                      sections=ordered, synonyms=synonyms, title=titles)


def check_pack(root: Path) -> list[Problem]:
    """Every problem with the pack at `root`; an empty list means it is ready to use."""
    out = _Collector()
    _collect(root.resolve(), out)
    return out.problems


def load_pack(root: Path) -> PolicyPack:
    """Load the pack at `root`, or raise PolicyError listing every problem. A broken pack never starts a bot."""
    out = _Collector()
    root = root.resolve()
    pack = _collect(root, out)
    if out.problems or pack is None:
        raise PolicyError(root, out.problems or [Problem(root, None, "the pack could not be loaded")])
    return pack
