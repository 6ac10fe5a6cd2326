"""Undo the spelling tricks people use in posts, and remember where every character came from.

Both review layers read the normalised text: the word lists and the learned scorer. Findings must
still point into what the employee wrote, so `normalize` returns, next to the new text, the offset
in the original post of every character of the new one. What it undoes:

- contractions: "aren't" -> "are not", "can't" -> "can not", "da's" -> "dat is", "'t" -> "het";
- leetspeak inside words: "1d10t" -> "idiot", "k4nker" -> "kanker" (not "Q1", "2FA", "mp3", "06");
- letters repeated for emphasis: "stoooom" -> "stoom" (at most two of a letter in a row);
- spaced-out words: "i d i o o t" -> "idioot", "i.d.i.o.o.t" -> "idioot";
- separators between single letters: "i-d-i-o-o-t" -> "idioot";
- typographic apostrophes and full-width letters (NFKC), and zero-width characters.

Everything is a single left-to-right pass of small regular expressions with bounded repetition,
so the cost is linear in the post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Only digits: "@", "$" and "!" also make e-mail addresses, prices and exclamations.
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"}
_LEET_CHARS = "013457"
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
# Full-width forms of ASCII ("ｉｄｉｏｔ") map one to one onto ASCII.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

# English and Dutch contractions. The key is matched case-insensitively as a whole word.
_CONTRACTIONS = {
    "aren't": "are not", "isn't": "is not", "wasn't": "was not", "weren't": "were not",
    "don't": "do not", "doesn't": "does not", "didn't": "did not", "can't": "can not",
    "cannot": "can not", "couldn't": "could not", "won't": "will not", "wouldn't": "would not",
    "shouldn't": "should not", "mustn't": "must not", "haven't": "have not", "hasn't": "has not",
    "hadn't": "had not", "ain't": "is not", "aint": "is not", "dont": "do not", "doesnt": "does not",
    "isnt": "is not", "arent": "are not", "cant": "can not", "wont": "will not", "shouldnt": "should not",
    "they're": "they are", "we're": "we are", "you're": "you are", "they've": "they have",
    "i'm": "i am", "im": "i am", "it's": "it is", "that's": "that is", "there's": "there is",
    "who's": "who is", "what's": "what is", "he's": "he is", "she's": "she is",
    "y'all": "you all", "ya'll": "you all", "gonna": "going to", "wanna": "want to", "gotta": "got to",
    "da's": "dat is", "das": "dat is", "'t": "het", "'n": "een", "m'n": "mijn", "z'n": "zijn",
    "d'r": "haar", "'s": "des", "ff": "even", "efkes": "even", "wss": "waarschijnlijk", "idd": "inderdaad",
    "egt": "echt", "iig": "in ieder geval", "mss": "misschien",
}


# Words with their apostrophes; each is looked up in the table (a scan in C, then one dict look-up a word).
_WORD_APOSTROPHE_RE = re.compile(r"(?<![\w'])'?[^\W\d_]+(?:'[^\W\d_]*)?(?![\w'])")
# A word with a leet character between two word characters: "1d10t", "h4te", "n00b".
_LEET_WORD_RE = re.compile(r"(?<!\w)\w*[^\W\d_]\w*(?!\w)")
_REPEAT_RE = re.compile(r"([^\W\d_])\1{2,}")
# A leet digit next to a letter: without one, the leet pass has nothing to do.
_LEET_HINT_RE = re.compile(r"[^\W\d_][013457]|[013457][^\W\d_]")
# Four or more single letters separated by one space, dot, dash, underscore or asterisk: "i d i o o t".
_SPACED_RE = re.compile(r"(?<![\w])(?:[^\W\d_][ .\-_*]){3,30}[^\W\d_](?![\w])")


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text and, for each of its characters, the offset of its source in the original.

    `origin[i]` is where `text[i]` came from; `origin[len(text)]` is the original's length, so a
    span `text[a:b]` maps back to `original[origin[a]:end_of(b)]`."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the normalised span `[start, end)`."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else self.original_length
            return at, at
        first = self.origin[start]
        last = self.origin[end - 1]
        return first, max(min(last + 1, self.original_length), first + 1)


class _Builder:
    __slots__ = ("parts", "origin")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.origin: list[int] = []

    def keep(self, text: str, offset: int) -> None:
        self.parts.append(text)
        self.origin.extend(range(offset, offset + len(text)))

    def replace(self, new: str, start: int, end: int) -> None:
        """`new` stands for original[start:end]: its characters map proportionally into that span."""
        self.parts.append(new)
        length = max(end - start, 1)
        if len(new) == end - start:
            self.origin.extend(range(start, end))
        else:
            count = len(new)
            self.origin.extend(start + min(i * length // count, length - 1) for i in range(count - 1))
            if count:
                self.origin.append(end - 1)  # the last character closes the span


def _leet_fix(word: str) -> str | None:
    """The word with leet characters read as letters, or None when it is not leetspeak."""
    letters = sum(c.isalpha() for c in word)
    if not any(c in _LEET_CHARS for c in word):
        return None
    # "t00" (one letter, then leet only) is a word too; "Q1", "A4" are not.
    if letters < 2 and not (letters == 1 and len(word) >= 3 and word[0].isalpha()):
        return None
    if word.isdigit():
        return None
    chars = list(word)
    interior = False
    for i in range(1, len(chars) - 1):
        if chars[i] in _LEET_CHARS:
            left, right = chars[i - 1], chars[i + 1]
            if (left.isalpha() or left in _LEET_CHARS) and (right.isalpha() or right in _LEET_CHARS):
                interior = True
                break
    if not interior:
        return None
    # Digits that are not leet ("covid19") make it a code, not a word.
    if any(c.isdigit() and c not in _LEET for c in word):
        return None
    return "".join(_LEET.get(c, c) for c in chars)


def _apply(text: str, pattern: re.Pattern[str], fix: object, source: Normalized | None) -> Normalized:
    """One rewriting pass; `fix(match)` returns the replacement or None to keep the match."""
    builder = _Builder()
    pos = 0
    changed = False
    for match in pattern.finditer(text):
        new = fix(match)  # type: ignore[operator]
        if new is None or new == match.group(0):
            continue
        changed = True
        start, end = match.span()
        builder.keep(text[pos:start], pos)
        builder.replace(new, start, end)
        pos = end
    if not changed:
        return source if source is not None else Normalized(text, tuple(range(len(text) + 1)), len(text))
    builder.keep(text[pos:], pos)
    new_text = "".join(builder.parts)
    local = builder.origin
    local.append(len(text))
    if source is None:
        return Normalized(new_text, tuple(local), len(text))
    # compose with the earlier map
    return Normalized(new_text, tuple(source.origin[i] for i in local), source.original_length)


def _contraction(match: re.Match[str]) -> str | None:
    word = match.group(0)
    new = _CONTRACTIONS.get(word.lower())
    if new is None:
        return None
    if word[:1].isupper():
        new = new[:1].upper() + new[1:]
    return new


def _spaced(match: re.Match[str]) -> str | None:
    letters = re.sub(r"[ .\-_*]", "", match.group(0))
    # Initials and abbreviations ("A. B. C.", "N.V.") are short; real spaced-out words are four or more.
    return letters if len(letters) >= 4 else None


def normalize(text: str) -> Normalized:
    """Undo contractions, leetspeak, stretched letters and spaced-out words (see the module doc)."""
    # One-to-one character changes first: apostrophes and full-width letters keep every offset.
    base = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    if not base.isascii():
        base = base.translate(_FULL_WIDTH)
    result = Normalized(base, tuple(range(len(base) + 1)), len(base))
    result = _apply(result.text, _ZERO_WIDTH_RE, lambda m: "", result)
    result = _apply(result.text, _SPACED_RE, _spaced, result)
    if any(d in result.text for d in _LEET_CHARS) and _LEET_HINT_RE.search(result.text):
        result = _apply(result.text, _LEET_WORD_RE, lambda m: _leet_fix(m.group(0)), result)
    result = _apply(result.text, _REPEAT_RE, lambda m: m.group(1) * 2, result)
    result = _apply(result.text, _WORD_APOSTROPHE_RE, _contraction, result)
    return result
