"""A new employee's first hour with the terminal chat (issue 11): profile, buttons, bad input, post guesses,
reply language and feedback votes, each as a conversation through the console adapter."""

from __future__ import annotations

import asyncio
import io
import logging
import re

import pytest

from bot.adapters.console import ConsoleAdapter
from bot.app import BotApp
from bot.core.types import Action, ConversationRef, Request, UserRef
from bot.scheduler.outbox import OutboxWorker, WorkerOptions
from bot.store import crud, crud_schedule

FAST = WorkerOptions(poll_interval=0.05, rates={"console": 1000.0})


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


# Item 2: every button shown, also on proactive messages, is pressable with its own number -------------------


def number_of(text: str, label: str) -> str:
    """`#N` of the button labelled `label` in rendered terminal text."""
    match = re.search(r"\[(#\d+) " + re.escape(label) + r"\]", text)
    assert match, f"no button {label!r} in:\n{text}"
    return match.group(1)


@pytest.fixture
def admin(bot_app: BotApp) -> ConsoleAdapter:
    """The admin's terminal chat; proactive messages to it are printed to its own `stdout`."""
    adapter = ConsoleAdapter(bot_app.dispatcher, user_id="admin-1", stdout=io.StringIO())
    adapter.locale = None
    bot_app.services.messenger.register(adapter)
    return adapter


async def deliver(bot_app: BotApp) -> None:
    await OutboxWorker(bot_app.services.db, bot_app.services.messenger, FAST).drain()


async def test_the_button_under_an_announcement_presses_that_button(admin: ConsoleAdapter, bot_app: BotApp) -> None:
    preview = await admin.say("announce Vanaf maandag staat de nieuwe huisstijl op het intranet")
    sent = await admin.say(number_of(preview, "Versturen"))
    assert "gaat de deur uit" in sent
    await deliver(bot_app)
    assert isinstance(admin.stdout, io.StringIO)
    printed = admin.stdout.getvalue()
    ack = number_of(printed, "✅ Ik heb het gelezen")
    assert ack not in preview  # a number of its own, not the Send button's
    reply = await admin.say(ack)
    assert "gelezen" in reply and "al verstuurd" not in reply
    assert len(bot_app.services.db.call(crud_schedule.list_acknowledgements)) == 1
    assert len(admin.sent) == 1  # pressing it did not send the announcement again


async def test_older_buttons_keep_their_numbers(testbot: ConsoleAdapter) -> None:
    first = await testbot.say("Can I post on LinkedIn during working hours?")
    helpful = number_of(first, "👍 Helpful")
    second = await testbot.say("Can I share a photo of my colleagues?")
    assert helpful not in second
    assert "Thanks for your feedback" in await testbot.say(helpful)


@pytest.mark.parametrize(("first", "expected"), [
    ("Can I post on LinkedIn during working hours?", "There is no button #5"),
    ("mag ik onder werktijd op linkedin posten?", "Er is geen knop #5"),
])
async def test_an_unknown_button_number_is_said_so(testbot: ConsoleAdapter, first: str, expected: str) -> None:
    testbot.locale = None
    await testbot.say(first)
    reply = await testbot.say("#5")
    assert expected in reply
    assert "looks like a post" not in reply and "lijkt op een bericht" not in reply


async def test_a_button_number_before_any_button(testbot: ConsoleAdapter) -> None:
    testbot.locale = "en_GB"
    assert "There is no button #1" in await testbot.say("#1")


# Item 3: bytes that are not UTF-8 ------------------------------------------------------------------------------


