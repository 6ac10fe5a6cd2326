"""Tokens with offsets, and a phrase matcher over them.

Every detector works on the same token list of the ORIGINAL post, so each finding's offsets are
plain Python string indices into what the employee wrote (emoji, markup and all). Matching is a
dictionary lookup per token, so the cost grows linearly with the length of the post and no
regular expression can backtrack catastrophically on a long or hostile input.

Lexicon entries are written as words separated by spaces:

- `word`      matches that word, case-insensitively;
- `word*`     matches any word starting with `word` (at least 3 letters before the `*`);
- `#word`     matches the hashtag `#word` only;
- `~`         stands for 0 to 3 arbitrary words in between (`moet je ~ proberen`);
- `!word`     (a whole entry) is an exception: a token equal to it is never matched by a `*` entry
               of the same list (`kanker*` with `!kanker`, `!kankeronderzoek`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TOKEN_RE = re.compile(r"#?\w+")
SENTENCE_END_RE = re.compile(r"[.!?\n]")
GAP_MAX = 3
MIN_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the post: where it is, its lower-case form, and a little about its shape."""

    start: int
    end: int
    word: str  # lower case, without a leading '#'
    hashtag: bool
    capitalised: bool
    sentence: int


def tokenize(text: str) -> list[Token]:
    """The words of `text` with offsets into `text` and the number of the sentence they are in."""
    tokens: list[Token] = []
    sentence = 0
    last_end = 0
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if tokens and SENTENCE_END_RE.search(text, last_end, start):
            sentence += 1
        raw = match.group(0)
        hashtag = raw.startswith("#")
        body = raw[1:] if hashtag else raw
        tokens.append(Token(start, end, body.lower(), hashtag, body[:1].isupper(), sentence))
        last_end = end
    return tokens


@dataclass(frozen=True, slots=True)
class Part:
    """One word of a lexicon entry."""

    word: str
    prefix: bool = False
    hashtag: bool = False
    gap: bool = False

    def matches(self, token: Token) -> bool:
        if self.hashtag and not token.hashtag:
            return False
        if self.prefix:
            return token.word.startswith(self.word)
        return token.word == self.word


def parse_entry(entry: str) -> tuple[Part, ...]:
    """Split a lexicon entry into its parts (see the module docstring for the syntax)."""
    parts: list[Part] = []
    for raw in entry.strip().split():
        if raw == "~":
            if parts and not parts[-1].gap:
                parts.append(Part("", gap=True))
            continue
        hashtag = raw.startswith("#")
        body = raw[1:] if hashtag else raw
        prefix = body.endswith("*")
        body = body.rstrip("*").lower()
        # An entry word may itself contain punctuation ("homo's", "2-for-1"); split it the way the
        # tokenizer splits the post, so both sides agree.
        words = [m.group(0) for m in re.finditer(r"\w+", body)]
        for index, word in enumerate(words):
            last = index == len(words) - 1
            parts.append(Part(word, prefix=prefix and last, hashtag=hashtag and index == 0))
    while parts and parts[-1].gap:
        parts.pop()
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found in the post: token range [first, last] and the entry's label."""

    first: int
    last: int
    label: str
    entry: str


class PhraseMatcher:
    """Finds lexicon entries in a token list in time linear in the number of tokens."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        """`entries` are (entry text, label) pairs; the label says which list the entry came from."""
        self._exact: dict[str, list[tuple[tuple[Part, ...], str, str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[Part, ...], str, str]]] = {}
        self._exceptions: set[str] = set()
        self.size = 0
        for text, label in entries:
            if text.startswith("!"):
                self._exceptions.add(text[1:].strip().lower())
                continue
            parts = parse_entry(text)
            if not parts or parts[0].gap:
                continue
            if parts[0].prefix and len(parts[0].word) < MIN_PREFIX:
                continue
            item = (parts, label, text)
            first = parts[0]
            if first.prefix:
                self._prefix.setdefault(first.word[:MIN_PREFIX], []).append(item)
            else:
                self._exact.setdefault(first.word, []).append(item)
            self.size += 1

    def _candidates(self, token: Token) -> list[tuple[tuple[Part, ...], str, str]]:
        found = self._exact.get(token.word, [])
        more = self._prefix.get(token.word[:MIN_PREFIX])
        if more:
            found = found + more
        return found

    def _match_from(self, tokens: Sequence[Token], index: int, parts: tuple[Part, ...]) -> int:
        """The index of the last token of a match of `parts` starting at `index`, or -1."""
        pos = index
        i = 0
        n = len(tokens)
        sentence = tokens[index].sentence
        while i < len(parts):
            part = parts[i]
            if part.gap:
                nxt = parts[i + 1]
                for skip in range(GAP_MAX + 1):
                    cand = pos + skip
                    if cand >= n or tokens[cand].sentence != sentence:
                        break
                    if self._part_ok(nxt, tokens[cand]):
                        rest = self._match_from(tokens, cand, parts[i + 1:])
                        if rest >= 0:
                            return rest
                return -1
            if pos >= n or not self._part_ok(part, tokens[pos]):
                return -1
            if i > 0 and tokens[pos].sentence != sentence:
                return -1
            pos += 1
            i += 1
        return pos - 1

    def _part_ok(self, part: Part, token: Token) -> bool:
        if not part.matches(token):
            return False
        return not (part.prefix and token.word in self._exceptions)

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """Every match, at most one per start token (the longest), in order."""
        hits: list[Hit] = []
        for index, token in enumerate(tokens):
            best: Hit | None = None
            for parts, label, text in self._candidates(token):
                last = self._match_from(tokens, index, parts)
                if last >= 0 and (best is None or last > best.last):
                    best = Hit(index, last, label, text)
            if best is not None:
                hits.append(best)
        return hits
