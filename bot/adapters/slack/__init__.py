"""The Slack platform adapter (Bolt for Python, async). Only this package imports slack_bolt and slack_sdk.

`slack_component` is the factory the composition root lists; it imports Bolt only when Slack is configured.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.adapters.slack.adapter import SlackAdapter
    from bot.app import BotApp


def slack_component(bot: BotApp) -> SlackAdapter | None:
    """The Slack component when SMM_SLACK_BOT_TOKEN and a signing secret or app token are set, else None.
    Building it also registers it as the `slack` sender on the messenger."""
    if not bot.settings.slack_enabled:
        return None
    from bot.adapters.slack.adapter import SlackAdapter

    return SlackAdapter(bot)
