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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

TOKEN_RE = re.compile(r"#?\w+")
SENTENCE_END_RE = re.compile(r"[.!?\n]")
GAP_MAX = 3
MIN_PREFIX = 3


class Token(NamedTuple):
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
    boundaries = [m.start() for m in SENTENCE_END_RE.finditer(text)]
    boundaries.append(len(text) + 1)
    next_boundary = boundaries[0]
    b_index = 0
    sentence = 0
    append = tokens.append
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        if start > next_boundary:
            # one or more sentence ends lie between the previous token and this one
            while boundaries[b_index] < start:
                b_index += 1
            next_boundary = boundaries[b_index]
            if tokens:
                sentence += 1
        raw = match.group(0)
        if raw[0] == "#":
            append(Token(start, end, raw[1:].lower(), True, raw[1:2].isupper(), sentence))
        else:
            append(Token(start, end, raw.lower(), False, raw[:1].isupper(), sentence))
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


class Hit(NamedTuple):
    """A lexicon entry found in the post: token range [first, last] and the entry's label."""

    first: int
    last: int
    label: str
    entry: str


Entry = tuple[tuple[Part, ...], str, str, int]  # parts, label, text, group


class MultiMatcher:
    """Finds the entries of many lists in one pass over the tokens (time linear in their number).

    Each list is a group: within a group the longest match per start token wins, and the group's
    `!word` exceptions apply only to its own `*` entries.
    """

    def __init__(self, groups: Mapping[str, Iterable[tuple[str, str]]]) -> None:
        """`groups` maps a group name to (entry text, label) pairs."""
        self.names = list(groups)
        self._exact: dict[str, list[Entry]] = {}
        self._prefix: dict[str, list[Entry]] = {}
        self._pairs: dict[tuple[str, str], list[Entry]] = {}
        self._exceptions: list[set[str]] = []
        self.size = 0
        for group, name in enumerate(self.names):
            exceptions: set[str] = set()
            self._exceptions.append(exceptions)
            for text, label in groups[name]:
                if text.startswith("!"):
                    exceptions.add(text[1:].strip().lower())
                    continue
                parts = parse_entry(text)
                if not parts or parts[0].gap:
                    continue
                if parts[0].prefix and len(parts[0].word) < MIN_PREFIX:
                    continue
                item = (parts, label, text, group)
                first = parts[0]
                if first.prefix:
                    self._prefix.setdefault(first.word[:MIN_PREFIX], []).append(item)
                elif len(parts) >= 2 and not (parts[1].gap or parts[1].prefix or parts[1].hashtag):
                    # Most phrases start with a common word ("we", "de"): index them by their first
                    # two words so that only phrases whose second word also matches are tried.
                    self._pairs.setdefault((first.word, parts[1].word), []).append(item)
                else:
                    self._exact.setdefault(first.word, []).append(item)
                self.size += 1

    def _match_from(self, tokens: Sequence[Token], index: int, parts: tuple[Part, ...], group: int) -> int:
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
                    if self._part_ok(nxt, tokens[cand], group):
                        rest = self._match_from(tokens, cand, parts[i + 1:], group)
                        if rest >= 0:
                            return rest
                return -1
            if pos >= n or not self._part_ok(part, tokens[pos], group):
                return -1
            if i > 0 and tokens[pos].sentence != sentence:
                return -1
            pos += 1
            i += 1
        return pos - 1

    def _part_ok(self, part: Part, token: Token, group: int) -> bool:
        if not part.matches(token):
            return False
        return not (part.prefix and token.word in self._exceptions[group])

    def find_all(self, tokens: Sequence[Token]) -> dict[str, list[Hit]]:
        """Every group's matches, at most one per start token and group (the longest), in order."""
        found: dict[str, list[Hit]] = {name: [] for name in self.names}
        exact_get = self._exact.get
        prefix_get = self._prefix.get
        pairs_get = self._pairs.get
        last_index = len(tokens) - 1
        for index, token in enumerate(tokens):
            word = token.word
            candidates = exact_get(word)
            more = prefix_get(word[:MIN_PREFIX])
            if more:
                candidates = (candidates or []) + more
            if index < last_index:
                paired = pairs_get((word, tokens[index + 1].word))
                if paired:
                    candidates = (candidates or []) + paired
            if not candidates:
                continue
            best: dict[int, Hit] = {}
            for parts, label, text, group in candidates:
                first = parts[0]
                if len(parts) == 1 and not first.prefix and not first.hashtag:
                    last = index  # the exact first word already matched
                elif first.prefix and not word.startswith(first.word):
                    continue  # cheap rejection: most prefix candidates share only the index key
                else:
                    last = self._match_from(tokens, index, parts, group)
                if last >= 0:
                    current = best.get(group)
                    if current is None or last > current.last:
                        best[group] = Hit(index, last, label, text)
            for group, hit in best.items():
                found[self.names[group]].append(hit)
        return found


class PhraseMatcher:
    """Finds the entries of one list in a token list (a MultiMatcher with a single group)."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        """`entries` are (entry text, label) pairs; the label says which list the entry came from."""
        self._multi = MultiMatcher({"all": list(entries)})
        self.size = self._multi.size

    def find(self, tokens: Sequence[Token]) -> list[Hit]:
        """Every match, at most one per start token (the longest), in order."""
        return self._multi.find_all(tokens)["all"]
