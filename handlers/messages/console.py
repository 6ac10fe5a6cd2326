"""Strings of the terminal chat (numbered buttons, input it cannot read)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "console.no_button": {
        "nl": "Er is geen knop #{number}. Typ het nummer dat tussen [ ] bij de knop staat, bijvoorbeeld {example}.",
        "en": "There is no button #{number}. Type the number shown in [ ] next to the button, for example {example}.",
    },
    "console.no_buttons_yet": {
        "nl": "Er is geen knop #{number}: er staan nog geen knoppen in dit gesprek. Stel gerust een vraag.",
        "en": "There is no button #{number}: no buttons have been shown in this chat yet. Feel free to ask a question.",
    },
    "console.bad_text": {
        "nl": "Een deel van je invoer was geen geldige tekst (UTF-8); ik heb het vervangen door �.",
        "en": "Part of your input was not valid text (UTF-8); I replaced it with �.",
    },
}
