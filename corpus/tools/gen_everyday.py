"""Everyday posts that name people and the employer, as negatives for every rule (written for this project).

The insult and promotion corpora name people ({name}) and the company ({company}) mostly in their
positives, which would teach the model that a first name or the employer's name is itself a warning
sign. These frames put the same placeholders in greetings, thanks, farewells, job posts and first
days. Seeded: `python corpus/tools/gen_everyday.py` rewrites corpus/review/everyday.{nl,en}.template.jsonl.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "review"
SEED = 20261202

FRAMES = {
    "nl": [
        "Goedemorgen {name}, {name2} en {name3}! Klaar voor de dag? ☕", "Hoi {name}, welkom terug van vakantie!",
        "Dank je {name} voor je hulp vandaag 🙏", "Gefeliciteerd met je verjaardag {name}! 🎂",
        "Welkom in het team, {name}! Fijn dat je er bent.", "Vandaag afscheid van {name} na {years} jaar bij {company}. We gaan je missen! 💐",
        "Mijn eerste dag bij {company}! Zin in 🎉", "Trots dat ik al {years} jaar bij {company} werk.",
        "Wij zoeken een nieuwe collega voor ons team bij {company}! Ik werk er zelf, vraag me gerust wat.",
        "Leuke teamdag gehad met {team} van {company} ☀️", "{name} gaf vandaag een sterke presentatie, top gedaan!",
        "Koffie met {name} en {name2} na de stand-up, goed gesprek.", "Succes morgen {name}, je kunt het!",
        "Heel blij met de nieuwe collega's bij {company}, welkom {name} en {name2}!",
        "Wie gaat er mee lunchen? {name} trakteert 🍰", "Vandaag {years} jaar in dienst bij {company}, wat vliegt de tijd.",
        "Bedankt {fullname} voor de mooie training over klantcontact.", "Fijne feestdagen allemaal, namens mij en {name}! 🎄",
        "{name} en ik fietsen zaterdag de Tour voor het goede doel, sponsor ons!", "Op de foto: {team} na de kwartaaluitje ⛵",
    ],
    "en": [
        "Morning {name}, {name2} and {name3}! Ready for the sprint review? ☕", "Hi {name}, welcome back from holiday!",
        "Thanks {name} for your help today 🙏", "Happy birthday {name}! 🎂",
        "Welcome to the team, {name}! Great to have you.", "Saying goodbye to {name} after {years} years at {company}. We'll miss you! 💐",
        "First day at {company}! So excited 🎉", "Proud to have worked at {company} for {years} years.",
        "We're hiring! My team at {company} is looking for a new colleague. I work there myself, ask me anything.",
        "Great team day with {team} from {company} ☀️", "{name} gave a brilliant presentation today, well done!",
        "Coffee with {name} and {name2} after stand-up, good chat.", "Good luck tomorrow {name}, you've got this!",
        "So happy with our new colleagues at {company}, welcome {name} and {name2}!",
        "Who's up for lunch? {name} brought cake 🍰", "{years} years at {company} today, time flies.",
        "Thank you {fullname} for the great customer training.", "Happy holidays everyone, from me and {name}! 🎄",
        "{name} and I are cycling for charity on Saturday, sponsor us!", "In the photo: {team} after the quarterly outing ⛵",
    ],
}


def main() -> None:
    rng = random.Random(SEED)
    for lang, frames in FRAMES.items():
        lines = []
        # Lines repeat on purpose: each copy gets other invented names when the corpus is read.
        for _ in range(600):
            frame = rng.choice(frames)
            text = frame.replace("{name2}", "{name}").replace("{name3}", "{name}").replace(
                "{years}", str(rng.randint(2, 35)))
            # vary the register a little: lower case, no emoji, an exclamation
            roll = rng.random()
            if roll < 0.2:
                text = text.lower()
            elif roll < 0.35:
                text = "".join(c for c in text if ord(c) < 0x2000).strip()
            lines.append(json.dumps({"text": text, "labels": [], "kind": "everyday-names", "source": "template"},
                                    ensure_ascii=False))
        (OUT / f"everyday.{lang}.template.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(lang, len(lines))


if __name__ == "__main__":
    main()
