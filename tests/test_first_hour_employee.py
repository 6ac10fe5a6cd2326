"""A new employee's first hour with the terminal chat (issue 11): profile, buttons, bad input, post guesses,
reply language and feedback votes, each as a conversation through the console adapter."""

from __future__ import annotations

import pytest

from bot.adapters.console import ConsoleAdapter


async def test_profile_with_company_name_reads_corporate_in_dutch(testbot: ConsoleAdapter) -> None:
    reply = await testbot.say("profile KarelFransen_Noordlicht Marketeer bij Noordlicht")
    assert "leest als: zakelijk" in reply
    assert "niet duidelijk" not in reply
    assert "disclaimer" in reply  # the bio names the employer and has no "op persoonlijke titel"
    assert "[private-vs-corporate-accounts]" in reply


async def test_profile_with_company_name_reads_corporate_in_english(testbot: ConsoleAdapter) -> None:
    reply = await testbot.say("profile KarelFransen_Noordlicht Marketer at Noordlicht, I love my job")
    assert "reads as: corporate" in reply
    assert "neither clearly" not in reply
    assert "Opinions are my own" in reply
    assert "What your profile needs" in reply


@pytest.mark.parametrize(("line", "expected"), [
    ("profile Fransie_69", "leest als: privé"),
    ("profile Fransie_69 I love cooking and cycling with my friends", "reads as: private"),
])
async def test_profile_with_a_nickname_reads_private(testbot: ConsoleAdapter, line: str, expected: str) -> None:
    reply = await testbot.say(line)
    assert expected in reply
    assert "logo" in reply  # the advice: no company logo on a private account


async def test_profile_that_looks_like_the_company_itself(testbot: ConsoleAdapter) -> None:
    reply = await testbot.say("profile NoordlichtNL Official news from Noordlicht")
    assert "reads as: an official company account" in reply
    assert "[account-security]" in reply
