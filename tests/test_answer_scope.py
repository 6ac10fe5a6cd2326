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


# Everyday process questions (hybrid work, appraisals, signatures, badges, shifts, facilities) escalate.
PROCESS_QUESTIONS = [
    ("Am I allowed to work from home two days a week?", "en"),
    ("Which days can I work remotely under the hybrid working scheme?", "en"),
    ("When is my yearly appraisal due?", "en"),
    ("Who fills in the form for my performance review?", "en"),
    ("How do I put my job title under my e-mail signature?", "en"),
    ("Where do I pick up my ID badge on my first day?", "en"),
    ("Can I swap my night shift with a colleague?", "en"),
    ("Who do I ask for a locker key?", "en"),
    ("Can I order new business cards?", "en"),
    ("Is there a dress code for the front desk?", "en"),
    ("Mag ik op vrijdag thuiswerken?", "nl"),
    ("Wanneer moet mijn beoordelingsgesprek uiterlijk plaatsvinden?", "nl"),
    ("Hoe plan ik mijn functioneringsgesprek met mijn leidinggevende?", "nl"),
    ("Hoe voeg ik mijn functietitel toe aan mijn handtekening in de e-mail?", "nl"),
    ("Waar haal ik mijn nieuwe personeelspas op?", "nl"),
    ("Kan ik mijn dienst ruilen met een collega?", "nl"),
    ("Mag ik een spijkerbroek dragen op de afdeling?", "nl"),
    ("Hoe werkt het inwerkprogramma voor nieuwe collega's?", "nl"),
    ("Kan ik visitekaartjes bestellen?", "nl"),
]

# Situations the protocol does cover, phrased the way staff of a hospital, shop or school might ask.
SITUATIONS = [
    ("What tone should I use when I write about my work online?", "respectful-communication"),
    ("Welke toon moet ik aanslaan als ik online over mijn werk schrijf?", "respectful-communication"),
    ("Mijn account staat op privé, dus ik mag toch zeggen wat ik wil over collega's?", "respectful-communication"),
    ("Is it okay to tease our competitor with a funny post?", "respectful-communication"),
    ("Mag ik een grapje maken over de concurrent op Instagram?", "respectful-communication"),
    ("Someone from my own team keeps harassing me in comments, where do I go for help?",
     "discrimination-and-harassment"),
    ("Iemand van mijn afdeling pest me op Facebook, bij wie kan ik terecht?", "discrimination-and-harassment"),
    ("A patient's family asked me to post a picture of their newborn, may I?", "privacy-of-others"),
    ("De familie van een patiënt vraagt of ik een foto van hun baby wil delen, mag dat?", "privacy-of-others"),
    ("Should I reshare the company's posts on my own LinkedIn?", "promoting-the-company"),
    ("Mag ik berichten van het bedrijf delen op mijn eigen LinkedIn?", "promoting-the-company"),
    ("Somebody left a one-star review about our ward, should I respond?", "negative-comments-and-crises"),
    ("People in a neighbourhood Facebook group are slamming our clinic, what should I do?",
     "negative-comments-and-crises"),
    ("Er staat een boze recensie van één ster over ons, moet ik reageren?", "negative-comments-and-crises"),
    ("Could I lose my job because of something I put on Facebook?", "consequences"),
    ("Kan ik ontslagen worden om een bericht op Facebook?", "consequences"),
    ("Why do we even have rules about social media?", "legal-background"),
    ("May I use the name of our app for my own podcast?", "intellectual-property"),
    ("Mag ik de naam van onze app gebruiken voor mijn eigen podcast?", "intellectual-property"),
    ("Someone is pretending to be one of our nurses online and messaging patients.", "account-security"),
]


@pytest.mark.parametrize(("question", "lang"), PROCESS_QUESTIONS)
def test_process_questions_go_to_a_human(question: str, lang: str) -> None:
    answer = bundled().answer(question)
    assert answer.escalate, (question, answer.details)
    assert answer.language == lang


@pytest.mark.parametrize(("question", "section"), SITUATIONS)
def test_everyday_situations_find_their_section(question: str, section: str) -> None:
    answer = bundled().answer(question)
    assert not answer.escalate, (question, answer.details)
    assert answer.sources[0].id == section, (question, answer.details["ranking"])


def test_process_and_covered_questions_are_far_apart() -> None:
    """A clear gap in confidence, not a threshold that happens to fall between the two groups."""
    highest_process = max(bundled().answer(q).confidence for q, _ in PROCESS_QUESTIONS)
    lowest_covered = min(bundled().answer(q).confidence for q, _ in SITUATIONS)
    assert lowest_covered - highest_process >= 0.1, (highest_process, lowest_covered)


@pytest.mark.parametrize(("word", "online"), [
    ("facebookbericht", True), ("linkedinpost", True), ("getweet", True), ("kookblog", True),
    ("bedrijfsaccount", False), ("post", True), ("blog", True), ("account", False), ("bericht", False),
])
def test_compound_endings_count_as_online(word: str, online: bool) -> None:
    assert (word in ONLINE or word in WEAK_ONLINE) is True
    assert (word in ONLINE) is online


def test_an_ending_alone_is_not_a_compound() -> None:
    from bot.answer.lexicon import WordList
    endings = WordList(["*post"])
    assert "facebookpost" in endings
    assert "post" not in endings
    assert "compost" in endings  # three letters before the ending are enough; the word lists accept this


@pytest.mark.parametrize("question", [
    "Can I post a selfie at the Christmas party on Instagram?",
    "Mag ik TikTok installeren op de tablet van de zaak?",
])
def test_an_office_word_does_not_swallow_the_platform_next_to_it(question: str) -> None:
    answer = bundled().answer(question)
    assert answer.details["online"], answer.details
