"""The features the learned review layer reads: one function shared by training and run time.

Training hands `analyze` to scikit-learn's `TfidfVectorizer(analyzer=analyze)`, and the run-time
scorer calls the same function, so both see exactly the same features. A text is normalised first
(`bot.text.normalize`: contractions, leetspeak, stretched and spaced-out words), folded to lower case
without accents, and split into words and single symbols (emoji and `?`, `!`, `%`, `€` carry
meaning). The features are the words, pairs of neighbouring words, and the character 3- to 5-grams
of each word padded with spaces, which let the model recognise misspellings, Dutch compounds and
diminutives it never saw whole.

The employer's names, products, competitors and code names are replaced by fixed tokens before
scoring (`COMPANY_TOKENS`), so the model learns what is said about "the company" and not about any
one company.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.text.normalize import normalize

# Placeholders of the training corpus and the token each becomes (also at run time, from company.yaml).
COMPANY_TOKENS = {
    "company": "xcompanyx",
    "product": "xproductx",
    "competitor": "xcompetitorx",
    "codename": "xcodenamex",
}
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[^\w\s]")
_NGRAM_SIZES = (3, 4, 5)
_MAX_WORD = 30  # longer "words" (hashes, URLs) give n-grams of no use


def fold(text: str) -> str:
    """Lower case without accents ("Privé" -> "prive")."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", lowered))


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, ...]:
    """The features of one folded word: the word itself and its padded character n-grams."""
    out = ["w:" + word]
    if word[0].isalnum() and len(word) <= _MAX_WORD:
        padded = f" {word} "
        for n in _NGRAM_SIZES:
            if len(padded) < n:
                break
            out.extend(padded[i:i + n] for i in range(len(padded) - n + 1))
    return tuple(out)


def tokens(text: str) -> list[str]:
    """The folded words and symbols of an already normalised text."""
    return _TOKEN_RE.findall(fold(text))


def analyze_normalized(text: str) -> list[str]:
    """Features of a text that `normalize` has already seen."""
    words = tokens(text)
    features: list[str] = []
    extend = features.extend
    for word in words:
        extend(word_features(word))
    features.extend(f"{a}|{b}" for a, b in zip(words, words[1:], strict=False))
    return features


def analyze(text: str) -> list[str]:
    """Features of a raw text (normalised here)."""
    return analyze_normalized(normalize(text).text)
