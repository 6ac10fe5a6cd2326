"""Every sentence the review shows an employee, in Dutch and English, kept together.

Messages explain what was found and why it matters; suggestions say what to write instead.
`{excerpt}`, `{company}`, `{target}` and `{smm}` are filled in by the engine.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A message and a suggestion, in both languages."""

    message_nl: str
    message_en: str
    suggestion_nl: str
    suggestion_en: str

    def render(self, language: str, **values: str) -> tuple[str, str]:
        """(message, suggestion) in `language` with the placeholders filled in."""
        if language == "nl":
            return self.message_nl.format(**values), self.suggestion_nl.format(**values)
        return self.message_en.format(**values), self.suggestion_en.format(**values)


TEXTS: dict[str, Text] = {
    # confidential-information
    "code-name": Text(
        "“{excerpt}” is een interne codenaam of vertrouwelijke term van {company}.",
        "“{excerpt}” is an internal code name or confidential term of {company}.",
        "Haal de codenaam weg en vertel niets over het project tot {company} het zelf bekendmaakt.",
        "Remove the code name and say nothing about the project until {company} announces it itself.",
    ),
    "unreleased": Text(
        "Dit gaat over iets dat nog niet openbaar is (“{excerpt}”).",
        "This is about something that is not public yet (“{excerpt}”).",
        "Wacht tot het officieel is aangekondigd en deel dan het bericht van het officiële kanaal.",
        "Wait until it has been announced officially, then share the post from the official channel.",
    ),
    "launch": Text(
        "Je vertelt over een product of lancering voordat {company} dat zelf heeft aangekondigd (“{excerpt}”).",
        "You are telling about a product or launch before {company} has announced it (“{excerpt}”).",
        "Laat de aankondiging over aan het officiële kanaal; deel daarna gerust het officiële bericht.",
        "Leave the announcement to the official channel; you are welcome to share the official post afterwards.",
    ),
    "internal": Text(
        "“{excerpt}” is intern materiaal; dat is alleen voor collega's bedoeld.",
        "“{excerpt}” is internal material, meant for colleagues only.",
        "Haal de verwijzing naar het interne stuk weg en deel geen foto's of screenshots ervan.",
        "Remove the reference to the internal material and share no photos or screenshots of it.",
    ),
    "financial": Text(
        "Dit noemt financiële cijfers die nog niet gepubliceerd zijn (“{excerpt}”).",
        "This mentions financial figures that have not been published yet (“{excerpt}”).",
        "Deel cijfers pas nadat {company} ze zelf heeft gepubliceerd, en dan alleen de officiële.",
        "Only share figures after {company} has published them, and then only the official ones.",
    ),
    "photo": Text(
        "Een foto van een scherm, whiteboard of badge laat vaak meer zien dan je denkt (“{excerpt}”).",
        "A photo of a screen, whiteboard or badge often shows more than you think (“{excerpt}”).",
        "Plaats de foto niet, of maak een nieuwe zonder schermen, whiteboards, badges of documenten in beeld.",
        "Do not post the photo, or take a new one without screens, whiteboards, badges or documents in view.",
    ),
    # personal-data
    "email": Text(
        "Dit is een e-mailadres (“{excerpt}”); dat is een persoonsgegeven.",
        "This is an e-mail address (“{excerpt}”), which is personal data.",
        "Haal het e-mailadres weg; is het van iemand anders, vraag dan eerst toestemming.",
        "Remove the e-mail address; if it belongs to someone else, ask their consent first.",
    ),
    "phone": Text(
        "Dit is een telefoonnummer (“{excerpt}”); dat is een persoonsgegeven.",
        "This is a phone number (“{excerpt}”), which is personal data.",
        "Haal het nummer weg en laat mensen je liever een privébericht sturen; "
        "deel nooit andermans nummer zonder toestemming.",
        "Remove the number and let people send a direct message instead; "
        "never share someone else's number without consent.",
    ),
    "iban": Text(
        "Dit is een bankrekeningnummer (IBAN, “{excerpt}”).",
        "This is a bank account number (IBAN, “{excerpt}”).",
        "Haal het rekeningnummer weg en regel betalingen via een privébericht of een betaalverzoek.",
        "Remove the account number and arrange payment in a direct message or with a payment request.",
    ),
    "bsn": Text(
        "Dit is een burgerservicenummer (BSN, “{excerpt}”); dat mag nooit gedeeld worden.",
        "This is a Dutch citizen service number (BSN, “{excerpt}”), which must never be shared.",
        "Haal het nummer weg. Gevonden documenten met een BSN meld je bij je leidinggevende, niet online.",
        "Remove the number. Report documents with a BSN to your manager, not online.",
    ),
    "address": Text(
        "Dit is een (huis)adres (“{excerpt}”); daarmee is iemand te vinden.",
        "This is a (home) address (“{excerpt}”); it lets people find someone.",
        "Haal het adres weg; een plaatsnaam of “een klant” is genoeg voor je verhaal.",
        "Remove the address; a town or “a customer” is enough for your story.",
    ),
    "named-customer": Text(
        "Je noemt een klant bij naam (“{excerpt}”); klantgegevens zijn vertrouwelijk.",
        "You name a customer (“{excerpt}”); customer details are confidential.",
        "Laat de naam weg (“een klant”), of vraag de klant eerst om toestemming.",
        "Leave the name out (“a customer”), or ask the customer's consent first.",
    ),
    "private-detail": Text(
        "Je deelt iets persoonlijks over iemand die je bij naam noemt (“{excerpt}”).",
        "You share something private about someone you name (“{excerpt}”).",
        "Laat dit weg of vraag de persoon eerst om toestemming; gezondheid, familie en geld zijn privé.",
        "Leave this out or ask the person's consent first; health, family and money are private.",
    ),
    # insulting-language
    "insult": Text(
        "“{excerpt}” is beledigend, gericht aan {target}.",
        "“{excerpt}” is insulting, aimed at {target}.",
        "Beschrijf wat er misging zonder scheldwoord of oordeel over personen, of bespreek het rechtstreeks.",
        "Describe what went wrong without the insult or a judgement about people, or raise it directly.",
    ),
    # discrimination
    "slur": Text(
        "“{excerpt}” is een discriminerend scheldwoord.",
        "“{excerpt}” is a discriminatory slur.",
        "Haal dit weg. Zulke woorden passen nergens, ook niet als grap.",
        "Remove this. Such words have no place anywhere, not even as a joke.",
    ),
    "discriminatory": Text(
        "Dit is een discriminerende uitspraak over een groep mensen (“{excerpt}”).",
        "This is a discriminatory remark about a group of people (“{excerpt}”).",
        "Plaats dit niet. Oordeel over iemands gedrag of werk, nooit over afkomst, geslacht, geloof, leeftijd, "
        "geaardheid of beperking.",
        "Do not post this. Judge someone's conduct or work, never their origin, gender, religion, age, "
        "sexuality or disability.",
    ),
    # profanity
    "profanity": Text(
        "“{excerpt}” is een krachtterm; ook op een privéaccount zien anderen die.",
        "“{excerpt}” is a swear word; others see it, even on a private account.",
        "Laat de krachtterm weg of kies een mildere uitdrukking.",
        "Drop the swear word or pick a milder expression.",
    ),
    # undisclosed-promotion
    "promotion": Text(
        "Je prijst iets van {company} aan (“{excerpt}”) zonder te zeggen dat je daar werkt.",
        "You promote something of {company} (“{excerpt}”) without saying that you work there.",
        "Zeg erbij dat je er werkt, bijvoorbeeld “ik werk bij {company}” of #ad.",
        "Say that you work there, for example “I work at {company}” or #ad.",
    ),
    # speaking-on-behalf
    "official": Text(
        "Dit klinkt als een officiële verklaring van {company} (“{excerpt}”).",
        "This sounds like an official statement of {company} (“{excerpt}”).",
        "Laat aankondigingen en standpunten over aan het officiële kanaal ({smm}); deel dat bericht "
        "of schrijf in de ik-vorm wat jij ervan vindt.",
        "Leave announcements and positions to the official channel ({smm}); share that post, "
        "or write in the first person what you think.",
    ),
    # sensitive-topic
    "sensitive": Text(
        "Dit raakt een gevoelig onderwerp (“{excerpt}”): rechtszaken, reorganisaties, ontslagen, incidenten, "
        "datalekken of koersgevoelige informatie.",
        "This touches a sensitive topic (“{excerpt}”): lawsuits, reorganisations, lay-offs, incidents, "
        "data breaches or price-sensitive information.",
        "Wacht op het officiële bericht van {company} en overleg met {smm} voordat je hierover iets plaatst.",
        "Wait for {company}'s official message and check with {smm} before posting about this.",
    ),
}

