"""General vocabulary the answering engine uses to judge whether a question is about the protocol.

None of this is tied to one company or one policy text. It describes two broad domains:

* what being online looks like (platforms, posting, profiles, the press): a question using these
  words is about the social media protocol even when it uses words the pack does not;
* the everyday HR, IT and facilities topics employees also ask a bot about (pay, leave, printers,
  the canteen): when a question is about these and not about being online, the protocol does not
  cover it and a human should answer.

A pack adds its own vocabulary through its texts, keywords and `synonyms.yaml`.
Words are folded (lower case, no accents) and compared before stemming, as prefixes of the question's
words where marked with a trailing `*`, and as endings where marked with a leading `*` (the last part of
a Dutch compound: "facebookbericht", "bedrijfsaccount").
"""

from __future__ import annotations

from collections.abc import Iterable

ONLINE_WORDS: tuple[str, ...] = (
    # platforms and services
    "linkedin*", "facebook*", "instagram*", "insta", "tiktok*", "twitter*", "google", "tripadvisor",
    "trustpilot", "zorgkaart*", "*tweet", "*tweets", "getweet", "*blog", "*vlog", "*post", "*posts",
    "*profiel", "*story", "*stories", "hashtag*",
    "whatsapp*", "youtube", "snapchat", "threads", "mastodon", "reddit", "bluesky", "pinterest", "telegram",
    "discord", "twitch", "glassdoor", "indeed", "fb", "ig", "x-account", "tijdlijn*", "timeline*", "feed",
    # the web and being online
    "social*", "media", "online", "internet", "blog*", "vlog*", "forum*", "podcast*", "socials", "sociale",
    "openbaar", "openbare", "publicly", "publiekelijk",
    # what people do there
    "post", "posts", "posted", "posting", "posten", "gepost", "postte", "tweet*", "retweet*", "repost*",
    "like", "likes", "liked", "liken", "geliked", "comment*", "reageren", "follow*", "volger*", "unfollow*",
    "kanaal", "kanalen", "channel*", "tag", "tags", "tagged", "taggen", "getagd", "hashtag*", "mention*",
    "story", "stories", "reel*",
    "selfie*", "meme*", "influencer*", "viral", "trending", "dm", "dms", "livestream*", "groepsapp*",
    "appgroep*", "groepschat*",
    # identities and accounts on platforms
    "profiel*", "profile*", "handle*", "bio", "username*", "gebruikersnaam*", "avatar*",
    "connectie*", "volger*", "follower*", "nepaccount*", "nepprofiel*",
    # the public side of the company
    "pers", "press", "journalist*", "verslaggever*", "krant*", "newspaper*", "reporter*", "persvraag*",
)

# Words that are often about being online but just as often about the office (a password of the VPN,
# a message in the mailbox, the news on the intranet). They count as online only in a question that
# does not also ask about HR, IT or facilities.
WEAK_ONLINE_WORDS: tuple[str, ...] = (
    "web*", "site", "app", "apps", "digita*", "platform*", "stream*", "reactie*", "reageer",
    "volg", "volgen", "volgt", "gevolgd", "bericht*", "message*", "chat*", "account*", "wachtwoord*",
    "*bericht", "*berichten", "*account", "*accounts", "*pagina", "teamapp*", "pagina*", "page", "pages",
    "password*", "friend*", "vriend*", "connection*", "nieuws*", "news*", "interview*", "media*",
    "publiek*", "public*", "ambassad*", "reclame*", "advert*", "sponsor*",
)

# Words about what gets shown or shared, or about an account going astray: next to an office word they
# still hint that the question is about what ends up online (a photo of the office party, a stolen
# work phone with the company's apps), so they soften the office verdict without overruling it.
MEDIUM_ONLINE_WORDS: tuple[str, ...] = (
    "share*", "shared", "sharing", "delen", "deel", "gedeeld", "deelt", "upload*", "foto*", "photo*", "picture*",
    "pic", "pics", "video*", "filmp*", "screenshot*", "website*", "logo*", "brand*", "merk*", "review*",
    "recensie*", "*foto", "*fotos", "*photo", "*photos", "*video", "*filmpje",
    "gestolen", "stolen", "kwijt", "lost", "gehackt", "hacked", "hack", "phishing",
)

