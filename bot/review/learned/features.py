"""The features the learned review layer reads: one function shared by training and run time.

Training hands `analyze` to scikit-learn's `TfidfVectorizer(analyzer=analyze)`, and the run-time
scorer calls the same function, so both see exactly the same features. A text is normalised first
(`bot.text.normalize`: contractions, leetspeak, stretched and spaced-out words), folded to lower case
without accents, and split into words and single symbols (emoji and `?`, `!`, `%`, `€` carry
meaning). The features are the words, pairs of neighbouring words, and the character 3- to 5-grams
of each word padded with spaces, which let the model recognise misspellings, Dutch compounds and
diminutives it never saw whole.

Quoted spans are replaced by one token (`mask_quotes`): a sentence that reports or condemns what
someone said ("statements like '…' are hurtful") is judged by its frame, not by the words it quotes.

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
QUOTE_TOKEN = "xquotex"
# A quoted span: what someone else said, or a word mentioned rather than used. Straight single quotes
# count only when not inside a word (so "Ahmed's" and "'t" are not quotes).
QUOTED_RE = re.compile(
    r"“[^”\n]{1,200}”|„[^”“\n]{1,200}[”“]|‘[^’\n]{1,200}’|«[^»\n]{1,200}»|\"[^\"\n]{1,200}\""
    r"|(?<![\w'])'(?=\S)[^'\n]{1,200}(?<=\S)'(?![\w'])"
)


def mask_quotes(text: str) -> str:
    """Quoted spans become one token, so the model reads the frame ("statements like xquotex are hurtful")."""
    return QUOTED_RE.sub(f" {QUOTE_TOKEN} ", text) if ("'" in text or '"' in text or not text.isascii()) else text


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
    """Features of a text that `normalize` has already seen (quoted spans masked)."""
    words = tokens(mask_quotes(text))
    features: list[str] = []
    extend = features.extend
    for word in words:
        extend(word_features(word))
    features.extend(f"{a}|{b}" for a, b in zip(words, words[1:], strict=False))
    return features


def analyze(text: str) -> list[str]:
    """Features of a raw text (normalised here)."""
    return analyze_normalized(normalize(text).text)
