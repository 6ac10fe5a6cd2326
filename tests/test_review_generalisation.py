"""Generalisation of the review beyond stock words: indirect discrimination (a protected group plus a
capability or exclusion predicate), collective insults and derogatory superlatives, the formal
announcement register, and second-person recommendations of the company's products. Every example
is written for these tests; the company is a made-up bakery chain, not any evaluation set's."""

from __future__ import annotations

import pytest
from pack_support import assert_ok, assert_rule_found, pack_for_company

from bot.policy import load_pack
from bot.review.engine import ReviewEngine

COMPANY_YAML = """\
name: Graanhuis Bakkerijen B.V.
aliases: [Graanhuis]
products: [Korstkaart, Bakkersbox]
confidential_terms: [Project Rogge, Speltstorm]
competitors: [Broodhoek, Deegwerk Noord]
social_media_manager:
  name: Joris Veldman
  contact: social@graanhuis.example
timezone: Europe/Amsterdam
languages: [nl, en]
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ReviewEngine:
    return ReviewEngine(load_pack(pack_for_company(tmp_path_factory.mktemp("generalisation") / "pack", COMPANY_YAML)))


POSITIVES = [
    # discrimination: group + refusal / doubt / capability / leave / appearance, no slur, no stock phrase
    ("discrimination", "Sollicitanten met een buitenlandse achternaam leg ik meteen opzij, scheelt tijd"),
    ("discrimination", "CVs with a foreign surname go straight in the bin at our bakery"),
    ("discrimination", "Homoseksuele mannen laten werken op de kinderopvang? Lijkt me geen goed idee."),
    ("discrimination", "Should gay teachers really be working with children? I doubt it."),
    ("discrimination", "Collega's boven de 55 kunnen het tempo in de bakkerij gewoon niet meer bijhouden"),
    ("discrimination", "People over 55 can't keep up on the night shift and should retire"),
    ("discrimination", "Iemand in een rolstoel achter de toonbank staat niet professioneel"),
    ("discrimination", "Someone in a wheelchair at the counter looks unprofessional, sorry"),
    ("discrimination", "Zwangere sollicitanten nemen we liever niet aan, die gaan toch weg"),
    ("discrimination", "Pregnant applicants are a liability, they leave anyway"),
    ("discrimination", "Moslims in de winkel? Slecht voor ons imago."),
    ("discrimination", "Women can't lead a bakery team, they're too emotional"),
    ("discrimination", "Vrouwen kunnen geen leiding geven aan een ploeg bakkers"),
    ("discrimination", "Oudere sollicitanten nodig ik niet eens uit voor een gesprek"),
    ("discrimination", "50-plussers zijn minder productief, die moeten plaatsmaken voor jong talent"),
    ("discrimination", "Polish bakers are less reliable than Dutch ones"),
    # insults: collective, superlative, incompetence idioms, names and aliases a few words away
    ("insulting-language", "Broodhoek heeft weer een actie verprutst. Stelletje prutsers daar."),
    ("insulting-language", "Graanhuis is de slechtste werkgever van het land"),
    ("insulting-language", "Bij ons kan de directie nog geen borrel organiseren"),
    ("insulting-language", "Graanhuis is the worst employer in the province"),
    ("insulting-language", "Honestly, management couldn't organise a coffee morning"),
    ("insulting-language", "Deegwerk Noord? Bunch of clowns, every single one of them"),
    ("insulting-language", "Wat een bende amateurs bij Broodhoek"),
    ("insulting-language", "Our head office is a bunch of headless chickens this week"),
    ("insulting-language", "Broodhoek is by far the worst in town"),
    ("insulting-language", "Most useless manager I've ever had, honestly"),
    ("insulting-language", "Het waardeloosste bedrijf waar ik ooit heb gewerkt"),
    ("insulting-language", "My team lead couldn't run a bath, let alone a bakery"),
    # speaking on behalf: formal announcement register
    ("speaking-on-behalf", "Wij kunnen met trots bekendmaken dat er een nieuwe vestiging in Zwolle komt"),
    ("speaking-on-behalf", "We hereby confirm that all stores will open on Easter Monday"),
    ("speaking-on-behalf", "Hierbij maken wij bekend dat de prijzen per 1 april omhoog gaan"),
    ("speaking-on-behalf", "Namens het bestuur danken wij alle klanten voor hun trouw"),
    ("speaking-on-behalf", "Our bakery chain will open three new stores next year"),
    ("speaking-on-behalf", "Graanhuis gaat vanaf maart ook op zondag bezorgen"),
    ("speaking-on-behalf", "We are pleased to inform you that the new loyalty scheme starts today"),
    ("speaking-on-behalf", "Onze organisatie heeft besloten de filialen in het oosten te sluiten"),
    ("speaking-on-behalf", "Graanhuis will not raise bread prices this winter"),
    ("speaking-on-behalf", "Wij informeren u graag over de nieuwe openingstijden"),
    # undisclosed promotion: second person, company product or name, no disclosure
    ("undisclosed-promotion", "Op zoek naar vers brood aan huis? De Bakkersbox is echt de oplossing!"),
    ("undisclosed-promotion", "Looking for a birthday cake? Graanhuis is the place to go"),
    ("undisclosed-promotion", "Zoek je een lekker ontbijt? Graanhuis is dé plek om te beginnen"),
    ("undisclosed-promotion", "Need a gift for a foodie? The Korstkaart is the one, you won't regret it"),
]

NEGATIVES = [
    # neutral and warm mentions of groups, counter-speech, accessibility
    "Happy Pride to our LGBTQ+ colleagues! 🏳️‍🌈",
    "We hire people over 55 gladly, their experience is gold",
    "Onze nieuwe winkel heeft een rolstoeltoegankelijke ingang",
    "New wheelchair-accessible entrance at the Zwolle store",
    "Collega's boven de 55 zijn bij ons van harte welkom",
    "Pregnant colleagues can swap night shifts for day shifts, just ask",
    "Sollicitanten met een buitenlandse naam worden vaker afgewezen, daar moeten we iets aan doen",
    "It's a myth that older workers can't keep up with new technology",
    "Gay couples are welcome at our wedding cake tastings",
    "Vrouwen in de bakkerij: trots op onze meesterbakkers Fatma en Ilse",
    "Onze moeders met kinderen krijgen flexibele roosters",
    "The deaf baker on our team taught us all some sign language",
    "Our oldest baker, 67, just retired after 40 years. We will miss you, Henk!",
    # criticism and ordinary superlatives that are not insults
    "Worst weather of the year today, but the bread still got delivered",
    "Worst customer service I've had in ages at the bike shop, the bread at work made up for it",
    "De slechtste dag van de week is maandag, maar de koffie op kantoor maakt veel goed",
    "Een stelletje vrienden kwam vandaag taart halen",
    "A bunch of kids from the school visited our bakery today",
    "Congrats to Broodhoek on their new store",
    "Our team is the best, thanks for a great year",
    # personal news and ordinary plans, not company announcements
    "Proud to announce I passed my master baker exam!",
    "Ik ga morgen naar Graanhuis voor mijn eerste werkdag",
    "Bij Graanhuis gaat het er altijd gezellig aan toe",
    "We are going to the beach this weekend",
    "Wij gaan morgen met het team bowlen",
    "Ik werk bij Graanhuis: op zoek naar een verjaardagstaart? Kom langs!",
    "Op zoek naar een nieuwe fiets, tips welkom",
    "Looking for a good book for the holidays, any tips?",
]


@pytest.mark.parametrize(("rule", "text"), POSITIVES)
def test_indirect_wording_is_found(engine: ReviewEngine, rule: str, text: str) -> None:
    assert_rule_found(engine, rule, text)


@pytest.mark.parametrize("text", NEGATIVES)
def test_neutral_mentions_stay_ok(engine: ReviewEngine, text: str) -> None:
    assert_ok(engine, text)
