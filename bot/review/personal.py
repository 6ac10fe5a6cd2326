"""Finding personal data by its shape: e-mail addresses, phone numbers, IBAN, BSN, addresses.

Numbers are validated, not just matched: an IBAN must pass its mod-97 check and a BSN the
11-check (python-stdnum), and phone numbers must be valid numbers for their region
(phonenumbers, Dutch numbers first). Every scan is linear in the length of the post: the
regular expressions below have no nested or overlapping repetition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

Span = tuple[int, int]

_LOCAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'")
_DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_TLD_RE = re.compile(r"[A-Za-z]{2,24}")

# A run of digits with the separators people put in phone numbers; bounded, so linear.
_PHONE_CANDIDATE_RE = re.compile(r"(?:\+|\b00)?\(?\d[\d \-().\/]{6,20}\d")
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


def find_ibans(text: str) -> Iterator[Span]:
    """IBANs that pass the mod-97 check; trailing words that only look like IBAN groups are trimmed."""
    for match in _IBAN_RE.finditer(text):
        raw = match.group(0)
        # Try the longest prefix that ends at a character boundary and is a valid IBAN.
        for cut in range(len(raw), 13, -1):
            candidate = raw[:cut].rstrip()
            if len(candidate) != cut:
                continue
            if stdnum_iban.is_valid(candidate):
                yield match.start(), match.start() + cut
                break


def find_bsns(text: str) -> Iterator[Span]:
    """Nine-digit numbers (also written 1234.56.782 or 123 456 782) that pass the BSN 11-check."""
    for match in _BSN_RE.finditer(text):
        if stdnum_bsn.is_valid(match.group(0)):
            yield match.span()


def find_phones(text: str, region: str = "NL") -> Iterator[Span]:
    """Valid phone numbers, Dutch numbering first; only digit runs are handed to phonenumbers."""
    for candidate in _PHONE_CANDIDATE_RE.finditer(text):
        start, end = candidate.span()
        chunk = text[start:end]
        if sum(ch.isdigit() for ch in chunk) < 9:
            continue
        try:
            matches = list(phonenumbers.PhoneNumberMatcher(chunk, region, leniency=phonenumbers.Leniency.VALID))
        except Exception:  # phonenumbers is defensive, but a review must never crash on odd input
            continue
        for match in matches:
            yield start + match.start, start + match.end


def find_postcodes(text: str) -> Iterator[Span]:
    """Dutch postcodes (1234 AB) that python-stdnum accepts."""
    for match in _POSTCODE_RE.finditer(text):
        if stdnum_postcode.is_valid(match.group(0)):
            yield match.span()
