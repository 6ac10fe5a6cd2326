"""Generate the template part of the `discrimination` review corpus (Dutch and English).

Run from the repository root:  python corpus/tools/gen_discrimination.py

Deterministic (random.Random with a fixed seed per language).  Writes
corpus/review/discrimination.{nl,en}.template.jsonl and never touches the
hand-authored files (corpus/review/discrimination.{nl,en}.authored.jsonl);
lines that happen to equal an authored line are skipped.

Every positive pattern has look-alike negatives built from the same fillers:
the same group words and predicates appear negated, quoted/reported, in
counter-speech, aimed at non-protected groups or objects, and in positive or
neutral mentions, so the model has to learn the meaning and not the words.
Word order varies by using several frames per kind.
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "corpus" / "review"
D = ["discrimination"]
DI = ["discrimination", "insulting-language"]
N: list[str] = []
Row = tuple[str, list[str], str]

# ---------------------------------------------------------------------------
# Obfuscation and register noise (applied to positives and negatives alike)
# ---------------------------------------------------------------------------
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}
LEET2 = {"a": "@", "i": "!", "o": "0", "s": "$"}


def _interior(word: str) -> range:
    return range(1, max(1, len(word) - 1))


def obfuscate_word(rng: random.Random, w: str) -> str:
    """Misspell one group word or cue word in one of several ways."""
    if len(w) < 4:
        return w
    how = rng.choice(["leet", "leet2", "spaced", "drop", "swap", "censor", "double", "upper", "split"])
    if how in ("leet", "leet2"):
        table = LEET if how == "leet" else LEET2
        out = [table[c.lower()] if c.lower() in table and rng.random() < 0.6 else c for c in w]
        return "".join(out)
    if how == "spaced":
        return " ".join(w)
    if how == "drop":
        i = rng.choice(list(_interior(w)))
        return w[:i] + w[i + 1:]
    if how == "swap":
        i = rng.choice(list(_interior(w))[:-1] or [1])
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if how == "censor":
        vowels = [i for i in _interior(w) if w[i].lower() in "aeiouy"]
        if not vowels:
            return w[0] + "*" * (len(w) - 2) + w[-1]
        i = rng.choice(vowels)
        return w[:i] + "*" + w[i + 1:]
    if how == "double":
        i = rng.choice(list(_interior(w)))
        return w[:i] + w[i] + w[i:]
    if how == "upper":
        return w.upper()
    # split: an added space inside the word
    i = rng.choice(list(_interior(w)))
    return w[:i] + " " + w[i:]


def obfuscate_phrase(rng: random.Random, phrase: str) -> str:
    words = phrase.split(" ")
    idx = max(range(len(words)), key=lambda i: len(words[i]))
    words[idx] = obfuscate_word(rng, words[idx])
    return " ".join(words)


def sentence_noise(rng: random.Random, s: str, lang: str) -> str:
    r = rng.random()
    if r < 0.07:
        return re.sub(r"\{[A-Z]+\}", lambda m: m.group(0).lower(), s.upper())
    if r < 0.16:
        return s.lower().rstrip(".!")
    if r < 0.20:
        # removed spaces between two words
        parts = s.split(" ")
        if len(parts) > 3:
            i = rng.randrange(len(parts) - 1)
            parts[i:i + 2] = [parts[i] + parts[i + 1]]
        return " ".join(parts)
    if r < 0.30:
        pre = rng.choice(PREFIX[lang])
        return pre + " " + s[0].lower() + s[1:]
    if r < 0.42:
        return s + " " + rng.choice(SUFFIX[lang])
    return s


PREFIX = {
    "nl": ["eerlijk gezegd", "ngl", "tbh", "serieus,", "sorry maar", "lol", "idd,", "ff eerlijk:", "wss", "egt",
           "jongens,", "zucht.", "ok maar", "btw"],
    "en": ["ngl", "tbh", "honestly,", "lol", "srsly", "idk man", "not gonna lie,", "fr", "ok but", "btw", "imo",
           "ugh,", "lads,", "real talk:"],
}
SUFFIX = {
    "nl": ["😂", "🙄", "🤷", "💯", "👀", "!!", "...", "lol", "haha", "#justsaying", "#eerlijk", "🤔", "😤", "toch?",
           "of niet dan", "🔥"],
    "en": ["😂", "🙄", "🤷", "💯", "👀", "!!", "...", "lol", "tbh", "#justsaying", "#facts", "🤔", "😤", "innit",
           "just saying", "🔥"],
}


def bare(sg: str) -> str:
    """Dutch 'als Marokkaan': drop the indefinite article."""
    return sg[4:] if sg.startswith("een ") else sg


def cap(s: str) -> str:
    return s[0].upper() + s[1:] if s else s


# ---------------------------------------------------------------------------
# Dutch fillers
# ---------------------------------------------------------------------------
# (plural, adjective or None, singular with article, category)
NL_GROUPS = [
    ("Marokkanen", "Marokkaanse", "een Marokkaan", "origin"),
    ("Turken", "Turkse", "een Turk", "origin"),
    ("Surinamers", "Surinaamse", "een Surinamer", "origin"),
    ("Polen", "Poolse", "een Pool", "origin"),
    ("Antillianen", "Antilliaanse", "een Antilliaan", "origin"),
    ("Syriërs", "Syrische", "een Syriër", "origin"),
    ("Roemenen", "Roemeense", "een Roemeen", "origin"),
    ("Bulgaren", "Bulgaarse", "een Bulgaar", "origin"),
    ("Afghanen", "Afghaanse", "een Afghaan", "origin"),
    ("Eritreeërs", "Eritrese", "een Eritreeër", "origin"),
    ("Somaliërs", "Somalische", "een Somaliër", "origin"),
    ("Chinezen", "Chinese", "een Chinees", "origin"),
    ("Ghanezen", "Ghanese", "een Ghanees", "origin"),
    ("Hindoestanen", "Hindoestaanse", "een Hindoestaan", "origin"),
    ("Koerden", "Koerdische", "een Koerd", "origin"),
    ("Afrikanen", "Afrikaanse", "een Afrikaan", "origin"),
    ("Aziaten", "Aziatische", "een Aziaat", "origin"),
    ("Arabieren", "Arabische", "een Arabier", "origin"),
    ("Indiërs", "Indiase", "een Indiër", "origin"),
    ("Oost-Europeanen", "Oost-Europese", "een Oost-Europeaan", "origin"),
    ("zwarte mensen", "zwarte", "een zwarte", "origin"),
    ("migranten", None, "een migrant", "origin"),
    ("vluchtelingen", None, "een vluchteling", "origin"),
    ("asielzoekers", None, "een asielzoeker", "origin"),
    ("statushouders", None, "een statushouder", "origin"),
    ("buitenlanders", None, "een buitenlander", "origin"),
    ("allochtonen", None, "een allochtoon", "origin"),
    ("Roma", None, "een Roma", "origin"),
    ("moslims", "islamitische", "een moslim", "religion"),
    ("joden", "joodse", "een jood", "religion"),
    ("christenen", "christelijke", "een christen", "religion"),
    ("hindoes", "hindoeïstische", "een hindoe", "religion"),
    ("sikhs", None, "een sikh", "religion"),
    ("vrouwen", "vrouwelijke", "een vrouw", "gender"),
    ("moeders", None, "een moeder", "gender"),
    ("homo's", None, "een homo", "orientation"),
    ("lesbiennes", "lesbische", "een lesbienne", "orientation"),
    ("biseksuelen", "biseksuele", "een biseksueel", "orientation"),
    ("trans personen", "trans", "een transpersoon", "trans"),
    ("transgenders", None, "een transgender", "trans"),
    ("non-binaire mensen", "non-binaire", "iemand die non-binair is", "trans"),
    ("gehandicapten", None, "een gehandicapte", "disability"),
    ("mensen met een beperking", None, "iemand met een beperking", "disability"),
    ("rolstoelgebruikers", None, "een rolstoelgebruiker", "disability"),
    ("autisten", "autistische", "een autist", "disability"),
    ("doven", "dove", "een dove", "disability"),
    ("mensen met ADHD", None, "iemand met ADHD", "disability"),
    ("55-plussers", None, "een 55-plusser", "age"),
    ("ouderen", "oudere", "een oudere", "age"),
    ("bejaarden", None, "een bejaarde", "age"),
    ("jongeren", "jonge", "een jongere", "age"),
    ("Gen Z'ers", None, "een Gen Z'er", "age"),
    ("zwangere vrouwen", "zwangere", "een zwangere vrouw", "pregnancy"),
    ("jonge moeders", None, "een jonge moeder", "pregnancy"),
]

# (predicate after "zijn", "a" adjective / "n" noun phrase)
NL_PRED_GENERIC = [
    ("lui", "a"), ("criminelen", "n"), ("dieven", "n"), ("onbetrouwbaar", "a"), ("dom", "a"),
    ("agressief", "a"), ("vies", "a"), ("profiteurs", "n"), ("uitvreters", "n"), ("tuig", "n"),
    ("oplichters", "n"), ("achterlijk", "a"), ("gevaarlijk", "a"), ("minderwaardig", "a"),
    ("een last voor de maatschappij", "n"), ("nutteloos op de werkvloer", "a"), ("leugenaars", "n"),
    ("primitief", "a"), ("asociaal", "a"), ("gierig", "a"), ("zwakbegaafd", "a"), ("luidruchtig", "a"),
    ("onbeschoft", "a"), ("stom", "a"), ("waardeloze werknemers", "n"), ("een probleem", "n"),
]
NL_PRED_CAT = {
    "gender": [("te emotioneel", "a"), ("hysterisch", "a"), ("slecht in techniek", "a"), ("niet logisch", "a"),
               ("alleen goed voor het huishouden", "a"), ("zeurpieten", "n"), ("manipulatief", "a")],
    "age": [("traag", "a"), ("vastgeroest", "a"), ("digibeten", "n"), ("te duur en te traag", "a"),
            ("verwend", "a"), ("snowflakes", "n"), ("dood gewicht", "n")],
    "disability": [("een last", "n"), ("niet productief", "a"), ("zielig en nutteloos", "a"),
                   ("een blok aan het been", "n")],
    "orientation": [("ziek", "a"), ("gestoord", "a"), ("pervers", "a"), ("abnormaal", "a"),
                    ("een gevaar voor kinderen", "n")],
    "trans": [("ziek in hun hoofd", "a"), ("gestoord", "a"), ("in de war", "a"), ("nep", "a"),
              ("een gevaar voor kinderen", "n")],
    "pregnancy": [("onbetrouwbaar", "a"), ("een blok aan het been", "n"),
                  ("nooit meer serieus met hun werk bezig", "a"), ("alleen maar een kostenpost", "n")],
    "religion": [("fanatiek", "a"), ("achterlijk", "a"), ("terroristen", "n"), ("hersengespoeld", "a")],
    "origin": [("criminelen", "n"), ("tuig", "n"), ("gelukszoekers", "n"), ("zuiplappen", "n")],
}
NL_ADJ_Q = ["agressief", "lui", "luidruchtig", "vies", "onbeschoft", "dom", "arrogant", "gierig", "irritant",
            "achterlijk", "traag", "lastig", "asociaal", "onbetrouwbaar"]
NL_VB_Q = ["zeuren", "klagen", "problemen maken", "herrie maken", "te laat komen", "de slachtofferrol spelen",
           "alles verpesten", "aandacht vragen", "stelen", "uitkeringen opstrijken"]
NL_VB_NEVER = ["gewoon normaal doen", "zich aanpassen", "op tijd komen", "hun best doen", "fatsoenlijk werken",
               "een beetje dankbaar zijn"]
NL_ANIMALS = ["ratten", "ongedierte", "kakkerlakken", "beesten", "apen", "parasieten", "vee", "varkens",
              "sprinkhanen", "bloedzuigers", "afval", "honden"]
NL_PLAGUES = ["een plaag", "een ziekte", "een virus", "een besmetting", "een gezwel", "een sprinkhanenplaag"]
NL_ROLES = ["een leidinggevende functie", "technisch werk", "een IT-baan", "klantcontact", "werk in de bouw",
            "een plek in de directie", "een managementrol", "werk onder druk", "een baan bij {company}",
            "een vaste aanstelling", "ons salesteam", "een promotie"]
NL_ISM = {
    "origin": ["racisme", "discriminatie", "racistisch"],
    "religion": ["discriminatie", "religieuze discriminatie", "haat"],
    "gender": ["seksisme", "discriminatie", "seksistisch"],
    "orientation": ["homofobie", "discriminatie", "homofoob"],
    "trans": ["transfobie", "discriminatie", "transfoob"],
    "disability": ["validisme", "discriminatie", "discriminerend"],
    "age": ["leeftijdsdiscriminatie", "discriminatie", "ageisme"],
    "pregnancy": ["zwangerschapsdiscriminatie", "discriminatie", "seksisme"],
}
NL_NONPROT = ["politici", "Ajax-fans", "Feyenoord-supporters", "fietsers in de binnenstad", "taxichauffeurs",
              "BMW-rijders", "spammers", "telemarketeers", "parkeerwachters", "makelaars", "influencers",
              "bumperklevers", "mensen die in de stiltecoupé bellen", "lobbyisten", "wespen", "duiven", "muggen",
              "oplichters aan de telefoon", "internettrollen", "hooligans", "zakkenrollers", "fietsendieven",
              "mensen die reply-all doen", "mensen die hun hond niet opruimen", "zwartrijders", "wegpiraten"]
NL_NONPROT_PRED = [("lui", "a"), ("onbetrouwbaar", "a"), ("leugenaars", "n"), ("irritant", "a"),
                   ("asociaal", "a"), ("een plaag", "n"), ("onuitstaanbaar", "a"), ("gekken", "n"),
                   ("de ergsten", "n"), ("oplichters", "n"), ("hufters", "n"), ("een ramp", "n")]
NL_OBJECTS = ["maandagen", "de printer", "de wifi op kantoor", "die regen", "spruitjes", "de file op de A12",
              "deze laptop", "Excel", "de koffieautomaat", "vergaderingen zonder agenda", "november",
              "de nieuwe update", "mijn wekker", "die eindeloze Teams-calls", "het OV vandaag", "koude koffie"]
NL_HEDGES = ["Ik ben geen racist, maar", "Niks tegen ze hoor, maar", "Niet lullig bedoeld, maar",
             "Je mag het niet meer zeggen, maar", "Eerlijk is eerlijk:", "Sorry hoor, maar", "Ik zeg het gewoon:",
             "Met alle respect, maar", "Ik heb niks tegen ze, maar", "Geen haat hoor, maar",
             "Ik ben heel tolerant, maar", "Het is geen discriminatie als het waar is:", "Niet om te zeiken, maar",
             "Ik ben echt niet zo'n type, maar", "Mag ik het zeggen?"]
NL_ACTS_POS = ["de nieuwe app hebben gebouwd", "het hele project hebben gered", "de borrel hebben georganiseerd",
               "zo veel kennis delen", "de klant zo goed hebben geholpen", "vandaag hun verhaal deelden",
               "onze nieuwe stagiairs begeleiden", "het inclusienetwerk hebben opgezet",
               "de hackathon hebben gewonnen", "elke dag klaarstaan voor het team"]
NL_HOLIDAYS = ["het Suikerfeest", "het Offerfeest", "de ramadan", "Divali", "Holi", "Pesach", "Chanoeka",
               "Rosj Hasjana", "Jom Kipoer", "Kerst", "Pasen", "Pinksteren", "Keti Koti", "Chinees Nieuwjaar",
               "Nowruz", "Vaisakhi", "Hemelvaart", "Paarse Vrijdag", "Coming Out Dag",
               "Internationale Vrouwendag", "Pride", "Dag van de Ouderen"]
NL_GREET_FRAMES = ["Fijne {h} voor iedereen die het viert!", "Iedereen die {h} viert: een hele fijne dag gewenst 🎉",
                   "Vandaag vieren collega's {h}, houd er rekening mee bij de planning.",
                   "Bij {company} vierden we {h} samen, wat een mooie middag.",
                   "{h} op kantoor: er staat lekkers in de kantine voor iedereen.",
                   "Fijne {h} allemaal, geniet ervan!",
                   "Mooi om {h} te vieren met het hele team in {city}.",
                   "Onze kalender voor {h} staat op intranet, plan je verlof op tijd."]
NL_EVERYDAY = [
    "Typisch {d}: {m}.", "Zoals altijd {m2}.", "Hé {a}, {act}?", "{a}, {act}?", "Wie gaat er mee {f} eten vanavond?",
    "Vanavond {f} halen, iemand nog iets?", "Mijn golfhandicap is eindelijk gezakt naar {n}! ⛳",
    "Welk hondenras past bij {sit}?", "Onze Maine Coon {cat}.", "{race} was echt spannend gisteren.",
    "Met het team de {race2} gelopen, goed voor het goede doel.", "Fietstochtje over de dijk bij {city} 🚲",
    "Keukeninspectie vond een kakkerlak bij {rest}, de keuken is tijdelijk dicht.",
    "Nog één laag blanke lak op {obj} en dan is het klaar.", "Mijn nicht {nicht}.",
    "Een bril is geen handicap, {bril}.", "Zet iemand de pot thee aan?",
]
NL_EVERYDAY_FILL = {
    "d": ["maandag", "dinsdagochtend", "vrijdagmiddag", "Nederlands weer", "de NS", "sprintreview-dag",
          "kwartaalafsluiting"],
    "m": ["koffieautomaat kapot", "iedereen te laat", "regen en daarna zon", "drie meetings tegelijk",
          "de wifi ligt eruit", "geen parkeerplek meer", "de lift doet het niet"],
    "m2": ["liep de meeting uit", "was de trein vertraagd", "stond er file bij de afslag", "was de koffie op",
           "vergat ik mijn pasje", "was de printer leeg"],
    "a": ["meiden", "mannen", "jongens", "dames", "toppers", "lieverds", "team", "jongens en meiden", "heren"],
    "act": ["lunch om 12", "borrel om vijf", "wie gaat er mee hardlopen", "taart in de kantine", "iemand koffie",
            "wie doet er mee met de pubquiz", "padel vanavond"],
    "f": ["Chinees", "Turks", "Marokkaans", "Surinaams", "Indiaas", "Thais", "Indonesisch", "Ethiopisch", "Libanees",
          "Mexicaans", "Japans", "Grieks"],
    "n": ["24", "18", "12", "9", "30"],
    "sit": ["een klein appartement", "een gezin met kinderen", "iemand met allergie", "lange wandelingen"],
    "cat": ["weegt inmiddels negen kilo", "slaapt de hele dag op mijn toetsenbord", "heeft de kerstboom omgegooid"],
    "race": ["De Formule 1-race", "De wielerrace", "De zeilrace", "De race in Zandvoort", "De roeirace"],
    "race2": ["Dam tot Damloop", "Zevenheuvelenloop", "bedrijfsrace", "estafetterace"],
    "rest": ["het restaurant om de hoek", "de snackbar bij het station", "een hotel in {city}"],
    "obj": ["de vensterbank", "de eettafel", "de voordeur", "het kozijn"],
    "nicht": ["gaat trouwen in juni 💍", "is net afgestudeerd", "komt logeren", "begint bij {company}"],
    "bril": ["gewoon even wennen", "zegt mijn opticien", "en hij staat je goed"],
}
NL_TOPICS_OK = ["de iftar op kantoor", "onze Pride-deelname", "Internationale Vrouwendag", "mijn zwangerschapsverlof",
                "de Divali-viering", "ons inclusienetwerk", "de Keti Koti-lunch", "mijn coming-out",
                "een artikel over leeftijdsdiscriminatie", "de nieuwe gebedsruimte", "onze toegankelijke vestiging"]

NL = {
    "groups": NL_GROUPS, "pred": NL_PRED_GENERIC, "pred_cat": NL_PRED_CAT,
}


def nl_neg_pred(p: tuple[str, str]) -> str:
    word, t = p
    if t == "n":
        if word.startswith("een "):
            return "geen " + word[4:]
        return "geen " + word
    return "niet " + word


def gen_nl(rng: random.Random) -> list[tuple[str, list[str], str]]:
    G = NL_GROUPS
    out: list[tuple[str, list[str], str]] = []

    def grp(obf: bool = True) -> tuple[str, str | None, str, str]:
        g = rng.choice(G)
        if obf and rng.random() < 0.18:
            return (obfuscate_phrase(rng, g[0]), g[1], g[2], g[3])
        return g

    def pred(cat: str) -> tuple[str, str]:
        pool = NL_PRED_GENERIC + NL_PRED_CAT.get(cat, []) * 2
        return rng.choice(pool)

    def adjpred(cat: str) -> str:
        pool = [p for p, t in NL_PRED_GENERIC + NL_PRED_CAT.get(cat, []) if t == "a"]
        return rng.choice(pool)

    def stereo_clause(g: tuple) -> str:
        p = pred(g[3])[0]
        return rng.choice([
            f"{g[0]} zijn allemaal {p}", f"{g[0]} zijn gewoon {p}", f"alle {g[0]} zijn {p}",
            f"{g[0]} zijn nou eenmaal {p}", f"die {g[0]} zijn echt {p}"])

    # ----------------------------- positives -----------------------------
    def stereotype() -> Row:
        g = grp()
        pt = pred(g[3])
        p = pt[0]
        return rng.choice([
            f"{cap(g[0])} zijn allemaal {p}.", f"Alle {g[0]} zijn {p}, dat weet iedereen.",
            f"Iedereen weet toch dat {g[0]} {p} zijn.", f"{cap(p)}, dat zijn {g[0]} toch allemaal.",
            f"Eerlijk is eerlijk, {g[0]} zijn gewoon {p}.", f"{cap(g[0])}? {cap(p)}, stuk voor stuk.",
            f"Dat {g[0]} {p} zijn is toch gewoon een feit.", f"Typisch {g[0]} weer, {p} zoals altijd.",
            f"Ik ken geen {g[0]} die niet {p} zijn." if pt[1] == "a" else f"{cap(g[0])} zijn en blijven {p}.",
            f"Zoals altijd weer {g[0]}: {p}.", f"Met {g[0]} weet je het al: {p}.",
            f"Kijk om je heen, {g[0]} zijn overal {p}.", f"Het zit in hun cultuur, {g[0]} zijn nou eenmaal {p}.",
            f"Wat wil je ook, het zijn {g[0]}, die zijn {p}.",
        ]), D, "stereotype"

    def dehumanise() -> Row:
        g = grp()
        a = rng.choice(NL_ANIMALS)
        pl = rng.choice(NL_PLAGUES)
        return rng.choice([
            f"{cap(g[0])} zijn {a}.", f"Die {g[0]} zijn net {a}.", f"{cap(g[0])} zijn geen mensen, het zijn {a}.",
            f"{cap(g[0])} zijn {pl} in dit land.", f"Het wemelt hier van de {g[0]}, net {a}.",
            f"{cap(g[0])}? {cap(a)}, meer is het niet.", f"Al die {g[0]} zijn {pl}, dat moeten we uitroeien.",
            f"{cap(pl)}, dat zijn {g[0]}.", f"Ik zie {g[0]} niet als mensen, eerder als {a}.",
            f"Die {g[0]} vermenigvuldigen zich als {a}.", f"{cap(g[0])} = {a}",
            f"Wat een {a}, die {g[0]} hier in de wijk.",
        ]), D, "dehumanise"

    def exclusion() -> Row:
        g = grp()
        frames = [
            f"Geen {g[0]} in mijn team, klaar.", f"We moeten echt stoppen met {g[0]} aannemen.",
            f"Ik neem nooit meer {g[0]} aan.", f"{cap(g[0])} horen niet thuis op onze afdeling.",
            f"Als het aan mij ligt komen er geen {g[0]} meer bij {{company}}.",
            f"Sollicitaties van {g[0]} gooi ik meteen weg.", f"Hier is geen plek voor {g[0]}.",
            f"Laat die {g[0]} maar ergens anders werken.", f"In ons team willen we geen {g[0]}.",
            f"Bij {{team}} komen geen {g[0]}, daar zorg ik wel voor.",
            f"{cap(g[0])} hebben hier niks te zoeken.", f"Voor {g[0]} is er bij ons geen vacature, nooit.",
            f"Op de shortlist? Geen {g[0]} graag.",
        ]
        if g[3] == "origin":
            frames += [f"{cap(g[0])} moeten terug naar hun eigen land.", f"Stuur al die {g[0]} terug.",
                       f"Ga terug naar je eigen land, net als alle andere {g[0]}.",
                       f"Die {g[0]} moeten hun koffers pakken en oprotten naar waar ze vandaan komen."]
        return rng.choice(frames), D, "exclusion"

    def hate() -> Row:
        g = grp()
        return rng.choice([
            f"Ik haat {g[0]}.", f"Ik walg van {g[0]}.", f"Ik kan {g[0]} niet uitstaan.",
            f"Ik word kotsmisselijk van {g[0]}.", f"{cap(g[0])}, ik haat ze echt.",
            f"Niks erger dan {g[0]}, ik walg ervan.", f"Wat heb ik toch een hekel aan {g[0]}.",
            f"Ik haat {g[0]} gewoon, sorry.", f"Mijn god wat haat ik {g[0]}.",
            f"Elke keer als ik {g[0]} zie word ik misselijk.", f"Ik walg echt van al die {g[0]} hier.",
            f"{cap(g[0])} 🤮🤮", f"Haat aan alle {g[0]}.",
        ]), D, "hate-emotion"

    def question() -> Row:
        g = grp()
        return rng.choice([
            f"Waarom zijn {g[0]} altijd zo {rng.choice(NL_ADJ_Q)}?",
            f"Waarom moeten {g[0]} altijd {rng.choice(NL_VB_Q)}?",
            f"Hoe komt het toch dat {g[0]} nooit {rng.choice(NL_VB_NEVER)}?",
            f"Waarom laten we {g[0]} eigenlijk nog binnen?", f"Waarom nemen we eigenlijk nog {g[0]} aan?",
            f"Wie wil er nou {g[0]} in zijn team?",
            f"Zijn {g[0]} nou echt allemaal zo {rng.choice(NL_ADJ_Q)} of lijkt dat maar zo? Nee, ze zijn het gewoon.",
            f"Is het je ook opgevallen dat {g[0]} altijd {rng.choice(NL_VB_Q)}?",
            f"Waarom is het altijd weer {g[2]} als er iets mis gaat?",
            f"Kunnen {g[0]} eigenlijk wel iets anders dan {rng.choice(NL_VB_Q)}?",
        ]), D, "contempt-question"

    def hedged() -> Row:
        g = grp()
        h = rng.choice(NL_HEDGES)
        tail = rng.choice([stereo_clause(g), f"ik wil geen {g[0]} in mijn team",
                           f"{g[0]} horen hier gewoon niet", f"ik neem liever geen {g[0]} aan"])
        return f"{h} {tail}.", D, "hedged"

    def negpos() -> Row:
        g = grp()
        r = rng.choice(NL_ROLES)
        return rng.choice([
            f"{cap(g[0])} zijn gewoon niet geschikt voor {r}.", f"{cap(g[0])} zijn niet gemaakt voor {r}.",
            f"{cap(r)} is niks voor {g[0]}.", f"Voor {r} moet je geen {g[0]} nemen, die kunnen dat niet.",
            f"{cap(g[0])} zijn niet slim genoeg voor {r}.", f"{cap(g[0])} kunnen het niveau van {r} nooit aan.",
            f"Da's geen werk voor {g[0]}.", f"{cap(g[0])} zijn niet te vertrouwen met {r}.",
            f"{cap(g[0])} horen niet in {r}.", f"{cap(g[0])} snappen 't gewoon niet, {r} is niks voor ze.",
            f"{cap(g[0])} zijn nooit echt volwaardige collega's.", f"{cap(g[0])} kun je niet serieus nemen.",
        ]), D, "negated-positive"

    def threat() -> Row:
        g = grp()
        return rng.choice([
            f"{cap(g[0])} moeten we eens flink in elkaar slaan.", f"Als die {g[0]} hier komen, gaan we ze opwachten.",
            f"Die {g[0]} krijgen nog wel klappen, let maar op.", f"Ik zou al die {g[0]} het liefst afknallen.",
            f"Nog één keer {g[0]} in onze straat en er vallen klappen.",
            f"Ze moeten die {g[0]} gewoon opsluiten en laten creperen.",
            f"Zaterdag gaan we met een paar man die {g[0]} eens een lesje leren.",
        ]), D, "threat-group"

    def harass() -> Row:
        g = rng.choice(G)
        p = adjpred(g[3])
        sg = g[2]
        frames = [
            f"{{name}} is {sg}, dus reken maar op een {p} verhaal.",
            f"Ik wil niet met {{name}} samenwerken, het is {sg}.",
            f"Logisch dat {{name}} het verknalde, {g[0]} zijn nou eenmaal {p}.",
            f"{{name}} uit {{team}} is {sg} en dat merk je: {p}.",
            f"Waarom hebben we {{name}} aangenomen? {cap(sg)} in het team, lekker handig.",
            f"Die {{name}} is {sg}, die moet je niks belangrijks geven.",
            f"Hé {{name}}, als {bare(sg)} ben je vast {p}, toch? 😂",
        ]
        if g[3] == "origin":
            frames += ["Zeg {name}, ga terug naar je eigen land.",
                       "{name} moet gewoon terug naar waar hij vandaan komt."]
        return rng.choice(frames), DI, "harass-colleague"

    # ----------------------------- negatives -----------------------------
    def plain_pred(cat: str) -> tuple[str, str]:
        while True:
            p = pred(cat)
            if not p[0].startswith(("niet ", "nooit ")):
                return p

    def negation() -> Row:
        g = grp()
        p = plain_pred(g[3])
        return rng.choice([
            f"Niet alle {g[0]} zijn {p[0]}, en eigenlijk geen enkele groep.",
            f"Het is gewoon niet waar dat {g[0]} {p[0]} zijn.",
            f"{cap(g[0])} zijn {nl_neg_pred(p)}, dat is een vooroordeel.",
            f"Nee, {g[0]} zijn echt {nl_neg_pred(p)}.",
            f"Ik heb nooit begrepen waarom mensen denken dat {g[0]} {p[0]} zijn.",
            f"Geen enkele groep verdient het om {p[0]} genoemd te worden, ook {g[0]} niet.",
            f"Bij ons maakt het niet uit of je {g[2]} bent: iedereen is welkom.",
            f"Ik zou nooit {g[0]} afwijzen om wie ze zijn.",
            f"Je bent niet minder waard omdat je bij de {g[0]} hoort.",
        ]), N, "negation"

    def quote() -> Row:
        s, _, _ = rng.choice([stereotype, dehumanise, exclusion, hate, negpos])()
        s = s.rstrip(".!?")
        return rng.choice([
            f"Een klant zei vandaag: '{s}'. Dat is onacceptabel en we hebben het gemeld.",
            f"'{cap(s)}' — dat soort opmerkingen horen niet thuis op de werkvloer.",
            f"In de training bespraken we waarom een zin als '{s}' zo kwetsend is.",
            f"Iemand schreef onder onze post: '{s}'. Verwijderd en geblokkeerd.",
            f"Hij zei letterlijk: '{s}'. Dat is gewoon niet oké.",
            f"Mijn collega kreeg te horen: '{s}'. We staan achter haar.",
            f"Uitspraken als '{s}' zijn kwetsend, ook als het 'een grapje' is.",
            f"Het rapport noemt '{s}' als voorbeeld van een discriminerende uitspraak.",
            f"Ik hoorde in de trein iemand zeggen '{s}'. Ik heb er wat van gezegd.",
        ]), N, "quote-report"

    def counter() -> Row:
        g = grp()
        p = plain_pred(g[3])[0]
        ism = rng.choice(NL_ISM[g[3]])
        a = rng.choice(NL_ANIMALS)
        return rng.choice([
            f"Zeggen dat {g[0]} {p} zijn is gewoon {ism}.",
            f"Wie {g[0]} {a} noemt, ontmenselijkt mensen. Dat pikken we niet.",
            f"Stop met {g[0]} over één kam scheren.",
            f"Ik haat het als mensen {g[0]} uitschelden.",
            f"Ik walg van mensen die {g[0]} discrimineren.",
            f"Dat je {g[0]} {p} noemt zegt meer over jou dan over hen.",
            f"Als je geen {g[0]} wilt aannemen, is dat {ism}. Punt.",
            f"Haat tegen {g[0]} is geen mening.",
            f"Waarom denken mensen nog steeds dat {g[0]} {p} zijn? Dat is {ism}.",
            f"Bedreigingen tegen {g[0]} moeten veel harder worden aangepakt.",
            f"'Ik ben geen racist, maar...' en dan iets over {g[0]}? Dan ben je het dus wel.",
        ]), N, "counter-speech"

    def positive() -> Row:
        g = rng.choice(G)
        frames = [
            f"Trots op de {g[0]} in ons team die {rng.choice(NL_ACTS_POS)}.",
            f"Zoveel geleerd van de {g[0]} in mijn team.",
            f"Dank aan alle {g[0]} bij {{company}} die {rng.choice(NL_ACTS_POS)}!",
            f"Mooi gesprek vandaag met {g[0]} uit de hele organisatie over hoe we inclusiever worden.",
        ]
        if g[1]:
            frames += [f"Dank aan onze {g[1]} collega's die {rng.choice(NL_ACTS_POS)}! 🙌",
                       f"Onze {g[1]} collega {{name}} is een van de beste in het vak.",
                       f"Welkom aan onze nieuwe {g[1]} collega's in {{city}}!"]
        return rng.choice(frames), N, "group-positive"

    def neutral() -> Row:
        g = grp()
        return rng.choice([
            f"Hoeveel {g[0]} werken er eigenlijk in Nederland? Het CBS heeft nieuwe cijfers.",
            f"Interessant onderzoek over de arbeidsmarktpositie van {g[0]}.",
            f"Hoe zorgen we dat {g[0]} zich welkom voelen bij {{company}}? Ideeën welkom.",
            f"Webinar volgende week over de positie van {g[0]} op de werkvloer.",
            f"In {{city}} wonen veel {g[0]}, las ik in de krant.",
            f"Podcasttip: een aflevering over de geschiedenis van {g[0]} in Nederland.",
            f"Welke regelingen zijn er voor {g[0]} bij ons? Kan iemand van HR dat toelichten?",
        ]), N, "group-neutral"

    def holiday() -> Row:
        h = rng.choice(NL_HOLIDAYS)
        return rng.choice(NL_GREET_FRAMES).replace("{h}", h), N, "holiday"

    def everyday() -> Row:
        f = rng.choice(NL_EVERYDAY)
        for k, v in NL_EVERYDAY_FILL.items():
            f = f.replace("{" + k + "}", rng.choice(v))
        return cap(f), N, "everyday"

    def nonprot() -> Row:
        np_ = rng.choice(NL_NONPROT)
        p = rng.choice(NL_NONPROT_PRED)[0]
        o = rng.choice(NL_OBJECTS)
        return rng.choice([
            f"{cap(np_)} zijn allemaal {p}.", f"Waarom zijn {np_} altijd zo {rng.choice(NL_ADJ_Q)}?",
            f"Ik haat {np_}.", f"Ik walg van {np_}.", f"Ik haat {o}.", f"Ik walg van {o}, echt.",
            f"{cap(np_)}? {cap(p)}, stuk voor stuk.", f"Typisch {np_} weer, {p} zoals altijd.",
            f"Ik kan {o} echt niet meer uitstaan.", f"{cap(o)} is echt een ramp vandaag.",
            f"Geen {np_} in mijn straat graag 😂",
            f"{cap(np_)} zijn net {rng.choice(['ratten', 'wespen', 'een plaag', 'muggen'])}.",
        ]), N, "nonprotected-abuse"

    def okq() -> Row:
        t = rng.choice(NL_TOPICS_OK)
        return rng.choice([
            f"Is het oké om te posten over {t}?", f"Mag ik iets delen over {t} op LinkedIn?",
            f"Kan ik een foto van {t} op Instagram zetten, of is dat te gevoelig?",
            f"Twijfel: mag ik schrijven over {t} vanuit mijn werkaccount?",
        ]), N, "ok-question"

    def colleague_pos() -> Row:
        g = rng.choice(G)
        return rng.choice([
            f"{{name}} is {g[2]} en een van de fijnste collega's die ik ken.",
            f"{{name}} kreeg een nare opmerking omdat hij of zij {g[2]} is, "
            "en het hele team stond meteen achter {name}.",
            "Typisch {name}: altijd als eerste op kantoor 😄",
            "Welkom {name}, fijn dat je {team} komt versterken!",
            f"Als {bare(g[2])} in dit vak heeft {{name}} veel te vertellen, luister de talk terug!",
        ]), N, "group-positive"

    pos = [(stereotype, 95), (dehumanise, 55), (exclusion, 75), (hate, 50), (question, 55), (hedged, 50),
           (negpos, 50), (threat, 20), (harass, 40)]
    neg = [(negation, 55), (quote, 65), (counter, 70), (positive, 60), (neutral, 45), (holiday, 40),
           (everyday, 60), (nonprot, 60), (okq, 20), (colleague_pos, 25)]
    return run(rng, pos + neg, out, "nl")


# ---------------------------------------------------------------------------
# English fillers
# ---------------------------------------------------------------------------
EN_GROUPS = [
    ("Muslims", "Muslim", "a Muslim", "religion"), ("Jews", "Jewish", "a Jew", "religion"),
    ("Christians", "Christian", "a Christian", "religion"), ("Hindus", "Hindu", "a Hindu", "religion"),
    ("Sikhs", "Sikh", "a Sikh", "religion"),
    ("Mexicans", "Mexican", "a Mexican", "origin"), ("Pakistanis", "Pakistani", "a Pakistani", "origin"),
    ("Indians", "Indian", "an Indian", "origin"), ("Chinese people", "Chinese", "a Chinese guy", "origin"),
    ("Black people", "Black", "a Black guy", "origin"), ("Asians", "Asian", "an Asian", "origin"),
    ("Poles", "Polish", "a Pole", "origin"), ("Romanians", "Romanian", "a Romanian", "origin"),
    ("Nigerians", "Nigerian", "a Nigerian", "origin"), ("Somalis", "Somali", "a Somali", "origin"),
    ("Jamaicans", "Jamaican", "a Jamaican", "origin"), ("Syrians", "Syrian", "a Syrian", "origin"),
    ("Afghans", "Afghan", "an Afghan", "origin"), ("Arabs", "Arab", "an Arab", "origin"),
    ("Albanians", "Albanian", "an Albanian", "origin"), ("Turks", "Turkish", "a Turk", "origin"),
    ("Africans", "African", "an African", "origin"), ("Latinos", "Latino", "a Latino", "origin"),
    ("Eastern Europeans", "Eastern European", "an Eastern European", "origin"),
    ("Bangladeshis", "Bangladeshi", "a Bangladeshi", "origin"),
    ("immigrants", None, "an immigrant", "origin"), ("refugees", None, "a refugee", "origin"),
    ("asylum seekers", None, "an asylum seeker", "origin"), ("migrants", None, "a migrant", "origin"),
    ("foreigners", None, "a foreigner", "origin"), ("Travellers", None, "a Traveller", "origin"),
    ("Roma", "Roma", "a Roma", "origin"),
    ("women", "female", "a woman", "gender"), ("mums", None, "a mum", "gender"),
    ("gay people", "gay", "a gay guy", "orientation"), ("gay men", None, "a gay man", "orientation"),
    ("lesbians", "lesbian", "a lesbian", "orientation"), ("bisexual people", "bisexual", "a bisexual", "orientation"),
    ("trans people", "trans", "a trans person", "trans"), ("trans women", None, "a trans woman", "trans"),
    ("non-binary people", "non-binary", "someone non-binary", "trans"),
    ("disabled people", "disabled", "a disabled person", "disability"),
    ("wheelchair users", None, "a wheelchair user", "disability"),
    ("autistic people", "autistic", "an autistic person", "disability"),
    ("deaf people", "deaf", "a deaf person", "disability"),
    ("people with ADHD", None, "someone with ADHD", "disability"),
    ("over-55s", None, "an over-55", "age"), ("older workers", "older", "an older worker", "age"),
    ("pensioners", None, "a pensioner", "age"), ("boomers", None, "a boomer", "age"),
    ("young people", "young", "a young person", "age"), ("Gen Z", None, "a Gen Z kid", "age"),
    ("pregnant women", "pregnant", "a pregnant woman", "pregnancy"),
    ("new mums", None, "a new mum", "pregnancy"),
]
EN_PRED_GENERIC = [
    "lazy", "criminals", "thieves", "untrustworthy", "thick", "violent", "dirty", "scroungers", "freeloaders",
    "scum", "scammers", "backwards", "dangerous", "inferior", "a burden on society", "useless at work", "liars",
    "primitive", "antisocial", "greedy", "stupid", "loud", "rude", "worthless employees", "a problem",
]
EN_PRED_CAT = {
    "gender": ["too emotional", "hysterical", "bad at tech", "illogical", "only good for housework", "nags",
               "manipulative"],
    "age": ["slow", "stuck in their ways", "clueless with computers", "too slow and too expensive", "entitled",
            "snowflakes", "dead weight"],
    "disability": ["a burden", "unproductive", "pathetic and useless", "a drag on the team"],
    "orientation": ["sick", "deranged", "perverts", "unnatural", "a danger to kids"],
    "trans": ["mentally ill", "deranged", "confused", "fake", "a danger to kids"],
    "pregnancy": ["unreliable", "a liability", "never serious about work again", "just a cost"],
    "religion": ["fanatics", "backwards", "terrorists", "brainwashed"],
    "origin": ["criminals", "scum", "chancers", "drunks"],
}
EN_ADJ_Q = ["aggressive", "lazy", "loud", "dirty", "rude", "thick", "arrogant", "tight", "annoying", "backwards",
            "slow", "difficult", "antisocial", "shady"]
EN_VB_Q = ["whine", "complain", "cause trouble", "make noise", "turn up late", "play the victim", "ruin everything",
           "demand attention", "steal", "milk the benefits system"]
EN_VB_NEVER = ["just behave", "fit in", "turn up on time", "make an effort", "do a proper day's work",
               "show a bit of gratitude"]
EN_ANIMALS = ["rats", "vermin", "cockroaches", "animals", "apes", "parasites", "cattle", "pigs", "locusts",
              "leeches", "rubbish", "dogs"]
EN_PLAGUES = ["a plague", "a disease", "a virus", "an infestation", "a cancer", "a swarm"]
EN_ROLES = ["a leadership role", "technical work", "an IT job", "client-facing work", "construction work",
            "a seat on the board", "a management role", "high-pressure work", "a job at {company}",
            "a permanent contract", "our sales team", "a promotion"]
EN_ISM = {
    "origin": ["racism", "discrimination", "racist"],
    "religion": ["religious discrimination", "bigotry", "plain hate"],
    "gender": ["sexism", "discrimination", "sexist"],
    "orientation": ["homophobia", "discrimination", "homophobic"],
    "trans": ["transphobia", "discrimination", "transphobic"],
    "disability": ["ableism", "discrimination", "ableist"],
    "age": ["age discrimination", "ageism", "discrimination"],
    "pregnancy": ["pregnancy discrimination", "discrimination", "sexism"],
}
EN_NONPROT = ["politicians", "United fans", "Chelsea supporters", "cyclists in the city centre", "cab drivers",
              "BMW drivers", "spammers", "cold callers", "traffic wardens", "estate agents", "influencers",
              "tailgaters", "people who take calls in the quiet carriage", "lobbyists", "wasps", "pigeons",
              "mosquitoes", "phone scammers", "internet trolls", "football hooligans", "pickpockets", "bike thieves",
              "people who reply-all", "people who don't pick up after their dogs", "fare dodgers", "road ragers"]
EN_NONPROT_PRED = ["lazy", "untrustworthy", "liars", "annoying", "antisocial", "a plague", "unbearable",
                   "maniacs", "the worst", "scammers", "idiots on wheels", "a nightmare"]
EN_OBJECTS = ["Mondays", "the printer", "the office wifi", "this rain", "Brussels sprouts", "traffic on the M25",
              "this laptop", "Excel", "the coffee machine", "meetings without an agenda", "November",
              "the new update", "my alarm clock", "back-to-back Teams calls", "the trains today", "cold coffee"]
EN_HEDGES = ["I'm not racist, but", "Nothing against them, but", "Not being funny, but",
             "You're not allowed to say it anymore, but", "Let's be honest:", "Sorry, but", "I'll just say it:",
             "With all due respect,", "I've got nothing against them, but", "No hate, but",
             "I'm very tolerant, but", "It's not prejudice if it's true:", "Not to be that guy, but",
             "I'm really not like that, but", "Am I allowed to say this?"]
EN_ACTS_POS = ["built the new app", "saved the whole project", "organised the team drinks", "share so much knowledge",
               "helped the client so well", "shared their stories today", "mentor our new interns",
               "set up the inclusion network", "won the hackathon", "turn up for the team every single day"]
EN_HOLIDAYS = ["Eid al-Fitr", "Eid al-Adha", "Ramadan", "Diwali", "Holi", "Passover", "Hanukkah", "Rosh Hashanah",
               "Yom Kippur", "Christmas", "Easter", "Vaisakhi", "Lunar New Year", "Nowruz", "Juneteenth",
               "Black History Month", "Pride", "International Women's Day", "Thanksgiving", "Guru Nanak Jayanti",
               "Coming Out Day", "Windrush Day"]
EN_GREET_FRAMES = ["Happy {h} to everyone celebrating!", "Wishing everyone who marks {h} a lovely day 🎉",
                   "Some colleagues are celebrating {h} today, keep it in mind for planning.",
                   "We marked {h} together at {company}, what a lovely afternoon.",
                   "{h} at the office: treats in the kitchen for everyone.",
                   "Happy {h} all, enjoy!", "Great to celebrate {h} with the whole team in {city}.",
                   "The {h} calendar is on the intranet, book your leave early."]
EN_EVERYDAY = [
    "Typical {d}: {m}.", "As always, {m2}.", "Morning {a}, {act}?", "{a}, {act}?", "Who's up for {f} food tonight?",
    "Getting a {f} takeaway, anyone want anything?", "My golf handicap is finally down to {n}! ⛳",
    "Which dog breed suits {sit}?", "Our Maine Coon {cat}.", "{race} was so tense yesterday.",
    "Ran the {race2} with the team for charity.", "Cycling along the dyke near {city} 🚲",
    "The kitchen inspection found a cockroach at {rest}, the kitchen is shut for now.",
    "One more coat of clear varnish on {obj} and it's done.", "My niece {niece}.",
    "Glasses aren't a handicap, {bril}.", "That's the chink in the armour of {plan}.",
    "Popping out for a fag, back in 5.",
]
EN_EVERYDAY_FILL = {
    "d": ["Monday", "Tuesday morning", "Friday afternoon", "British weather", "the trains", "sprint review day",
          "quarter end"],
    "m": ["coffee machine broken", "everyone running late", "rain then sunshine", "three meetings at once",
          "wifi's down", "no parking spaces left", "the lift's out"],
    "m2": ["the meeting overran", "the train was delayed", "traffic at the junction", "we ran out of coffee",
           "I forgot my pass", "the printer jammed"],
    "a": ["ladies", "lads", "guys", "team", "folks", "legends", "all", "girls", "boys", "everyone"],
    "act": ["lunch at 12", "drinks at five", "who's up for a run", "cake in the kitchen", "coffee anyone",
            "pub quiz tonight", "padel later"],
    "f": ["Chinese", "Turkish", "Moroccan", "Jamaican", "Indian", "Thai", "Indonesian", "Ethiopian", "Lebanese",
          "Mexican", "Japanese", "Greek"],
    "n": ["24", "18", "12", "9", "30"],
    "sit": ["a small flat", "a family with kids", "someone with allergies", "long walks"],
    "cat": ["now weighs nine kilos", "sleeps on my keyboard all day", "knocked the Christmas tree over"],
    "race": ["The F1 race", "The bike race", "The sailing race", "The race at Silverstone", "The boat race"],
    "race2": ["10k race", "Great North Run", "corporate relay race", "fun run"],
    "rest": ["the restaurant round the corner", "the chippy by the station", "a hotel in {city}"],
    "obj": ["the windowsill", "the dining table", "the front door", "the shelves"],
    "niece": ["is getting married in June 💍", "just graduated", "is coming to stay", "is starting at {company}"],
    "bril": ["you just get used to them", "says my optician", "and they suit you"],
    "plan": ["our release process", "the budget plan", "their defence", "our backup strategy"],
}
EN_TOPICS_OK = ["the iftar at the office", "our Pride float", "International Women's Day", "my maternity leave",
                "the Diwali party", "our inclusion network", "the Juneteenth lunch", "coming out at work",
                "an article on age discrimination", "the new prayer room", "our step-free office"]


def gen_en(rng: random.Random) -> list[tuple[str, list[str], str]]:
    G = EN_GROUPS
    out: list[tuple[str, list[str], str]] = []

    def grp(obf: bool = True) -> tuple[str, str | None, str, str]:
        g = rng.choice(G)
        if obf and rng.random() < 0.18:
            return (obfuscate_phrase(rng, g[0]), g[1], g[2], g[3])
        return g

    def pred(cat: str) -> str:
        return rng.choice(EN_PRED_GENERIC + EN_PRED_CAT.get(cat, []) * 2)

    def stereo_clause(g: tuple) -> str:
        p = pred(g[3])
        return rng.choice([f"{g[0]} are all {p}", f"{g[0]} are just {p}", f"all {g[0]} are {p}",
                           f"{g[0]} are simply {p}", f"those {g[0]} are proper {p}"])

    def stereotype() -> Row:
        g = grp()
        p = pred(g[3])
        return rng.choice([
            f"{cap(g[0])} are all {p}.", f"All {g[0]} are {p}, everyone knows it.",
            f"Everyone knows {g[0]} are {p}.", f"{cap(p)}, that's {g[0]} for you.",
            f"Let's face it, {g[0]} are just {p}.", f"{cap(g[0])}? {cap(p)}, every last one.",
            f"That {g[0]} are {p} is just a fact.", f"Typical {g[0]} again, {p} as always.",
            f"Never met any {g[0]} who weren't {p}.", f"As usual with {g[0]}: {p}.",
            f"With {g[0]} you already know: {p}.", f"Look around, {g[0]} are {p} everywhere.",
            f"It's their culture, {g[0]} are just {p}.", f"What do you expect, they're {g[0]}, they're {p}.",
            f"{cap(g[0])} r all {p} lol",
        ]), D, "stereotype"

    def dehumanise() -> Row:
        g = grp()
        a = rng.choice(EN_ANIMALS)
        pl = rng.choice(EN_PLAGUES)
        return rng.choice([
            f"{cap(g[0])} are {a}.", f"Those {g[0]} are like {a}.", f"{cap(g[0])} aren't people, they're {a}.",
            f"{cap(g[0])} are {pl} spreading through this country.", f"This place is crawling with {g[0]}, like {a}.",
            f"{cap(g[0])}? {cap(a)}, nothing more.", f"All these {g[0]} are {pl} we need to wipe out.",
            f"{cap(pl)}, that's what {g[0]} are.", f"I don't see {g[0]} as human, more like {a}.",
            f"Those {g[0]} breed like {a}.", f"{cap(g[0])} = {a}", f"What a load of {a}, the {g[0]} round here.",
        ]), D, "dehumanise"

    def exclusion() -> Row:
        g = grp()
        frames = [
            f"No {g[0]} on my team, end of.", f"We really need to stop hiring {g[0]}.",
            f"I'm never hiring {g[0]} again.", f"{cap(g[0])} don't belong in our department.",
            f"If it were up to me there'd be no more {g[0]} at {{company}}.",
            f"Applications from {g[0]} go straight in the bin.", f"There's no place here for {g[0]}.",
            f"Let the {g[0]} work somewhere else.", f"We don't want {g[0]} on the team.",
            f"No {g[0]} are getting into {{team}}, I'll make sure of it.",
            f"{cap(g[0])} have no business being here.", f"There's no vacancy for {g[0]} here, ever.",
            f"On the shortlist? No {g[0]} please.",
        ]
        if g[3] == "origin":
            frames += [f"{cap(g[0])} should go back to their own countries.", f"Send all the {g[0]} back.",
                       f"Go back where you came from, like the rest of the {g[0]}.",
                       f"Those {g[0]} need to pack their bags and clear off back home."]
        return rng.choice(frames), D, "exclusion"

    def hate() -> Row:
        g = grp()
        return rng.choice([
            f"I hate {g[0]}.", f"{cap(g[0])} disgust me.", f"I can't stand {g[0]}.", f"{cap(g[0])} make me sick.",
            f"{cap(g[0])}, I genuinely hate them.", f"Nothing worse than {g[0]}, they disgust me.",
            f"God I hate {g[0]}.", f"I just hate {g[0]}, sorry.", f"I loathe {g[0]}.",
            f"Every time I see {g[0]} I feel sick.", f"I'm sick of all these {g[0]} round here, I hate them.",
            f"{cap(g[0])} 🤮🤮", f"Hate all {g[0]}.", f"i h8 {g[0]}",
        ]), D, "hate-emotion"

    def question() -> Row:
        g = grp()
        return rng.choice([
            f"Why are {g[0]} always so {rng.choice(EN_ADJ_Q)}?", f"Why do {g[0]} always {rng.choice(EN_VB_Q)}?",
            f"How come {g[0]} can never {rng.choice(EN_VB_NEVER)}?", f"Why do we even let {g[0]} in?",
            f"Why are we still hiring {g[0]}?", f"Who'd want {g[0]} on their team?",
            f"Are {g[0]} really all that {rng.choice(EN_ADJ_Q)}, or is it just me? Nah, they are.",
            f"Ever notice how {g[0]} always {rng.choice(EN_VB_Q)}?",
            f"Why is it always {g[2]} when something goes wrong?",
            f"Can {g[0]} do anything except {rng.choice(EN_VB_Q)}?",
        ]), D, "contempt-question"

    def hedged() -> Row:
        g = grp()
        h = rng.choice(EN_HEDGES)
        tail = rng.choice([stereo_clause(g), f"I don't want {g[0]} on my team", f"{g[0]} just don't belong here",
                           f"I'd rather not hire {g[0]}"])
        return f"{h} {tail}.", D, "hedged"

    def negpos() -> Row:
        g = grp()
        r = rng.choice(EN_ROLES)
        return rng.choice([
            f"{cap(g[0])} just aren't cut out for {r}.", f"{cap(g[0])} are not cut out for {r}.",
            f"{cap(g[0])} aren't built for {r}.", f"{cap(r)} isn't for {g[0]}.",
            f"Don't put {g[0]} in {r}, they can't handle it.", f"{cap(g[0])} aren't smart enough for {r}.",
            f"{cap(g[0])} can never cope with {r}.", f"That's not work for {g[0]}.",
            f"{cap(g[0])} can't be trusted with {r}.", f"{cap(g[0])} don't get it, {r} isn't for them.",
            f"{cap(g[0])} are never proper colleagues.", f"You can't take {g[0]} seriously.",
            f"{cap(g[0])} shouldn't be anywhere near {r}.",
        ]), D, "negated-positive"

    def threat() -> Row:
        g = grp()
        return rng.choice([
            f"Someone needs to give the {g[0]} a good kicking.", f"If those {g[0]} come here, we'll be waiting.",
            f"The {g[0]} will get what's coming, just watch.", f"I'd happily shoot every one of those {g[0]}.",
            f"One more lot of {g[0]} on our street and there'll be blood.",
            f"Lock the {g[0]} up and let them rot.", f"Saturday a few of us are going to teach those {g[0]} a lesson.",
        ]), D, "threat-group"

    def harass() -> Row:
        g = rng.choice(G)
        p = rng.choice([x for x in EN_ADJ_Q])
        sg = g[2]
        frames = [
            f"{{name}} is {sg}, so expect something {p}.", f"I'm not working with {{name}}, they're {sg}.",
            f"No wonder {{name}} messed it up, {g[0]} are just {p}.",
            f"{{name}} from {{team}} is {sg} and it shows: {p}.",
            f"Why did we hire {{name}}? {cap(sg)} on the team, great.",
            f"{{name}} is {sg}, don't give them anything important.",
            f"Hey {{name}}, being {sg} you must be {p}, right? 😂",
        ]
        if g[3] == "origin":
            frames += ["Oi {name}, go back to your own country.", "{name} should just go back where he came from."]
        return rng.choice(frames), DI, "harass-colleague"

    def negation() -> Row:
        g = grp()
        p = pred(g[3])
        return rng.choice([
            f"Not all {g[0]} are {p}, in fact no group is.", f"It's simply not true that {g[0]} are {p}.",
            f"{cap(g[0])} are not {p}, that's a stereotype.", f"No, {g[0]} really aren't {p}.",
            f"I've never understood why people think {g[0]} are {p}.",
            f"No group deserves to be called {p}, {g[0]} included.",
            f"It doesn't matter here whether you're {g[2]}: everyone's welcome.",
            f"I'd never turn down {g[2]} for who they are.",
            f"You're not worth any less for being {g[2]}.",
        ]), N, "negation"

    def quote() -> Row:
        s, _, _ = rng.choice([stereotype, dehumanise, exclusion, hate, negpos])()
        s = s.rstrip(".!?")
        return rng.choice([
            f"A customer said today: \"{s}\". That's unacceptable and we've reported it.",
            f"\"{cap(s)}\" — comments like that have no place at work.",
            f"In the training we talked about why a line like \"{s}\" is so hurtful.",
            f"Someone commented \"{s}\" under our post. Deleted and blocked.",
            f"He actually said \"{s}\", and that's just not OK.", f"My colleague was told \"{s}\". We've got her back.",
            f"Remarks like \"{s}\" are hurtful, even as a \"joke\".",
            f"The report cites \"{s}\" as an example of a discriminatory remark.",
            f"Heard someone on the train say \"{s}\". I called it out.",
        ]), N, "quote-report"

    def counter() -> Row:
        g = grp()
        p = pred(g[3])
        ism = rng.choice(EN_ISM[g[3]])
        a = rng.choice(EN_ANIMALS)
        return rng.choice([
            f"Saying {g[0]} are {p} is just {ism}.", f"Calling {g[0]} {a} dehumanises people. We won't stand for it.",
            f"Stop tarring all {g[0]} with the same brush.", f"I hate it when people abuse {g[0]}.",
            f"People who discriminate against {g[0]} disgust me.",
            f"Calling {g[0]} {p} says more about you than about them.",
            f"If you won't hire {g[0]}, that's {ism}. Full stop.", f"Hatred of {g[0]} isn't an opinion.",
            f"Why do people still think {g[0]} are {p}? That's {ism}.",
            f"Threats against {g[0]} need to be dealt with far more seriously.",
            f"\"I'm not racist, but...\" followed by something about {g[0]}? Then you are.",
        ]), N, "counter-speech"

    def positive() -> Row:
        g = rng.choice(G)
        frames = [
            f"Proud of the {g[0]} on our team who {rng.choice(EN_ACTS_POS)}.",
            f"Learned so much from the {g[0]} on my team.",
            f"Thanks to all the {g[0]} at {{company}} who {rng.choice(EN_ACTS_POS)}!",
            f"Great conversation today with {g[0]} from across the business on being more inclusive.",
        ]
        if g[1]:
            frames += [f"Thanks to our {g[1]} colleagues who {rng.choice(EN_ACTS_POS)}! 🙌",
                       f"Our {g[1]} colleague {{name}} is one of the best in the business.",
                       f"Welcome to our new {g[1]} colleagues in {{city}}!"]
        return rng.choice(frames), N, "group-positive"

    def neutral() -> Row:
        g = grp()
        return rng.choice([
            f"How many {g[0]} work in the UK? The ONS has new figures.",
            f"Interesting research on the job market for {g[0]}.",
            f"How do we make sure {g[0]} feel welcome at {{company}}? Ideas welcome.",
            f"Webinar next week on {g[0]} in the workplace.", f"Lots of {g[0]} live in {{city}}, I read in the paper.",
            f"Podcast tip: an episode on the history of {g[0]} in Britain.",
            f"What support do we offer {g[0]}? Could someone from HR explain?",
        ]), N, "group-neutral"

    def holiday() -> Row:
        h = rng.choice(EN_HOLIDAYS)
        return rng.choice(EN_GREET_FRAMES).replace("{h}", h), N, "holiday"

    def everyday() -> Row:
        f = rng.choice(EN_EVERYDAY)
        for k, v in EN_EVERYDAY_FILL.items():
            f = f.replace("{" + k + "}", rng.choice(v))
        return cap(f), N, "everyday"

    def nonprot() -> Row:
        np_ = rng.choice(EN_NONPROT)
        p = rng.choice(EN_NONPROT_PRED)
        o = rng.choice(EN_OBJECTS)
        return rng.choice([
            f"{cap(np_)} are all {p}.", f"Why are {np_} always so {rng.choice(EN_ADJ_Q)}?", f"I hate {np_}.",
            f"{cap(np_)} disgust me.", f"I hate {o}.", f"{cap(o)} genuinely disgust me.",
            f"{cap(np_)}? {cap(p)}, every last one.", f"Typical {np_} again, {p} as always.",
            f"I can't stand {o} anymore.", f"{cap(o)}, what a disaster today.", f"No {np_} on my street please 😂",
            f"{cap(np_)} are like {rng.choice(['rats', 'wasps', 'a plague', 'mosquitoes'])}.",
        ]), N, "nonprotected-abuse"

    def okq() -> Row:
        t = rng.choice(EN_TOPICS_OK)
        return rng.choice([
            f"Is it OK to post about {t}?", f"Can I share something about {t} on LinkedIn?",
            f"Can I put a photo of {t} on Instagram, or is that too sensitive?",
            f"Not sure: can I write about {t} from my work account?",
        ]), N, "ok-question"

    def colleague_pos() -> Row:
        g = rng.choice(G)
        return rng.choice([
            f"{{name}} is {g[2]} and one of the best colleagues I know.",
            f"{{name}} got a nasty comment for being {g[2]}, and the whole team backed them straight away.",
            "Typical {name}: always first in the office 😄", "Welcome {name}, great to have you in {team}!",
            f"As {g[2]} in this field {{name}} has a lot to say, catch the talk on replay!",
        ]), N, "group-positive"

    pos = [(stereotype, 95), (dehumanise, 55), (exclusion, 75), (hate, 50), (question, 55), (hedged, 50),
           (negpos, 50), (threat, 20), (harass, 40)]
    neg = [(negation, 55), (quote, 65), (counter, 70), (positive, 60), (neutral, 45), (holiday, 40),
           (everyday, 60), (nonprot, 60), (okq, 20), (colleague_pos, 25)]
    return run(rng, pos + neg, out, "en")


def run(rng: random.Random, plan: list[tuple[Callable[[], Row], int]], out: list[Row], lang: str) -> list[Row]:
    authored = load_authored(lang)
    seen: set[str] = set(authored)
    for fn, quota in plan:
        made = 0
        tries = 0
        while made < quota and tries < quota * 40:
            tries += 1
            text, labels, kind = fn()
            text = sentence_noise(rng, text, lang)
            key = text.strip()
            if key in seen:
                continue
            seen.add(key)
            out.append((key, labels, kind))
            made += 1
    return out


def load_authored(lang: str) -> set[str]:
    p = OUT_DIR / f"discrimination.{lang}.authored.jsonl"
    if not p.exists():
        return set()
    return {json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}


def write(lang: str, rows: list[Row]) -> None:
    p = OUT_DIR / f"discrimination.{lang}.template.jsonl"
    with p.open("w", encoding="utf-8") as f:
        for text, labels, kind in rows:
            f.write(json.dumps({"text": text, "labels": labels, "kind": kind, "source": "template"},
                               ensure_ascii=False) + "\n")
    print(f"{p.relative_to(ROOT)}: {len(rows)} lines")


def main() -> None:
    write("nl", gen_nl(random.Random(20240611)))
    write("en", gen_en(random.Random(20240612)))


if __name__ == "__main__":
    main()
