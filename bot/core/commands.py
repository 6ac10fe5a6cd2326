"""Command words the adapters must know as well as the handlers (kept here so they cannot drift apart).

The Slack adapter needs to know whether a message asks for a review before it turns Slack markup into text:
a review judges the post as it would be published (link labels only), anything else keeps link URLs.
"""

from __future__ import annotations

REVIEW_COMMAND = "review"
REVIEW_ALIASES: tuple[str, ...] = ("check", "controleer", "beoordeel", "nakijken")
REVIEW_WORDS: frozenset[str] = frozenset((REVIEW_COMMAND, *REVIEW_ALIASES))
