"""Checking a social media profile: does it read as private or corporate, and what does it need?

The protocol (private-vs-corporate-accounts) asks employees to keep private and work use
apart: a handle like `Fransie_69` reads private, `KarelFransen_Acme` (a person's name plus the
company's) reads corporate. A profile that names the employer needs the "opinions are my own"
disclaimer, a private account carries no company logo, and an account that looks like the
company's own is impersonation (account-security). Names come from `company.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from rapidfuzz import fuzz

from bot.policy import PolicyPack
from bot.text.lang import detect_language

Kind = Literal["private", "corporate", "company"]

_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT_RE = re.compile(r"[^A-Za-zÀ-ÿ0-9]+|(?<=\D)(?=\d)|(?<=\d)(?=\D)")
# Words that, next to the company's name, make a handle look like an official company account.
_OFFICIAL_WORDS = frozenset([
    "official", "officieel", "hq", "nl", "be", "eu", "uk", "us", "int", "global", "team", "support",
    "care", "help", "helpdesk", "service", "klantenservice", "news", "nieuws", "info", "jobs",
    "careers", "vacatures", "werkenbij", "press", "pers", "media", "social", "marketing", "sales",
    "shop", "store", "winkel", "online", "app", "group", "groep", "company", "bedrijf", "the", "de",
    "het"
])
_DISCLAIMER_RE = re.compile(
    r"opinions? (?:are|is) (?:my|mine|my own)|views? (?:are )?(?:my )?own|own (?:views|opinions)|"
    r"(?:mijn )?(?:berichten|meningen?|standpunten|tweets|posts) (?:zijn|is) (?:op )?persoonlijke? titel|"
    r"op persoonlijke titel|persoonlijke titel|(?:mijn )?eigen mening|mening is (?:van )?mijzelf|"
    r"not (?:the views|representing|on behalf)|spreek niet namens|niet namens|rt\s*(?:≠|!=|is not|are not)\s*endorse",
    re.IGNORECASE,
)
_WORKS_AT_RE = re.compile(
    r"\b(?:werk(?:zaam)?|works?|working|employed)\s+(?:bij|voor|at|for)\b|@\s*\w+|\bin dienst bij\b", re.IGNORECASE
)
_LOGO_RE = re.compile(r"\blogo\b", re.IGNORECASE)


@dataclass(frozen=True)
class Advice:
    """One thing the profile needs, with the protocol section it comes from."""

    text: str
    section: str

    def to_json(self) -> dict[str, str]:
        return {"text": self.text, "section": self.section}


@dataclass(frozen=True)
class ProfileResult:
    """What a profile reads as and what it needs. `kind` is private, corporate or company."""

    handle: str
    language: str
    kind: Kind
    handle_names_employer: bool
    bio_names_employer: bool
    has_disclaimer: bool
    matched_name: str | None
    summary: str
    advice: tuple[Advice, ...] = ()
    sections: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "handle": self.handle,
            "language": self.language,
            "kind": self.kind,
            "handle_names_employer": self.handle_names_employer,
            "bio_names_employer": self.bio_names_employer,
            "has_disclaimer": self.has_disclaimer,
            "matched_name": self.matched_name,
            "summary": self.summary,
            "advice": [a.to_json() for a in self.advice],
            "sections": list(self.sections),
        }


def _compact(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def handle_parts(handle: str) -> list[str]:
    """`KarelFransen_Acme` -> ["karel", "fransen", "acme"]; `@fransie_69` -> ["fransie", "69"]."""
    spaced = _CAMEL_RE.sub(" ", handle.lstrip("@"))
    return [p.lower() for p in _SPLIT_RE.split(spaced) if p]


def _match_company(pack: PolicyPack, handle: str) -> tuple[str | None, str]:
    """The company name found in the handle (fuzzy, case-insensitive) and what is left of the handle."""
    compact = _compact(handle.lstrip("@"))
    names = sorted({*pack.company.all_names, *(n.split()[0] for n in pack.company.all_names if " " in n)},
                   key=len, reverse=True)
    for name in names:
        key = _compact(name)
        if len(key) < 3:
            continue
        if key in compact:
            return name, compact.replace(key, "", 1)
        if len(key) >= 5 and len(compact) >= len(key) - 1:
            alignment = fuzz.partial_ratio_alignment(key, compact, score_cutoff=85)
            if alignment is not None:
                return name, compact[:alignment.dest_start] + compact[alignment.dest_end:]
    return None, compact


def _bio_names_employer(pack: PolicyPack, bio: str) -> bool:
    lowered = bio.lower()
    for name in pack.company.all_names:
        if re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", lowered):
            return True
    return any(_compact(name) in _compact(bio) for name in pack.company.all_names if len(_compact(name)) >= 5)


def check_profile(pack: PolicyPack, handle: str, bio: str | None = None, language: str | None = None) -> ProfileResult:
    """Say whether `handle` (and `bio`) read as a private or a corporate account, and what they need."""
    if language in ("nl", "en"):
        lang = language
    elif bio and bio.strip():
        lang = detect_language(bio, default=pack.company.languages[0] if pack.company.languages else "en")
    else:
        lang = pack.company.languages[0] if pack.company.languages else "en"
    nl = lang == "nl"
    company = pack.company.short_name
    matched, rest = _match_company(pack, handle)
    rest_parts = [p for p in handle_parts(rest) if p]
    rest_letters = re.sub(r"[^a-z]", "", rest)
    for word in sorted(_OFFICIAL_WORDS, key=len, reverse=True):
        if rest_letters.startswith(word) or rest_letters.endswith(word):
            rest_letters = rest_letters.replace(word, "", 1)
    kind: Kind
    if matched is None:
        kind = "private"
    elif len(rest_letters) < 3 or all(p in _OFFICIAL_WORDS or p.isdigit() for p in rest_parts):
        kind = "company"
    else:
        kind = "corporate"
    bio_text = bio or ""
    bio_employer = bool(bio_text) and _bio_names_employer(pack, bio_text)
    disclaimer = bool(_DISCLAIMER_RE.search(bio_text))
    logo = bool(_LOGO_RE.search(bio_text))
    advice: list[Advice] = []

    def add(text_nl: str, text_en: str, section: str) -> None:
        advice.append(Advice(text_nl if nl else text_en, section))

    shown = handle if handle.startswith("@") else "@" + handle
    if kind == "company":
        summary = (f"{shown} lijkt op een officieel account van {company} zelf."
                   if nl else f"{shown} looks like an official account of {company} itself.")
        add(f"Alleen het social media team beheert officiële accounts van {company}. Kies voor een persoonlijk "
            f"account een naam die niet op {company} zelf lijkt, anders kan het als nepaccount worden gezien.",
            f"Only the social media team runs {company}'s official accounts. For a personal account choose a "
            f"name that does not look like {company} itself, or it may be taken for a fake account.",
            "account-security")
        add(f"Is dit wél een account voor {company}? Regel het dan met {pack.company.social_media_manager.name} "
            f"({pack.company.social_media_manager.contact}), met tweestapsverificatie.",
            f"Is this meant to be an account for {company}? Then arrange it with "
            f"{pack.company.social_media_manager.name} ({pack.company.social_media_manager.contact}), "
            "with two-factor authentication.",
            "account-security")
    elif kind == "corporate":
        summary = (f"{shown} leest als een zakelijk account: jouw naam met die van {company}."
                   if nl else f"{shown} reads as a corporate account: your name together with {company}'s.")
        add(f"Gebruik dit account alleen zakelijk en houd privéberichten op een apart account; met {company} "
            "in de naam leest alles wat je plaatst als iets van het bedrijf.",
            f"Use this account for work only and keep private posts on a separate account; with {company} in "
            "the name, everything you post reads as coming from the company.",
            "private-vs-corporate-accounts")
        add("Spreek niet namens het bedrijf tenzij dat je taak is; officiële aankondigingen gaan via het "
            "officiële kanaal.",
            "Do not speak for the company unless that is your job; official announcements go through the "
            "official channel.",
            "speaking-on-behalf")
    else:
        summary = (f"{shown} leest als een privéaccount." if nl else f"{shown} reads as a private account.")
        add("Houd het duidelijk persoonlijk: geen bedrijfslogo of huisstijl van "
            f"{company} in je profielfoto of banner.",
            f"Keep it clearly personal: no {company} logo or house style in your profile picture or banner.",
            "private-vs-corporate-accounts")
    if bio_employer or kind == "corporate":
        if disclaimer:
            add("Goed: je profiel zegt al dat je berichten op persoonlijke titel zijn.",
                "Good: your profile already says that your opinions are your own.",
                "private-vs-corporate-accounts")
        else:
            add(f"Je noemt {company} in je profiel; zet er een disclaimer bij, bijvoorbeeld “Mijn berichten zijn op "
                "persoonlijke titel”.",
                f"Your profile names {company}; add a disclaimer such as “Opinions are my own”.",
                "private-vs-corporate-accounts")
    if kind == "private" and logo:
        add("Je bio noemt een logo: gebruik op een privéaccount geen logo van het bedrijf.",
            "Your bio mentions a logo: do not use the company's logo on a private account.",
            "intellectual-property")
    if kind == "private" and not bio_employer and bio_text and _WORKS_AT_RE.search(bio_text) is None:
        add("Noem je later je werkgever, zet er dan de disclaimer “Mijn berichten zijn op persoonlijke titel” bij.",
            "If you mention your employer later, add the disclaimer “Opinions are my own”.",
            "private-vs-corporate-accounts")
    sections = tuple(dict.fromkeys(a.section for a in advice))
    return ProfileResult(handle=handle, language=lang, kind=kind, handle_names_employer=matched is not None,
                         bio_names_employer=bio_employer, has_disclaimer=disclaimer, matched_name=matched,
                         summary=summary, advice=tuple(advice), sections=sections)
