"""Strings the Slack adapter shows itself: the App Home tab (the rest comes from the handlers)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "slack.home.title": {"nl": "De virtuele social media manager van {company}",
                         "en": "{company}'s virtual social media manager"},
    "slack.home.intro": {
        "nl": "Ik beantwoord vragen over het social media protocol van {company} en kijk je berichten na voordat je ze plaatst. "
              "Stuur me een direct bericht, noem me in een kanaal, of gebruik `/smm`.",
        "en": "I answer questions about {company}'s social media protocol and check your posts before you publish them. "
              "Send me a direct message, mention me in a channel, or use `/smm`.",
    },
    "slack.home.commands": {"nl": "Commando's", "en": "Commands"},
    "slack.home.cmd.ask": {"nl": "/smm <vraag>  — antwoord uit het protocol, met bronnen",
                           "en": "/smm <question>  — an answer from the protocol, with sources"},
    "slack.home.cmd.review": {"nl": "/smm review <bericht>  — ik kijk je concepttekst na; alleen jij ziet het oordeel",
                              "en": "/smm review <post>  — I check your draft post; only you see the verdict"},
    "slack.home.cmd.profile": {"nl": "/smm profile <accountnaam> [bio]  — leest je account als privé of zakelijk?",
                               "en": "/smm profile <handle> [bio]  — does your account read as private or corporate?"},
    "slack.home.cmd.help": {"nl": "/smm help  — het overzicht van commando's",
                            "en": "/smm help  — the list of commands"},
    "slack.home.admin": {"nl": "Voor beheerders: /smm remind …, /smm announce …, /smm policy …, /smm report",
                         "en": "For administrators: /smm remind …, /smm announce …, /smm policy …, /smm report"},
    "slack.home.example": {"nl": "Voorbeeld: mag ik onder werktijd op LinkedIn?",
                           "en": "Example: can I use LinkedIn during working hours?"},
    "slack.external_user": {"nl": "Deze bot is alleen voor medewerkers van {company}.",
                            "en": "This bot is for {company} employees only."},
    "slack.busy": {"nl": "Ik heb het nu erg druk; probeer het over een minuut opnieuw.",
                   "en": "I'm very busy right now; please try again in a minute."},
    "slack.one_moment": {"nl": "Een moment, ik ben nog bezig met je eerdere berichten. "
                               "Stuur dit bericht opnieuw als ik die heb beantwoord.",
                         "en": "One moment, I'm still working on your earlier messages. "
                               "Please send this one again once I've answered them."},
}