OFF_TOPIC_WORDS: tuple[str, ...] = (
    # pay and benefits
    "salaris*", "salary", "salaries", "loon", "lonen", "loonstrook*", "payslip*", "payroll", "loonheffing*",
    "pay", "payday", "paycheck*", "paid", "wage*", "uitbetaal*", "vakantiegeld", "dertiende", "bonus*",
    "pensioen*", "pension*", "opslag", "raise", "loonsverhoging*", "cao", "arbeidsvoorwaard*", "benefits",
    "declar*", "expense*", "onkosten*", "reiskosten*", "kilometervergoeding*", "allowance*", "vergoeding*",
    "reimburse*", "terugbetal*", "belasting*", "tax", "taxes",
    "leaseauto*", "lease", "auto", "car", "parkeer*", "parkeren", "parking", "fiets*", "bike", "bicycle",
    # leave and working conditions
    "vakantie*", "vacation*", "holiday*", "verlof*", "leave", "vrije", "vrij", "feestdag*", "snipperdag*",
    "ziek*", "sick*", "illness", "verzuim*", "bedrijfsarts*", "arts", "doctor",
    "dokter*", "tandarts*", "dentist", "zwanger*", "pregnan*", "maternity", "paternity", "ouderschaps*",
    "overuren", "overtime", "rooster*", "roster*", "shift*", "dienstrooster*", "contract*", "promotie*",
    "promotion*", "appraisal*", "functioneringsgesprek*", "jaargesprek*", "beoordelingsgesprek*",
    "evaluatiegesprek*", "voortgangsgesprek*", "jaarbeoordeling*", "performance", "performancereview*",
    "annualreview*", "yearlyreview*", "pop-gesprek*", "popgesprek*", "ontwikkelgesprek*",
    "remote*", "hybrid*", "hybride", "wfh", "workfromhome", "workhome", "workinghome", "homeoffice",
    "thuiswerkdag*", "thuiswerkplek*", "thuiswerken", "werkplekreserver*",
    "signature*", "handtekening*", "emailhandtekening*", "mailhandtekening*", "functietitel*", "jobtitle*",
    "onboarding", "inwerk*", "introductieprogramma*", "newstarter*", "firstday", "eerstedag",
    "swap*", "ruilen", "dienstruil*",
    "vakantiedag*", "verlofdag*", "dayoff", "daysoff", "timeoff", "kinderopvang", "childcare",
    "badge*", "idbadge", "idcard", "personeelspas*", "lanyard*", "locker*", "kluisje*", "kledingkast*",
    "visitekaart*", "businesscard*", "dresscode*", "dress", "kledingvoorschrift*", "spijkerbroek*", "jeans",
    "stallen", "fietsenstalling*", "parkeerplaats*",
    "cursus*", "opleiding*", "training*", "course*", "workshop*", "studie*",
    "thuiswerk*", "remote", "kantoortijden", "ov", "trein", "train", "timesheet*", "urenregistratie*",
    "inklokken", "klokken", "onboarding", "proeftijd*",
    "probation", "ontslagvergoeding*", "opzegtermijn*", "verhuiz*",
    # IT and facilities
    "printer*", "printen", "print", "scanner*", "vpn", "outlook", "wifi*", "laptop*", "computer*", "pc",
    "monitor*", "beeldscherm*", "toetsenbord*", "keyboard*", "muis", "mouse", "headset*", "oplader*",
    "charger*", "kabel*", "cable*", "dock*", "beamer*", "projector*", "software", "licentie*", "licen*",
    "installeren", "install*", "helpdesk", "servicedesk", "ict", "storing*", "kapot", "broken", "crash*",
    "update*", "traag", "slow", "flicker*", "reparat*", "repair*", "opstarten", "reset*",
    "werktelefoon*", "workphone", "companyphone", "officephone", "worklaptop", "companylaptop",
    "companycar", "deskphone", "aanvragen", "aanvraag*", "bestel*", "order", "ordering", "request*",
    "reserveer*", "reserveren", "boeken", "book", "booking", "telefoonabonnement*", "simkaart*", "sim",
    "mailbox*", "inbox*", "intranet*", "nieuwsbrief*", "newsletter*", "personeelsblad*", "personeelsportaal*",
    "portal*", "portaal*", "sharepoint", "onedrive", "teams-vergadering*", "agenda*", "calendar*",
    "kantine*", "canteen*", "cafetaria", "menu*", "lunch", "koffie*", "coffee", "automaat", "vending",
    "verwarming*", "heating", "airco*", "temperatuur", "temperature", "lift", "elevator", "toilet*",
    "bureau*", "desk", "stoel*", "chair*", "sleutel*", "key", "keys", "pasje", "toegangspas*",
    "vergaderruimte*", "vergaderzaal*", "meeting", "room", "kantoorartikel*", "supplies", "stationery",
    "pennen", "papier", "schoonmaak*", "cleaning", "afval*", "bhv", "ehbo", "ontruiming*", "evacuation",
    "weer", "weather", "sport*", "voetbal*", "football", "wedstrijd*", "match", "verjaardag*",
    "birthday*", "borrel*", "kerst*", "christmas", "party", "feest*", "uitje*", "personeelsuitje*",
    "outing", "teamuitje*", "personeelsvereniging*", "kerstpakket*", "uniform*", "werkkleding*",
)

