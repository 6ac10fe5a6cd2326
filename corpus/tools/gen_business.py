# ruff: noqa: E501  (data tables: long filler lists)
"""Seeded generator for the business review corpus (template lines only).

Writes corpus/review/business.{nl,en}.template.jsonl. Authored lines live in
business.{lang}.authored.jsonl and are never touched here. Deterministic:
run `python corpus/tools/gen_business.py` from the repo root to regenerate
exactly the committed files.

Generator slots use [[slot]]; the corpus placeholders ({company}, {product},
{competitor}, {codename}, {customer}, {name}, {fullname}, {city}, {team}) are
kept verbatim for the trainer to fill.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEED = 20240611
OUT = Path(__file__).resolve().parents[1] / "review"
C, S, B, P = ("confidential-information", "sensitive-topic", "speaking-on-behalf",
              "undisclosed-promotion")

FILL = {
    "nl": {
        "pct": ["12%", "15%", "18%", "20%", "22%", "25%", "30%", "8%", "40%", "35%"],
        "money": ["2,1 miljoen", "3 miljoen", "800.000 euro", "4,5 miljoen", "1,2 miljoen", "12 miljoen", "600k"],
        "n": ["40", "25", "60", "120", "200", "35", "80", "15", "300"],
        "when": ["per 1 januari", "vanaf maart", "na de zomer", "eind dit jaar", "in het voorjaar", "per 1 april", "voor de kerst"],
        "secret": ["nog niet bekend", "nog geheim", "zeg het niet verder", "hou het even voor je", "officieel nog niks gezegd",
                   "niet doorvertellen 🤫", "niemand weet het nog", "sst", "tussen ons"],
        "metric": ["omzet", "marge", "winst", "brutomarge", "orderintake", "ebitda", "verkoop"],
        "period": ["dit kwartaal", "in Q3", "dit halfjaar", "deze maand", "dit jaar", "in Q1"],
        "q": ["Q1", "Q2", "Q3", "Q4", "mei", "september", "het voorjaar"],
        "emo": ["", " 😬", " 🤐", " 👀", " 😳", " 🙈", " 😅", "!!", " 🚀", " 🔥"],
        "open": ["", "Ff delen: ", "Niet verder vertellen maar ", "Eerlijk gezegd: ", "Pfff, ", "Zo, ", "Nou, ", "Lol ", "Hmm ", "Tja, "],
        "event": ["brand", "explosie", "gaslek", "ongeval", "stroomstoring", "overstroming", "instorting"],
        "place": ["de fabriek", "het magazijn", "het distributiecentrum", "het lab", "de bouwplaats", "het kantoor"],
        "who": ["een oud-medewerker", "{customer}", "{competitor}", "een groep klanten", "de gemeente", "een leverancier"],
        "brag": ["echt het beste", "top", "geweldig", "de allerbeste", "echt een aanrader", "nummer 1", "zo goed"],
        "deal": ["20% korting", "de eerste maand gratis", "2 halen 1 betalen", "50 euro korting", "gratis verzending", "15% korting"],
        "cta": ["Bestel nu!", "Link in bio 👇", "Gebruik mijn code!", "Rennen!", "Niet twijfelen.", "Check de site.", "Doen!"],
        "disc": ["Ik werk bij {company}", "Full disclosure: ik werk bij {company}", "#werkgever", "#ad, ik werk bij {company}",
                 "Disclaimer: {company} is mijn werkgever", "Als medewerker van {company}", "Eerlijk is eerlijk, ik werk er zelf"],
        "stance": ["betreurt", "neemt afstand van", "ontkent", "veroordeelt", "erkent"],
        "issue": ["de berichtgeving in de media", "de uitspraken van gisteren", "het incident in {city}", "de storing",
                  "de beschuldigingen", "de kritiek op {product}", "de vertraging"],
    },
    "en": {
        "pct": ["12%", "15%", "18%", "20%", "22%", "25%", "30%", "8%", "40%", "35%"],
        "money": ["2.1 million", "$3M", "800k", "4.5 million", "1.2M", "$12M", "600k"],
        "n": ["40", "25", "60", "120", "200", "35", "80", "15", "300"],
        "when": ["from January 1st", "from March", "after summer", "by year end", "in spring", "from April", "before Christmas"],
        "secret": ["not public yet", "still secret", "don't tell anyone", "keep it to yourself", "nothing official yet",
                   "shh 🤫", "nobody knows yet", "between us", "not announced"],
        "metric": ["revenue", "margin", "profit", "gross margin", "order intake", "EBITDA", "sales"],
        "period": ["this quarter", "in Q3", "this half", "this month", "this year", "in Q1"],
        "q": ["Q1", "Q2", "Q3", "Q4", "May", "September", "spring"],
        "emo": ["", " 😬", " 🤐", " 👀", " 😳", " 🙈", " 😅", "!!", " 🚀", " 🔥"],
        "open": ["", "Not gonna lie, ", "Between us, ", "Honestly, ", "Ugh, ", "So, ", "Well, ", "lol ", "Hmm ", "ngl "],
        "event": ["fire", "explosion", "gas leak", "accident", "power failure", "flood", "collapse"],
        "place": ["the plant", "the warehouse", "the distribution centre", "the lab", "the site", "the office"],
        "who": ["a former employee", "{customer}", "{competitor}", "a group of customers", "the council", "a supplier"],
        "brag": ["the best", "amazing", "incredible", "hands down the best", "a must", "number one", "so good"],
        "deal": ["20% off", "the first month free", "buy one get one free", "$50 off", "free shipping", "15% off"],
        "cta": ["Order now!", "Link in bio 👇", "Use my code!", "Run!", "Don't hesitate.", "Check the site.", "Do it!"],
        "disc": ["I work at {company}", "Full disclosure: I work at {company}", "#employee", "#ad, I work at {company}",
                 "Disclaimer: {company} is my employer", "As a {company} employee", "Fair warning, I work there"],
        "stance": ["regrets", "distances itself from", "denies", "condemns", "acknowledges"],
        "issue": ["the media coverage", "yesterday's remarks", "the incident in {city}", "the outage",
                  "the allegations", "the criticism of {product}", "the delay"],
    },
}

# (labels, kind, templates)
T = {"nl": [
    ([C], "leak-figures", [
        "[[open]]de [[metric]] zit [[period]] [[pct]] onder target, [[secret]][[emo]]",
        "[[open]][[metric]] [[pct]] lager dan vorig jaar, en dat komt pas over een maand naar buiten[[emo]]",
        "Cijfers [[period]] kwamen ver onder target binnen, bonussen zijn van tafel. [[secret]]",
        "[[open]]we draaien [[period]] [[money]] verlies, [[secret]][[emo]]",
        "Interne forecast: [[metric]] [[pct]] omlaag [[period]]. Publicatie volgt pas later",
        "De voorlopige cijfers: [[money]] minder [[metric]] dan begroot, [[secret]]",
        "[[secret]], maar de [[metric]] van {team} is [[period]] met [[pct]] gedaald[[emo]]",
        "Geen bonus dit jaar, de [[metric]] is [[pct]] lager. Directie meldt het pas [[when]]",
    ]),
    ([C, S], "layoffs", [
        "[[open]][[when]] sluiten we de vestiging in {city}, [[n]] collega's verliezen hun baan[[emo]]",
        "[[secret]], maar bij {team} verdwijnen [[when]] [[n]] banen",
        "De ontslaglijst is klaar: [[n]] mensen moeten weg [[when]]. [[secret]][[emo]]",
        "{company} schrapt [[n]] fte in {city}, de aankondiging komt pas [[when]]",
        "[[open]]ons kantoor in {city} gaat [[when]] dicht en [[n]] mensen staan op straat, [[secret]]",
        "Hoorde net dat {team} [[when]] wordt opgeheven, [[n]] plekken vervallen. [[secret]][[emo]]",
    ]),
    ([C], "teaser-launch", [
        "[[open]]werken aan iets GROOTS, lancering in [[q]], stay tuned[[emo]]",
        "Binnenkort komt de nieuwe {product} uit, in [[q]]. Meer mag ik niet zeggen[[emo]]",
        "Sneak peek van wat we in [[q]] lanceren, [[secret]][[emo]]",
        "Nog even geduld: in [[q]] komt er iets waar {competitor} niet blij van wordt[[emo]]",
        "Eerste foto van de opvolger van {product}, uit in [[q]] ([[secret]])",
    ]),
    ([C], "codename", [
        "[[open]]lange dag aan {codename} gewerkt, de demo in [[q]] moet staan[[emo]]",
        "Update over {codename}: de pilot in {city} loopt, [[secret]]",
        "{codename} gaat in [[q]] live bij de eerste klanten[[emo]]",
        "Wie zit er nog meer op {codename}? Koffie in {city}?",
    ]),
    ([C], "internal-doc", [
        "[[open]]hier de interne slides van het MT, [[secret]][[emo]]",
        "Screenshot van het interne plan voor [[q]], [[secret]]",
        "Gelekte memo: [[metric]] moet [[pct]] omhoog of er vallen koppen[[emo]]",
    ]),
    ([C], "negotiation", [
        "We bieden [[money]] voor {competitor}, [[secret]][[emo]]",
        "Ons maximum bij {customer} is [[pct]] korting, [[secret]]",
        "Onze inschrijving op de tender in {city}: [[money]]. [[secret]][[emo]]",
    ]),
    ([C], "screen-photo", [
        "Foto van het whiteboard na de strategiesessie over [[q]] 📸[[emo]]",
        "Mijn scherm vandaag, met de live [[metric]] van {team} erop[[emo]]",
    ]),
    ([S], "incident", [
        "[[open]][[event]] in [[place]] in {city}, collega's zijn naar het ziekenhuis[[emo]]",
        "Vanochtend een [[event]] bij ons in [[place]], alles ligt stil[[emo]]",
        "Na de [[event]] in [[place]] doet de inspectie onderzoek bij {company}",
        "[[open]]alweer een [[event]] in [[place]] van {company}, hoe vaak nog?[[emo]]",
    ]),
    ([S], "lawsuit", [
        "{company} wordt aangeklaagd door [[who]], de zaak dient [[when]][[emo]]",
        "[[open]]we zitten in een rechtszaak met [[who]] en het gaat slecht[[emo]]",
        "[[who]] eist [[money]] van ons, de advocaten zijn er druk mee",
    ]),
    ([S], "data-breach", [
        "[[open]]we zijn gehackt, klantgegevens liggen op straat[[emo]]",
        "Datalek bij {company}: [[n]].000 klantrecords zijn uitgelekt, [[secret]]",
        "Ransomware bij ons in {city}, alles ligt plat en [[secret]][[emo]]",
    ]),
    ([S], "reorganisation", [
        "[[open]]weer een reorganisatie bij {company}, {team} wordt [[when]] opgesplitst[[emo]]",
        "Reorganisatie [[when]]: de helft van {team} moet opnieuw solliciteren[[emo]]",
    ]),
    ([S], "takeover", [
        "{competitor} neemt ons over, [[secret]][[emo]]",
        "Gerucht: {company} wordt [[when]] verkocht, de onderhandelingen lopen[[emo]]",
    ]),
    ([S], "strike", [
        "[[open]]we leggen [[when]] het werk neer bij {company}[[emo]]",
        "Staking in [[place]] in {city}, er gaat niks de deur uit[[emo]]",
    ]),
    ([S], "investigation", [
        "De inspectie onderzoekt [[place]] van {company} in {city}[[emo]]",
        "Intern onderzoek naar fraude bij {team}, [[n]] mensen geschorst",
    ]),
    ([S], "recall", [
        "Terugroepactie: alle {product} van de laatste batch moeten terug[[emo]]",
        "[[open]]we halen {product} uit de schappen, er is iets mis met de productie[[emo]]",
    ]),
    ([B], "official-statement", [
        "Namens {company} laten wij weten dat wij [[issue]] ten zeerste betreuren",
        "{company} [[stance]] [[issue]]",
        "Wij, {company}, kondigen aan dat we [[when]] een nieuwe vestiging openen in {city}",
        "Officieel standpunt van {company}: wij [[stance]] [[issue]]",
        "Namens de directie van {company}: excuses voor [[issue]]",
        "Wij als {company} willen duidelijk maken dat wij [[issue]] serieus nemen",
        "Bij deze laat {company} weten dat [[issue]] wordt onderzocht",
        "Mededeling van {company}: [[when]] zijn al onze vestigingen gesloten",
        "Hierbij maken wij namens {company} bekend dat {fullname} de nieuwe directeur wordt",
    ]),
    ([B], "reply-as-company", [
        "@{name} Namens {company} onze excuses, we lossen het op en je krijgt [[deal]] als goedmaker",
        "Beste journalist, {company} reageert graag: [[issue]] is onjuist weergegeven",
        "Hoi {name}, vervelend! Wij van {company} sturen je kosteloos een nieuwe {product}",
        "@klant Wij als {company} nemen uw klacht over [[issue]] zeer serieus",
    ]),
    ([P], "promo-no-disclosure", [
        "[[open]]net {product} geprobeerd, [[brag]]! [[deal]] met mijn code[[emo]]",
        "Zoek je iets nieuws? {company} is [[brag]], nu [[deal]]. [[cta]]",
        "{product} is [[brag]], echt. [[cta]][[emo]]",
        "Vergeet {competitor}, {product} is [[brag]]. [[deal]] deze week! [[cta]]",
        "Iedereen in {city}: ga naar {company}, [[brag]], en nu [[deal]][[emo]]",
        "Mijn tip: {product}. [[deal]] als je via mijn link bestelt[[emo]]",
        "Waarom nog bij {competitor}? Stap over naar {company} en krijg [[deal]]. [[cta]]",
    ]),
    ([P], "fake-review", [
        "⭐⭐⭐⭐⭐ Als onafhankelijke klant: {company} is [[brag]]",
        "Mijn eerlijke, neutrale review: {product} is [[brag]], beter dan {competitor}",
        "Gewoon als consument, geen reclame: {product} is [[brag]][[emo]]",
    ]),
    ([P], "recommend-employer-offer", [
        "Vrienden, {company} heeft nu [[deal]], moet je echt doen. Ik regel het wel[[emo]]",
        "Familie-app: bij {company} krijg je nu [[deal]], stuur me een berichtje",
        "Buren, {product} is nu met [[deal]], ik kan er een voor jullie regelen[[emo]]",
    ]),
    # hard negatives
    ([], "published-figures", [
        "Zoals vandaag gepubliceerd in ons jaarverslag: de [[metric]] steeg met [[pct]][[emo]]",
        "Ons jaarverslag is uit! De [[metric]] groeide [[period]] met [[pct]], lees het via de link",
        "De officiële kwartaalcijfers staan online: [[metric]] +[[pct]]. Trots op het team",
        "In het persbericht van vanochtend: [[metric]] [[period]] [[pct]] hoger. Mooi werk allemaal",
    ]),
    ([], "own-figures-personal", [
        "Mijn hardloopcijfers [[period]]: [[pct]] beter dan vorig jaar[[emo]]",
        "Mijn spaardoel [[period]] ruim gehaald, [[pct]] boven target 💪",
    ]),
    ([], "public-news", [
        "Zoals in het nieuws: {company} heeft zelf bekendgemaakt dat de vestiging in {city} sluit. Sterkte iedereen",
        "Gelezen in de krant: [[event]] bij een bedrijf in {city}, gelukkig geen gewonden",
        "Het persbericht is uit: {company} neemt {competitor} over. Hier de link",
        "Op het nieuws vanavond: staking in de haven van {city}, benieuwd hoe het afloopt",
        "De rechtszaak tegen {competitor} staat vandaag in alle kranten",
        "{company} heeft de terugroepactie van {product} vanochtend zelf aangekondigd, info op de site",
    ]),
    ([], "press-release-shared", [
        "Ons persbericht van vandaag: we openen in {city}! #proud[[emo]]",
        "Trots om het officiële bericht van {company} te delen #proud #trots",
    ]),
    ([], "announced-launch", [
        "{product} is vandaag gelanceerd, zoals aangekondigd[[emo]] Kijk op de site",
        "Sinds gisteren te koop: {product}! Dank aan het hele team[[emo]]",
        "Zoals vorige week aangekondigd staat de nieuwe app van {company} nu live[[emo]]",
    ]),
    ([], "promo-disclosed", [
        "[[disc]]: {product} is nu met [[deal]]. [[cta]]",
        "[[disc]], dus niet neutraal, maar {product} is [[brag]][[emo]]",
        "#ad [[disc]]. Deze week [[deal]] bij ons in {city}",
        "[[disc]] en trots op onze nieuwe {product}[[emo]]",
    ]),
    ([], "job-posting", [
        "Ik werk bij {company} en we zoeken een nieuwe collega voor {team} in {city}! #vacature",
        "Vacature bij mijn werkgever {company}: {team} zoekt versterking, DM me[[emo]]",
    ]),
    ([], "own-opinion", [
        "Mijn mening, niet die van mijn werkgever: [[op_nl]]",
        "Persoonlijke mening: [[op_nl]]",
    ]),
    ([], "question", [
        "Mag ik iets zeggen over [[topic_nl]] op LinkedIn? Weet iemand de regels?",
        "Vraagje: is het ok om te posten over [[topic_nl]], of moet dat via communicatie?",
        "Weet iemand of ik iets mag delen over [[topic_nl]]?",
    ]),
    ([], "sensitive-idiom", [
        "[[open]][[idiom_nl]][[emo]]",
    ]),
    ([], "sensitive-training", [
        "Vandaag de [[drill_nl]] gehad met {team}, ging prima[[emo]]",
    ]),
    ([], "personal-we", [
        "Namens [[fam_nl]]: dank voor alle lieve berichtjes[[emo]]",
        "Wij, [[fam_nl]], organiseren zaterdag een [[do_nl]], iedereen welkom!",
    ]),
    ([], "quote-statement", [
        "De woordvoerder van {company} zei in het journaal dat [[issue]] wordt onderzocht. Hier het bericht",
        "In het persbericht van {company} staat dat het bedrijf [[issue]] betreurt, lees het via de site",
    ]),
    ([], "conf-idiom", [
        "[[open]][[confid_nl]][[emo]]",
    ]),
    ([], "secret-santa", [
        "Secret Santa bij {team}: ik heb {name} getrokken, maar dat blijft geheim[[emo]]",
        "Wie doet er mee met de Secret Santa? Max [[n]] euro en niks verklappen 🤫",
    ]),
    ([], "heads-up", [
        "Heads-up: [[hu_nl]]",
        "Even een heads-up voor iedereen in {city}: [[hu_nl]]",
    ]),
    ([], "industry-talk", [
        "In de hele sector zie je [[trend_nl]], interessant om te volgen",
        "Mooi artikel over [[trend_nl]], wat vinden jullie?",
    ]),
], "en": [
    ([C], "leak-figures", [
        "[[open]][[metric]] is [[pct]] under target [[period]], [[secret]][[emo]]",
        "[[open]][[metric]] down [[pct]] on last year and that doesn't go public for another month[[emo]]",
        "Numbers came in way below target [[period]], bonuses are off the table. [[secret]]",
        "[[open]]we're running a [[money]] loss [[period]], [[secret]][[emo]]",
        "Internal forecast: [[metric]] down [[pct]] [[period]]. Results come out later",
        "Preliminary figures: [[money]] less [[metric]] than budgeted, [[secret]]",
        "[[secret]], but {team}'s [[metric]] dropped [[pct]] [[period]][[emo]]",
        "No bonus this year, [[metric]] is down [[pct]]. Leadership only tells us [[when]]",
    ]),
    ([C, S], "layoffs", [
        "[[open]][[when]] we're closing the {city} office, [[n]] colleagues lose their jobs[[emo]]",
        "[[secret]], but [[n]] roles in {team} go [[when]]",
        "Layoff list is done: [[n]] people out [[when]]. [[secret]][[emo]]",
        "{company} is cutting [[n]] FTE in {city}, the announcement only comes [[when]]",
        "[[open]]our {city} office shuts [[when]] and [[n]] people are out of work, [[secret]]",
        "Just heard {team} gets dissolved [[when]], [[n]] roles gone. [[secret]][[emo]]",
    ]),
    ([C], "teaser-launch", [
        "[[open]]working on something BIG, launching [[q]], stay tuned[[emo]]",
        "The new {product} drops in [[q]]. That's all I'm allowed to say[[emo]]",
        "Sneak peek of what we're launching in [[q]], [[secret]][[emo]]",
        "Patience: in [[q]] something's coming that {competitor} won't like[[emo]]",
        "First pic of the {product} successor, out in [[q]] ([[secret]])",
    ]),
    ([C], "codename", [
        "[[open]]long day on {codename}, the [[q]] demo has to land[[emo]]",
        "{codename} update: the {city} pilot is running, [[secret]]",
        "{codename} goes live with the first customers in [[q]][[emo]]",
        "Who else is on {codename}? Coffee in {city}?",
    ]),
    ([C], "internal-doc", [
        "[[open]]here are the internal exec slides, [[secret]][[emo]]",
        "Screenshot of the internal plan for [[q]], [[secret]]",
        "Leaked memo: [[metric]] has to go up [[pct]] or heads will roll[[emo]]",
    ]),
    ([C], "negotiation", [
        "We're bidding [[money]] for {competitor}, [[secret]][[emo]]",
        "Our max for {customer} is [[pct]] off, [[secret]]",
        "Our bid for the {city} tender: [[money]]. [[secret]][[emo]]",
    ]),
    ([C], "screen-photo", [
        "Whiteboard after the [[q]] strategy session 📸[[emo]]",
        "My screen today, with {team}'s live [[metric]] on it[[emo]]",
    ]),
    ([S], "incident", [
        "[[open]][[event]] at [[place]] in {city}, colleagues taken to hospital[[emo]]",
        "A [[event]] at our [[place]] this morning, everything's stopped[[emo]]",
        "After the [[event]] at [[place]] inspectors are investigating {company}",
        "[[open]]another [[event]] at {company}'s [[place]], how many more?[[emo]]",
    ]),
    ([S], "lawsuit", [
        "{company} is being sued by [[who]], hearing is [[when]][[emo]]",
        "[[open]]we're in a lawsuit with [[who]] and it's going badly[[emo]]",
        "[[who]] wants [[money]] from us, the lawyers are swamped",
    ]),
    ([S], "data-breach", [
        "[[open]]we got hacked, customer data is out there[[emo]]",
        "Data breach at {company}: [[n]],000 customer records leaked, [[secret]]",
        "Ransomware at our {city} office, everything's down and [[secret]][[emo]]",
    ]),
    ([S], "reorganisation", [
        "[[open]]another reorg at {company}, {team} gets split up [[when]][[emo]]",
        "Restructure [[when]]: half of {team} has to reapply for their jobs[[emo]]",
    ]),
    ([S], "takeover", [
        "{competitor} is taking us over, [[secret]][[emo]]",
        "Rumour: {company} gets sold [[when]], talks are ongoing[[emo]]",
    ]),
    ([S], "strike", [
        "[[open]]we're walking out [[when]] at {company}[[emo]]",
        "Strike at [[place]] in {city}, nothing's leaving the building[[emo]]",
    ]),
    ([S], "investigation", [
        "Inspectors are investigating {company}'s [[place]] in {city}[[emo]]",
        "Internal fraud investigation in {team}, [[n]] people suspended",
    ]),
    ([S], "recall", [
        "Recall: every {product} from the last batch has to come back[[emo]]",
        "[[open]]we're pulling {product} off the shelves, something's wrong in production[[emo]]",
    ]),
    ([B], "official-statement", [
        "On behalf of {company}, we deeply regret [[issue]]",
        "{company} [[stance]] [[issue]]",
        "We, {company}, announce that we're opening a new branch in {city} [[when]]",
        "Official {company} position: we [[stance2]] [[issue]]",
        "On behalf of {company} leadership: apologies for [[issue]]",
        "We at {company} want to make clear that we take [[issue]] seriously",
        "{company} hereby states that [[issue]] is being investigated",
        "Notice from {company}: all our branches are closed [[when]]",
        "We hereby announce on behalf of {company} that {fullname} is the new director",
    ]),
    ([B], "reply-as-company", [
        "@{name} On behalf of {company}, our apologies, we'll fix it and you get [[deal]] to make up for it",
        "Dear journalist, {company} would like to respond: [[issue]] has been misrepresented",
        "Hi {name}, so sorry! We at {company} will send you a new {product} free of charge",
        "@customer We as {company} take your complaint about [[issue]] very seriously",
    ]),
    ([P], "promo-no-disclosure", [
        "[[open]]just tried {product}, [[brag]]! [[deal]] with my code[[emo]]",
        "Looking for something new? {company} is [[brag]], [[deal]] right now. [[cta]]",
        "{product} is [[brag]], seriously. [[cta]][[emo]]",
        "Forget {competitor}, {product} is [[brag]]. [[deal]] this week! [[cta]]",
        "Everyone in {city}: go to {company}, [[brag]], and [[deal]] now[[emo]]",
        "My tip: {product}. [[deal]] if you order through my link[[emo]]",
        "Why stay with {competitor}? Switch to {company} and get [[deal]]. [[cta]]",
    ]),
    ([P], "fake-review", [
        "⭐⭐⭐⭐⭐ As an independent customer: {company} is [[brag]]",
        "My honest, neutral review: {product} is [[brag]], beats {competitor}",
        "Just a consumer, not an ad: {product} is [[brag]][[emo]]",
    ]),
    ([P], "recommend-employer-offer", [
        "Friends, {company} has [[deal]] right now, you should do it. I'll sort it[[emo]]",
        "Family chat: {company} has [[deal]] right now, message me",
        "Neighbours, {product} comes with [[deal]] now, I can get you one[[emo]]",
    ]),
    ([], "published-figures", [
        "As published in our annual report today: [[metric]] grew [[pct]][[emo]]",
        "Our annual report is out! [[metric]] grew [[pct]] [[period]], read it at the link",
        "Official quarterly results are online: [[metric]] +[[pct]]. Proud of the team",
        "In this morning's press release: [[metric]] up [[pct]] [[period]]. Great work all",
    ]),
    ([], "own-figures-personal", [
        "My running stats [[period]]: [[pct]] better than last year[[emo]]",
        "Smashed my savings goal [[period]], [[pct]] over target 💪",
    ]),
    ([], "public-news", [
        "As in the news: {company} itself announced the {city} branch is closing. Strength everyone",
        "Read in the paper: [[event]] at a company in {city}, luckily nobody hurt",
        "Press release is out: {company} acquires {competitor}. Link here",
        "On the news tonight: strike at the {city} port, curious how it ends",
        "The lawsuit against {competitor} is in every paper today",
        "{company} announced the {product} recall itself this morning, info on the site",
    ]),
    ([], "press-release-shared", [
        "Our press release today: we're opening in {city}! #proud[[emo]]",
        "Proud to share {company}'s official announcement #proud",
    ]),
    ([], "announced-launch", [
        "{product} launched today, as announced[[emo]] Check the site",
        "On sale since yesterday: {product}! Thanks to the whole team[[emo]]",
        "As announced last week, the new {company} app is live now[[emo]]",
    ]),
    ([], "promo-disclosed", [
        "[[disc]]: {product} is [[deal]] right now. [[cta]]",
        "[[disc]], so not neutral, but {product} is [[brag]][[emo]]",
        "#ad [[disc]]. [[deal]] at our {city} store this week",
        "[[disc]] and proud of our new {product}[[emo]]",
    ]),
    ([], "job-posting", [
        "I work at {company} and we're hiring for {team} in {city}! #hiring",
        "Job opening at my employer {company}: {team} needs people, DM me[[emo]]",
    ]),
    ([], "own-opinion", [
        "My opinion, not my employer's: [[op_en]]",
        "Personal view: [[op_en]]",
    ]),
    ([], "question", [
        "Am I allowed to say anything about [[topic_en]] on LinkedIn? Anyone know the rules?",
        "Quick q: is it ok to post about [[topic_en]] or should that go via comms?",
        "Does anyone know if I can share anything about [[topic_en]]?",
    ]),
    ([], "sensitive-idiom", [
        "[[open]][[idiom_en]][[emo]]",
    ]),
    ([], "sensitive-training", [
        "Had the [[drill_en]] with {team} today, went fine[[emo]]",
    ]),
    ([], "personal-we", [
        "On behalf of [[fam_en]]: thanks for all the lovely messages[[emo]]",
        "We, [[fam_en]], are hosting a [[do_en]] on Saturday, all welcome!",
    ]),
    ([], "quote-statement", [
        "{company}'s spokesperson said on the news that [[issue]] is being looked into. Here's the piece",
        "{company}'s press release says the company regrets [[issue]], read it on the site",
    ]),
    ([], "conf-idiom", [
        "[[open]][[confid_en]][[emo]]",
    ]),
    ([], "secret-santa", [
        "Secret Santa in {team}: I drew {name}, but that stays secret[[emo]]",
        "Who's in for Secret Santa? Max $[[n]] and no spoilers 🤫",
    ]),
    ([], "heads-up", [
        "Heads up: [[hu_en]]",
        "Quick heads-up for everyone in {city}: [[hu_en]]",
    ]),
    ([], "industry-talk", [
        "Across the industry you see [[trend_en]], interesting to follow",
        "Great article on [[trend_en]], thoughts?",
    ]),
]}

EXTRA = {
    "op_nl": ["thuiswerken is productiever", "de vierdaagse werkweek moet er komen", "AI maakt ons werk leuker",
              "de trein is te duur", "elk bedrijf moet meer doen aan inclusie", "we moeten minder vliegen"],
    "topic_nl": ["de reorganisatie", "de staking", "de overname die in het nieuws was", "ons jaarverslag",
                 "de lancering van {product}", "mijn werk bij {company}", "de rechtszaak uit de krant"],
    "idiom_nl": ["mijn kledingkast heeft een reorganisatie nodig", "de printer staakt weer", "mijn kat heeft de bank overgenomen",
                 "life hack: bevries je druiven", "ik ben van de trap gevallen, alleen een blauwe plek",
                 "mijn knieën staken als ik ren", "de garage is eindelijk gereorganiseerd", "mijn peuter staakt bij het tandenpoetsen",
                 "brand in de keuken: pannenkoek verbrand", "incident op kantoor: de koekjes zijn op"],
    "drill_nl": ["brandoefening", "ontruimingsoefening", "phishingtraining", "EHBO-herhaling", "BHV-training", "securitytraining"],
    "fam_nl": ["mijn gezin", "de buurtvereniging", "ons voetbalteam", "de ouderraad", "de personeelsvereniging", "de koffieclub"],
    "do_nl": ["rommelmarkt", "BBQ", "sponsorloop", "pubquiz", "buurtfeest", "kerstmarkt"],
    "confid_nl": ["het recept van mijn marinade blijft top secret", "mijn vakantieroadmap: Italië en daarna Noorwegen",
                  "whiteboard thuis vol met de weekplanning", "mijn medaille van de marathon hangt aan de muur",
                  "onderhandelen met mijn kinderen over schermtijd", "geheim project: een boomhut voor de kinderen",
                  "mijn eigen salarisonderhandeling ging goed", "de cijfers van mijn voetbalclub zijn drama"],
    "hu_nl": ["de koffieautomaat is stuk", "morgen wegwerkzaamheden bij het station", "ik ben vrijdag vrij",
              "de lift doet het niet", "vanmiddag komt er onweer", "de kantine is dicht door verbouwing"],
    "trend_nl": ["steeds meer elektrische bestelbusjes", "krapte op de arbeidsmarkt", "stijgende energieprijzen",
                 "meer aandacht voor cybersecurity", "overnames in de techsector", "winkels die online gaan"],
    "op_en": ["remote work is more productive", "the four-day week should happen", "AI will make our jobs more fun",
              "trains are too expensive", "every company should do more on inclusion", "we should fly less"],
    "topic_en": ["the reorg", "the strike", "the takeover that was in the news", "our annual report",
                 "the {product} launch", "my job at {company}", "the lawsuit from the paper"],
    "idiom_en": ["my wardrobe needs a reorg", "the printer is on strike again", "my cat took over the sofa",
                 "life hack: freeze your grapes", "I fell down the stairs, just a bruise",
                 "my knees go on strike when I run", "the garage is finally reorganised", "my toddler is on strike at teeth-brushing",
                 "kitchen fire: burnt the pancake", "office incident: the biscuits are gone"],
    "drill_en": ["fire drill", "evacuation drill", "phishing training", "first aid refresher", "safety training", "security training"],
    "fam_en": ["my family", "the neighbourhood association", "our football team", "the PTA", "the social committee", "the coffee club"],
    "do_en": ["yard sale", "BBQ", "charity run", "pub quiz", "street party", "Christmas market"],
    "confid_en": ["my marinade recipe stays top secret", "my holiday roadmap: Italy then Norway",
                  "home whiteboard full of the weekly plan", "my marathon medal is on the wall",
                  "negotiating screen time with my kids", "secret project: a treehouse for the kids",
                  "my own salary negotiation went well", "my football club's stats are a disaster"],
    "hu_en": ["the coffee machine is broken", "roadworks by the station tomorrow", "I'm off Friday",
              "the lift is out", "thunderstorms this afternoon", "the canteen is closed for refurb"],
    "trend_en": ["more electric vans", "the labour shortage", "rising energy prices",
                 "more focus on cybersecurity", "tech acquisitions", "stores moving online"],
    "stance2": ["regret", "distance ourselves from", "deny", "condemn", "acknowledge"],
}

# how many template lines per rule side (positive / hard negative) and language
PER_RULE = 300
NEG_FOR = {
    C: ["published-figures", "own-figures-personal", "announced-launch", "conf-idiom", "secret-santa", "heads-up"],
    S: ["public-news", "sensitive-idiom", "sensitive-training", "question", "industry-talk"],
    B: ["personal-we", "quote-statement", "press-release-shared", "own-opinion"],
    P: ["promo-disclosed", "job-posting"],
}
SLOT = re.compile(r"\[\[(\w+)\]\]")


def fill(tpl: str, lang: str, rnd: random.Random) -> str:
    def rep(m: re.Match[str]) -> str:
        key = m.group(1)
        pool = FILL[lang].get(key) or EXTRA[key]
        return rnd.choice(pool)
    out = SLOT.sub(rep, tpl)
    out = SLOT.sub(rep, out)
    out = re.sub(r"\s+", " ", out).strip()
    # capitalise the first letter when the opener was empty
    if out and out[0].islower() and not out.startswith(("lol", "ngl", "ff")) and rnd.random() < 0.7:
        out = out[0].upper() + out[1:]
    if rnd.random() < 0.08:
        out = out.lower()
    return out


def gen(lang: str) -> list[dict[str, object]]:
    rnd = random.Random(f"{SEED}-{lang}")
    rows: list[dict[str, object]] = []
    authored = OUT / f"business.{lang}.authored.jsonl"
    seen: set[str] = {json.loads(line)["text"] for line in authored.open(encoding="utf-8")}

    def take(entries: list[tuple[list[str], str, list[str]]], target: int) -> None:
        got, tries = 0, 0
        while got < target and tries < target * 60:
            tries += 1
            labels, kind, tpls = rnd.choice(entries)
            text = fill(rnd.choice(tpls), lang, rnd)
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "labels": sorted(labels), "kind": kind, "source": "template"})
            got += 1

    table = T[lang]
    for rule in (C, S, B, P):
        pos = [e for e in table if rule in e[0] and (rule != S or C not in e[0])]
        if rule == C:
            pos = [e for e in table if C in e[0]]
        take(pos, PER_RULE)
        negs = [e for e in table if not e[0] and e[1] in NEG_FOR[rule]]
        take(negs, PER_RULE)
    return rows


# Clean everyday posts: authored cores (clean.{lang}.authored.jsonl) combined with
# authored openers, closers and hashtags. Label [] throughout.
CLEAN_OPEN = {
    "nl": ["", "", "", "Zo. ", "Nou, ", "Update: ", "Even delen: ", "Haha ", "Eerlijk? ", "Kleine win vandaag: ",
           "Gewoon even kwijt: ", "Pff, ", "Yes! ", "Oké, ", "Goedemiddag! "],
    "en": ["", "", "", "So. ", "Well, ", "Update: ", "Just sharing: ", "Haha ", "Honestly? ", "Small win today: ",
           "Had to say it: ", "Phew, ", "Yes! ", "Okay, ", "Afternoon all! "],
}
CLEAN_CLOSE = {
    "nl": ["", "", "", " 😊", " 🙌", " ❤️", " #vrijdag", " #teamwork", " #dankbaar", " #werkplezier", " 😂", " Fijne dag!",
           " Tot morgen!", " Wie herkent het?", " #collegas", " ✨", " 💪", " Groetjes!"],
    "en": ["", "", "", " 😊", " 🙌", " ❤️", " #friday", " #teamwork", " #grateful", " #worklife", " 😂", " Have a good one!",
           " See you tomorrow!", " Anyone else?", " #colleagues", " ✨", " 💪", " Cheers!"],
}
CLEAN_TARGET = 900


def gen_clean(lang: str) -> list[dict[str, object]]:
    rnd = random.Random(f"{SEED}-clean-{lang}")
    src = OUT / f"clean.{lang}.authored.jsonl"
    cores = [json.loads(line) for line in src.open(encoding="utf-8")]
    short = [c for c in cores if c["kind"] != "long-post"]
    seen = {str(c["text"]) for c in cores}
    rows: list[dict[str, object]] = []
    tries = 0
    while len(rows) < CLEAN_TARGET and tries < CLEAN_TARGET * 50:
        tries += 1
        a = rnd.choice(short)
        text = str(a["text"])
        kind = str(a["kind"])
        if rnd.random() < 0.4:
            b = rnd.choice(short)
            if b["kind"] == a["kind"]:
                continue
            sep = "" if text.endswith((".", "!", "?")) else "."
            text = f"{text}{sep} {b['text']}"
            kind = "mixed-everyday"
        opener = rnd.choice(CLEAN_OPEN[lang])
        if opener and text[:1].isupper() and not text.startswith("{"):
            text = text[0].lower() + text[1:] if opener.endswith((", ", ": ")) else text
        text = (opener + text + rnd.choice(CLEAN_CLOSE[lang])).strip()
        if rnd.random() < 0.06:
            text = text.lower()
        if text in seen:
            continue
        seen.add(text)
        rows.append({"text": text, "labels": [], "kind": kind, "source": "template"})
    return rows


def main() -> None:
    for lang in ("nl", "en"):
        crow = gen_clean(lang)
        cpath = OUT / f"clean.{lang}.template.jsonl"
        with cpath.open("w", encoding="utf-8") as f:
            for r in crow:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(cpath, len(crow))
    for lang in ("nl", "en"):
        rows = gen(lang)
        path = OUT / f"business.{lang}.template.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(path, len(rows))


if __name__ == "__main__":
    main()
