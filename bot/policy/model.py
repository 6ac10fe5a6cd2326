"""The policy pack as the rest of the bot sees it: plain, immutable, already rendered for one company."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("nl", "en")

# The section ids fixed by the product contract (section 1), in reading order.
CONTRACT_SECTION_IDS: tuple[str, ...] = (
    "core-values",
    "working-hours",
    "confidential-information",
    "private-vs-corporate-accounts",
    "speaking-on-behalf",
    "respectful-communication",
    "discrimination-and-harassment",
    "privacy-of-others",
    "promoting-the-company",
    "social-media-manager",
    "negative-comments-and-crises",
    "consequences",
    "legal-background",
    "intellectual-property",
    "mistakes-and-corrections",
    "account-security",
)


@dataclass(frozen=True)
class SocialMediaManager:
    """The human social media manager whom the bot brings in."""

    name: str
    contact: str


@dataclass(frozen=True)
class Company:
    """What `company.yaml` says about the company (README, "The company file")."""

    name: str
    social_media_manager: SocialMediaManager
    aliases: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    confidential_terms: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    timezone: str = "Europe/Amsterdam"
    languages: tuple[str, ...] = LANGUAGES
    announcement_signature: tuple[tuple[str, str], ...] = ()
    """Who announcements are from, per language (`announcement_signature` in company.yaml); empty: the manager."""

    def signature(self, language: str) -> str:
        """The name announcements are signed with in `language`: the configured signature (any language's when
        this one has none), otherwise the social media manager's name."""
        texts = dict(self.announcement_signature)
        return texts.get(language) or next(iter(texts.values()), self.social_media_manager.name)

    @property
    def short_name(self) -> str:
        """The name people use day to day: the first alias, or the name itself."""
        return self.aliases[0] if self.aliases else self.name

    @property
    def all_names(self) -> tuple[str, ...]:
        """The name and every alias, longest first (so matching prefers the fullest form)."""
        return tuple(sorted({self.name, *self.aliases}, key=len, reverse=True))


@dataclass(frozen=True)
class SectionText:
    """One section in one language, placeholders already filled in."""

    language: str
    title: str
    body: str
    keywords: tuple[str, ...]
    summary: str
    source_file: Path


@dataclass(frozen=True)
class Faq:
    """A question-and-answer pair belonging to a section, in every language of the pack."""

    section_id: str
    questions: dict[str, tuple[str, ...]]
    answers: dict[str, str]
    source_file: Path
    index: int


@dataclass(frozen=True)
class Section:
    """A policy section with its texts per language and its FAQ entries."""

    id: str
    order: int
    texts: dict[str, SectionText]
    faqs: tuple[Faq, ...] = ()
    custom: bool = False

    def text(self, language: str) -> SectionText:
        """The section in `language`, falling back to any language the section has."""
        if language in self.texts:
            return self.texts[language]
        return next(iter(self.texts.values()))

    def title(self, language: str) -> str:
        return self.text(language).title


@dataclass(frozen=True)
class PolicyPack:
    """A loaded, validated and rendered policy pack."""

    root: Path
    version: str
    content_hash: str
    company: Company
    sections: dict[str, Section]
    synonyms: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    title: dict[str, str] = field(default_factory=dict)

    @property
    def version_label(self) -> str:
        """Human version plus content hash, e.g. `1.0.0+3f2a9c1b7d40`."""
        return f"{self.version}+{self.content_hash[:12]}"

    @property
    def languages(self) -> tuple[str, ...]:
        return self.company.languages

    def section(self, section_id: str) -> Section:
        return self.sections[section_id]