async def test_invalid_utf8_is_replaced_not_stored_broken(testbot: ConsoleAdapter, bot_app: BotApp,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    line = b"mag ik onder werktijd \xff\xfe op linkedin?".decode("utf-8", "surrogateescape")
    assert "\udcff" in line
    with caplog.at_level(logging.WARNING):
        reply = await testbot.say(line)
    assert "geen geldige tekst" in reply
    assert "werktijd" in reply.lower() or "Bronnen" in reply  # the question is still answered
    assert "code " not in reply  # not the apology
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    row = bot_app.services.db.call(crud.get_question, question_id=1)
    assert row is not None
    stored = row.question
    assert "\ufffd" in stored
    stored.encode("utf-8")  # storable and readable as UTF-8


async def test_the_terminal_reader_survives_undecodable_bytes(bot_app: BotApp) -> None:
    raw = io.BytesIO(b"mag ik onder werktijd \xff op linkedin?\nquit\n")
    stdin = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
    out = io.StringIO()
    adapter = ConsoleAdapter(bot_app.dispatcher, user_id="console-user", stdin=stdin, stdout=out)
    await asyncio.wait_for(adapter.run(prompt=False), timeout=60)
    assert "geen geldige tekst" in out.getvalue()
    assert "Bronnen" in out.getvalue()


# Item 4: the "looks like a post" guess ----------------------------------------------------------------------

POST_GUESS = ("looks like a post", "lijkt op een bericht")


@pytest.mark.parametrize("question", [
    "hoe zit het met #ad bij linkedin posts",
    "Is @NoordlichtNL our official account",
    "#5",
])
async def test_ordinary_questions_are_not_taken_for_posts(testbot: ConsoleAdapter, question: str) -> None:
    reply = await testbot.say(question)
    assert not any(guess in reply for guess in POST_GUESS)


async def test_a_real_post_is_still_recognised(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    reply = await testbot.say("Trots op ons team vandaag! #teamwork https://example.org/foto")
    assert any(guess in reply for guess in POST_GUESS)
    assert bot_app.services.db.call(crud.get_question, question_id=1) is None  # the post was not stored


# Item 5: replies keep the language of the message the button is on --------------------------------------------


async def test_feedback_on_an_english_answer_is_thanked_in_english(testbot: ConsoleAdapter) -> None:
    testbot.locale = None
    await testbot.say("mag ik onder werktijd op linkedin?")  # remembered: this user writes Dutch
    answer = await testbot.say("Can I post on LinkedIn during working hours?")
    reply = await testbot.say(number_of(answer, "👍 Helpful"))
    assert "Thanks for your feedback" in reply


async def test_send_after_an_english_announce_is_confirmed_in_english(admin: ConsoleAdapter) -> None:
    await admin.say("mag ik onder werktijd op linkedin?")  # remembered: this admin writes Dutch
    preview = await admin.say("announce to C42 The new brand guide is on the intranet for everyone")
    assert "Announcement from" in preview
    reply = await admin.say(number_of(preview, "Send"))
    assert "is on its way" in reply


async def test_a_dutch_announcement_is_previewed_in_dutch(admin: ConsoleAdapter) -> None:
    await admin.say("Can I post on LinkedIn during working hours?")  # remembered: this admin writes English
    preview = await admin.say("announce to C42 Nieuwe huisstijl")  # "announce to" is English, the text is not
    assert "Mededeling van" in preview
    assert "Announcement from" not in preview


# Item 6: one feedback vote per user and answer, the latest press wins -------------------------------------------


def votes(bot_app: BotApp) -> tuple[int, int]:
    figures = bot_app.services.db.call(crud_schedule.report_figures)
    return figures["feedback_up"], figures["feedback_down"]


async def test_pressing_feedback_again_never_counts_twice(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    testbot.locale = None
    answer = await testbot.say("Can I post on LinkedIn during working hours?")
    up, down = number_of(answer, "👍 Helpful"), number_of(answer, "👎 Not helpful")
    assert "Thanks for your feedback" in await testbot.say(up)
    for _ in range(3):
        again = await testbot.say(up)
        assert "already noted" in again and "Thanks for your feedback" not in again
    assert votes(bot_app) == (1, 0)
    changed = await testbot.say(down)
    assert "Changed: your vote is now 👎 Not helpful" in changed
    assert votes(bot_app) == (0, 1)
    assert "Changed: your vote is now 👍 Helpful" in await testbot.say(up)
    assert votes(bot_app) == (1, 0)


async def test_someone_else_cannot_vote_on_my_answer(testbot: ConsoleAdapter, bot_app: BotApp) -> None:
    answer = await testbot.say("Can I post on LinkedIn during working hours?")
    assert "👍 Helpful" in answer
    # A colleague presses the button where the answer was shown.
    other = Request(UserRef("console", "colleague-2"), ConversationRef("console", f"console:{testbot.user_id}"),
                    kind="action", action=Action("smm.feedback.down", "1"))
    replies = await bot_app.dispatcher.dispatch(other)
    assert "Only the person who asked" in replies[0].plain_text()
    assert votes(bot_app) == (0, 0)