TARGETS: dict[str, tuple[str, str]] = {
    "employer": ("je werkgever of leidinggevenden", "your employer or managers"),
    "colleague": ("collega's", "colleagues"),
    "customer": ("klanten", "customers"),
    "competitor": ("een concurrent", "a competitor"),
    "people": ("mensen met wie je via je werk te maken hebt", "people you deal with through work"),
}

SUMMARY: dict[str, tuple[str, str]] = {
    "ok": (
        "Ziet er goed uit: ik zie niets in dit bericht dat tegen het protocol ingaat. Veel plezier met posten!",
        "Looks good: I see nothing in this post that goes against the protocol. Happy posting!",
    ),
    "caution": (
        "Bijna klaar: pas dit bericht nog even aan voordat je het plaatst ({n} aandachtspunt{s_nl}).",
        "Nearly there: adjust this post a little before you publish it ({n} point{s_en} to look at).",
    ),
    "block": (
        "Plaats dit bericht nog niet: er staat iets in dat volgens het protocol niet gedeeld mag worden "
        "({n} punt{s_nl}). Met de suggesties hieronder kom je er wel.",
        "Please don't post this yet: it contains something the protocol says must not be shared "
        "({n} point{s_en}). The suggestions below will get you there.",
    ),
}


def summary_for(verdict: str, count: int, language: str) -> str:
    """The kind, verdict-first lead-in of a review."""
    nl, en = SUMMARY[verdict]
    template = nl if language == "nl" else en
    return template.format(n=count, s_nl="en" if count != 1 else "", s_en="s" if count != 1 else "")
