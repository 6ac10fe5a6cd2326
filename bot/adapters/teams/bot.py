"""The turn logic: one inbound activity -> neutral request -> dispatcher -> cards back to Teams.

`TeamsBot.on_turn` is what botbuilder's adapter calls (CloudAdapter in production, TestAdapter in tests).
It only translates; every decision about content belongs to the handlers.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from botbuilder.core import BotAdapter, CloudAdapterBase, InvokeResponse, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    AdaptiveCardInvokeResponse,
    ChannelAccount,
    ConversationParameters,
    ResourceResponse,
)
from botframework.connector.auth import AuthenticationConstants

from bot.adapters.teams.cards import CARD_CONTENT_TYPE, empty_card, render_card
from bot.adapters.teams.outbound import ConversationThrottle, RetryPolicy, send_with_retry
from bot.adapters.teams.translate import (
    EXECUTE_INVOKE,
    PLATFORM,
    conversation_kind,
    conversation_of,
    to_activities,
    to_request,
    user_of,
)
from bot.core.dispatcher import Dispatcher
from bot.core.services import scoped_logger
from bot.core.types import Reply, Request, Text
from handlers.messages import t

log = logging.getLogger(__name__)


@dataclass
class Outbound:
    """Pacing and retry settings shared by replies and proactive messages."""

    throttle: ConversationThrottle = field(default_factory=ConversationThrottle)
    retry: RetryPolicy = field(default_factory=RetryPolicy)

    async def send(self, context: TurnContext, activity: Activity) -> ResourceResponse | None:
        """Send one activity in the turn's conversation, paced and retried."""
        conversation_id = context.activity.conversation.id if context.activity.conversation else ""

        async def call() -> ResourceResponse | None:
            result: ResourceResponse | None = await context.send_activity(activity)
            return result

        return await send_with_retry(call, conversation_id=conversation_id or "-", throttle=self.throttle,
                                     policy=self.retry)


class TeamsBot:
    """Drives the dispatcher from Bot Framework turns."""

    def __init__(self, dispatcher: Dispatcher, *, app_id: str = "", outbound: Outbound | None = None,
                 authenticated: bool = True) -> None:
        self.dispatcher = dispatcher
        self.app_id = app_id
        self.outbound = outbound or Outbound()
        self.authenticated = authenticated
        """False behind the Emulator's tokenless endpoint: no request from it is ever an admin."""

    def _authenticated(self, context: TurnContext) -> bool:
        """Whether this turn's sender was vouched for: a bot with a token check, and not an anonymous
        identity (what the component hands botbuilder for a tokenless request)."""
        identity = context.turn_state.get(BotAdapter.BOT_IDENTITY_KEY)
        anonymous = getattr(identity, "authentication_type", None) == AuthenticationConstants.ANONYMOUS_AUTH_TYPE
        return self.authenticated and not anonymous

    async def on_turn(self, context: TurnContext) -> None:
        """Handle one activity: messages and card actions go to the dispatcher; a new personal install is
        greeted with the command list; anything else is ignored."""
        activity = context.activity
        request = to_request(activity, authenticated=self._authenticated(context))
        if request is None:
            if activity.type == ActivityTypes.conversation_update and self._bot_added_to_personal_chat(activity):
                await self._welcome(context)
            elif activity.type == ActivityTypes.invoke and activity.name == EXECUTE_INVOKE:
                await self._invoke_response(context, None)
            return
        replies = await self.dispatcher.dispatch(request)
        if activity.type == ActivityTypes.invoke:
            await self._invoke_response(context, replies[0] if replies else None)
            replies = replies[1:]
        for reply in replies:
            await self._deliver(context, request, reply)

    async def _deliver(self, context: TurnContext, request: Request, reply: Reply) -> None:
        """Send a reply to the conversation; a private reply outside a personal chat goes to the asker's
        personal chat, with a short note in the conversation instead of the content. A button press gets no
        "sent you my answer" note (a 👍 should not announce itself to the channel), only the failure note."""
        if reply.private and request.conversation.kind != "direct":
            sent = await self._send_personal(context, reply)
            if sent and request.kind == "action":
                return
            key = "teams.private_sent" if sent else "teams.private_failed"
            text = t(key, reply.language)
            note = Reply([Text(text, style="muted")], reply.language, summary=text)
            for activity in to_activities(note):
                await self.outbound.send(context, activity)
            return
        for activity in to_activities(reply):
            await self.outbound.send(context, activity)

    async def _send_personal(self, context: TurnContext, reply: Reply) -> bool:
        """Open (or find) the 1:1 chat with the sender and post the reply there. False when Teams refuses,
        typically because the app is not installed for the user."""
        adapter: BotAdapter = context.adapter
        activity = context.activity
        if not isinstance(adapter, CloudAdapterBase) or activity.from_property is None:
            return False
        tenant_id = getattr(activity.conversation, "tenant_id", None)
        channel_data: dict[str, Any] = activity.channel_data if isinstance(activity.channel_data, dict) else {}
        tenant_id = tenant_id or (channel_data.get("tenant") or {}).get("id")
        parameters = ConversationParameters(
            is_group=False, bot=activity.recipient, members=[ChannelAccount(id=activity.from_property.id)],
            tenant_id=tenant_id, channel_data={"tenant": {"id": tenant_id}} if tenant_id else None,
        )

        async def post(personal: TurnContext) -> None:
            for item in to_activities(reply):
                await self.outbound.send(personal, item)

        audience = context.turn_state.get(adapter.BOT_OAUTH_SCOPE_KEY)
        try:
            await adapter.create_conversation(self.app_id, post, parameters, activity.channel_id,
                                              activity.service_url, audience)
        except Exception as exc:  # the connector's refusal (403: app not installed) or a network failure
            scoped_logger(__name__, platform=PLATFORM).warning("could not open a personal chat: %s",
                                                                type(exc).__name__)
            return False
        return True

    async def _invoke_response(self, context: TurnContext, reply: Reply | None) -> None:
        """Answer an Action.Execute with 200 and the reply as the card that replaces the pressed one
        (Universal Actions). botbuilder 4.17.1 needs the response value to be a dict."""
        card = render_card(reply) if reply is not None else empty_card()
        body = AdaptiveCardInvokeResponse(status_code=200, type=CARD_CONTENT_TYPE, value=card).serialize()
        await context.send_activity(Activity(type=ActivityTypes.invoke_response,
                                             value=InvokeResponse(status=200, body=body)))

    @staticmethod
    def _bot_added_to_personal_chat(activity: Activity) -> bool:
        if conversation_kind(activity) != "direct" or not activity.members_added or activity.recipient is None:
            return False
        return any(member.id == activity.recipient.id for member in activity.members_added)

    async def _welcome(self, context: TurnContext) -> None:
        """A new personal install: show the command list (and so store how to reach the user)."""
        activity = context.activity
        request = Request(user_of(activity), conversation_of(activity), text="help", kind="message",
                          event_id=activity.id, authenticated=self._authenticated(context))
        for reply in await self.dispatcher.dispatch(request):
            await self._deliver(context, request, reply)
