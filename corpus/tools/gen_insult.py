"""Generate the template part of the insulting-language and profanity corpora.

Writes four files next to the hand-authored ones:
    corpus/review/insult.nl.template.jsonl
    corpus/review/insult.en.template.jsonl
    corpus/review/profanity.nl.template.jsonl
    corpus/review/profanity.en.template.jsonl

Deterministic: every language/area uses its own random.Random(seed), so running
`python corpus/tools/gen_insult.py` from the repo root regenerates exactly the
committed lines. Authored files (*.authored.jsonl) are never touched.

All sentences are invented slot templates; placeholders are the ones of the
corpus spec ({name}, {fullname}, {company}, {customer}, {competitor}, {team},
{city}, {product}).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

INS = "insulting-language"
PRO = "profanity"
OUT_DIR = Path(__file__).resolve().parent.parent / "review"

Item = tuple[str, list[str], str]


# --------------------------------------------------------------------------
# obfuscation and register helpers

LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$", "t": "7"}


def obfuscate(word: str, rng: random.Random) -> str:
    """Return a disguised spelling of word (leet, spaced, censored, ...)."""
    if len(word) < 3:
        return word
    mode = rng.randrange(9)
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    if mode == 0:  # leetspeak on some letters
        out = []
        for c in word:
            if c.lower() in LEET and rng.random() < 0.6:
                out.append(LEET[c.lower()])
            else:
                out.append(c)
        res = "".join(out)
        return res if res != word else word.replace(word[1], "*", 1)
    if mode == 1:  # spaced letters
        return " ".join(word)
    if mode == 2:  # censor the inner letters
        if len(word) <= 4:
            return word[0] + "*" * (len(word) - 2) + word[-1]
        k = rng.randint(1, max(1, len(word) - 3))
        return word[0] + "*" * k + word[1 + k :]
    if mode == 3:  # repeated letter
        i = rng.choice(letters)
        return word[:i] + word[i] * rng.randint(2, 5) + word[i + 1 :]
    if mode == 4:  # dots between letters
        return ".".join(word)
    if mode == 5:  # swap two neighbours
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if mode == 6 and len(word) >= 5:  # drop one letter
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :]
    if mode in (6, 7):  # hyphenated / split
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + rng.choice(["-", " ", "_"]) + word[i:]
    return word.upper()


KEEP_CASE = {"name-lookalike", "idiom", "medical"}


def decorate(text: str, rng: random.Random, lang: str, positive: bool = True, kind: str = "") -> str:
    """Vary the register a little: casing, punctuation, emoji, tags."""
    r = rng.random()
    if kind in KEEP_CASE:
        r = 0.5
    if r < 0.25:
        if len(text) > 1 and text[1].islower():
            text = text[0].lower() + text[1:]
    elif r < 0.32:
        if "{" not in text:
            text = text.upper()
    elif r < 0.55:
        text = text[0].upper() + text[1:]
    r = rng.random()
    if r < 0.12:
        tails = (
            ["!!", "!!!", "...", " 🙄", " 😤", " 😂", " 🤡", " lol", " smh"]
            if positive
            else ["!", "!!", "...", " 🙂", " 😅", " 💪", " ❤️", " 🙏", " tbh"]
        )
        text = text.rstrip(".!?") + rng.choice(tails)
    elif r < 0.18:
        text = text + rng.choice(
            [" #maandag", " #werk", " #kantoor", " #mondays", " #worklife", " #officelife"]
            if lang == "nl"
            else [" #worklife", " #mondays", " #officelife", " #corporatelife"]
        )
    elif r < 0.24:
        text = text.rstrip(".!?")
    return text


def pick(rng: random.Random, xs: list[str]) -> str:
    return xs[rng.randrange(len(xs))]


# --------------------------------------------------------------------------
# Dutch vocabulary

NL: dict[str, list[str]] = {
    # (target phrase, kind)
    "t_colleague": [
        "{name}",
        "{fullname}",
        "die {name} van {team}",
        "mijn collega",
        "die nieuwe collega",
        "onze stagiair",
        "m'n bureaugenoot",
        "die gast van IT",
        "collega {name}",
        "{name} van finance",
        "die nieuwe van {team}",
        "onze nieuwe developer",
        "de receptioniste",
        "die trainee",
        "{name} van sales",
        "die vent van inkoop",
        "mijn teamgenoot",
        "{name} van marketing",
        "de nieuwe analist",
        "onze projectleider",
    ],
    "t_manager": [
        "mijn manager",
        "onze teamleider",
        "de directeur",
        "onze CEO",
        "mijn baas",
        "onze afdelingschef",
        "de nieuwe CTO",
        "leidinggevende {name}",
        "onze HR-manager",
        "baas {name}",
        "mijn leidinggevende",
        "de CFO",
        "onze regiomanager",
    ],
    "t_customer": [
        "die klant van {customer}",
        "de klant van vanochtend",
        "de inkoper van {customer}",
        "{name} van {customer}",
        "die meneer aan de telefoon",
        "klant {fullname}",
        "die klant uit {city}",
        "de contactpersoon bij {customer}",
    ],
    "t_competitor": [
        "de CEO van {competitor}",
        "die accountmanager van {competitor}",
        "de oprichter van {competitor}",
        "die verkoper van {competitor}",
    ],
    "t_person": ["{fullname}", "{name}", "die {fullname}", "{name} uit {city}"],
    # plural targets
    "tp_employer": [
        "de mensen bij {company}",
        "het management van {company}",
        "de directie van {company}",
        "ze bij {company}",
        "de bazen van {company}",
    ],
    "tp_colleague": [
        "de mensen van {team}",
        "mijn collega's",
        "de gasten van de helpdesk",
        "die lui van {team}",
        "de developers hier",
    ],
    "tp_customer": ["de klanten van {customer}", "de mensen van {customer}", "klanten vandaag de dag"],
    "tp_competitor": ["de mensen van {competitor}", "die lui van {competitor}", "ze bij {competitor}"],
    "n_plain": [
        "idioot",
        "sukkel",
        "oen",
        "prutser",
        "kluns",
        "mafkees",
        "slijmbal",
        "nietsnut",
        "lapzwans",
        "zeikerd",
        "betweter",
        "loser",
        "mislukkeling",
        "leugenaar",
        "klungel",
        "lamzak",
        "lafaard",
        "imbeciel",
        "halvegare",
        "malloot",
        "zeurpiet",
        "aansteller",
        "kneus",
        "stumper",
        "zakkenwasser",
        "hielenlikker",
        "kontlikker",
        "oetlul",
        "nul",
        "lomperik",
        "stoethaspel",
        "druiloor",
        "sufferd",
        "onbenul",
        "klaploper",
        "zuurpruim",
        "botterik",
        "uitvreter",
        "engerd",
        "griezel",
    ],
    "n_swear": [
        "klootzak",
        "eikel",
        "lul",
        "kutwijf",
        "teringlijer",
        "kankerlijer",
        "tyfuslijer",
        "kutvent",
        "kankerlul",
        "hufter",
        "zak",
        "kuttenkop",
        "klerelijer",
        "pokkelijer",
        "lamlul",
        "kutjoch",
    ],
    "n_pl_plain": [
        "idioten",
        "sukkels",
        "prutsers",
        "amateurs",
        "clowns",
        "mafkezen",
        "oenen",
        "kneuzen",
        "losers",
        "zakkenwassers",
        "leugenaars",
        "oplichters",
        "nietsnutten",
        "klungels",
        "graaiers",
        "boeven",
        "mislukkelingen",
        "zeurpieten",
        "onbenullen",
    ],
    "n_pl_swear": ["klootzakken", "eikels", "lullen", "kankerlijers", "teringlijers", "hufters", "kutmensen"],
    "adj_e": [
        "domme",
        "luie",
        "waardeloze",
        "achterlijke",
        "incompetente",
        "arrogante",
        "onnozele",
        "hersenloze",
        "zielige",
        "sneue",
        "verwaande",
        "nutteloze",
        "sloome",
        "walgelijke",
        "irritante",
        "schijnheilige",
    ],
    "adj": [
        "dom",
        "lui",
        "waardeloos",
        "achterlijk",
        "incompetent",
        "hersenloos",
        "nutteloos",
        "onnozel",
        "sloom",
        "walgelijk",
        "stom",
        "debiel",
        "gestoord",
        "traag van begrip",
        "onbekwaam",
    ],
    "adj_phrase": [
        "zo dom als een deur",
        "zo dom als het achtereind van een varken",
        "zo onnozel als wat",
        "dommer dan het meubilair",
        "zo lui als een varken",
        "zo traag als stroop",
        "niet te harden",
        "een lopende ramp",
    ],
    "adv": ["echt", "gewoon", "zo", "ongelofelijk", "werkelijk", "echt zo", "compleet", "totaal"],
    "reason": [
        "snapt helemaal niks",
        "heeft weer alles verpest",
        "doet nooit iets",
        "pikt alle credits",
        "leest nooit zijn mail",
        "heeft m'n project gesaboteerd",
        "komt altijd te laat",
        "zit de hele dag op z'n telefoon",
        "liegt over alles",
        "weet niet eens hoe Excel werkt",
        "verknoeit elke presentatie",
        "kan geen enkele deadline halen",
        "klaagt over alles",
        "schuift alles af op anderen",
        "praat alleen maar over zichzelf",
    ],
    "lead": [
        "weer de deadline gemist",
        "drie keer uitgelegd",
        "weer een meeting voor niks",
        "nou breekt m'n klomp",
        "ik trek het niet meer",
        "alweer",
        "serieus",
        "pfff",
        "niet normaal",
        "ik zweer het je",
    ],
    "animal": [
        "stomme koe",
        "ezel",
        "aap",
        "lui varken",
        "rat",
        "slang",
        "hyena",
        "ouwe bok",
        "kakelende kip",
        "dom schaap",
        "aasgier",
        "bloedzuiger",
        "brulaap",
        "vette walrus",
        "dom kalf",
        "valse kat",
        "kakkerlak",
        "worm",
        "parasiet",
        "luis",
    ],
    "objectm": [
        "stomme doos",
        "domme muts",
        "houten klaas",
        "zak aardappelen",
        "wandelende prullenbak",
        "lege huls",
        "opgeblazen ballon",
        "stuk vreten",
        "natte dweil",
        "baal stro",
        "paspop in pak",
        "kapotte plaat",
    ],
    "threat": [
        "ik sla {T} op zijn bek",
        "ik trap {T} in elkaar",
        "ik maak {T} af",
        "ik breek de benen van {T}",
        "ik ram {T} tegen de muur",
        "ik steek de banden van {T} lek",
        "ik sla {T} z'n tanden uit z'n mond",
        "ik geef {T} een klap voor z'n kop",
        "ik duw {T} van de trap",
        "ik zorg dat {T} het ziekenhuis haalt",
        "ik ga {T} echt vermoorden",
        "ik wacht {T} op bij de parkeerplaats",
    ],
    "cond": [
        "als {T} nog één keer zo tegen me praat",
        "als dat nog eens gebeurt",
        "na het werk",
        "morgen",
        "als ik hem buiten tegenkom",
        "als die mail nog één keer komt",
        "vrijdag op de borrel",
        "als de deadline weer verschoven wordt",
    ],
    "looks": [
        "is een vette walvis",
        "heeft een kop als een kapotte fiets",
        "is zo lelijk als de nacht",
        "ziet eruit als een vogelverschrikker",
        "heeft een gezicht als een uitgedroogde pruim",
        "is een dikke vetklep",
        "loopt als een pinguïn met spierpijn",
        "heeft flaporen als schoteltjes",
        "is een graatmager skelet",
        "heeft een neus als een skischans",
        "stinkt uit z'n bek",
        "heeft tanden als een kapot hek",
        "ziet eruit alsof ie onder een trein heeft gelegen",
        "is een puistenkop",
    ],
    "sexual": [
        "{T} heeft een lekker kontje, ik zou wel willen",
        "{T} mag wel vaker bukken bij het kopieerapparaat 😏",
        "met die tieten krijgt {T} alles gedaan",
        "{T} is een lekker ding, wedden dat ik haar krijg",
        "{T} zit vast op schoot bij de baas, zo komt ze aan die promotie",
        "ik wil wel eens zien wat {T} onder dat overhemd heeft 😏",
        "{T} in die strakke broek, je ziet alles 🤤",
        "{T} staat op 1 in onze top 5 van lekkerste collega's",
        "{T} kan beter gewoon knap zijn, nadenken is niks voor haar 😉",
    ],
    "t_sexual": [
        "die nieuwe stagiaire",
        "{name} van receptie",
        "onze stagiair",
        "{name} van finance",
        "die collega van marketing",
        "de nieuwe trainee",
        "{name}",
    ],
    "bully": [
        "laten we {T} gewoon niet uitnodigen voor de borrel, niemand mag die toch",
        "we negeren {T} in de groepsapp tot die vertrekt",
        "haha we hebben {T} weer voor schut gezet in de meeting 😂",
        "{T} zit altijd alleen te lunchen, goed zo, zielig geval",
        "we pesten {T} net zo lang tot die huilend vertrekt",
        "ik heb een meme van de slechtste foto van {T} in de teamchat gezet lol",
        "iedereen noemt {T} achter de rug om de zeurmachine, verdiend",
        "wedden dat {T} weer gaat janken als we het werk afkraken",
        "we hebben de stoel van {T} naar het magazijn gezet, hint hint",
        "{T} kan beter ontslag nemen, niemand zit op die loser te wachten",
        "wie doet mee? elke mail van {T} beantwoorden we met een clown-emoji 🤡",
    ],
    "sarcasm": [
        "Wauw {T}, weer zo'n briljant idee. Het licht is aan maar er is niemand thuis",
        "{T} is niet de scherpste knikker in de doos, om het vriendelijk te zeggen",
        "als domheid pijn deed liep {T} de hele dag te kreunen",
        "{T} heeft het buskruit niet uitgevonden",
        "goh {T}, knap dat je je eigen naam kunt spellen",
        "{T} is een genie... in smoesjes verzinnen",
        "{T} zou nog verdwalen in een gang met één deur",
        "er zit meer verstand in mijn koffiebeker dan in het hoofd van {T}",
        "{T} heeft twee hersencellen en die vechten om de derde plek",
        "{T} is het levende bewijs dat je met niks kunnen ver komt",
        "{T} doet z'n best. Dat is nou net het probleem",
        "{T} heeft de charme van een natte sok",
        "{T} is zo slim, die heeft drie dagen nodig om een mail te lezen",
        "ergens mist een dorp zijn dorpsgek, en ik weet wie dat is: {T}",
        "{T} brengt zoveel vreugde op kantoor. Als die naar huis gaat",
        "schattig hoe {T} denkt dat die leiding kan geven",
    ],
    # negatives
    "reporter": [
        "hij",
        "zij",
        "mijn oud-collega",
        "een klant",
        "iemand in de comments",
        "mijn vorige baas",
        "een bezoeker",
        "een troll op X",
    ],
    "role": ["collega", "manager", "klant", "stagiair", "baas", "teamgenoot", "leidinggevende"],
    "obj": [
        "printer|doet het weer niet|vreet m'n papier op|print alles scheef",
        "laptop|is weer gecrasht|laadt al tien minuten|heeft m'n werk gewist",
        "koffiemachine|geeft alleen heet water|is alweer leeg|lekt over de hele vloer",
        "trein|is weer te laat|staat stil bij {city}|rijdt vandaag niet",
        "wifi|valt steeds weg|is superslof",
        "lift|staat alweer stil|stopt op elke verdieping",
        "scanner|doet het weer niet|scant alles zwart",
        "app|is weer gecrasht|laadt al tien minuten|logt me steeds uit",
        "parkeerautomaat|vreet m'n pasje op|doet het weer niet",
        "beamer|geeft geen beeld|flikkert de hele tijd",
        "thermostaat|staat op 28 graden|doet precies het omgekeerde",
        "fiets|heeft alweer een lekke band",
        "update|heeft alles gesloopt|heeft m'n werk gewist",
        "VPN|valt steeds weg|wil niet verbinden",
        "browser|is weer gecrasht|wil niet inloggen",
        "wekker|ging weer niet af",
        "bus|is weer te laat|reed me voorbij",
        "kopieermachine|vreet m'n papier op|zit weer vast",
        "muis|reageert niet|doet wat ie wil",
        "vaatwasser|lekt over de hele vloer|doet het weer niet",
    ],
    "obj_adj": ["stomme", "waardeloze", "achterlijke", "domme", "belachelijke", "nutteloze", "irritante", "rot"],
    "obj_n": ["idioot", "sukkel", "rotding", "prutding", "ramp", "drama", "oen", "luie zak", "stuk ellende", "crime"],
    "obj_n_swear": ["kutding", "klotending", "teringding", "kankerding", "klerezooi", "godvergeten ding"],
    "self_reason": [
        "sleutels drie keer vergeten",
        "de verkeerde meeting in m'n agenda",
        "koffie over m'n toetsenbord",
        "mail zonder bijlage gestuurd",
        "vergeten te unmuten",
        "de verkeerde trein gepakt",
        "m'n laptoplader thuis laten liggen",
        "in de verkeerde Teams-call gezeten",
        "m'n eigen wachtwoord vergeten",
        "de bestelling voor het teamuitje verkeerd gedaan",
    ],
    "self_n": ["sukkel", "oen", "kluns", "idioot", "ezel", "muts", "sufferd", "prutser", "domoor", "stumper"],
    "fond": ["malle", "gekke", "ouwe", "lieve", "kleine"],
    "fond_n": ["gozer", "gek", "rakker", "boef", "nerd", "kletskous", "kluns", "brompot", "druktemaker"],
    "fond_end": [
        "dankjewel voor de taart ❤️",
        "gefeliciteerd met je verjaardag 🎉",
        "je hebt de quiz gewonnen 🏆",
        "fijne vakantie! 🌴",
        "we gaan je missen ❤️",
        "wat een feest was het 😂❤️",
        "dank voor de bloemen 🌷",
        "proost op je jubileum 🥂",
    ],
    "praise": [
        "beestachtig goede presentatie van {T}",
        "{T} is een beest in Excel",
        "{T} heeft een moordende pitch neergezet",
        "wat een monsterresultaat van {T}",
        "{T} is een kanon in klantgesprekken",
        "{T} werkt als een paard",
        "{T} is een echte kei",
        "ziek goede demo van {T}",
        "{T} is een rots in de branding",
        "bizar goed gedaan {T}",
        "{T} is slim als een vos",
        "{T} is een dijk van een collega",
        "{T} is een haai in onderhandelen, petje af",
        "killer presentatie van {T}",
        "{T} heeft het vet goed gedaan",
        "gestoord goed werk van {T}",
    ],
    "polite": [
        "ik ben het niet eens met {T}, en dat heb ik ook netjes gezegd",
        "{T} kan beter communiceren over de planning",
        "ik vond de presentatie van {T} wat lang, de inhoud was wel goed",
        "{T} maakt hier volgens mij een denkfout, zullen we het samen bekijken?",
        "ik mis duidelijkheid van {T} over de plannen",
        "de samenwerking met {T} loopt stroef, ik ga een gesprek plannen",
        "{T} reageerde traag op mijn mail, dat kan beter",
        "ik was teleurgesteld in de reactie van {T}, maar ik snap de keuze",
    ],
    "weather": [
        "wat een {A} weer",
        "dat {A} weer ook",
        "die {A} regen",
        "{A} wind vandaag",
        "die {A} hitte",
        "{A} storm, m'n paraplu is kapot",
    ],
    "w_adj": ["stom", "waardeloos", "achterlijk", "idioot", "rot", "belachelijk"],
    # profanity
    "swear": [
        "kut",
        "godverdomme",
        "shit",
        "tering",
        "verdomme",
        "kanker",
        "tyfus",
        "godver",
        "fuck",
        "kolere",
        "potverdomme",
        "klote",
        "jezus christus",
        "godsamme",
        "kut kut kut",
        "fucking hell",
        "kanker zeg",
        "tering zeg",
        "godskolere",
        "shit shit shit",
    ],
    "swear_core": [
        "kut",
        "godverdomme",
        "shit",
        "tering",
        "verdomme",
        "kanker",
        "tyfus",
        "godver",
        "fuck",
        "kolere",
        "potverdomme",
        "klote",
        "godsamme",
        "kut",
    ],
    "swear_pre": ["kut", "klote", "tering", "kanker", "tyfus", "kolere", "pokke", "klere", "shit", "fucking "],
    "swear_thing": [
        "dag",
        "trein",
        "weer",
        "week",
        "printer",
        "laptop",
        "file",
        "herrie",
        "update",
        "maandag",
        "regen",
        "zooi",
        "systeem",
        "app",
        "wifi",
        "lift",
        "wekker",
        "hitte",
        "kou",
        "deadline",
    ],
    "situation": [
        "trein weer vertraagd",
        "laptop gecrasht",
        "meeting vergeten",
        "weer de bus gemist",
        "koffie over m'n toetsenbord",
        "wifi ligt eruit",
        "wachtwoord alweer verlopen",
        "alle treinen naar {city} uitgevallen",
        "file op de A2",
        "m'n pasje kwijt",
        "vergeten op te slaan",
        "de server ligt plat",
        "parkeerboete",
        "de printer doet het niet",
        "m'n telefoon is leeg",
        "de release is uitgesteld",
        "vergeten te unmuten",
        "de lift zit vast",
        "m'n fiets is gestolen",
        "het congres is afgelast",
        "de koffie is op",
        "weer regen",
        "mail naar de verkeerde persoon gestuurd",
        "deadline is vandaag en niet morgen",
    ],
    "excited": [
        "we hebben gewonnen",
        "wat een resultaat dit kwartaal",
        "wat een feest",
        "we hebben de deal binnen",
        "eindelijk vakantie",
        "wat een uitzicht",
        "wat een opkomst",
        "bonus binnen",
        "het project is live",
        "wat een goal",
    ],
    "minced": [
        "verdorie",
        "jeetje",
        "potjandorie",
        "asjemenou",
        "jemig",
        "tjonge",
        "oei",
        "potverdikkie",
        "verdikkeme",
        "sjonge jonge",
        "hemeltjelief",
        "pfff",
        "ach",
        "oh nee",
        "getver",
        "jeminee",
    ],
    "medical": [
        "Vandaag de tyfusvaccinatie gehaald voor de reis naar {city}",
        "trots dat {company} geld inzamelt voor kankeronderzoek 🎗️",
        "onze collega loopt mee met de wandeltocht tegen kanker, sponsor haar",
        "Vroeger stierf men aan de tering, nu heet het tuberculose",
        "De waterpokken gaan rond op de kinderopvang",
        "Mijn collega doet onderzoek naar kankercellen bij het ziekenhuis in {city}",
        "denk aan je tyfusprik voor de reis",
        "mijn moeder heeft de kanker overwonnen ❤️",
        "de tbc- en tyfusvaccinaties zijn gratis via de GGD",
        "{name} werkt op de afdeling oncologie",
        "voorlichting over huidkanker tijdens de lunch",
        "het kankerfonds van {city} zoekt vrijwilligers",
        "pokkenvaccin was vroeger verplicht",
        "we lopen voor het kankeronderzoek, doneer via de link",
        "vandaag Wereldkankerdag, een dikke knuffel voor iedereen die strijdt",
        "onderzoekers in {city} boeken vooruitgang bij longkanker",
    ],
    "nl_idiom": [
        "we moeten de tering naar de nering zetten",
        "de tering naar de nering zetten, zeker nu",
        "het is tijd om de tering naar de nering te zetten met het budget",
        "draai die dop er goed op",
        "ik heb nieuwe kleren gekocht",
        "hoera, het is vrijdag",
        "we gaan klootschieten met het team",
        "eikels rapen met de kinderen",
        "de klerenkast is opgeruimd",
        "de shiitake in de lunch was top",
        "Fokker-vliegtuigen in het museum",
        "kk = kosten koper",
        "tyfoon in Azië, hopelijk is het team veilig",
        "hulde aan {team}",
    ],
    "names_nl": ["Joke", "Dick", "Willy", "Fanny", "Dikkie", "Kees", "Henk Kanters", "Joke de Vries"],
    "name_event": [
        "is vandaag jarig",
        "gaat met pensioen",
        "heeft een taart gebakken",
        "is onze nieuwe teamleider",
        "heeft de cijfers gepresenteerd",
        "neemt afscheid na 30 jaar",
        "begint maandag bij {team}",
        "heeft de borrel georganiseerd",
    ],
}

EN: dict[str, list[str]] = {
    "t_colleague": [
        "{name}",
        "{fullname}",
        "{name} from {team}",
        "my coworker",
        "that new colleague",
        "our intern",
        "my desk neighbour",
        "the IT guy",
        "{name} in finance",
        "the new hire",
        "our new dev",
        "the receptionist",
        "that trainee",
        "{name} from sales",
        "the procurement guy",
        "my teammate",
        "{name} in marketing",
        "the new analyst",
        "our project lead",
        "that contractor",
    ],
    "t_manager": [
        "my manager",
        "our team lead",
        "the director",
        "our CEO",
        "my boss",
        "our department head",
        "the new CTO",
        "manager {name}",
        "our HR manager",
        "boss man {name}",
        "my supervisor",
        "the CFO",
        "our regional manager",
        "the VP",
    ],
    "t_customer": [
        "the client from {customer}",
        "this morning's customer",
        "the buyer at {customer}",
        "{name} from {customer}",
        "that guy on the phone",
        "customer {fullname}",
        "that client in {city}",
        "our contact at {customer}",
    ],
    "t_competitor": [
        "the CEO of {competitor}",
        "that account manager at {competitor}",
        "the founder of {competitor}",
        "the sales rep from {competitor}",
    ],
    "t_person": ["{fullname}", "{name}", "that {fullname}", "{name} from {city}"],
    "tp_employer": [
        "the people at {company}",
        "management at {company}",
        "the board of {company}",
        "the suits at {company}",
        "the bosses at {company}",
    ],
    "tp_colleague": [
        "the people on {team}",
        "my coworkers",
        "the help desk guys",
        "those folks on {team}",
        "the devs here",
    ],
    "tp_customer": ["the clients at {customer}", "the people at {customer}", "customers these days"],
    "tp_competitor": ["the people at {competitor}", "those guys at {competitor}", "everyone at {competitor}"],
    "n_plain": [
        "idiot",
        "moron",
        "clown",
        "loser",
        "imbecile",
        "halfwit",
        "nitwit",
        "buffoon",
        "dimwit",
        "muppet",
        "numpty",
        "doofus",
        "airhead",
        "tool",
        "creep",
        "weasel",
        "coward",
        "slob",
        "fraud",
        "deadbeat",
        "suck-up",
        "know-it-all",
        "crybaby",
        "dunce",
        "dolt",
        "oaf",
        "twit",
        "git",
        "bonehead",
        "clod",
        "sleazeball",
        "lowlife",
        "hack",
        "leech",
        "parasite",
        "pillock",
        "plonker",
        "waste of space",
    ],
    "n_swear": [
        "asshole",
        "dickhead",
        "prick",
        "bastard",
        "dumbass",
        "jackass",
        "shithead",
        "douchebag",
        "bitch",
        "son of a bitch",
        "twat",
        "piece of shit",
        "fuckwit",
        "dipshit",
        "arsehole",
        "wanker",
    ],
    "n_pl_plain": [
        "idiots",
        "morons",
        "clowns",
        "losers",
        "amateurs",
        "hacks",
        "crooks",
        "liars",
        "buffoons",
        "imbeciles",
        "halfwits",
        "nitwits",
        "freeloaders",
        "scammers",
        "vultures",
        "muppets",
        "dunces",
    ],
    "n_pl_swear": ["assholes", "dickheads", "pricks", "bastards", "dumbasses", "jackasses", "shitheads", "douchebags"],
    "adj_e": [
        "stupid",
        "lazy",
        "useless",
        "clueless",
        "incompetent",
        "arrogant",
        "brainless",
        "pathetic",
        "smug",
        "worthless",
        "spineless",
        "disgusting",
        "insufferable",
        "two-faced",
        "pompous",
        "miserable",
    ],
    "adj": [
        "stupid",
        "lazy",
        "useless",
        "clueless",
        "incompetent",
        "brainless",
        "pathetic",
        "worthless",
        "dense",
        "hopeless",
        "dim",
        "inept",
        "gormless",
        "thick",
    ],
    "adj_phrase": [
        "dumb as a rock",
        "thick as two short planks",
        "a total waste of oxygen",
        "dumb as a box of rocks",
        "dumber than the furniture",
        "slow as molasses",
        "unbearable",
        "a walking disaster",
    ],
    "adv": ["really", "just", "so", "unbelievably", "genuinely", "completely", "totally", "honestly"],
    "reason": [
        "doesn't understand anything",
        "ruined everything again",
        "never does any work",
        "takes credit for everyone's work",
        "never reads his email",
        "sabotaged my project",
        "is always late",
        "sits on his phone all day",
        "lies about everything",
        "can't even use Excel",
        "botches every presentation",
        "misses every deadline",
        "complains about everything",
        "blames everyone else",
        "only talks about himself",
    ],
    "lead": [
        "missed the deadline again",
        "explained it three times",
        "another pointless meeting",
        "I can't take it anymore",
        "again",
        "seriously",
        "ugh",
        "unreal",
        "I swear",
        "not even joking",
    ],
    "animal": [
        "stupid cow",
        "donkey",
        "ape",
        "lazy pig",
        "rat",
        "snake",
        "hyena",
        "old goat",
        "clucking hen",
        "dumb sheep",
        "vulture",
        "leech",
        "howler monkey",
        "fat walrus",
        "cockroach",
        "worm",
        "slug",
        "weasel",
        "jackal",
        "dumb ox",
    ],
    "objectm": [
        "block of wood",
        "sack of potatoes",
        "walking dumpster fire",
        "empty suit",
        "human paperweight",
        "balloon full of hot air",
        "wet sock",
        "broken record",
        "bag of rocks",
        "mannequin with a lanyard",
        "lump of lard",
        "doorknob",
    ],
    "threat": [
        "I'll punch {T} in the face",
        "I'll beat {T} senseless",
        "I'll kill {T}",
        "I'll break {T}'s legs",
        "I'll slam {T} into a wall",
        "I'll slash {T}'s tires",
        "I'll knock {T}'s teeth out",
        "I'll smack {T} upside the head",
        "I'll push {T} down the stairs",
        "I'll put {T} in the hospital",
        "I'm going to murder {T}",
        "I'll be waiting for {T} in the parking lot",
    ],
    "cond": [
        "if {T} talks to me like that one more time",
        "if that happens again",
        "after work",
        "tomorrow",
        "if I see him outside",
        "if that email comes one more time",
        "at friday drinks",
        "if the deadline moves again",
    ],
    "looks": [
        "is a beached whale",
        "has a face like a smashed crab",
        "is ugly as sin",
        "looks like a scarecrow",
        "has a face like a dried-up prune",
        "is a fat slob",
        "waddles like a penguin",
        "has ears like satellite dishes",
        "is a walking skeleton",
        "has a nose like a ski jump",
        "has breath that could strip paint",
        "has teeth like a broken fence",
        "looks like roadkill",
        "is a pizza-faced mess",
    ],
    "sexual": [
        "{T} has a nice ass, I'd tap that",
        "{T} can bend over by the copier any time 😏",
        "with those tits {T} gets away with everything",
        "{T} is hot, bet I can get her home tonight",
        "{T} must be sleeping with the boss, that's how she got promoted",
        "I'd love to see what {T} has under that shirt 😏",
        "{T} in those tight pants, you can see everything 🤤",
        "{T} is number one on our list of hottest coworkers",
        "{T} should stick to looking pretty, thinking isn't her thing 😉",
    ],
    "t_sexual": [
        "the new intern",
        "{name} at reception",
        "our intern",
        "{name} from finance",
        "that marketing girl",
        "the new trainee",
        "{name}",
    ],
    "bully": [
        "let's just not invite {T} to drinks, nobody likes them anyway",
        "we ignore {T} in the group chat until they quit",
        "lol we humiliated {T} in the meeting again 😂",
        "{T} always eats lunch alone, good, sad case",
        "we'll keep messing with {T} until they leave crying",
        "I dropped a meme of {T}'s worst photo in the team chat lol",
        "everyone calls {T} the whining machine behind their back, deserved",
        "bet {T} cries again when we tear their work apart",
        "we moved {T}'s chair to the storage room, hint hint",
        "{T} should just resign, nobody wants that loser around",
        "who's in? every email from {T} gets a clown emoji reply 🤡",
    ],
    "sarcasm": [
        "wow {T}, another brilliant idea. the lights are on but nobody's home",
        "{T} isn't the sharpest tool in the shed, to put it kindly",
        "if stupidity hurt, {T} would be screaming all day",
        "{T} didn't exactly invent the wheel",
        "gosh {T}, impressive that you can spell your own name",
        "{T} is a genius... at making excuses",
        "{T} would get lost in a hallway with one door",
        "there's more intelligence in my coffee mug than in {T}'s head",
        "{T} has two brain cells and they're fighting for third place",
        "{T} is living proof you can fail upwards forever",
        "{T} tries their best. that's the problem",
        "{T} has the charm of a wet sock",
        "{T} is so smart it takes three days to read an email",
        "somewhere a village is missing its idiot, and I know who it is: {T}",
        "{T} brings so much joy to the office. when they leave",
        "adorable how {T} thinks they can lead a team",
    ],
    "reporter": [
        "he",
        "she",
        "my old coworker",
        "a customer",
        "someone in the comments",
        "my old boss",
        "a visitor",
        "some troll on X",
    ],
    "role": ["coworker", "manager", "client", "intern", "boss", "teammate", "supervisor"],
    "obj": [
        "printer|is jammed again|ate my paper|prints everything crooked",
        "laptop|crashed again|has been loading for ten minutes|deleted my work",
        "coffee machine|only gives hot water|is empty again|is leaking all over the floor",
        "train|is late again|is stuck outside {city}|isn't running today",
        "wifi|keeps dropping|is painfully slow",
        "elevator|is stuck again|stops at every floor",
        "scanner|is broken again|scans everything black",
        "app|crashed again|keeps logging me out",
        "parking machine|ate my card|is broken again",
        "projector|shows nothing|keeps flickering",
        "thermostat|is set to 28 degrees|does the exact opposite",
        "bike|has another flat tire",
        "update|broke everything|wiped my settings",
        "VPN|keeps dropping|won't connect",
        "browser|crashed again|won't let me log in",
        "alarm clock|didn't go off again",
        "bus|is late again|drove right past me",
        "copier|ate my paper|is jammed again",
        "mouse|isn't responding|has a mind of its own",
        "vending machine|took my coins again|is empty again",
    ],
    "obj_adj": ["stupid", "useless", "worthless", "dumb", "ridiculous", "pointless", "idiotic", "lousy"],
    "obj_n": [
        "idiot",
        "moron",
        "piece of junk",
        "joke",
        "disaster",
        "nightmare",
        "useless brick",
        "clown",
        "lazy thing",
        "menace",
    ],
    "obj_n_swear": ["piece of shit", "pile of crap", "bastard", "fucking joke", "shitshow", "son of a bitch"],
    "self_reason": [
        "forgot my keys three times",
        "wrong meeting in my calendar",
        "coffee all over my keyboard",
        "sent the email without the attachment",
        "forgot to unmute",
        "took the wrong train",
        "left my charger at home",
        "joined the wrong Teams call",
        "forgot my own password",
        "messed up the order for the team outing",
    ],
    "self_n": ["idiot", "dork", "klutz", "muppet", "donkey", "moron", "numpty", "doofus", "dummy", "goof"],
    "fond": ["crazy", "silly", "old", "lovely", "little"],
    "fond_n": ["goofball", "legend", "rascal", "weirdo", "nerd", "chatterbox", "klutz", "grump", "troublemaker"],
    "fond_end": [
        "thanks for the cake ❤️",
        "happy birthday 🎉",
        "you won the quiz 🏆",
        "enjoy your holiday! 🌴",
        "we'll miss you ❤️",
        "what a party 😂❤️",
        "thanks for the flowers 🌷",
        "cheers to your anniversary 🥂",
    ],
    "praise": [
        "killer presentation by {T}",
        "{T} is a beast in Excel",
        "{T} absolutely killed that pitch",
        "monster result from {T}",
        "{T} is a machine with clients",
        "{T} works like a horse",
        "{T} is a rockstar",
        "sick demo by {T}",
        "{T} is a rock",
        "insanely good work {T}",
        "{T} is sly as a fox in negotiations",
        "{T} is a legend",
        "{T} is a shark at closing, hats off",
        "{T} slayed the keynote",
        "{T} crushed it",
        "{T} is a savage at closing deals 😎",
    ],
    "polite": [
        "I disagree with {T}, and I told them so politely",
        "{T} could communicate the planning better",
        "{T}'s presentation ran a bit long, the content was good though",
        "I think {T} made a reasoning error here, shall we look at it together?",
        "I'd like more clarity from {T} about the plans",
        "working with {T} is a bit bumpy, I'll set up a chat",
        "{T} was slow to reply to my email, room for improvement",
        "I was disappointed by {T}'s response, but I get the choice",
    ],
    "weather": [
        "what {A} weather",
        "this {A} weather",
        "that {A} rain",
        "{A} wind today",
        "this {A} heat",
        "{A} storm, my umbrella is wrecked",
    ],
    "w_adj": ["stupid", "lousy", "ridiculous", "idiotic", "rotten", "miserable"],
    "swear": [
        "fuck",
        "shit",
        "goddammit",
        "damn it",
        "fucking hell",
        "bloody hell",
        "for fuck's sake",
        "holy shit",
        "son of a bitch",
        "shit shit shit",
        "fuck me",
        "oh fuck",
        "bullshit",
        "ffs",
        "fml",
        "christ almighty",
        "jesus fucking christ",
        "ah shit",
        "fuck this",
        "crap",
    ],
    "swear_core": ["fuck", "shit", "goddammit", "fucking", "bullshit", "crap", "damn", "fuck", "shit", "bloody"],
    "swear_pre": ["shitty ", "fucking ", "goddamn ", "bloody ", "crappy ", "damn ", "shite ", "fucked-up "],
    "swear_thing": [
        "day",
        "train",
        "weather",
        "week",
        "printer",
        "laptop",
        "traffic",
        "noise",
        "update",
        "Monday",
        "rain",
        "mess",
        "system",
        "app",
        "wifi",
        "elevator",
        "alarm",
        "heat",
        "cold",
        "deadline",
    ],
    "situation": [
        "train delayed again",
        "laptop crashed",
        "forgot the meeting",
        "missed the bus again",
        "coffee all over my keyboard",
        "wifi is down",
        "password expired again",
        "all trains to {city} cancelled",
        "traffic on the ring road",
        "lost my badge",
        "forgot to save",
        "the server is down",
        "parking ticket",
        "the printer won't print",
        "phone's dead",
        "the release got pushed",
        "forgot to unmute",
        "the elevator is stuck",
        "my bike got stolen",
        "the conference got cancelled",
        "out of coffee",
        "rain again",
        "sent the email to the wrong person",
        "deadline is today not tomorrow",
    ],
    "excited": [
        "we won",
        "what a quarter",
        "what a party",
        "we closed the deal",
        "holiday at last",
        "what a view",
        "what a turnout",
        "bonus landed",
        "the project is live",
        "what a goal",
    ],
    "minced": [
        "darn",
        "gosh",
        "oh shoot",
        "dang",
        "jeez",
        "oops",
        "frick",
        "fudge",
        "oh my goodness",
        "crikey",
        "ugh",
        "oh no",
        "holy moly",
        "rats",
        "blimey",
        "gee",
    ],
    "medical": [
        "got my typhoid shot for the trip to {city}",
        "proud {company} raises money for cancer research 🎗️",
        "our colleague is walking for the cancer charity, please sponsor her",
        "TB used to be called consumption",
        "chickenpox is going around the daycare",
        "my colleague researches cancer cells at the hospital in {city}",
        "remember your typhoid vaccine before you travel",
        "my mum beat cancer ❤️",
        "{name} works in the oncology ward",
        "skin cancer awareness talk at lunch today",
        "the cancer charity in {city} is looking for volunteers",
        "smallpox vaccines used to be mandatory",
        "walking for cancer research, donate via the link",
        "World Cancer Day, a big hug to everyone fighting",
        "researchers in {city} make progress on lung cancer",
        "cholera outbreaks documentary was fascinating",
    ],
    "en_idiom": [
        "screw the lid on tight",
        "tighten the screws on the budget",
        "the assessment went great",
        "our new assistant starts monday",
        "cocktails on the rooftop",
        "the shiitake at lunch was great",
        "a peacock at the park",
        "the cockpit tour was amazing",
        "the dam holds back the river",
        "hello everyone!",
        "scrap the old plan",
        "the bass player was incredible",
        "grab your fanny pack, we're hiking",
        "come hell or high water we ship friday",
        "a hell of a result",
        "class reunion this weekend",
        "the Hancock building in {city}",
    ],
    "names_nl": ["Joke", "Dick", "Willy", "Fanny", "Randy", "Dick van Dam", "Joke de Vries", "Mr. Hancock"],
    "name_event": [
        "has a birthday today",
        "is retiring",
        "baked a cake",
        "is our new team lead",
        "presented the figures",
        "says goodbye after 30 years",
        "starts on {team} monday",
        "organised the drinks",
    ],
}


# --------------------------------------------------------------------------
# generators per language


class Gen:
    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang = lang
        self.v = NL if lang == "nl" else EN
        self.rng = rng

    def p(self, key: str) -> str:
        return pick(self.rng, self.v[key])

    def target(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.35:
            return self.p("t_colleague"), "insult-colleague"
        if r < 0.60:
            return self.p("t_manager"), "insult-manager"
        if r < 0.78:
            return self.p("t_customer"), "insult-customer"
        if r < 0.88:
            return self.p("t_competitor"), "insult-competitor"
        return self.p("t_person"), "insult-person"

    def ptarget(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.3:
            return self.p("tp_employer"), "insult-employer"
        if r < 0.55:
            return self.p("tp_colleague"), "insult-colleague"
        if r < 0.75:
            return self.p("tp_customer"), "insult-customer"
        if r < 0.9:
            return "{competitor}", "insult-competitor"
        return self.p("tp_competitor"), "insult-competitor"

    def noun(self, swear_p: float = 0.3, obf_p: float = 0.15) -> tuple[str, bool, bool]:
        swear = self.rng.random() < swear_p
        n = self.p("n_swear" if swear else "n_plain")
        obf = self.rng.random() < obf_p
        if obf:
            n = obfuscate(n, self.rng)
        return n, swear, obf

    def art(self, n: str) -> str:
        if self.lang == "nl":
            return "een " + n
        low = n.lower()
        vowel = low[:1] in "aeiou" and not low.startswith(("use", "uni", "one", "eu"))
        return ("an " if vowel else "a ") + n

    # ---------------- insult positives
    def insult_noun(self) -> Item:
        t, kind = self.target()
        n, swear, obf = self.noun()
        nl = self.lang == "nl"
        forms = (
            [
                f"{t} is {self.art(n)}",
                f"{t} is echt {self.art(n)}",
                f"eerlijk? {t} is gewoon {self.art(n)}",
                f"wat {self.art(n)} is {t}",
                f"{t} is zo'n {n}, niet normaal",
                f"{t}, wat {self.art(n)}",
                f"{t} = {n}",
                f"{self.p('lead')}, {t} is echt {self.art(n)}",
                f"{t} {self.p('reason')}, wat {self.art(n)}",
                f"ik werk met {t} en dat is {self.art(n)}",
                f"{t} is de grootste {n} die ik ken",
                f"ngl {t} is {self.art(n)}",
            ]
            if nl
            else [
                f"{t} is {self.art(n)}",
                f"{t} is seriously {self.art(n)}",
                f"honestly? {t} is just {self.art(n)}",
                f"what {self.art(n)} {t} is",
                f"{t} is such {self.art(n)}, unreal",
                f"{t}, what {self.art(n)}",
                f"{t} = {n}",
                f"{self.p('lead')}, {t} is such {self.art(n)}",
                f"{t} {self.p('reason')}, what {self.art(n)}",
                f"I work with {t} and they're {self.art(n)}",
                f"{t} is the biggest {n} I know",
                f"ngl {t} is {self.art(n)}",
            ]
        )
        text = pick(self.rng, forms)
        labels = [INS, PRO] if swear else [INS]
        return text, labels, "obfuscated-insult" if obf else kind

    def insult_adj(self) -> Item:
        t, kind = self.target()
        nl = self.lang == "nl"
        if self.rng.random() < 0.5:
            a, n, swear, obf = self.p("adj_e"), *self.noun(0.2, 0.1)
            text = (
                pick(self.rng, [f"{t} is een {a} {n}", f"wat een {a} {n} is {t}", f"{t}: {a} {n}"])
                if nl
                else pick(self.rng, [f"{t} is {self.art(a)} {n}", f"what {self.art(a)} {n} {t} is", f"{t}: {a} {n}"])
            )
        else:
            swear, obf = False, False
            if self.rng.random() < 0.3:
                a = self.p("adj_phrase")
            else:
                a = self.p("adv") + " " + self.p("adj")
                if self.rng.random() < 0.15:
                    w = a.split()
                    a, obf = " ".join(w[:-1] + [obfuscate(w[-1], self.rng)]), True
            text = (
                pick(
                    self.rng,
                    [
                        f"{t} is {a}",
                        f"{t} is {a}, {self.p('reason')}",
                        f"{t} {self.p('reason')}, echt {a}" if a.startswith("zo") else f"{t} {self.p('reason')}, {a}",
                    ],
                )
                if nl
                else pick(
                    self.rng, [f"{t} is {a}", f"{t} is {a}, {self.p('reason')}", f"{t} {self.p('reason')}, just {a}"]
                )
            )
        return text, [INS, PRO] if swear else [INS], "obfuscated-insult" if obf else kind

    def insult_plural(self) -> Item:
        t, kind = self.ptarget()
        swear = self.rng.random() < 0.25
        n = self.p("n_pl_swear" if swear else "n_pl_plain")
        obf = self.rng.random() < 0.12
        if obf:
            n = obfuscate(n, self.rng)
        nl = self.lang == "nl"
        text = (
            pick(
                self.rng,
                [
                    f"{t} zijn een stel {n}",
                    f"{t} zijn allemaal {n}",
                    f"wat een stelletje {n} zijn {t}",
                    f"{t}? {n}, stuk voor stuk",
                    f"ik werk tussen de {n}: {t}",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"{t} are a bunch of {n}",
                    f"{t} are all {n}",
                    f"what a pack of {n} {t} are",
                    f"{t}? {n}, every last one",
                    f"surrounded by {n}: {t}",
                ],
            )
        )
        return text, [INS, PRO] if swear else [INS], "obfuscated-insult" if obf else kind

    def animal(self) -> Item:
        t, _ = self.target()
        key = "animal" if self.rng.random() < 0.65 else "objectm"
        m = self.p(key)
        nl = self.lang == "nl"
        text = (
            pick(self.rng, [f"{t} is een {m}", f"wat een {m} is {t}", f"{t} is gewoon een {m}", f"{t}, die {m}"])
            if nl
            else pick(
                self.rng,
                [f"{t} is {self.art(m)}", f"what {self.art(m)} {t} is", f"{t} is just {self.art(m)}", f"{t}, that {m}"],
            )
        )
        return text, [INS], "animal-metaphor" if key == "animal" else "object-metaphor"

    def threat(self) -> Item:
        t, _ = self.target()
        thr = self.p("threat").replace("{T}", t)
        c = self.p("cond").replace("{T}", "hij" if self.lang == "nl" else "he")
        if self.rng.random() < 0.5:
            text = f"{thr} {c}"
        elif self.lang == "nl":
            w = thr.split(" ", 2)  # "ik sla rest" -> "sla ik rest"
            inv = f"{w[1]} ik {w[2]}"
            text = f"{c}, dan {inv}" if c.startswith("als ") else f"{c} {inv}"
        else:
            text = f"{c}, {thr}"
        return text, [INS], "threat-person"

    def looks(self) -> Item:
        t, _ = self.target()
        text = f"{t} {self.p('looks')}"
        if self.rng.random() < 0.4:
            text += pick(self.rng, [" lol", " 😂", " haha", ", gatver" if self.lang == "nl" else ", gross", ""])
        return text, [INS], "mock-looks"

    def sexual(self) -> Item:
        return self.p("sexual").replace("{T}", self.p("t_sexual")), [INS], "sexual-remark"

    def bully(self) -> Item:
        t = pick(self.rng, self.v["t_colleague"][:12])
        return self.p("bully").replace("{T}", t), [INS], "bullying"

    def sarcasm(self) -> Item:
        t, _ = self.target()
        return self.p("sarcasm").replace("{T}", t), [INS], "sarcasm-putdown"

    # ---------------- insult negatives
    def negation(self) -> Item:
        t, _ = self.target()
        n, swear, _ = self.noun(0.0, 0.1)
        nl = self.lang == "nl"
        text = (
            pick(
                self.rng,
                [
                    f"{t} is geen {n}, die heeft gewoon een slechte dag",
                    f"ik vind {t} helemaal geen {n}",
                    f"ik zou {t} nooit {self.art(n)} noemen",
                    f"niemand verdient het om {self.art(n)} genoemd te worden, ook {t} niet",
                    f"{t} is niet {pick(self.rng, ['lui', 'dom', 'incompetent', 'waardeloos', 'traag'])}, "
                    "die heeft gewoon te veel op z'n bord",
                    f"zeg niet dat {t} {self.art(n)} is, dat klopt gewoon niet",
                    f"{t} {self.art(n)}? echt niet, topcollega",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"{t} isn't {self.art(n)}, just having a bad day",
                    f"I don't think {t} is {self.art(n)} at all",
                    f"I'd never call {t} {self.art(n)}",
                    f"nobody deserves to be called {self.art(n)}, {t} included",
                    f"{t} isn't {pick(self.rng, ['lazy', 'stupid', 'incompetent', 'useless', 'slow'])}, "
                    "they just have too much on their plate",
                    f"don't say {t} is {self.art(n)}, it's simply not true",
                    f"{t} {self.art(n)}? no way, great colleague",
                ],
            )
        )
        return text, [], "negation"

    def quote(self) -> Item:
        n, swear, _ = self.noun(0.15, 0.1)
        rep = self.p("reporter")
        nl = self.lang == "nl"
        text = (
            pick(
                self.rng,
                [
                    f"{rep} noemde me '{n}' en dat deed echt pijn",
                    f"{rep} noemde mij {self.art(n)}. Blokkeren en door",
                    f"op m'n vorige werk werd ik elke dag '{n}' genoemd, nu durf ik erover te praten",
                    f"vandaag werd ik in een mail '{n}' genoemd, ik heb het gemeld bij HR",
                    f"'{n}' riep {rep} naar onze stand, wij gaven hem gratis koffie",
                    f"uit de enquête: veel medewerkers zijn weleens '{n}' genoemd op het werk",
                    f"in de serie noemt de baas iedereen '{n}' 😂",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"{rep} called me '{n}' and it really hurt",
                    f"{rep} called me {self.art(n)}. block and move on",
                    f"at my old job I got called '{n}' every day, only now can I talk about it",
                    f"got an email today calling me '{n}', reported it to HR",
                    f"'{n}' {rep} shouted at our booth, we gave him free coffee",
                    f"from the survey: lots of staff have been called '{n}' at work",
                    f"in the show the boss calls everyone '{n}' 😂",
                ],
            )
        )
        return text, [], "quote-report"

    def counter(self) -> Item:
        n = self.p("n_pl_plain")
        role = self.p("role")
        nl = self.lang == "nl"
        text = (
            pick(
                self.rng,
                [
                    f"collega's uitschelden voor {n} is nooit oké",
                    f"je {role} online afkraken is gewoon niet professioneel",
                    f"mensen {n} noemen zegt meer over jou dan over hen",
                    f"wie een {role} bedreigt hoort hier niet thuis",
                    f"opmerkingen over het uiterlijk van een {role} horen niet op de werkvloer",
                    f"stop met pesten, een {role} buitensluiten is niet grappig",
                    f"feedback aan een {role} kan zonder scheldwoorden",
                    f"ook als je boos bent: een {role} noem je geen {n[:-1] if n.endswith('s') else n}",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"calling colleagues {n} is never ok",
                    f"trashing your {role} online is just unprofessional",
                    f"calling people {n} says more about you than about them",
                    f"threaten {self.art(role)} and you don't belong here",
                    f"comments about a {role}'s looks don't belong at work",
                    f"stop bullying, leaving {self.art(role)} out isn't funny",
                    f"you can give {self.art(role)} feedback without name-calling",
                    f"even when you're angry, you don't call {self.art(role)} names",
                ],
            )
        )
        return text, [], "counter-speech"

    def question(self) -> Item:
        n, swear, _ = self.noun(0.0, 0.05)
        role = self.p("role")
        nl = self.lang == "nl"
        text = (
            pick(
                self.rng,
                [
                    f"is het oké om je {role} {self.art(n)} te noemen?",
                    f"is '{n}' een scheldwoord?",
                    f"wat doe je als een {role} je steeds {self.art(n)} noemt?",
                    f"mag je een {role} lastig noemen in een intern verslag?",
                    f"hoe ga je om met een {role} die je uitscheldt?",
                    f"is het pesten als je een {role} nooit uitnodigt?",
                    f"is het strafbaar om je {role} online {self.art(n)} te noemen?",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"is it ok to call your {role} {self.art(n)}?",
                    f"is '{n}' an insult?",
                    f"what do you do when a {role} keeps calling you {self.art(n)}?",
                    f"is it ok to call a {role} difficult in an internal report?",
                    f"how do you deal with a {role} who insults you?",
                    f"is it bullying if you never invite a {role} along?",
                    f"can you get in trouble for calling your {role} {self.art(n)} online?",
                ],
            )
        )
        return text, [], "question"

    def object_abuse(self) -> Item:
        parts = self.p("obj").split("|")
        o, fail = parts[0], pick(self.rng, parts[1:])
        nl = self.lang == "nl"
        r = self.rng.random()
        labels: list[str] = []
        if r < 0.4:
            a = self.p("obj_adj")
            if nl and a == "rot":
                text = f"die rot{o} {fail}"
            else:
                text = f"die {a} {o} {fail}" if nl else pick(self.rng, [f"this {a} {o} {fail}", f"the {a} {o} {fail}"])
        else:
            swear = self.rng.random() < 0.3
            n = self.p("obj_n_swear" if swear else "obj_n")
            if self.rng.random() < 0.15:
                w = n.split()
                n = " ".join(w[:-1] + [obfuscate(w[-1], self.rng)])
            text = (
                pick(
                    self.rng,
                    [f"die {o} is echt een {n}", f"de {o} {fail}, wat een {n}", f"{fail}... die {o} is zo'n {n}"],
                )
                if nl
                else pick(
                    self.rng,
                    [
                        f"this {o} is such {self.art(n)}",
                        f"the {o} {fail}, what {self.art(n)}",
                        f"{fail}... this {o} is {self.art(n)}",
                    ],
                )
            )
            labels = [PRO] if swear else []
        return text, labels, "object-abuse"

    def weather(self) -> Item:
        return self.p("weather").replace("{A}", self.p("w_adj")), [], "weather"

    def self_dep(self) -> Item:
        n = self.p("self_n")
        if self.rng.random() < 0.2:
            n = obfuscate(n, self.rng)
        r = self.p("self_reason")
        nl = self.lang == "nl"
        text = (
            pick(
                self.rng,
                [
                    f"ik ben zo'n {n} vandaag 😂 {r}",
                    f"wat ben ik een {n}, {r}",
                    f"{n} die ik ben, {r}",
                    f"{r}. ik ben echt een {n} 🙈",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"I'm such {self.art(n)} today 😂 {r}",
                    f"what {self.art(n)} I am, {r}",
                    f"{n} that I am, {r}",
                    f"{r}. total {n} move 🙈",
                ],
            )
        )
        return text, [], "self-deprecation"

    def teasing(self) -> Item:
        nl = self.lang == "nl"
        f, fn, end = self.p("fond"), self.p("fond_n"), self.p("fond_end")
        text = (
            pick(self.rng, [f"{{name}}, jij {f} {fn}, {end}", f"onze {fn} {{name}}: {end}"])
            if nl
            else pick(self.rng, [f"{{name}}, you {f} {fn}, {end}", f"our resident {fn} {{name}}: {end}"])
        )
        return text, [], "friendly-teasing"

    def praise(self) -> Item:
        t = pick(
            self.rng,
            [
                "{name}",
                "{team}",
                "{fullname}",
                "onze stagiair" if self.lang == "nl" else "our intern",
                "mijn manager" if self.lang == "nl" else "my manager",
            ],
        )
        return self.p("praise").replace("{T}", t), [], "praise"

    def polite(self) -> Item:
        t, _ = self.target()
        return self.p("polite").replace("{T}", t), [], "polite-criticism"

    # ---------------- profanity
    def prof_situation(self) -> Item:
        sit = self.p("situation")
        obf = self.rng.random() < 0.2
        s = obfuscate(self.p("swear_core"), self.rng) if obf else self.p("swear")
        forms = [f"{s}, {sit}", f"{sit}, {s}", f"{sit}... {s}"]
        if " " not in s:
            forms.append(f"{s} {s}, {sit}")
        text = pick(self.rng, forms)
        return text, [PRO], "obfuscated-swear" if obf else "swear-situation"

    def prof_compound(self) -> Item:
        pre, thing = self.p("swear_pre"), self.p("swear_thing")
        nl = self.lang == "nl"
        word = f"{pre}{thing}" if nl else f"{pre}{thing}"
        text = (
            pick(
                self.rng,
                [
                    f"wat een {word}",
                    f"weer zo'n {word}",
                    f"die {word} ook",
                    f"{word}, echt waar",
                    f"pfff {word} vandaag",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"what a {word}",
                    f"another {word}",
                    f"this {word} though",
                    f"{word}, seriously",
                    f"ugh, {word} today",
                ],
            )
        )
        return text, [PRO], "swear-situation"

    def prof_excited(self) -> Item:
        s = pick(
            self.rng,
            ["fuck ja", "holy shit", "godverdomme", "tering", "kanker", "fucking", "kolere", "shit man"]
            if self.lang == "nl"
            else ["fuck yeah", "holy shit", "fucking hell", "goddamn", "holy fuck", "fucking", "shit man", "damn"],
        )
        e = self.p("excited")
        return pick(self.rng, [f"{s}, {e}!", f"{s} {e} 🎉", f"{e}, {s}!!"]), [PRO], "swear-excited"

    def prof_neg(self) -> Item:
        r = self.rng.random()
        nl = self.lang == "nl"
        if r < 0.3:
            return f"{self.p('minced')}, {self.p('situation')}", [], "minced-oath"
        if r < 0.5:
            return self.p("medical"), [], "medical"
        if r < 0.65:
            return self.p("nl_idiom" if nl else "en_idiom"), [], "idiom"
        if r < 0.8:
            return f"{self.p('names_nl')} {self.p('name_event')}", [], "name-lookalike"
        if r < 0.9:
            return (
                self.p("situation")
                + pick(
                    self.rng,
                    [", jammer", ", volgende keer beter", " 🙃", ", ach ja"]
                    if nl
                    else [", oh well", ", next time", " 🙃", ", such is life"],
                ),
                [],
                "everyday",
            )
        s = self.p("swear_core")
        text = (
            pick(
                self.rng,
                [
                    f"mijn zoontje zei vandaag '{s}', wij lagen dubbel",
                    f"is '{s}' eigenlijk een vloek?",
                    f"op kantoor spreken we af: geen '{s}' in de klantenchat",
                ],
            )
            if nl
            else pick(
                self.rng,
                [
                    f"my toddler said '{s}' today, we were crying laughing",
                    f"is '{s}' actually swearing?",
                    f"team rule: no '{s}' in the customer chat",
                ],
            )
        )
        return text, [], "quote-report" if "'" in text and "?" not in text else "question"


def build(
    lang: str, area: str, seed: int, plan: list[tuple[Callable[[], Item], int]], rng: random.Random
) -> list[dict]:
    seen: set[str] = set()
    out: list[dict] = []
    for fn, count in plan:
        made, tries = 0, 0
        while made < count and tries < count * 40:
            tries += 1
            text, labels, kind = fn()
            text = decorate(text, rng, lang, positive=bool(labels), kind=kind)
            key = text.lower()
            if key in seen:
                continue
            seen.add(key)
            out.append({"text": text, "labels": labels, "kind": kind, "source": "template"})
            made += 1
    return out


def main() -> None:
    for lang, seed in (("nl", 1101), ("en", 2202)):
        rng = random.Random(seed)
        g = Gen(lang, rng)
        insult_plan = [
            (g.insult_noun, 260),
            (g.insult_adj, 110),
            (g.insult_plural, 70),
            (g.animal, 55),
            (g.threat, 45),
            (g.looks, 35),
            (g.sexual, 20),
            (g.bully, 25),
            (g.sarcasm, 40),
            (g.negation, 110),
            (g.quote, 85),
            (g.counter, 60),
            (g.question, 60),
            (g.object_abuse, 120),
            (g.weather, 20),
            (g.self_dep, 80),
            (g.teasing, 45),
            (g.praise, 55),
            (g.polite, 60),
        ]
        rows = build(lang, "insult", seed, insult_plan, rng)
        write(OUT_DIR / f"insult.{lang}.template.jsonl", rows)
        rng2 = random.Random(seed + 7)
        g2 = Gen(lang, rng2)
        prof_plan = [(g2.prof_situation, 150), (g2.prof_compound, 70), (g2.prof_excited, 30), (g2.prof_neg, 220)]
        rows = build(lang, "profanity", seed + 7, prof_plan, rng2)
        write(OUT_DIR / f"profanity.{lang}.template.jsonl", rows)


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(rows)}")


if __name__ == "__main__":
    main()
