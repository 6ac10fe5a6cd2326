"""Functional review tests, as conversations through the terminal chat (`testbot` for a made-up company).

Every rule, in both languages: a plain positive, a misspelled or obfuscated positive, and the
look-alikes that must not be flagged under that rule: negated, quoted or reported, counter-speech,
aimed at an object (or the weather, or oneself), and the harmless everyday use of the same words.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pack_support import pack_for_company

from bot.adapters.console import ConsoleAdapter
from bot.app import BotApp, build_core
from bot.config import Settings
from bot.review.engine import _Run
from bot.text.normalize import normalize
from handlers.messages.core import MESSAGES

COMPANY = """\
name: Veldmuis Verzekeringen
aliases: [Veldmuis]
products: [VeldPolis, Muisje App]
confidential_terms: [Project Egel]
competitors: [Rivierland Assurantiën]
social_media_manager:
  name: Mira Bos
  contact: online@veldmuis.example
timezone: Europe/Amsterdam
languages: [nl, en]
"""


@pytest.fixture
async def reviewer(tmp_path: Path) -> AsyncIterator[ConsoleAdapter]:
    pack = pack_for_company(tmp_path / "pack", COMPANY)
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'f.db'}",  # type: ignore[call-arg]
                        policy_dir=pack, admins="console:admin-1")
    app: BotApp = build_core(settings)
    adapter = ConsoleAdapter(app.dispatcher, user_id="employee")
    app.services.messenger.register(adapter)
    try:
        yield adapter
    finally:
        app.services.db.dispose()


def _title(rule: str, lang: str) -> str:
    return MESSAGES[f"review.rule.{rule}"][lang]


# (language, post, rule that must be reported, or None when that rule must NOT be reported, rule)
POSITIVE = [
    ("nl", "Mijn teamleider is echt de grootste sukkel die ik ooit heb meegemaakt", "insulting-language"),
    ("en", "our new manager is a spineless clown and everyone on the floor knows it", "insulting-language"),
    ("nl", "die manager van ons is echt een 1d10ot", "insulting-language"),
    ("en", "tbh that client is a total i d i o t", "insulting-language"),
    ("en", "I'm going to punch {name} in the face tomorrow if he does that again", "insulting-language"),
    ("nl", "Ik sla die {name} morgen in elkaar als hij dat nog een keer doet", "insulting-language"),
    ("nl", "Marokkanen zijn allemaal dieven, die moet je echt niet aannemen", "discrimination"),
    ("en", "Women just aren't cut out for leadership roles", "discrimination"),
    ("en", "Women just are not cut out for leadership roles", "discrimination"),
    ("nl", "vrouwen zijn gewoon te emotioneel om leiding te geven", "discrimination"),
    ("en", "w0men are t00 emotional to lead a team", "discrimination"),
    ("en", "Go back to where you came from, nobody wants you here", "discrimination"),
    ("nl", "Kut, de trein is alweer vertraagd", "profanity"),
    ("en", "fuuuck, forgot my badge again", "profanity"),
    ("nl", "Net de kwartaalcijfers gezien, de omzet is 12% gedaald. Nog niet bekend, maar pijnlijk.",
     "confidential-information"),
    ("en", "Rough quarter... numbers came in way below target, looks like bonuses are off the table this year",
     "confidential-information"),
    ("nl", "Stiekem werken we aan iets heel groots, lancering in Q1, stay tuned 👀", "confidential-information"),
    ("nl", "Bel Sanne gerust op 06 12345678 als je vragen hebt", "personal-data"),
    ("en", "email jan.devries@example.org if you want his home address", "personal-data"),
    ("nl", "Iedereen moet VeldPolis nemen, beste verzekering ooit, sluit hem af via de link!",
     "undisclosed-promotion"),
    ("en", "Honestly VeldPolis is the best insurance out there, get yours today with my link", "undisclosed-promotion"),
    ("nl", "Namens Veldmuis Verzekeringen laten wij weten dat alle kantoren morgen gesloten zijn.",
     "speaking-on-behalf"),
    ("en", "Veldmuis officially apologises for yesterday's outage and will compensate every customer.",
     "speaking-on-behalf"),
    ("nl", "Ik hoor dat er een grote reorganisatie komt bij Veldmuis, de helft van de afdeling moet weg",
     "sensitive-topic"),
    ("en", "Heard Veldmuis is being sued by a former client, crazy times", "sensitive-topic"),
]

LOOK_ALIKES = [
    # negated
    ("nl", "Niemand in ons team verdient het om een sukkel genoemd te worden.", "insulting-language"),
    ("en", "No colleague deserves to be called a clown for asking a question.", "insulting-language"),
    ("nl", "Het is niet waar dat vrouwen minder goed leiding kunnen geven.", "discrimination"),
    ("en", "There is no truth at all in the idea that migrants are lazy.", "discrimination"),
    ("nl", "Ik deel nooit telefoonnummers van collega's, dat spreekt voor zich.", "personal-data"),
    # quoted or reported
    ("nl", "Een klant noemde mijn collega gisteren 'een waardeloze idioot'. Dat raakte ons allemaal.",
     "insulting-language"),
    ("en", "Comments like 'gay people shouldn't teach kids' are hurtful and wrong.", "discrimination"),
    ("nl", "'Moslims horen hier niet' is een zin die ik nooit meer op de werkvloer wil horen.", "discrimination"),
    # counter-speech
    ("nl", "Collega's uitschelden voor idioot is nooit oké, ook niet online.", "insulting-language"),
    ("en", "Saying older workers can't learn new tech is plain ageism. Stop it.", "discrimination"),
    ("nl", "Zeggen dat vluchtelingen profiteurs zijn is gewoon racisme.", "discrimination"),
    # aimed at objects, the weather, oneself
    ("nl", "Die printer is echt een waardeloos stuk ijzer, alweer vastgelopen", "insulting-language"),
    ("en", "this laptop is a useless piece of junk, third crash today", "insulting-language"),
    ("en", "I'm such an idiot, left my lunch on the train again 😂", "insulting-language"),
    ("nl", "Wat een rotweer vandaag, ik ben doorweekt", "insulting-language"),
    # positive and neutral mentions of groups
    ("nl", "Trots op onze moslimcollega's die vandaag het Suikerfeest vieren!", "discrimination"),
    ("en", "Great turnout at our Women in Tech meetup tonight, thanks everyone", "discrimination"),
    ("nl", "Onze 55-plussers coachen dit jaar de nieuwe trainees, top!", "discrimination"),
    # everyday words that look like trigger words
    ("nl", "Tyfusvaccinatie gehaald voor de reis naar Indonesië", "profanity"),
    ("en", "Screw the lid on tight before you shake the bottle", "profanity"),
    ("nl", "Vandaag publiceerden we ons jaarverslag: de omzet steeg met 4%, lees het via de link.",
     "confidential-information"),
    ("en", "Our Secret Santa at the office was a blast this year 🎁", "confidential-information"),
    ("nl", "Ik werk bij Veldmuis en ben trots op VeldPolis. #werkgever", "undisclosed-promotion"),
    ("nl", "Mijn eigen mening, niet die van mijn werkgever: thuiswerken is top.", "speaking-on-behalf"),
    ("en", "Storm warning for tonight, stay safe everyone", "sensitive-topic"),
]


@pytest.mark.parametrize(("lang", "post", "rule"), POSITIVE)
async def test_rule_is_reported(reviewer: ConsoleAdapter, lang: str, post: str, rule: str) -> None:
    reply = await reviewer.say(f"review {post.replace('{name}', 'Ruben')}")
    assert _title(rule, lang) in reply, reply


@pytest.mark.parametrize(("lang", "post", "rule"), LOOK_ALIKES)
async def test_look_alike_is_not_reported(reviewer: ConsoleAdapter, lang: str, post: str, rule: str) -> None:
    reply = await reviewer.say(f"review {post}")
    assert _title(rule, lang) not in reply, reply
    assert "⛔" not in reply, reply


def test_a_less_sure_model_finding_reads_as_may_come_across(tmp_path: Path) -> None:
    """Between a rule's `caution` and `flag` the model's finding is one tier lower and says "may come across"."""
    from bot.policy import load_pack
    from bot.review.engine import ReviewEngine
    from bot.review.learned.layer import Sentence

    engine = ReviewEngine(load_pack(pack_for_company(tmp_path / "pack", COMPANY)))
    spec = engine.rules["insulting-language"]
    assert spec.learned is not None
    middle = (spec.learned.caution + spec.learned.flag) / 2
    text = "Wat een dag was dat weer."
    scores = dict.fromkeys(engine.learned.rules if engine.learned else (), 0.0)
    unsure = engine._with_model([], [Sentence(0, len(text), {**scores, "insulting-language": middle})], text)
    sure = engine._with_model([], [Sentence(0, len(text), {**scores, "insulting-language": 0.999})], text)
    assert [r[4]["__severity"] for r in sure] == ["medium"]  # sure, but no word-list hit explains it
    sure = engine._with_model([], [Sentence(0, len(text), {**scores, "insulting-language": 0.999})], text,
                              explained={"insulting-language": [4]})
    assert [(r[0], r[4]["__severity"], r[4]["__may"]) for r in unsure] == [("insulting-language", "medium", "may")]
    assert [(r[0], r[4]["__severity"], r[4]["__may"]) for r in sure] == [("insulting-language", "high", "")]
    finding = engine._render(_Run(engine, text, "nl"), normalize(text), text, *unsure[0])
    assert finding.message == spec.may_message["nl"] and finding.severity == "medium"
