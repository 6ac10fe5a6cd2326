"""Coverage beyond one company's wording: customers called by sector nouns, exclusion and
generalisation about groups, figures before publication, photos of passes and rosters,
incidents, takeovers and lawsuits in everyday words, enthusiastic endorsement without disclosure.
Every example is written for these tests; the company is the bundled Noordlicht."""

from __future__ import annotations

import pytest
from pack_support import assert_ok, assert_rule_found

from bot.config import bundled_policy_dir
from bot.policy import load_pack
from bot.review.engine import ReviewEngine


@pytest.fixture(scope="module")
def engine() -> ReviewEngine:
    return ReviewEngine(load_pack(bundled_policy_dir()))


POSITIVES = [
    # insults aimed at customers called by a sector noun, and generic "those people" at work
    ("insulting-language", "Die abonnees van ons bellen steeds met dezelfde domme vragen, echt idioten"),
    ("insulting-language", "Patients who can't read the signs are complete morons"),
    ("insulting-language", "Onze cursisten van vandaag waren stuk voor stuk sukkels"),
    ("insulting-language", "Sommige passagiers zijn echt hersenloze sukkels"),
    ("insulting-language", "The guests in room 12 are absolute idiots"),
    ("insulting-language", "Members who complain about the gym hours are pathetic losers"),
    ("insulting-language", "Die bewoners van blok C zijn asociale hufters"),
    ("insulting-language", "Na een dag op kantoor weet ik het zeker: die mensen zijn hersenloze idioten"),
    # discrimination: exclusion and generalisation
    ("discrimination", "Moslims hebben hier niks te zoeken"),
    ("discrimination", "Polen moeten gewoon teruggaan naar waar ze vandaan komen"),
    ("discrimination", "Rolstoelgebruikers houden de hele dienstregeling op"),
    ("discrimination", "Ouderen horen gewoon niet in de spits te reizen"),
    ("discrimination", "Transgenders horen niet op de werkvloer"),
    ("discrimination", "Syriërs kun je niet vertrouwen, allemaal dieven"),
    ("discrimination", "Immigrants are all lazy and take our jobs"),
    ("discrimination", "Disabled people shouldn't be allowed to work the counter"),
    ("discrimination", "Old people are too slow for the self-checkout, honestly"),
    ("discrimination", "Gay couples have no place in our shop"),
    ("discrimination", "Female drivers can't drive, everyone knows that"),
    # figures before publication, photos of passes, dashboards and rosters
    ("confidential-information",
     "Kwartaalcijfers binnen: winst 4,1 miljoen euro, maar dat wordt pas donderdag bekendgemaakt"),
    ("confidential-information", "Omzet 12% hoger dan vorig jaar, officieel pas na de aandeelhoudersvergadering"),
    ("confidential-information", "Revenue hit €80 million this year, announcement is next week so keep it quiet"),
    ("confidential-information", "Q3 results are in: EBITDA up 12% - not public yet!"),
    ("confidential-information", "Hier een foto van mijn nieuwe personeelspas 😄"),
    ("confidential-information", "Foto van het dienstrooster, wie wil ruilen?"),
    ("confidential-information", "Screenshot van het dashboard met de storingen van vandaag"),
    ("confidential-information", "Snapped a pic of my staff pass on day one"),
    ("confidential-information", "Photo of the shift roster for next week, who wants to swap?"),
    # incidents, takeovers, lawsuits, strikes, regulators
    ("sensitive-topic", "Vanmorgen een aanrijding gehad met de vrachtwagen, gelukkig niemand gewond"),
    ("sensitive-topic", "Zuiderzon wil Noordlicht overnemen, hoor ik"),
    ("sensitive-topic", "Er gaan geruchten over een fusie met Zuiderzon"),
    ("sensitive-topic", "Een klant stapt naar de rechter vanwege de kapotte kassa"),
    ("sensitive-topic", "Brand uitgebroken in het magazijn, iedereen is veilig"),
    ("sensitive-topic", "De vakbond dreigt met staking bij ons distributiecentrum"),
    ("sensitive-topic", "Rumour has it Zuiderzon Winkels is buying us out"),
    ("sensitive-topic", "A customer is taking us to court over a slip in the store"),
    ("sensitive-topic", "Huge outage on our checkout systems this morning"),
    ("sensitive-topic", "The regulator is investigating us over the pricing"),
    ("sensitive-topic", "Collision in the parking lot at work with a delivery van, nobody hurt"),
    ("sensitive-topic", "Our warehouse is being restructured, 40 jobs at risk"),
    # enthusiastic endorsement without disclosure
    ("undisclosed-promotion", "Noordlicht Plus is echt een aanrader, iedereen zou het moeten hebben"),
    ("undisclosed-promotion", "Kan niet meer zonder de LichtPas!"),
    ("undisclosed-promotion", "Just tried the LichtPas and wow, 10/10 would recommend"),
    ("undisclosed-promotion", "Everyone should be using Noordlicht Plus, seriously"),
    ("undisclosed-promotion", "Can't recommend the LichtPas enough"),
]

NEGATIVES = [
    "That referee was an idiot lol",
    "People who drive without lights are idiots",
    "Our passengers were great today, thanks for your patience!",
    "Studenten welkom bij onze open dag",
    "We welcome Muslim colleagues to the iftar tonight",
    "There is no place for hate against Muslims in our company",
    "Racisme tegen Marokkanen moet stoppen, ook bij ons op de werkvloer",
    "Trots op onze vrouwelijke collega's, jullie zijn allemaal toppers",
    "Vandaag de nieuwe rolstoelvriendelijke bussen ingewijd, kosten geld maar het is het waard",
    "Our team includes refugees, students and retirees, and we love it",
    "Gisteren met de ouderen van het verzorgingshuis een uitje gemaakt",
    "Mooie foto van de zonsondergang vanaf het station",
    "Our annual report is published: revenue grew 5%",
    "Per ongeluk koffie omgegooid op het werk, oeps",
    "Kan iemand mijn dienst van zaterdag overnemen?",
    "I'm taking over the night shift from Kees tomorrow",
    "Met een lekke band naar mijn werk gefietst",
    "Great new life hack for the office: standing desks",
    "Congrats to Zuiderzon Winkels on their new store",
    "Ik werk bij Noordlicht en de LichtPas is echt een aanrader",
    "LichtPas is down again this morning, anyone else?",
    "We zoeken collega's! Ik werk zelf bij Noordlicht, solliciteer via de site",
    "Gefeliciteerd Marieke met je jubileum bij Noordlicht!",
]


@pytest.mark.parametrize(("rule", "text"), POSITIVES)
def test_broader_wording_is_found(engine: ReviewEngine, rule: str, text: str) -> None:
    assert_rule_found(engine, rule, text)


@pytest.mark.parametrize("text", NEGATIVES)
def test_neighbouring_harmless_posts_stay_ok(engine: ReviewEngine, text: str) -> None:
    assert_ok(engine, text)
