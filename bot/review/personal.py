"""Finding personal data by its shape: e-mail addresses, phone numbers, IBAN, BSN, addresses.

Numbers are validated, not just matched: an IBAN must pass its mod-97 check and a BSN the
11-check (python-stdnum), and phone numbers must be valid numbers for their region
(phonenumbers, Dutch numbers first). Every scan is linear in the length of the post: the
regular expressions below have no nested or overlapping repetition, and the candidates handed to
phonenumbers and python-stdnum are bounded: a few per place a number may start, each distinct
number once per post (bench/bench_review.py times posts made of nothing but such candidates).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import numdb
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

Span = tuple[int, int]

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_TLD_RE = re.compile(r"[A-Za-z]{2,24}")

_DIGITS_RE = re.compile(r"\d+")
# What people put between the groups of a phone number ("06-12 34", "(020) 123", "+31 (0)6", "06/123", " - ").
_SEPARATOR_RE = re.compile(r"[ \u00a0\-\u2010\u2011\u2013./()]{1,3}")
MIN_PHONE_DIGITS = 9  # fewer: a short service number, a date, an amount
MAX_TRIES_PER_START = 4  # phonenumbers validations per candidate start (lengths its country allows)
_IBAN_DB = numdb.get("iban")
_IBAN_STRUCT_RE = re.compile(r"(\d+)!")
_IBAN_LENGTHS: dict[str, int | None] = {}
_PHONE_LENGTHS: dict[int, frozenset[int]] = {}
_PHONE_PATTERNS: dict[int, re.Pattern[str] | None] = {}
_COUNTRY_CODES = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}\b")
_BSN_RE = re.compile(r"(?<![\d.,\-/])(?:\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3}|\d{9})(?![\d,\-/]|\.\d)")
_POSTCODE_RE = re.compile(r"\b[1-9]\d{3} ?[A-Z]{2}\b")


def find_emails(text: str) -> Iterator[Span]:
    """E-mail addresses: expand left and right from each '@' (no regex backtracking on long words)."""
    pos = text.find("@")
    while pos >= 0:
        left = pos
        while left > 0 and pos - left < 64 and text[left - 1] in _LOCAL_CHARS:
            left -= 1
        right = pos + 1
        while right < len(text) and right - pos < 255 and text[right] in _DOMAIN_CHARS:
            right += 1
        domain = text[pos + 1:right].rstrip(".-")
        local = text[left:pos].lstrip(".'")
        start = pos - len(local)
        end = pos + 1 + len(domain)
        if local and "." in domain:
            tld = domain.rsplit(".", 1)[1]
            if _TLD_RE.fullmatch(tld) and not domain.startswith("."):
                yield start, end
        pos = text.find("@", max(pos + 1, end))


def _iban_length(country: str) -> int | None:
    """The length of an IBAN of `country` (from python-stdnum's registry), None for a country without IBANs."""
    if country not in _IBAN_LENGTHS:
        info = _IBAN_DB.info(country)
        bban = info[0][1].get("bban") if info and info[0][0] == country else None
        _IBAN_LENGTHS[country] = (4 + sum(int(n) for n in _IBAN_STRUCT_RE.findall(bban))) if bban else None
    return _IBAN_LENGTHS[country]


def find_ibans(text: str) -> Iterator[Span]:
    """IBANs that pass the mod-97 check; trailing words that only look like IBAN groups are trimmed.

    An IBAN's length is fixed by its country, so each candidate is checked once (python-stdnum), at the one
    place where it has that many characters; the next candidate may start right after a found IBAN."""
    checked: dict[str, bool] = {}
    pos = 0
    while (match := _IBAN_RE.search(text, pos)) is not None:
        start, raw = match.start(), match.group(0)
        pos = start + 1
        length = _iban_length(raw[:2])
        if length is None:
            continue
        cut = _cut_after(raw, length)
        if cut is None:
            continue
        compact = raw[:cut].replace(" ", "")
        if compact not in checked:
            checked[compact] = stdnum_iban.is_valid(compact)
        if checked[compact]:
            yield start, start + cut
            pos = start + cut


def _cut_after(raw: str, length: int) -> int | None:
    """The index in `raw` just after its `length`-th character that is not a space, if that is not a space."""
    count = 0
    for index, ch in enumerate(raw):
        if ch != " ":
            count += 1
            if count == length:
                return index + 1
    return None


def find_bsns(text: str) -> Iterator[Span]:
    """Nine-digit numbers (also written 1234.56.782 or 123 456 782) that pass the BSN 11-check (each distinct
    number checked once)."""
    checked: dict[str, bool] = {}
    for match in _BSN_RE.finditer(text):
        digits = match.group(0).replace(" ", "").replace(".", "")
        if digits not in checked:
            checked[digits] = stdnum_bsn.is_valid(digits)
        if checked[digits]:
            yield match.span()


def find_phones(text: str, region: str = "NL") -> Iterator[Span]:
    """Valid phone numbers, Dutch numbering first.

    The digit groups of the post ("06", "12345678") are joined into runs when only a short separator lies
    between them (space, dash, dot, slash, brackets). A number starts at a group that begins with 0 (a
    national number), 00 or + (an international one) and ends at a later group of the same run: the shortest
    such number that phonenumbers calls valid is taken, and the search goes on after it, so numbers written
    side by side ("06 12345678 06 87654321", "06 12345678/06 87654321") are each found. A start is validated
    only at the lengths its country allows, at most MAX_TRIES_PER_START times, and each distinct number only
    once per post, so the cost stays linear in the length of the post whatever digits it holds."""
    groups = [m.span() for m in _DIGITS_RE.finditer(text)]
    if not groups:
        return
    count = len(groups)
    # run_last[k]: the last group of the run group k is in (groups joined by separators only)
    run_last = list(range(count))
    for k in range(count - 2, -1, -1):
        if _SEPARATOR_RE.fullmatch(text, groups[k][1], groups[k + 1][0]):
            run_last[k] = run_last[k + 1]
    digits = "".join(text[start:end] for start, end in groups)
    cum = [0, *itertools.accumulate(end - start for start, end in groups)]  # digits before group k
    scan = _PhoneScan(text, groups, run_last, digits, cum, phonenumbers.country_code_for_region(region))
    i = 0
    while i < count:
        start, end = groups[i]
        if (text[start] == "0" and end - start >= 2) or text[start - 1:start] in ("+", "("):
            found = scan.number_at(i)
            if found is not None:
                begin, last = found
                yield begin, groups[last][1]
                i = last + 1
                continue
        i += 1


class _PhoneScan:
    """The digit groups of one post and the numbers phonenumbers has already judged."""

    def __init__(self, text: str, groups: list[Span], run_last: list[int], digits: str, cum: list[int],
                 home: int) -> None:
        self.text, self.groups, self.run_last, self.digits, self.cum = text, groups, run_last, digits, cum
        self.home = home
        self.checked: dict[tuple[int, str], bool] = {}

    def number_at(self, i: int) -> tuple[int, int] | None:
        """(start offset, index of the last group) of the valid phone number starting at group `i`, or None."""
        text, groups, digits, cum = self.text, self.groups, self.digits, self.cum
        start, end = groups[i]
        begin = start - 1 if text[start - 1:start] == "(" else start
        plus = text[begin - 1:begin] == "+"
        if plus:
            begin -= 1
        if not plus and text[start] != "0":
            return None
        if text[begin - 1:begin].isalpha():
            return None  # glued to a word: a piece of an IBAN or an order code
        international = plus or text[start:start + 2] == "00"
        national_at = cum[i] + (0 if plus else 2 if international else 1)  # after the + / 00 / 0 prefix
        run_end = cum[self.run_last[i] + 1]
        cc = self.home
        if international:
            for size in (1, 2, 3):
                if national_at + size <= run_end and int(digits[national_at:national_at + size]) in _COUNTRY_CODES:
                    cc = int(digits[national_at:national_at + size])
                    national_at += size
                    break
            else:
                return None
        lengths = _possible_lengths(cc)
        longest = max(lengths, default=0) + (1 if international else 0)  # +1: "+31 (0)6 ..."
        tries = 0
        # the first group at which the number has MIN_PHONE_DIGITS digits (counting its prefix)
        j = bisect.bisect_left(cum, cum[i] + MIN_PHONE_DIGITS, i + 1) - 1
        while j <= self.run_last[i]:
            size = cum[j + 1] - national_at
            if size > longest:
                return None
            if not text[groups[j][1]:groups[j][1] + 1].isalpha():
                readings = [national_at] if size in lengths else []
                if international and size - 1 in lengths and digits[national_at] == "0":
                    readings.append(national_at + 1)  # the national prefix written after the country code
                for at in readings:
                    tries += 1
                    if self._valid(cc, digits[at:cum[j + 1]]):
                        return begin, j
                    if tries >= MAX_TRIES_PER_START:
                        return None
            j += 1
        return None

    def _valid(self, cc: int, national: str) -> bool:
        """phonenumbers' verdict on one number, asked once per post."""
        key = (cc, national)
        if key not in self.checked:
            zeros = len(national) - len(national.lstrip("0"))
            number = phonenumbers.PhoneNumber(country_code=cc, national_number=int(national or "0"),
                                              italian_leading_zero=True if zeros else None,
                                              number_of_leading_zeros=zeros if zeros > 1 else None)
            general = _general_pattern(cc)
            try:
                # the general pattern is the first thing phonenumbers checks too; asking it here is cheaper
                self.checked[key] = (bool(national) and general is not None and general.fullmatch(national) is not None
                                     and phonenumbers.is_valid_number(number))
            except Exception:  # phonenumbers is defensive, but a review must never crash on odd input
                self.checked[key] = False
        return self.checked[key]


def _possible_lengths(cc: int) -> frozenset[int]:
    """The lengths a national number of country code `cc` may have (phonenumbers' metadata)."""
    if cc not in _PHONE_LENGTHS:
        _load_country(cc)
    return _PHONE_LENGTHS[cc]


def _general_pattern(cc: int) -> re.Pattern[str] | None:
    """The pattern every national number of `cc` matches (phonenumbers' general description)."""
    if cc not in _PHONE_PATTERNS:
        _load_country(cc)
    return _PHONE_PATTERNS[cc]


def _load_country(cc: int) -> None:
    region = phonenumbers.region_code_for_country_code(cc)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(cc, region)
    desc = metadata.general_desc if metadata is not None else None
    _PHONE_LENGTHS[cc] = frozenset(desc.possible_length or ()) if desc is not None else frozenset()
    pattern = desc.national_number_pattern if desc is not None else None
    _PHONE_PATTERNS[cc] = re.compile(pattern) if pattern else None


def find_postcodes(text: str) -> Iterator[Span]:
    """Dutch postcodes (1234 AB) that python-stdnum accepts."""
    for match in _POSTCODE_RE.finditer(text):
        if stdnum_postcode.is_valid(match.group(0)):
            yield match.span()
