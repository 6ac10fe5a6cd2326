"""Tell Dutch from English.

The bot only needs to choose between its two languages, on texts as short as "mag dit?", so a
small function-word model does better here than a general language identifier: it is exact on
the words that carry the signal and costs microseconds.
"""

from __future__ import annotations

import re

Language = str  # "nl" | "en"

_WORD_RE = re.compile(r"[a-zà-ÿ']+", re.IGNORECASE)

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent function words and a few high-signal content words; words common to both
# languages ("in", "is", "was", "over", "of") are left out on purpose.
_NL = _wordset("""
de het een en van ik je jij u uw wij we ze zij hij mijn jouw onze ons hun haar zijn niet geen
wel ook maar dan dus want omdat als wat wie waar wanneer hoe waarom welke welk mag mogen moet moeten
kan kun kunnen wil willen zou zouden heb hebt heeft hebben ben bent wordt worden werd is er
naar bij met voor door tot uit aan op om onder tegen tussen zonder na sinds
dit dat deze die daar hier nog al even heel erg veel weinig meer minder nu straks morgen gisteren
iets niets iemand niemand alles elk elke ieder iedere graag alsjeblieft bedankt dank mijzelf
collega collega's werkgever klant klanten bedrijf werk thuis vandaag nieuwe nieuw mooi leuk
ook zeker eigen hoe zit zit gaat doen doe gedaan mogelijk toegestaan privé zakelijk beleid verplicht verboden nodig
hulp vraag profiel controleer beoordeel nakijken herinner herinnering aankondiging rapport uit aan
""")

_EN = _wordset("""
the a an and of i you we they he she it my your our their his her its not no
but so because if what who where when how why which may can could should would must will shall
do does did have has had am are is be been being to from with for by at on into about
this that these those there here still already just very much many more less now today tomorrow
yesterday something nothing someone anyone everyone everything each every please thanks thank
colleague colleagues employer customer customers company work home new nice allowed private
policy rules post posting share sharing okay ok yes
ask remind announce report off
""")


def language_scores(text: str) -> tuple[float, float]:
    """Counts of Dutch and English marker words in `text`."""
    nl = en = 0.0
    for match in _WORD_RE.finditer(text[:5000].lower()):
        word = match.group(0)
        if word in _NL:
            nl += 1
        if word in _EN:
            en += 1
        # Dutch spelling patterns that English lacks.
        dutch_shape = "ij" in word or word.endswith(("heid", "lijk", "tje", "tjes", "en"))
        if len(word) > 4 and dutch_shape and word not in _EN:
            nl += 0.5
    return nl, en


def detect_language(text: str, default: Language = "en") -> Language:
    """`"nl"` or `"en"` for `text`; `default` when the text gives no signal either way."""
    nl, en = language_scores(text)
    if nl == en:
        return default
    return "nl" if nl > en else "en"
