"""The Block Kit renderer and payload translation: limits, escaping and splitting, as pure functions."""

from __future__ import annotations

import json
from typing import Any

from bot.adapters.slack.payloads import is_user_message, plain_text, strip_mention
from bot.adapters.slack.render import (
    MAX_BLOCKS,
    MAX_BUTTON_TEXT,
    MAX_BUTTON_VALUE,
    MAX_HEADER_TEXT,
    MAX_SECTION_TEXT,
    escape,
    render_home,
    render_reply,
    split_text,
)
from bot.core.types import Actions, Bullets, Button, Divider, Fields, Reply, SourceLink, Sources, Text
from bot.review.types import Finding, Review
from handlers.review import render_review


def all_blocks(reply: Reply) -> list[dict[str, Any]]:
    return [b for m in render_reply(reply) for b in m.blocks]


def mrkdwn(blocks: list[dict[str, Any]]) -> list[str]:
    texts = []
    for block in blocks:
        for part in [block.get("text") or {}, *(block.get("fields") or []), *(block.get("elements") or [])]:
            if isinstance(part, dict) and part.get("type") == "mrkdwn":
                texts.append(part["text"])
    return texts


def test_escape_covers_the_three_control_characters_only() -> None:
    assert escape("<!channel> & <@U123> *bold*") == "&lt;!channel&gt; &amp; &lt;@U123&gt; *bold*"


def test_user_text_never_becomes_live_markup_anywhere() -> None:
    evil = "<!channel> <!here> <@U0BOSS> <https://evil.example|click> & co"
    reply = Reply([Text(evil, style="heading"), Text(evil), Text(evil, style="quote"), Text(evil, style="muted"),
                   Text(evil, style="warning"), Bullets((evil,)), Fields(((evil, evil),)),
                   Sources(evil, (SourceLink(evil, evil),)), Actions((Button("smm.x", evil, evil),))],
                  "en", summary=evil)
    [message] = render_reply(reply)
    for text in [message.text, *mrkdwn(message.blocks)]:
        assert "<" not in text and ">" not in text, text
    # Verbatim copies only in fields Slack never parses: plain_text headers/buttons and rich-text quotes.
    quote = next(b for b in message.blocks if b["type"] == "rich_text")
    assert quote["elements"][0]["type"] == "rich_text_quote"
    assert quote["elements"][0]["elements"][0] == {"type": "text", "text": evil}


def test_a_reviewed_posts_excerpt_is_shown_verbatim_but_inert_and_the_verdict_comes_first() -> None:
    finding = Finding(rule="personal-data", severity="high", start=0, end=10, excerpt="<!channel> bel 0612345678",
                      message="Dit noemt <!channel> en een telefoonnummer.", suggestion="Haal <@U1> weg.",
                      section="privacy-of-others")
    review = Review(verdict="block", language="nl", findings=(finding,))
    [message] = render_reply(Reply(render_review(review, {}), "nl", private=True))
    assert message.blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": "⛔ Plaats dit zo niet",
                                                            "emoji": True}}
    assert all("<!channel>" not in t and "<@U1>" not in t for t in mrkdwn(message.blocks))
    assert any("&lt;!channel&gt;" in t for t in mrkdwn(message.blocks))


def test_long_text_is_split_into_sections_within_the_limit_without_losing_words() -> None:
    words = [f"woord{i}" for i in range(2000)]
    reply = Reply([Text(" ".join(words))], "nl")
    blocks = all_blocks(reply)
    assert len(blocks) >= 5
    assert all(len(b["text"]["text"]) <= MAX_SECTION_TEXT for b in blocks)
    assert " ".join(b["text"]["text"] for b in blocks).split() == words


def test_split_prefers_paragraphs_and_never_breaks_an_entity() -> None:
    text = "a" * 2000 + "\n\n" + "b" * 2000
    assert split_text(text) == ["a" * 2000, "b" * 2000]
    hard = escape("<" * 2000)  # 8,000 characters of `&lt;` and no spaces
    chunks = split_text(hard)
    assert "".join(chunks) == hard
    assert all(len(c) <= MAX_SECTION_TEXT and c.endswith("&lt;") for c in chunks[:-1])


def test_more_than_fifty_blocks_become_several_messages_with_the_buttons_last() -> None:
    elements: list[Any] = []
    for i in range(40):
        elements += [Text(f"finding {i}"), Divider()]
    elements.append(Actions((Button("smm.feedback.up", "👍", "1"),)))
    messages = render_reply(Reply(elements, "en", summary="many findings"))
    assert len(messages) == 2
    assert all(len(m.blocks) <= MAX_BLOCKS for m in messages)
    assert messages[-1].blocks[-1]["type"] == "actions"
    assert sum(len(m.blocks) for m in messages) == 81


