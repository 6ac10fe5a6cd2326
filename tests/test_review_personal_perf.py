"""Personal-data detectors (issue 9, items 11 and 12).

Item 12: phone numbers written side by side, or split by a slash, a comma or a word, are each found with
their own offsets. Item 11: the candidate search is bounded: phonenumbers and python-stdnum are asked a few
times per place a number may start, and each distinct number once per post, so a 40,000-character post of
nothing but number-shaped text costs about what an ordinary post of that length costs (the figures are in
bench/bench_review.py). The bound is checked by counting calls, not by timing."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.review import personal

Finder = Callable[[str], Iterator[tuple[int, int]]]


def found(finder: Finder, text: str) -> list[str]:
    return [text[start:end] for start, end in finder(text)]


# Item 12 ----------------------------------------------------------------------------------------------------

NUMBERS = ["06 12345678", "06-87654321", "+31 6 2345 6789", "020-1234567", "0031 20 123 4567", "(010) 123 4567",
           "+44 20 7946 0958", "+1 212 555 1234", "+31 (0)6 1234 5678", "06 12 34 56 78"]
BETWEEN = [" ", "/", ", ", " of ", " or ", " / ", "\n"]


@pytest.mark.parametrize("between", BETWEEN)
def test_two_phone_numbers_side_by_side_are_both_found(between: str) -> None:
    for first in NUMBERS:
        for second in NUMBERS:
            text = f"Bel {first}{between}{second}."
            assert found(personal.find_phones, text) == [first, second], text


def test_the_reported_cases_have_the_right_offsets() -> None:
    text = "06 12345678 06 87654321"
    assert list(personal.find_phones(text)) == [(0, 11), (12, 23)]
    text = "06 12345678/06 87654321"
    assert list(personal.find_phones(text)) == [(0, 11), (12, 23)]
    text = "Kees: 06 12345678, Anna: +31 6 87654321 of 0031 6 11223344"
    assert found(personal.find_phones, text) == ["06 12345678", "+31 6 87654321", "0031 6 11223344"]


def test_three_numbers_in_a_row_and_a_list() -> None:
    text = "06 12345678 06 87654321 020 1234567"
    assert found(personal.find_phones, text) == ["06 12345678", "06 87654321", "020 1234567"]
    text = "tel. 020-1234567/06-12345678/+32 2 555 12 12"
    assert found(personal.find_phones, text) == ["020-1234567", "06-12345678", "+32 2 555 12 12"]


@pytest.mark.parametrize("text", [
    "NL91ABNA0417164300",  # the digits of an IBAN
    "612345678",  # no national prefix
    "06123456780687654321",  # one run of 20 digits is not two numbers
    "Bestelling 0612345678abc",
    "1234 5678 90",
    "Op 12-03-2025 om 10.30 uur",
    "€ 1.234.567,89",
])
def test_no_phone_number_where_there_is_none(text: str) -> None:
    assert found(personal.find_phones, text) == []


def test_ibans_and_bsns_next_to_each_other_are_each_found() -> None:
    text = "NL91ABNA0417164300 NL91 ABNA 0417 1643 00 GB29 NWBK 6016 1331 9268 19"
    assert found(personal.find_ibans, text) == ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00",
                                                "GB29 NWBK 6016 1331 9268 19"]
    assert found(personal.find_ibans, "XX12 NL91 ABNA 0417 1643 00 AB12") == ["NL91 ABNA 0417 1643 00"]
    assert found(personal.find_bsns, "123456782 1234.56.782 123 456 782") == ["123456782", "1234.56.782",
                                                                            "123 456 782"]


# Item 11 ----------------------------------------------------------------------------------------------------

SIZE = 40_000


def repeat(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def random_phones(rng: random.Random) -> str:
    """Distinct phone-shaped numbers with separators (no two alike, so nothing is answered from memory)."""
    parts: list[str] = []
    while sum(map(len, parts)) < SIZE:
        digits = "0" + "".join(rng.choice("0123456789") for _ in range(9))
        parts.append(" ".join(digits[k:k + 2] for k in range(0, 10, 2)) + rng.choice([" ", " - ", "/", ". "]))
    return "".join(parts)[:SIZE]


def random_bsns(rng: random.Random) -> str:
    return " ".join(f"{rng.randrange(10**8, 10**9)}"[:3] + "." + f"{rng.randrange(10**5, 10**6)}"
                    for _ in range(SIZE // 11))[:SIZE]


def random_ibans(rng: random.Random) -> str:
    return " ".join("NL" + f"{rng.randrange(10, 99)} ABNA {rng.randrange(10**9, 10**10)}"
                    for _ in range(SIZE // 21))[:SIZE]


HOSTILE = {
    "phone units": lambda rng: repeat("  04 23 - 61"),
    "spaced phones": lambda rng: repeat("06 12 34 56 78 "),
    "digits and dashes": lambda rng: repeat("1-2-3-4-5-6-7-8-9-0-"),
    "zeros": lambda rng: repeat("0 "),
    "plus runs": lambda rng: repeat("+1 2 3 4 5 6 7 8 9 "),
    "00 prefixes": lambda rng: repeat("0031 20 123 4567 "),
    "random phones": random_phones,
    "bsns with separators": lambda rng: repeat("111 222 333 "),
    "dotted bsns": lambda rng: repeat("1112.22.333 "),
    "random bsns": random_bsns,
    "ibans with spaces": lambda rng: repeat("NL91 ABNA 0417 1643 00 "),
    "long iban-like words": lambda rng: repeat("NL91 ABNA 0417 1643 00 AB12 CD34 EF56 "),
    "random ibans": random_ibans,
}


class Counter:
    """Counts the calls into one function of a library, passing them through."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> None:
        self.calls = 0
        real = getattr(owner, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)


