"""Looking up user-visible strings in both languages."""

from __future__ import annotations

from collections.abc import Mapping

Catalog = Mapping[str, Mapping[str, str]]


def merge_catalogs(*catalogs: Catalog) -> dict[str, dict[str, str]]:
    """Merge message tables, refusing duplicates and entries missing a language."""
    merged: dict[str, dict[str, str]] = {}
    for catalog in catalogs:
        for key, texts in catalog.items():
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice")
            missing = {"nl", "en"} - set(texts)
            if missing:
                raise ValueError(f"message key {key!r} has no {', '.join(sorted(missing))} text")
            merged[key] = dict(texts)
    return merged


def translate(catalog: Mapping[str, Mapping[str, str]], key: str, language: str, **values: object) -> str:
    """The text for `key` in `language` (English when missing), with `{name}` values filled in."""
    texts = catalog[key]
    template = texts.get(language) or texts["en"]
    return template.format(**values) if values else template
