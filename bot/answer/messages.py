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
    "small_talk.greeting": {
        "nl": "Hoi! Stel me een vraag over het social media protocol, of laat een bericht nakijken met `review`.",
        "en": "Hi! Ask me anything about the social media protocol, or have a post checked with `review`.",
    },
    "small_talk.thanks": {
        "nl": "Graag gedaan! Vraag gerust verder als je nog iets wilt weten.",
        "en": "You're welcome! Feel free to ask if there is anything else.",
    },
    "small_talk.ack": {
        "nl": "Fijn! Vraag gerust verder als je nog iets wilt weten.",
        "en": "Great! Feel free to ask if there is anything else.",
    },
    "small_talk.bye": {
        "nl": "Tot ziens! Je kunt me altijd weer een vraag stellen.",
        "en": "Bye! You can ask me a question any time.",
    },
    "sections.lead": {
        "nl": "Het protocol behandelt {count} onderwerpen. Vraag me gerust naar een ervan.",
        "en": "The protocol covers {count} topics. Feel free to ask me about any of them.",
    },
    "sections.list": {
        "nl": "Het protocol behandelt {count} onderwerpen: {titles}. Vraag me gerust naar een ervan.",
        "en": "The protocol covers {count} topics: {titles}. Feel free to ask me about any of them.",
    },
    "changes.in_force": {
        "nl": "Versie {version} van het protocol is in gebruik.",
        "en": "Version {version} of the protocol is in force.",
    },
    "changes.none_recorded": {
        "nl": "Er zijn geen wijzigingen vastgelegd.",
        "en": "No changes have been recorded.",
    },
    "changes.published": {
        "nl": "Versie {version} is gepubliceerd op {when}.",
        "en": "Version {version} was published on {when}.",
    },
    "changes.first": {
        "nl": "Dit is de eerste vastgelegde versie ({count} onderwerpen), dus er zijn nog geen wijzigingen vastgelegd.",
        "en": "This is the first recorded version ({count} topics), so no changes have been recorded yet.",
    },
    "changes.unchanged": {
        "nl": "Er zijn geen inhoudelijke wijzigingen in de onderwerpen vastgelegd.",
        "en": "No changes to the content of the topics were recorded.",
    },
    "changes.changed": {"nl": "Gewijzigd: {titles}.", "en": "Changed: {titles}."},
    "changes.added": {"nl": "Nieuw: {titles}.", "en": "New: {titles}."},
    "changes.removed": {"nl": "Vervallen: {titles}.", "en": "Removed: {titles}."},
}


def message(key: str, language: str, **values: str) -> str:
    """The message `key` in `language` (English when the language is unknown), filled in."""
    texts = MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)
