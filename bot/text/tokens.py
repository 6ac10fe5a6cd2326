"""Words, stems and stop words for Dutch and English.

Shared by the answering engine (and usable by the review engine): one place that decides what a
word is, so the index built from the policy pack and the questions asked of it agree exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

import snowballstemmer

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and question phrasing ("may I", "is it allowed") that say nothing about the topic.
STOPWORDS: dict[str, frozenset[str]] = {
    "nl": _wordset("""
aan af al alle alleen als alsjeblieft altijd andere ben bent bij binnen dan dat de deze die dit doe doen
door dus echt een eens eigenlijk en er even geen graag had heb hebben hebt heeft het hier hij hoe hoeveel
hun iemand iets ik in is ja je jij jou jouw juist kan kun kunnen maar mag me meer met mij mijn misschien
moet moeten mogen na naar niet niets nog nou nu of om onder ons onze ook op over precies te tegen tot toe
toch u uit uw van veel voor waar waarom wanneer want was wat we welk welke wie wij wil willen word wordt
worden zal ze zelf zich zij zijn zo zonder zou zouden eigen iets elke ieder iedere andermans daarvan
daarover daarmee erover ermee hierover waarover waarmee dingen ding gewoon eigenlijk zeggen vraag vragen
oke ok hoi hallo hey beste bedankt dank dankjewel danku goed mogelijk toegestaan
volgende vorige eerste laatste vandaag morgen gisteren straks
"""),
    "en": _wordset("""
a about after all allowed also am an and any anything are as at be because been before being but by can
could did do does doing don dont for from get got had has have having he her here him his how i if in into
is it its just let me might mine more most must my no not now of ok okay on or other our ours out over
please really shall she should so some something than that the their them then there these they thing
things this those to too up us very was we were what when where whether which while who whom whose why
will with would yes you your yours hi hello hey thanks thank need allowed permitted possible fine okay
actually exactly tell say ask asking question anyone someone somebody anybody
next last first today tomorrow yesterday soon
im ive id ill youre youve cant wont isnt arent doesnt didnt shouldnt wouldnt couldnt whats thats theres
"""),
}
ALL_STOPWORDS: frozenset[str] = STOPWORDS["nl"] | STOPWORDS["en"]

_STEMMER_NAMES = {"nl": "dutch", "en": "english"}


def fold(text: str) -> str:
    """Lower-case `text` and drop accents ("Privé" -> "prive"), so spelling variants meet."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", lowered))


def words(text: str) -> Iterator[str]:
    """The words of `text`, folded. Hyphenated words give their parts and the joined form.

    "collega's" gives "collega"; "two-factor" gives "two", "factor" and "twofactor", so a question
    written either way finds a text written the other way.
    """
    for token in _TOKEN_RE.findall(fold(text)):
        if token.isalnum():  # the common case: a plain word
            yield token
            continue
        token = token.replace("’", "'")
        if token.endswith("'s"):
            token = token[:-2]
        if "'" in token:
            token = token.replace("'", "")
        if "-" in token:
            parts = [p for p in token.split("-") if p]
            yield from parts
            if len(parts) > 1:
                yield "".join(parts)
        elif token:
            yield token


@lru_cache(maxsize=2)
def _stem_function(language: str) -> Callable[[str], str]:
    stemmer = snowballstemmer.stemmer(_STEMMER_NAMES.get(language, "english"))
    cache: dict[str, str] = {}

    def stem(word: str) -> str:
        result = cache.get(word)
        if result is None:
            result = stemmer.stemWord(word) if len(word) > 3 and not word.isdigit() else word
            if len(cache) < 200_000:
                cache[word] = result
        return result

    return stem


def stemmer_for(language: str) -> Callable[[str], str]:
    """A memoised Snowball stemmer for "nl" or "en" (English for anything else)."""
    return _stem_function(language)


def is_stopword(word: str, language: str | None = None) -> bool:
    """True for function words of `language` (of either language when None)."""
    if language is None:
        return word in ALL_STOPWORDS
    return word in STOPWORDS.get(language, ALL_STOPWORDS)
