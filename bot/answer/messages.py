"""The sentences the answering engine says in its own words, in both languages, kept together."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "escalate": {
        "nl": "Het protocol zegt hier niets over. "
              "Vraag het {smm_name} ({smm_contact}), de social media manager.",
        "en": "The protocol does not cover this. "
              "Please ask {smm_name} ({smm_contact}), the social media manager.",
    },
    "escalate_near": {
        "nl": "Het dichtstbij komt het onderdeel \"{title}\", maar dat beantwoordt je vraag niet zeker.",
        "en": "The closest part is \"{title}\", but it may not answer your question.",
    },
    "empty": {
        "nl": "Ik begrijp de vraag niet goed. Stel een vraag over social media en het werk, "
              "of vraag het {smm_name} ({smm_contact}).",
        "en": "I did not quite understand the question. Ask me about social media and work, "
              "or ask {smm_name} ({smm_contact}).",
    },
    "see_one": {
        "nl": "Meer hierover staat in het protocol onder \"{first}\".",
        "en": "You can read more in the protocol under \"{first}\".",
    },
    "see_two": {
        "nl": "Meer hierover staat in het protocol onder \"{first}\" en \"{second}\".",
        "en": "You can read more in the protocol under \"{first}\" and \"{second}\".",
    },
}


def message(key: str, language: str, **values: str) -> str:
    """The message `key` in `language` (English when the language is unknown), filled in."""
    texts = MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)
