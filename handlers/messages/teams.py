"""Strings the Teams adapter shows itself (the rest comes from the handlers)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "teams.private_sent": {
        "nl": "Ik heb je mijn antwoord in een persoonlijke chat gestuurd.",
        "en": "I sent you my answer in a personal chat.",
    },
    "teams.private_failed": {
        "nl": "Dit antwoord is alleen voor jou, maar ik kan je geen persoonlijk bericht sturen. "
              "Open een chat met mij (zoek de app in Teams) en vraag het daar opnieuw.",
        "en": "This answer is only for you, but I cannot send you a personal message. "
              "Open a chat with me (find the app in Teams) and ask me there again.",
    },
    "teams.one_moment": {
        "nl": "Een moment, ik ben nog bezig met je eerdere berichten. "
              "Stuur dit bericht opnieuw als ik die heb beantwoord.",
        "en": "One moment, I'm still working on your earlier messages. "
              "Please send this one again once I've answered them.",
    },
}