def test_button_and_header_limits() -> None:
    reply = Reply([Text("H" * 500, style="heading"), Actions((Button("smm.x", "L" * 200, "v" * 5000, "primary"),))],
                  "en")
    blocks = all_blocks(reply)
    assert blocks[0]["type"] == "section"  # too long for a header (150): a bold section instead
    button = blocks[-1]["elements"][0]
    assert len(button["text"]["text"]) == MAX_BUTTON_TEXT and button["text"]["text"].endswith("…")
    assert len(button["value"]) == MAX_BUTTON_VALUE and button["style"] == "primary"
    short = all_blocks(Reply([Text("✅ Fine to post", style="heading")], "en"))
    assert short[0]["type"] == "header" and len(short[0]["text"]["text"]) <= MAX_HEADER_TEXT


def test_sources_are_a_context_block_with_at_most_ten_elements() -> None:
    sources = Sources("Sources", tuple(SourceLink(f"s{i}", f"Section {i}") for i in range(15)))
    blocks = all_blocks(Reply([sources], "en"))
    assert [b["type"] for b in blocks] == ["context", "context"]
    assert all(len(b["elements"]) <= 10 for b in blocks)
    assert blocks[0]["elements"][0]["text"] == "*Sources:*"


def test_the_escalation_mentions_only_the_asker_for_real() -> None:
    reply = Reply([Text("Question from <U0ASKER01>: what about <U0OTHER>?")], "en",
                  metadata={"mention_user": "U0ASKER01"})
    [text] = mrkdwn(all_blocks(reply))
    assert text == "Question from <@U0ASKER01>: what about &lt;U0OTHER&gt;?"


def test_home_view_stays_within_its_limit() -> None:
    view = render_home([Reply([Text(f"line {i}") for i in range(150)], "en")])
    assert view["type"] == "home" and len(view["blocks"]) == 100
    json.dumps(view)


def test_incoming_markup_becomes_the_text_the_user_sees() -> None:
    stripped = strip_mention("<@U0SMMBOT1> mag ik <@U0KAREL|karel> taggen?", "U0SMMBOT1")
    assert stripped == "mag ik <@U0KAREL|karel> taggen?"
    assert plain_text("<!channel> mail <mailto:a@b.nl|a@b.nl> &lt;b&gt; &amp; <https://x.nl|x.nl>") == \
        "@channel mail a@b.nl <b> & x.nl"


def test_only_peoples_own_messages_are_answered() -> None:
    person = {"type": "message", "user": "U1", "text": "hoi", "ts": "1.2"}
    assert is_user_message(person, bot_user_id="UBOT")
    assert not is_user_message({**person, "subtype": "message_changed"})
    assert not is_user_message({**person, "bot_id": "B1"})
    assert not is_user_message({**person, "subtype": "bot_message"})
    assert not is_user_message({**person, "user": "UBOT"}, bot_user_id="UBOT")
    assert is_user_message({**person, "subtype": "file_share"})


def test_the_core_and_the_composition_root_import_no_slack_sdk() -> None:
    import subprocess
    import sys

    code = ("import sys, bot.app, bot.core.dispatcher, bot.core.types, handlers.ask, handlers.review; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('slack_bolt', 'slack_sdk')); "
            "print(','.join(bad)); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_links_keep_their_url_except_in_a_review() -> None:
    from bot.adapters.slack.payloads import is_review, request_text

    text = "Zie <https://intranet.acme.nl/gids|de merkgids> en <https://acme.nl> en <http://acme.nl/|acme.nl>"
    assert plain_text(text) == "Zie de merkgids en https://acme.nl en acme.nl"
    assert plain_text(text, keep_urls=True) == ("Zie de merkgids (https://intranet.acme.nl/gids) en https://acme.nl"
                                                " en acme.nl")
    assert plain_text("<mailto:a@b.nl|a@b.nl> <@U1|karel> <!here>", keep_urls=True) == "a@b.nl @karel @here"
    assert plain_text("<https://x.nl/?a=1&amp;b=2|hier>", keep_urls=True) == "hier (https://x.nl/?a=1&b=2)"
    assert is_review("review <https://x.nl|hier>") and is_review("Controleer: tekst") and not is_review("remind x")
    assert request_text("review <https://x.nl|hier>") == "review hier"
    assert request_text("remind 09:00 <https://x.nl|hier>") == "remind 09:00 hier (https://x.nl)"
