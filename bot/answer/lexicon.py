"""General vocabulary the answering engine uses to judge whether a question is about the protocol.

None of this is tied to one company or one policy text. It describes two broad domains:

* what being online looks like (platforms, posting, profiles, the press): a question using these
  words is about the social media protocol even when it uses words the pack does not;
* the everyday HR, IT and facilities topics employees also ask a bot about (pay, leave, printers,
  the canteen): when a question is about these and not about being online, the protocol does not
  cover it and a human should answer.

A pack adds its own vocabulary through its texts, keywords and `synonyms.yaml`.
Words are folded (lower case, no accents) and compared before stemming, as prefixes of the question's
words where marked with a trailing `*`.
"""

from __future__ import annotations

from collections.abc import Iterable

ONLINE_WORDS: tuple[str, ...] = (
    # platforms and services
    "linkedin", "facebook", "instagram", "insta", "tiktok", "twitter", "whatsapp", "youtube", "snapchat",
    "threads", "mastodon", "reddit", "bluesky", "pinterest", "telegram", "signal", "discord", "twitch",
    "glassdoor", "indeed", "fb", "ig",
    # the web and being online
    "social*", "media", "online", "internet", "web*", "site", "website", "blog*", "vlog*", "forum*",
    "podcast*", "app", "apps", "digita*", "platform*", "socials", "sociale",
    # what people do there
    "post", "posts", "posted", "posting", "posten", "gepost", "postte", "share*", "shared", "delen", "deel",
    "gedeeld", "deelt", "tweet*", "retweet*", "repost*", "like", "likes", "liked", "liken", "geliked",
    "comment*", "reactie*", "reageren", "reageer", "follow*", "volg*", "unfollow*", "tag", "tags", "tagged",
    "taggen", "getagd", "hashtag*", "mention*", "story", "stories", "reel*", "selfie*", "foto*", "photo*",
    "picture*", "pic", "pics", "video*", "filmp*", "screenshot*", "meme*", "upload*", "influencer*",
    "viral", "trending", "dm", "dms", "stream*", "livestream*", "bericht*", "message*", "chat*", "groepsapp",
    # identities and accounts
    "profiel*", "profile*", "account*", "handle*", "bio", "username*", "gebruikersnaam*", "avatar*",
    "connectie*", "connection*", "volger*", "follower*", "vriend*", "friend*", "wachtwoord*", "password*",
    # the public side of the company
    "pers", "press", "journalist*", "nieuws*", "news*", "interview*", "media*", "publiek*", "public*",
    "ambassad*", "merk*", "brand*", "logo*", "reclame*", "advert*", "sponsor*", "review*", "recensie*",
)

OFF_TOPIC_WORDS: tuple[str, ...] = (
    # pay and benefits
    "salaris*", "salary", "salaries", "loon", "lonen", "loonstrook*", "payslip*", "payroll",
    "pay", "payday", "paycheck*", "paid",
    "uitbetaal*", "vakantiegeld", "dertiende", "bonus*", "pensioen*", "pension*", "opslag", "raise",
    "declar*", "expense*", "onkosten*", "reiskosten*", "kilometervergoeding*", "allowance*", "vergoeding*",
    "leaseauto*", "lease", "auto", "car", "parkeer*", "parkeren", "parking",
    # leave and working conditions
    "vakantie*", "vacation*", "holiday*", "verlof*", "leave", "vrije", "vrij", "feestdag*", "snipperdag*",
    "ziek*", "sick*", "illness", "verzuim*", "zwanger*", "pregnan*", "maternity", "paternity", "ouderschaps*",
    "overuren", "overtime", "rooster*", "shift*", "dienst*", "contract*", "promotie*", "promotion*",
    "beoordeling*", "appraisal*", "functioneringsgesprek*", "cursus*", "opleiding*", "training*",
    "thuiswerk*", "remote", "kantoortijden", "ov", "trein", "train",
    # IT and facilities
    "printer*", "printen", "print", "scanner*", "vpn", "outlook", "wifi-wachtwoord", "laptop*", "computer*",
    "monitor*", "toetsenbord*", "keyboard*", "muis", "mouse", "headset*", "telefoonnummer*", "helpdesk",
    "servicedesk", "storing*", "kapot", "broken", "crash*", "update*", "installeren",
    "kantine*", "canteen*", "cafetaria", "menu*", "lunch*", "koffie*", "coffee", "automaat", "vending",
    "verwarming*", "heating", "airco*", "temperatuur", "temperature", "lift", "elevator", "toilet*",
    "bureau*", "desk", "stoel*", "chair*", "sleutel*", "key", "keys", "pasje", "toegangspas*",
    "vergaderruimte*", "meeting", "room", "weer", "weather", "sport*", "voetbal*", "football", "wedstrijd*",
    "match", "verjaardag*", "birthday*", "borrel*", "kerst*", "christmas", "party", "feest*", "uitje*",
)


class WordList:
    """Exact words plus `prefix*` patterns, matched against folded words."""

    def __init__(self, patterns: Iterable[str]) -> None:
        items = [p.strip().lower() for p in patterns if p.strip()]
        self.exact = frozenset(p for p in items if not p.endswith("*"))
        self.prefixes = tuple(sorted({p[:-1] for p in items if p.endswith("*")}))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word in self.exact or word.startswith(self.prefixes)


ONLINE = WordList(ONLINE_WORDS)
OFF_TOPIC = WordList(OFF_TOPIC_WORDS)

# Neutral tokens (see `bot.answer.index`) stand for the company's own names. When the pack's texts do not
# use a name's placeholder, the token falls back to the everyday word for what it names.
NEUTRAL_FALLBACK: dict[str, dict[str, str]] = {
    "qqproduct": {"nl": "product", "en": "product"},
    "qqcompetitor": {"nl": "concurrent", "en": "competitor"},
    "qqcodename": {"nl": "vertrouwelijk", "en": "confidential"},
}

# General-purpose equivalences between everyday and policy words, per language. They only bridge a
# word the pack does not use to one it does; a pack's own `synonyms.yaml` groups always apply.
BUILTIN_SYNONYMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "nl": (
        ("baas", "leidinggevende", "manager", "chef"),
        ("ontslag", "ontslagen", "eruit"),
        ("straf", "sanctie", "maatregel", "gevolgen"),
        ("wachtwoord", "inlog", "inloggegevens"),
        ("foto", "plaatje", "afbeelding"),
        ("klant", "klanten", "cliënt"),
        ("geheim", "vertrouwelijk"),
        ("uitschelden", "beledigen", "schelden"),
        ("journalist", "pers", "verslaggever", "krant"),
        ("fout", "vergissing", "blunder"),
    ),
    "en": (
        ("boss", "manager", "supervisor"),
        ("fired", "dismissal", "dismissed", "sacked"),
        ("punishment", "sanction", "consequence", "penalty"),
        ("picture", "photo", "image", "pic"),
        ("secret", "confidential"),
        ("insult", "badmouth", "offend"),
        ("journalist", "press", "newspaper"),
        ("mistake", "error", "blunder"),
        ("login", "password", "credentials"),
    ),
}
