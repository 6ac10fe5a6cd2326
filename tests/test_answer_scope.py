"""Which questions the protocol covers: office questions (HR, IT, facilities) go to a human, questions about
being online stay answered even when they mention an office word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest

from bot.answer.engine import AnswerEngine
from bot.answer.lexicon import MEDIUM_ONLINE, OFF_TOPIC, ONLINE, WEAK_ONLINE
from bot.config import bundled_policy_dir
from bot.policy import load_pack


@pytest.fixture(scope="module", autouse=True)
def _private_index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Cached indexes go to a temporary folder, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMM_CACHE_DIR", str(tmp_path_factory.mktemp("index-cache")))
        yield


@cache
def bundled() -> AnswerEngine:
    return AnswerEngine(load_pack(bundled_policy_dir()))


@pytest.mark.parametrize(("question", "lang"), [
    ("Hoe vraag ik een nieuwe laptop aan?", "nl"),
    ("Mijn computer blijft vastlopen, wie kan ernaar kijken?", "nl"),
    ("Ik ben mijn wachtwoord van Outlook vergeten.", "nl"),
    ("Hoe log ik thuis in op het VPN?", "nl"),
    ("Waar download ik mijn loonstrook?", "nl"),
    ("Bij wie meld ik me ziek als ik morgen niet kan komen?", "nl"),
    ("Hoe zet ik een stukje in de interne nieuwsbrief?", "nl"),
    ("Wie beheert het intranet eigenlijk?", "nl"),
    ("Mijn telefoon van de zaak is kapot, waar haal ik een nieuwe?", "nl"),
    ("Hoe reset ik mijn inlog voor het personeelsportaal?", "nl"),
    ("How do I request a new laptop?", "en"),
    ("My monitor keeps flickering, who should I call?", "en"),
    ("I forgot my Outlook password, how do I reset it?", "en"),
    ("The VPN drops every time I work from home.", "en"),
    ("Who do I call when I'm sick?", "en"),
    ("How do I submit a piece for the staff newsletter?", "en"),
    ("Who maintains the intranet?", "en"),
    ("Can I get a company phone?", "en"),
    ("How do I reset my password for the HR portal?", "en"),
    ("Where do I order office supplies?", "en"),
])
def test_office_questions_go_to_a_human(question: str, lang: str) -> None:
    answer = bundled().answer(question)
    assert answer.escalate, (question, answer.details)
    assert answer.language == lang


@pytest.mark.parametrize(("question", "lang", "section"), [
    ("Mag ik onder werktijd Instagram bekijken op mijn werktelefoon?", "nl", "working-hours"),
    ("Mag ik tijdens de lunchpauze op TikTok zitten?", "nl", "working-hours"),
    ("Is mijn LinkedIn-wachtwoord sterk genoeg of moet ik tweestapsverificatie aanzetten?", "nl",
     "account-security"),
    ("Mag ik foto's van het personeelsuitje op Facebook zetten met collega's erop?", "nl", None),
    ("Mijn werktelefoon met de Instagram-app van het bedrijf is gestolen.", "nl", "account-security"),
    ("Can I check Twitter on my work laptop during my lunch break?", "en", "working-hours"),
    ("Someone got hold of the password of our company Instagram, what now?", "en", "account-security"),
    ("Can I post photos from the Christmas party with colleagues in them?", "en", "privacy-of-others"),
    ("A journalist called me on my work phone, what should I say?", "en", "speaking-on-behalf"),
    ("Is it fine to tweet about my salary?", "en", None),
])
def test_online_questions_that_mention_office_words_are_answered(
    question: str, lang: str, section: str | None
) -> None:
    answer = bundled().answer(question)
    assert not answer.escalate, (question, answer.details)
    assert answer.language == lang
    if section is not None:
        assert section in [s.id for s in answer.sources], (question, answer.details["ranking"])


@pytest.mark.parametrize(("question", "section"), [
    ("Iemand doet zich op Instagram voor als ons bedrijf, wat moet ik doen?", "account-security"),
    ("Een collega stuurt racistische grapjes in de groepsapp van het team.", "discrimination-and-harassment"),
    ("Can I put a post from our official company page on my own timeline?", "promoting-the-company"),
])
def test_situations_find_their_section(question: str, section: str) -> None:
    answer = bundled().answer(question)
    assert not answer.escalate, (question, answer.details)
    assert answer.sources[0].id == section, (question, answer.details["ranking"])


def test_word_lists_separate_office_and_online() -> None:
    for word in ("vpn", "intranet", "nieuwsbrief", "newsletter", "ziekmelden", "loonstrook", "laptop"):
        assert word in OFF_TOPIC, word
    for word in ("instagram", "tiktok", "hashtag", "journalist", "volgers", "posten"):
        assert word in ONLINE, word
    assert "password" in WEAK_ONLINE and "password" not in ONLINE
    assert "foto" in MEDIUM_ONLINE and "foto" not in ONLINE