def starts(text: str) -> int:
    """Places a phone number may start: a digit group beginning with 0, or after a +."""
    return len(re.findall(r"(?<!\d)0|\+\(?\d", text))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_number_checks_are_bounded_per_candidate(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = HOSTILE[name](random.Random(11))
    phones = Counter(monkeypatch, personal.phonenumbers, "is_valid_number")
    parse = Counter(monkeypatch, personal.phonenumbers, "parse")
    matcher = Counter(monkeypatch, personal.phonenumbers, "PhoneNumberMatcher")
    ibans = Counter(monkeypatch, personal.stdnum_iban, "is_valid")
    bsns = Counter(monkeypatch, personal.stdnum_bsn, "is_valid")

    list(personal.find_phones(text))
    list(personal.find_ibans(text))
    list(personal.find_bsns(text))

    # phonenumbers: a few validations per place a number may start, and never its costly text matcher
    assert phones.calls <= personal.MAX_TRIES_PER_START * starts(text)
    assert parse.calls == 0 and matcher.calls == 0
    # python-stdnum: at most one check per candidate (an IBAN-shaped word, a nine-digit number)
    assert ibans.calls <= len(re.findall(r"\b[A-Z]{2}\d{2}", text))
    assert bsns.calls <= len(re.findall(r"\d{3}[ .]?\d{2,3}[ .]?\d{3}", text))
    # a post that repeats one unit is checked once per distinct number, not once per repetition
    if name in ("phone units", "spaced phones", "00 prefixes", "bsns with separators", "dotted bsns",
                "ibans with spaces", "long iban-like words"):
        assert phones.calls + ibans.calls + bsns.calls <= 50


def test_an_ordinary_post_is_checked_as_before() -> None:
    text = ("Bel Kees even op 06 12 34 56 78 als je de fiets wilt ophalen, of mail kees@example.org. "
            "Mijn IBAN is NL91 ABNA 0417 1643 00 en mijn BSN 123456782.")
    assert found(personal.find_phones, text) == ["06 12 34 56 78"]
    assert found(personal.find_ibans, text) == ["NL91 ABNA 0417 1643 00"]
    assert found(personal.find_bsns, text) == ["123456782"]
