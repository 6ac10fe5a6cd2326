"""Implicit discrimination and insults: a protected group with a hedged exclusion or stereotype cue,
intelligence ridicule, animal and object metaphors and sarcastic praise aimed at a target; photos of
meeting rooms with a whiteboard, figures before they are official, "official update from", and team
names with incident words. Every example is written for these tests; the company is a made-up chain of
bicycle repair shops, not any evaluation set's."""

from __future__ import annotations

import pytest
from pack_support import assert_ok, assert_rule_found, pack_for_company

from bot.policy import load_pack
from bot.review.engine import ReviewEngine

COMPANY_YAML = """\
name: Spaakwerk Fietsen B.V.
aliases: [Spaakwerk]
products: [Spaakpas, Wielwacht]
confidential_terms: [Project Kettingblad]
competitors: [Trapkracht, Velomax Service]
social_media_manager:
  name: Ilse Brouwer
  contact: social@spaakwerk.example
timezone: Europe/Amsterdam
languages: [nl, en]
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ReviewEngine:
    return ReviewEngine(load_pack(pack_for_company(tmp_path_factory.mktemp("implicit") / "pack", COMPANY_YAML)))


POSITIVES = [
    # a protected group plus negated suitability, "needn't apply", "liever niet", work taken away,
    # stereotype cues, doubt about authority, hedges
    ("discrimination",
     "Weer een vrouw die solliciteert als werkplaatschef; sorry, maar dat werk is gewoon niet voor hen."),
    ("discrimination", "A woman applied for the mechanic role again, no offence but that job just isn't for them."),
    ("discrimination", "Nieuwe stagiaire draagt een hoofddoek, die zet ik liever niet bij de kassa."),
    ("discrimination", "The new hire wears a hijab, so we'd rather not have her on the shop floor."),
    ("discrimination", "We zoeken jong en energiek talent, dus 60-plussers hoeven niet te reageren."),
    ("discrimination", "Looking for fresh young mechanics, so over-60s needn't apply."),
    ("discrimination", "Ze is net zwanger, dus de nieuwe vestiging geven we aan iemand die wél volledig inzetbaar is."),
    ("discrimination", "She's pregnant now, so the new branch goes to someone who is fully committed."),
    ("discrimination", "Twee Roemenen in de werkplaats, dan weet je al dat de reparaties te laat klaar zijn."),
    ("discrimination", "Polen op de bezorgroute. Ervaring leert: dat komt nooit op tijd."),
    ("discrimination", "Bulgarians on the delivery team again, you already know the bikes will come back late."),
    ("discrimination", "Not being funny, but people from some countries simply don't have the work ethic for this."),
    ("discrimination", "Ik zeg het maar gewoon: mensen uit bepaalde landen hebben geen arbeidsmoraal."),
    ("discrimination", "Heard our new workshop manager is gay, can't see the lads taking orders from him."),
    ("discrimination", "De nieuwe chef is lesbisch, ik zie de monteurs nog niet naar haar luisteren."),
    # intelligence ridicule, metaphors and sarcastic praise aimed at a target
    ("insulting-language", "Klanten van Spaakwerk zouden eerst een IQ-test moeten doen voordat ze ons mogen bellen."),
    ("insulting-language", "Customers should pass an IQ test first before they call us about a flat tyre."),
    ("insulting-language", "De werkplaats van Trapkracht wordt gerund door aardappels, echt waar."),
    ("insulting-language", "Velomax Service's helpdesk is run by actual goldfish, honestly."),
    ("insulting-language", "Onze klanten zijn net kleuters vandaag, niemand luistert."),
    ("insulting-language",
     "Shoutout to the genius customer who asked why his e-bike wouldn't charge. It wasn't plugged in."),
    ("insulting-language", "Pluim voor de slimmerik van een klant die vroeg waarom zijn fiets niet remde. Raad eens."),
    ("insulting-language", "Management at Trapkracht has fewer brain cells than a bike pump."),
    # photos of meeting rooms with a whiteboard, figures before they are official
    ("confidential-information", "Kijkje in onze vergaderzaal na de strategiesessie (let maar niet op het whiteboard)"),
    ("confidential-information",
     "A quick look inside our meeting room after the planning day, don't mind the whiteboard!"),
    ("confidential-information", "Omzet in Q3 15% hoger dan vorig jaar, de officiële cijfers komen pas in november."),
    ("confidential-information",
     "Q1 revenue up 9% on last year, and the official numbers don't come out until next month."),
    # official update from the company
    ("speaking-on-behalf", "📢 Official update from Spaakwerk: our workshops will open on Sundays from May."),
    ("speaking-on-behalf", "📢 Officiële update van Spaakwerk: de werkplaatsen gaan vanaf mei ook op zondag open."),
]

CLEAN = [
    "Onze nieuwe collega met hoofddoek is van harte welkom!",
    "Happy to welcome three 50-plussers to the team",
    "Zwanger? Je hebt recht op verlof, kijk op het intranet",
    "Our Moroccan colleagues organised a fantastic iftar",
    "My manager is gay and the best boss I've had",
    "sorry hoor, maar ik ben fan van deze koffie",
    "Shoutout to the genius team that built our new booking app!",
    "Onze klant is een genie in het vinden van kleine foutjes, superhandig.",
    "Our repair café is run by volunteers every Saturday.",
    "Our customers are like family to us.",
    "Kijkje in onze nieuwe werkplaats in Utrecht!",
    "Our annual report is out: revenue up 9% on last year.",
    "Waiting for the official update from the council about the road works.",
    "Wij zoeken een nieuwe collega voor het storingsteam van Spaakwerk. Ik werk hier zelf, echt een leuke club!",
    "We're hiring for our outage team at Spaakwerk, I work here myself and love it.",
]

# Neutral and warm sentences about diverse colleagues, many with a hedge, "liever niet", "typisch",
# "ervaring" or "can't see" in them: none is a finding.
NEUTRAL = [
    'Onze nieuwe collega met hoofddoek is van harte welkom in het team!',
    'Happy to welcome three 50-plussers to the team this month.',
    'Zwanger? Je hebt recht op verlof, kijk op het intranet.',
    'Our Moroccan colleagues organised a fantastic iftar for the whole office.',
    "My manager is gay and the best boss I've had.",
    'Sorry hoor, maar ik ben fan van deze koffie.',
    'Mijn vrouw vindt het geweldig dat ik hier werk.',
    'Ik werk liever niet op zondag, dan ben ik bij mijn vrouw en kinderen.',
    "I'd rather not work late on Fridays, my wife and I have dinner plans.",
    "Onze Poolse collega's hebben vandaag de hele werkplaats opgeruimd, top!",
    "Fijne Ramadan aan al onze moslimcollega's!",
    'Eid Mubarak to everyone celebrating today.',
    'Happy Pride from our gay and lesbian colleagues in the warehouse!',
    'Vandaag vieren we dat Fatma tien jaar bij ons werkt.',
    'Our oldest mechanic is 63 and still the fastest on the team.',
    'Ouderen zijn bij ons altijd welkom als klant en als collega.',
    'The women in our IT team won the hackathon again.',
    'Vrouwen in de techniek: bij ons werken inmiddels twaalf monteurs die vrouw zijn.',
    'Onze Syrische collega Rami kookte vandaag voor de hele afdeling.',
    'Our colleague in a wheelchair gave a great talk about accessibility.',
    'De nieuwe vestiging is volledig rolstoeltoegankelijk.',
    "Trots op onze collega's met een beperking die de kantine runnen.",
    'Proud of our Turkish and Dutch colleagues who raised money for the earthquake.',
    'Mijn collega is zwanger en we hebben een babyshower georganiseerd.',
    "She's pregnant and we're all so happy for her.",
    "We hebben een stilteruimte voor collega's die willen bidden.",
    'Our Chinese suppliers sent us a lovely new year card.',
    'Een Marokkaanse collega leerde me vandaag muntthee zetten.',
    'The Polish team in Gdansk always delivers on time.',
    "Onze Surinaamse collega's namen roti mee voor de lunch.",
    'Bij ons mag iedereen solliciteren, ongeacht leeftijd, afkomst of geloof.',
    'We hire people over 50 gladly, experience counts.',
    'Women drivers in our fleet had the fewest damages last year.',
    'Mannen en vrouwen verdienen bij ons hetzelfde voor hetzelfde werk.',
    'My mum always says the best bikes are the old ones.',
    'Vrouwen kunnen bij ons ook parttime leidinggeven.',
    'Not being funny, but this coffee machine is the best thing in the office.',
    'No offence, but I prefer tea over coffee.',
    'Typisch Nederlands weer vandaag: regen, regen en nog eens regen.',
    'Ervaring leert dat de drukte na vieren afneemt in de winkel.',
    'Experience teaches you to always check the tyre pressure first.',
    'Dan weet je al dat het een lange dag wordt: de koffieautomaat is stuk.',
    "You already know it's Monday when the printer jams.",
    'Our new colleague from Eritrea started today, give him a warm welcome!',
    'Nieuwe collega uit Afghanistan begint maandag, hij spreekt al goed Nederlands.',
    'She has an accent and the customers love chatting with her.',
    "Accent or not, Mehmet is the best salesperson we've got.",
    'De buitenlandse studenten die stage liepen waren super gemotiveerd.',
    'Foreign students joined us for the summer, great bunch.',
    'Gay, straight, whatever: everyone is welcome in our repair café.',
    'Mijn leidinggevende is lesbisch en organiseert dit jaar de Pride-borrel.',
    "The new team lead is gay and he's already improved the planning.",
    'Our Bulgarian colleagues taught the team a traditional dance at the party.',
    "Roemeense collega's zijn deze week op bezoek voor een training.",
    "We're looking for young talent and experienced professionals alike.",
    'We zoeken jong talent en ervaren vakmensen.',
    'Jongeren en ouderen werken bij ons samen in de werkplaats.',
    'Older colleagues mentor the apprentices every Thursday.',
    "Oudere collega's geven de leerlingen elke donderdag les.",
    'Iedereen met een hoofddoek, keppel of tulband is welkom bij ons.',
    'Headscarves are part of our uniform options now.',
    'We introduced a hijab as an optional part of the uniform.',
    'My colleague wears a headscarf and runs the front desk brilliantly.',
    'Mijn collega met hoofddoek staat al jaren aan de balie en klanten zijn dol op haar.',
    'Pregnant colleagues can get an adjusted schedule, ask HR.',
    "Zwangere collega's krijgen een aangepast rooster.",
    'Over-50s can join the company bike scheme too.',
    '50-plussers kunnen ook meedoen aan het fietsplan.',
    'The Moroccans in our football team won the company cup.',
    'De Turken in ons voetbalteam wonnen de bedrijfscompetitie.',
    'People from many countries work in our warehouse, over 20 nationalities.',
    'Mensen uit allerlei landen werken in ons magazijn.',
    'We are proud of our diverse workforce with colleagues from 30 countries.',
    "I can't see the screen from here, can someone move the projector?",
    'Ik kan het scherm niet zien van hier.',
    'Blind customers can use our app with a screen reader.',
    'Doven en slechthorenden kunnen ons bereiken via de chat.',
    'Deaf customers can reach us by chat.',
    "The job isn't for the faint-hearted: we repair 200 bikes a day.",
    'Dit werk is niet voor watjes, maar wel heel leuk.',
    'This job is not for everyone, but if you love bikes, apply!',
    'Sorry, but the canteen is closed on Friday.',
    'Sorry hoor, maar de kantine is vrijdag dicht.',
    'Typical Monday: three flat tyres before ten.',
    'We always celebrate Diwali with our Indian colleagues.',
    "Onze Indiase collega's vieren altijd Divali met heerlijk eten.",
    'Our Chinese colleague gave a workshop on calligraphy.',
    "Women's football team of our company reached the final!",
    'Het vrouwenvoetbalteam van ons bedrijf staat in de finale.',
    "The guys in the workshop baked a cake for Anna's birthday.",
    'De mannen in de werkplaats bakten een taart voor Anna.',
    'Our new director is a woman with 20 years of experience.',
    'Onze nieuwe directeur is een vrouw met twintig jaar ervaring.',
    'She took maternity leave and came back to a promotion.',
    'Ze kwam terug van zwangerschapsverlof en kreeg promotie.',
    'Our apprentices are young and eager to learn.',
    'Onze leerlingen zijn jong en leergierig.',
    'My grandma, 82, still rides her bike to the market.',
    'Mijn oma van 82 fietst nog elke dag naar de markt.',
    'The Dutch are typically direct, our Spanish colleague says with a grin.',
    'Nederlanders zijn typisch direct, zegt onze Spaanse collega lachend.',
    "An autistic colleague redesigned our stock system, it's brilliant.",
    'Een collega met autisme heeft ons voorraadsysteem verbeterd.',
    'Our deaf colleague taught us some sign language.',
    'Onze dove collega leerde ons wat gebarentaal.',
    'We zetten onze nieuwe collega graag aan de balie, ze is er goed in.',
    "We'd rather have her at the front desk, she's great with customers.",
    'The new colleague from Poland prefers the morning shift.',
    'Mijn Marokkaanse buurman helpt me altijd met mijn fiets.',
    'Two Romanian mechanics joined us and the workshop runs smoother than ever.',
    'Twee Bulgaarse monteurs zijn bij ons begonnen, super vakmensen.',
    'We give the big project to someone who knows the client well.',
    'Het grote project geven we aan iemand die de klant goed kent.',
    'Applicants over 50 are very welcome to apply.',
    'Sollicitanten boven de 50 zijn van harte welkom.',
    "Needn't apply if you don't like bikes, ha!",
    'Je hoeft niet te reageren als je niet van fietsen houdt.',
    'The Muslim prayer room is on the second floor.',
    'De gebedsruimte voor moslims is op de tweede verdieping.',
    "Our women's network meets every second Tuesday.",
    'Het vrouwennetwerk komt elke tweede dinsdag bij elkaar.',
    'My boyfriend is Turkish and he loves our shop.',
    'Mijn vriend is Turks en hij is fan van onze winkel.',
    'Our LGBTQ+ network hosted a great panel today.',
    'Ons LHBTI-netwerk organiseerde vandaag een mooi panel.',
    'A colleague with ADHD shared tips for focus at work.',
    'Een collega met ADHD deelde tips om te focussen.',
    'The elderly couple next door bought two e-bikes from us.',
    'Het oudere echtpaar bij ons in de straat kocht twee e-bikes.',
    'Our refugee trainees finished their mechanic course today!',
    'Onze statushouders ronden vandaag hun monteursopleiding af!',
    'The Ukrainian colleagues organised a charity run.',
    "De Oekraïense collega's organiseerden een sponsorloop.",
    'Honestly the women in finance saved this quarter.',
    'Eerlijk gezegd hebben de vrouwen van finance dit kwartaal gered.',
    'Sorry, but I have to brag: my colleague Aisha won employee of the month!',
    'Sorry hoor, maar ik moet even opscheppen: collega Aisha is medewerker van de maand!',
    'Not being funny but the Eritrean food at the party was amazing.',
    'The new colleague in a wheelchair asked for a lower desk, sorted in a day.',
    'De nieuwe collega in een rolstoel kreeg binnen een dag een lager bureau.',
    "Can't see the guys at the workshop skipping the barbecue, they love it.",
    'Ik zie de jongens van de werkplaats de barbecue niet missen.',
    'Every colleague, young or old, gets the same training.',
    'Elke collega, jong of oud, krijgt dezelfde training.',
    'Our oldest customer is 95 and still comes in for a tune-up.',
    'Onze oudste klant is 95 en komt nog steeds voor een onderhoudsbeurt.',
    'Women and men are equally welcome in the workshop.',
    'Our Afghan colleague Farid fixed forty bikes this week, a new record.',
    'De Chinese studenten die bij ons fietsen huren zijn vaste klanten geworden.',
    "Rather not say which flavour of cake we ordered for the Eid party, it's a surprise!",
    'Vrouwen, mannen, jong en oud: iedereen fietst bij ons de Fietsvierdaagse mee.',
]


@pytest.mark.parametrize(("rule", "text"), POSITIVES)
def test_implicit_wording_is_found(engine: ReviewEngine, rule: str, text: str) -> None:
    assert_rule_found(engine, rule, text, offsets=False)


@pytest.mark.parametrize("text", CLEAN)
def test_look_alikes_stay_ok(engine: ReviewEngine, text: str) -> None:
    assert_ok(engine, text)


def test_neutral_sentences_about_colleagues_have_no_findings(engine: ReviewEngine) -> None:
    assert len(NEUTRAL) >= 150
    flagged = [(text, [(f.rule, f.excerpt) for f in review.findings])
               for text in NEUTRAL if (review := engine.review(text)).findings]
    # The learned layer reads a few neutral mentions of a group as discrimination (it leans on group words);
    # none may block, and at most 3 % may be flagged at all.
    assert not [t for t in NEUTRAL if engine.review(t).verdict == "block"], flagged
    assert len(flagged) <= len(NEUTRAL) * 0.03, flagged
