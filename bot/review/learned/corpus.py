"""Reading the review training corpus (`corpus/review/*.jsonl`) and filling its placeholders.

Each line is `{"text", "labels", "kind", "source"}` (see `corpus/README.md`). Placeholders for the
company file's entries become the fixed tokens the scorer also uses (`COMPANY_TOKENS`); the others
({name}, {fullname}, {customer}, {city}, {team}) are filled from small invented pools, seeded, so
that the model sees many names and learns none of them.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.review.learned.features import COMPANY_TOKENS

LEARNED_RULES = (
    "insulting-language",
    "discrimination",
    "profanity",
    "confidential-information",
    "sensitive-topic",
    "speaking-on-behalf",
    "undisclosed-promotion",
)
PLACEHOLDERS = frozenset({*COMPANY_TOKENS, "customer", "name", "fullname", "city", "team"})
_PLACEHOLDER_RE = re.compile(r"\{(\w+)\}")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Invented fillers (written for this project). First names of many origins, as in Dutch workplaces.
FIRST_NAMES = _words(
    "Anouk Bram Daan Eva Fleur Gijs Hanna Iris Jeroen Kim Lotte Mark Noor Olaf Pieter Quinten Roos Sanne "
    "Thijs Ulla Vera Wouter Yara Zoë Mohammed Fatima Youssef Samira Mehmet Ayşe Priya Ravi Wei Mei Tomasz "
    "Agnieszka Kofi Ama Diego Lucía Sven Ingrid Liam Emma Noah Olivia James Sophie Oliver Chloe Aiden "
    "Grace Jan Joke Dick Henk Ingrid Karin Marco Nadia Omar Rachid Shanti Tim Ilse Koen Lieke Maarten "
    "Niels Rianne Stijn Tess"
)
LAST_NAMES = (
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
    "Peters", "Hendriks", "El Amrani", "Yılmaz", "Kowalski", "Nguyen", "Chen", "Patel", "Okafor", "Smith",
    "Brown", "Wilson", "Taylor", "van Dijk", "Kramer", "Dekker", "Koster",
)
CUSTOMERS = (
    "Bakkerij Hoeksma", "Veldhuis Logistiek", "Noorderzon Zorg", "Brightline Foods", "Kesteren Bouw",
    "Oakridge Partners", "Gemeente Zuidwolde", "Tandarts Smits", "Hotel De Linde", "Marlow & Finch",
)
CITIES = ("Assen", "Zwolle", "Tilburg", "Delft", "Leeuwarden", "Venlo", "Almere", "Haarlem", "Breda", "Emmen",
          "Leeds", "Antwerp", "Hamburg", "Lyon")
TEAMS = ("team Finance", "de klantenservice", "het magazijn", "team Sales", "the IT team", "the night shift",
         "de planning", "team Marketing", "the warehouse crew", "HR")


@dataclass(frozen=True)
class Example:
    """One labelled training text (placeholders filled) and where it came from."""

    text: str
    labels: frozenset[str]
    kind: str
    source: str
    language: str
    file: str


class CorpusError(ValueError):
    """A corpus line is malformed: says which file and line, and what is wrong."""


def _filler(name: str, rng: random.Random) -> str:
    if name in COMPANY_TOKENS:
        return COMPANY_TOKENS[name]
    if name == "name":
        return rng.choice(FIRST_NAMES)
    if name == "fullname":
        last = rng.choice(LAST_NAMES)
        return f"{rng.choice(FIRST_NAMES)} {last}"
    if name == "customer":
        return rng.choice(CUSTOMERS)
    if name == "city":
        return rng.choice(CITIES)
    return rng.choice(TEAMS)


def fill(text: str, rng: random.Random) -> str:
    """`text` with every placeholder replaced (company entries by fixed tokens, the rest by invented names)."""
    return _PLACEHOLDER_RE.sub(lambda m: _filler(m.group(1), rng) if m.group(1) in PLACEHOLDERS else m.group(0),
                               text)


def parse_line(line: str, *, file: str, number: int, allowed_rules: Iterable[str] = LEARNED_RULES) -> dict[str, object]:
    """One corpus line as a dict, checked; raises `CorpusError` naming the file and line."""
    where = f"{file}:{number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"].strip():
        raise CorpusError(f'{where}: each line needs a non-empty "text" string')
    labels = item.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise CorpusError(f'{where}: "labels" must be a list of rule ids')
    allowed = set(allowed_rules)
    unknown = [x for x in labels if x not in allowed]
    if unknown:
        raise CorpusError(f"{where}: unknown rule id {unknown[0]!r}; use one of {', '.join(sorted(allowed))}")
    for name in _PLACEHOLDER_RE.findall(item["text"]):
        if name not in PLACEHOLDERS:
            raise CorpusError(f"{where}: unknown placeholder {{{name}}}; use one of "
                              + ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS)))
    return item


def _labels(item: dict[str, object]) -> list[str]:
    labels = item.get("labels", [])
    return [str(x) for x in labels] if isinstance(labels, list) else []


def read_corpus(directory: Path, seed: int = 13) -> Iterator[Example]:
    """Every example of `directory/*.jsonl`, in file order, placeholders filled with a seeded generator."""
    rng = random.Random(seed)
    for path in sorted(directory.glob("*.jsonl")):
        parts = path.name.split(".")
        language = parts[1] if len(parts) > 2 and parts[1] in ("nl", "en") else "nl"
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                item = parse_line(line, file=path.name, number=number)
                yield Example(text=fill(str(item["text"]), rng), labels=frozenset(_labels(item)),
                              kind=str(item.get("kind", "")), source=str(item.get("source", "authored")),
                              language=language, file=path.name)