# Words about the protocol itself and what it regulates (rules, sanctions, court cases, statements, secrets,
# the people and things in the policy). A question with none of these and no online word either is about
# something else more often than not, so it needs more evidence from the pack to be answered.
PROTOCOL_WORDS: tuple[str, ...] = (
    "beleid*", "policy", "policies", "protocol*", "richtlijn*", "guideline*", "regel", "regels", "rule",
    "rules", "gedragscode*", "sanctie*", "sanction*", "straf*", "punish*", "waarschuwing*", "warning*",
    "ontslag*", "ontslagen", "dismiss*", "fired", "fire", "sacked", "disciplin*", "overtred*", "overtreding*",
    "breach*", "violat*", "gevolg*", "consequence*", "arrest", "rechter*", "rechtszaak*", "court*",
    "ruling*", "uitspraak*", "uitspraken", "hof", "juridisch*", "legal*", "wet", "wetsartikel*", "law",
    "werknemerschap", "kernwaarde*", "waarden", "values", "woordvoer*", "spokes*", "statement*",
    "verklaring*", "namens", "behalf", "spreker*", "speaker*", "congres*", "conference*", "vertrouwelijk*",
    "confidential*", "geheim*", "secret*", "codenaam*", "prototype*", "onaangekondig*", "unreleased",
    "unannounced", "launch*", "lancer*", "discrimin*", "racis*", "seksis*", "sexis*", "homofob*",
    "homophob*", "pest*", "bully*", "bullied", "harass*", "intimid*", "grap*", "joke*", "mop", "moppen",
    "belediging*", "beledig*", "insult*", "toon", "tone", "privacy", "avg", "gdpr", "toestemming*",
    "consent*", "logo*", "huisstijl*", "beeldmerk*", "copyright*", "auteursrecht*", "trademark*",
    "merknaam*", "aanraad*", "aanprijs*", "recommend*", "endorse*", "nepnieuws*", "fake*", "nep*",
    "impersonat*", "doet", "pretend*", "klacht*", "complain*", "complaint*", "crisis", "crises",
    "spijt", "regret*", "verwijder*", "delete*", "rectif*", "correct*", "rectificatie*", "2fa", "mfa",
    "tweestaps*", "twofactor*", "authenticat*", "authentific*", "hashtag*", "#ad", "ad", "ambassadeur*",
)


class WordList:
    """Exact words plus `prefix*` and `*ending` patterns, matched against folded words.

    An ending only matches a longer word (a compound that ends in it), never the ending on its own.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        items = [p.strip().lower() for p in patterns if p.strip()]
        self.exact = frozenset(p for p in items if "*" not in p)
        self.prefixes = tuple(sorted({p[:-1] for p in items if p.endswith("*") and not p.startswith("*")}))
        self.endings = tuple(sorted({p[1:] for p in items if p.startswith("*") and not p.endswith("*")}))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.exact or word.startswith(self.prefixes):
            return True
        return any(word.endswith(e) and len(word) >= len(e) + 3 for e in self.endings)


ONLINE = WordList(ONLINE_WORDS)
WEAK_ONLINE = WordList(WEAK_ONLINE_WORDS)
MEDIUM_ONLINE = WordList(MEDIUM_ONLINE_WORDS)
OFF_TOPIC = WordList(OFF_TOPIC_WORDS)
PROTOCOL = WordList(PROTOCOL_WORDS)

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
