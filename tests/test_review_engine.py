"""The review engine: every rule in Dutch and English, the tricky negatives, and offsets that always
point into the original post. The company here is a made-up bicycle maker, not the dev set's."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pack_support import pack_for_company

from bot.policy import load_pack
from bot.review.engine import ReviewEngine
from bot.review.types import Review

COMPANY_YAML = """\
name: Kompas Fietsen B.V.
aliases: [Kompas]
products: [Kompas E-Go, RitPlanner]
confidential_terms: [Project Meeuw, Zephyr]
competitors: [Rapido Bikes]
social_media_manager:
  name: Ilse Bakker
  contact: social@kompas.example
timezone: Europe/Amsterdam
languages: [nl, en]
"""


def make_review_pack(folder: Path) -> Path:
    """A copy of the bundled pack with the made-up company Kompas Fietsen."""
    return pack_for_company(folder, COMPANY_YAML)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ReviewEngine:
    return ReviewEngine(load_pack(make_review_pack(tmp_path_factory.mktemp("review") / "pack")))


def rules(review: Review) -> set[str]:
    return {f.rule for f in review.findings}


def check_offsets(text: str, review: Review) -> None:
    for finding in review.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.excerpt


# --------------------------------------------------------------------------- positives per rule

POSITIVES = [
    ("confidential-information", "Eindelijk een ritje gemaakt op het prototype van Project Meeuw!"),
    ("confidential-information", "Zephyr testing went great today, can't wait for you to see it"),
    ("confidential-information", "Our new cargo bike launches in April, just saw the final frame"),
    ("confidential-information", "De RitPlanner 3 komt in juni uit, met offline kaarten"),
    ("confidential-information", "Lol, found the internal memo about the budget on the printer"),
    ("confidential-information", "Even een foto van het whiteboard na de strategiesessie 📸"),
    ("confidential-information",
     "De kwartaalcijfers zijn nog niet gepubliceerd, maar tussen ons: de omzet is flink omhoog"),
    ("confidential-information", "Our margin is way above forecast this quarter, nice"),
    ("personal-data", "Questions? Mail my colleague at marieke.bos@example.com"),
    ("personal-data", "Bel Kees even op 06 12 34 56 78 als je de fiets wilt ophalen"),
    ("personal-data", "Betaal het cadeau voor Anouk via NL91 ABNA 0417 1643 00"),
    ("personal-data", "Iemand liet een pasje slingeren met BSN 1112.22.333 erop"),
    ("personal-data", "Pakket afgeleverd op Kastanjelaan 12, 3512 AB Utrecht"),
    ("personal-data", "Customer Pieter van Dijk keeps calling about his refund"),
    ("personal-data", "Mijn collega Sanne is zwanger, maar dat weet nog niemand"),
    ("insulting-language", "Mijn leidinggevende is een complete sukkel"),
    ("insulting-language", "Kompas is such a clueless company, useless management"),
    ("insulting-language", "Rapido Bikes verkoopt rommel aan idioten"),
    ("insulting-language", "Our customers are morons sometimes, honestly"),
    ("insulting-language", "Wat een kutbedrijf is dit ook"),
    ("discrimination", "Vrouwen kunnen gewoon niet sleutelen, laat dat aan de mannen over"),
    ("discrimination", "Never hire immigrants, they always cause trouble"),
    ("discrimination", "Geen moslims in mijn ploeg, dat geeft alleen gedoe"),
    ("discrimination", "Back in the kitchen where she belongs"),
    ("profanity", "Verdomme, lekke band op weg naar huis"),
    ("profanity", "Holy shit, 200 km gereden dit weekend"),
    ("undisclosed-promotion", "Koop nu de Kompas E-Go met 15% korting!"),
    ("undisclosed-promotion", "The RitPlanner app is a must-have for every cyclist, download it today"),
    ("undisclosed-promotion", "Op zoek naar een nieuwe fiets? Kompas heeft de beste deals"),
    ("speaking-on-behalf", "We are proud to announce our new store in Zwolle!"),
    ("speaking-on-behalf", "Namens Kompas willen we alle klanten bedanken voor hun trouw"),
    ("sensitive-topic", "Er komt een reorganisatie bij ons op kantoor, spannend"),
    ("sensitive-topic", "Heard there's a lawsuit against Kompas about the brakes"),
    ("sensitive-topic", "Datalek bij ons webwinkelsysteem, IT is druk bezig"),
    ("sensitive-topic", "Two colleagues got hurt in an accident in the workshop today"),
]


@pytest.mark.parametrize(("rule", "text"), POSITIVES)
def test_each_rule_is_found(engine: ReviewEngine, rule: str, text: str) -> None:
    review = engine.review(text)
    assert rule in rules(review), [(f.rule, f.excerpt) for f in review.findings]
    check_offsets(text, review)


# --------------------------------------------------------------------------- tricky negatives

NEGATIVES = [
    "Killer deal op de markt vandaag, drie plantjes voor een tientje",
    "Dit is sick goed, die nieuwe serie op tv",
    "That new album is killer, on repeat all day",
    "Vertrouwelijk gezegd: ik ben echt dol op drop",
    "Congrats to Rapido Bikes on their new store, well done!",
    "Ik werk bij Kompas en de RitPlanner is echt een aanrader",
    "Full disclosure, I work at Kompas: the E-Go is the best bike I've ridden",
    "Trots op alle vrouwen in ons werkplaatsteam!",
    "Per ongeluk koffie omgegooid op het werk, oeps",
    "My legs hurt after the team ride today",
    "Kanker is een rotziekte, loop mee voor het goede doel",
    "Happy birthday to my amazing colleague Lisa!",
    "Mijn dochter begint volgende maand aan haar studie",
    "Net mijn eerste 100 km gefietst in 4:12, moe maar voldaan",
    "That referee was an idiot lol",
    "Mijn collega's zijn de beste, wat een team",
    "Read a great book about the history of immigration in Rotterdam",
    "Called 112 after seeing a car accident on my way home, everyone is fine",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_tricky_negatives_stay_ok(engine: ReviewEngine, text: str) -> None:
    review = engine.review(text)
    assert review.verdict == "ok", [(f.rule, f.excerpt) for f in review.findings]


def test_disclosure_removes_promotion_but_not_other_rules(engine: ReviewEngine) -> None:
    review = engine.review("Ik werk bij Kompas: koop de E-Go, en Rapido Bikes verkoopt rommel aan sukkels")
    assert "undisclosed-promotion" not in rules(review)
    assert "insulting-language" in rules(review)


def test_profanity_aimed_at_nobody_is_medium(engine: ReviewEngine) -> None:
    review = engine.review("Godverdomme wat regent het")
    assert review.verdict == "caution"
    assert [f.severity for f in review.findings] == ["medium"]


def test_insult_word_without_target_is_not_insulting(engine: ReviewEngine) -> None:
    assert "insulting-language" not in rules(engine.review("The traffic this morning was a disaster"))


def test_invalid_bsn_is_not_a_bsn(engine: ReviewEngine) -> None:
    assert engine.review("Ordernummer 123456789 is verzonden").verdict == "ok"  # fails the 11-check
    assert "personal-data" in rules(engine.review("Ordernummer 111222333 is verzonden"))  # passes it


def test_invalid_iban_is_ignored(engine: ReviewEngine) -> None:
    assert "personal-data" not in rules(engine.review("Referentie NL91 ABNA 0417 1643 01 graag vermelden"))


def test_social_media_managers_own_address_is_fine(engine: ReviewEngine) -> None:
    assert engine.review("Vragen over ons beleid? Mail social@kompas.example").verdict == "ok"


# --------------------------------------------------------------------------- shape of a review

def test_verdict_follows_the_worst_finding(engine: ReviewEngine) -> None:
    assert engine.review("Lekker gefietst vandaag").verdict == "ok"
    assert engine.review("Damn, lekke band").verdict == "caution"
    assert engine.review("Mail me at jan@example.org").verdict == "block"


def test_findings_explain_in_the_posts_language(engine: ReviewEngine) -> None:
    nl = engine.review("Mijn baas is een idioot")
    en = engine.review("My boss is an idiot")
    assert nl.language == "nl" and en.language == "en"
    assert nl.findings[0].section == "respectful-communication"
    assert "beledigend" in nl.findings[0].message and "insulting" in en.findings[0].message
    assert nl.summary.startswith("Plaats dit bericht nog niet")
    assert en.summary.startswith("Please don't post this yet")


def test_language_can_be_forced(engine: ReviewEngine) -> None:
    assert engine.review("My boss is an idiot", language="nl").language == "nl"


def test_every_finding_has_a_suggestion_and_contract_section(engine: ReviewEngine) -> None:
    for _, text in POSITIVES:
        for finding in engine.review(text).findings:
            assert finding.message and finding.suggestion
            assert finding.section in {
                "confidential-information", "privacy-of-others", "respectful-communication",
                "discrimination-and-harassment", "promoting-the-company", "speaking-on-behalf",
                "negative-comments-and-crises",
            }


def test_offsets_after_emoji(engine: ReviewEngine) -> None:
    text = "🎉🎉 mail me at x@example.com"
    review = engine.review(text)
    [finding] = review.findings
    assert text[finding.start:finding.end] == finding.excerpt == "x@example.com"


def test_offsets_are_into_the_original_text_with_whitespace(engine: ReviewEngine) -> None:
    text = "\n\n   👩‍🔧 Bel Kees op 06 12 34 56 78   \n"
    review = engine.review(text)
    check_offsets(text, review)
    assert any(f.excerpt == "06 12 34 56 78" for f in review.findings)


def test_chat_markup_is_plain_text(engine: ReviewEngine) -> None:
    text = ("<!channel> <@U123ABC> kijk <https://x.example/a?b=c|hier> <b>Project Meeuw</b> "
            "<mailto:a@example.org|a@example.org>")
    review = engine.review(text)
    check_offsets(text, review)
    assert "confidential-information" in rules(review)
    assert {f.excerpt for f in review.findings} >= {"Project Meeuw", "a@example.org"}


def test_a_40000_character_post_gets_an_answer(engine: ReviewEngine) -> None:
    text = ("Lekker gefietst met collega's vandaag. " * 1100)[:39_000] + " Mail me at jan@example.org"
    review = engine.review(text)
    assert review.verdict == "block"
    check_offsets(text, review)


def test_hostile_long_inputs_do_not_crash(engine: ReviewEngine) -> None:
    for text in ("a" * 40_000, "@" * 40_000, "a@" * 20_000, "1" * 40_000, "NL91" * 10_000, ". " * 20_000,
                 "x.y" * 13_000 + "@", "🎉" * 40_000):
        review = engine.review(text)
        check_offsets(text, review)


def test_binary_garbage_gets_an_answer(engine: ReviewEngine) -> None:
    garbage = bytes(range(256)).decode("latin-1") * 20 + "\x00\ufffd\ud800"
    review = engine.review(garbage)
    assert review.verdict in {"ok", "caution", "block"}
    check_offsets(garbage, review)


def test_empty_post_is_ok(engine: ReviewEngine) -> None:
    assert engine.review("").verdict == "ok"
    assert engine.review("   \n ").findings == ()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400) | st.text(alphabet="abcdeklmnoprstuvw @.+0123456789#*~!-_'NL\n ", max_size=400))
def test_offsets_always_lie_inside_the_post(engine: ReviewEngine, text: str) -> None:
    review = engine.review(text)
    check_offsets(text, review)
