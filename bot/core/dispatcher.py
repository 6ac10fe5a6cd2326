"""Routing a neutral request to its handler, with de-duplication, language choice and error handling."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.metrics import Metrics
from bot.core.registry import CommandSpec, HandlerRegistry
from bot.core.services import Services, scoped_logger
from bot.core.types import Actions, Reply, Request, Text
from bot.store import crud
from bot.store.db import DatabaseUnavailable
from bot.text.lang import detect_language, language_scores

log = logging.getLogger(__name__)

SEEN_TTL = 300.0  # seconds during which a user/conversation already recorded is not written again
SEEN_MAX = 50_000
BUTTONS_MAX = 20_000  # button languages remembered (see `_note_buttons`)
QUESTION_COMMAND = "ask"
HELP_COMMAND = "help"
CLEAR_SIGNAL = 2.0  # marker words one language must lead by before a user's language is remembered

Translate = Callable[..., str]


def split_command(text: str) -> tuple[str, str]:
    """`"/smm review foo bar"` -> (`"review"`, `"foo bar"`); the first word lower-cased, without a trailing colon."""
    stripped = text.strip()
    if stripped.lower().startswith("/smm"):
        stripped = stripped[4:].strip()
    if not stripped:
        return "", ""
    head, _, rest = stripped.partition(" ")
    if "\n" in head:
        head, _, more = head.partition("\n")
        rest = more + (" " + rest if rest else "")
    return head.lower().rstrip(":,"), rest.strip()


class Dispatcher:
    """Turns a `Request` into replies. One failing handler never stops the adapter's loop."""

    def __init__(self, services: Services, registry: HandlerRegistry, translate: Translate,
                 metrics: Metrics | None = None) -> None:
        if QUESTION_COMMAND not in registry.commands or HELP_COMMAND not in registry.commands:
            from bot.core.errors import RegistrationError

            raise RegistrationError("the handler registry needs an `ask` and a `help` command")
        self.services = services
        self.registry = registry
        self.t = translate
        self.metrics = metrics or Metrics()
        self._seen: dict[tuple[str, str, str, str], tuple[float, str | None]] = {}
        # (platform, conversation, action id, value) -> language of the last reply that carried that button.
        self._button_languages: OrderedDict[tuple[str, str, str, str], str] = OrderedDict()

    async def dispatch(self, request: Request) -> list[Reply]:
        """Handle one request and return the replies to send back to the same conversation."""
        started = time.perf_counter()
        handler_name = "action" if request.action else "message"
        outcome = "ok"
        language = self.services.policy.pack.languages[0]
        try:
            if request.event_id and not await self._first_delivery(request):
                self.metrics.duplicates.labels(request.platform).inc()
                outcome = "duplicate"
                return []
            stored_language = await self._remember(request)
            if request.action is not None:
                language = self._action_language(request, stored_language)
                spec = self.registry.action_for(request.action.id)
                if spec is None:
                    outcome = "unknown-action"
                    return [Reply([Text(self.t("error.unknown_action", language))], language, private=True)]
                handler_name = spec.prefix
                ctx = self._context(request, language, handler_name)
                if spec.admin and not ctx.is_admin:
                    outcome = "refused"
                    return await self._refuse(ctx, spec.prefix)
                return self._note_buttons(request, _as_list(await spec.func(ctx, request.action)))
            spec_cmd, args = self._route(request.text)
            handler_name = spec_cmd.name
            # The whole text, command word included ("hulp", "remind list"), tells the language to answer in.
            language = self._language(request, request.text, stored_language, detect=True)
            if stored_language is None:
                await self._learn_language(request, request.text)
            ctx = self._context(request, language, handler_name)
            if spec_cmd.admin and not ctx.is_admin:
                outcome = "refused"
                return await self._refuse(ctx, spec_cmd.name)
            return self._note_buttons(request, _as_list(await spec_cmd.func(ctx, args)))
        except UserError as exc:
            outcome = "user-error"
            return [Reply([Text(exc.message, style="warning")], language, private=True, summary=exc.message)]
        except DatabaseUnavailable as exc:
            # Expected during a database outage: no traceback; the user gets the short apology.
            outcome = "database-unavailable"
            scoped_logger(__name__, platform=request.platform, handler=handler_name,
                          request_id=request.request_id).warning("handler %s needs the database: %s", handler_name, exc)
            message = self.t("error.internal", language, request_id=request.request_id)
            return [Reply([Text(message, style="warning")], language, private=True, summary=message)]
        except Exception:
            outcome = "error"
            scoped_logger(__name__, platform=request.platform, handler=handler_name,
                          request_id=request.request_id).exception("handler %s failed", handler_name)
            message = self.t("error.internal", language, request_id=request.request_id)
            return [Reply([Text(message, style="warning")], language, private=True, summary=message)]
        finally:
            self.metrics.requests.labels(request.platform, handler_name, outcome).inc()
            self.metrics.latency.labels(request.platform, handler_name).observe(time.perf_counter() - started)

    async def _remember(self, request: Request) -> str | None:
        """Record the user and conversation reference, at most once per `SEEN_TTL` seconds for an unchanged
        conversation: a busy user's every message need not cost a database write."""
        conv = request.conversation
        key = (request.platform, request.user.id, conv.id, _reference_fingerprint(conv.reference))
        now = time.monotonic()
        cached = self._seen.get(key)
        if cached is not None and now - cached[0] < SEEN_TTL:
            return cached[1]
        try:
            language = await self.services.db.run(_remember, request=request)
        except DatabaseUnavailable:
            return None  # answer anyway (reviews and answers need no database); recorded next time
        if len(self._seen) >= SEEN_MAX:
            self._seen.clear()
        self._seen[key] = (now, language)
        return language

    async def _first_delivery(self, request: Request) -> bool:
        """False when this platform event was handled before (a retried delivery). Without the database the
        event is handled: a rare duplicate answer beats silence."""
        try:
            return await self.services.db.run(crud.mark_event_processed, platform=request.platform,
                                              event_id=request.event_id)
        except DatabaseUnavailable:
            return True

    async def _refuse(self, ctx: Context, what: str) -> list[Reply]:
        """Refuse an admin command or button to a non-admin, and record the attempt."""
        request = ctx.request
        ctx.log.warning("refused admin command %s for non-admin user", what)
        await self.services.db.run(crud.audit, platform=request.platform, user_id=request.user.id,
                                   action=what, allowed=False, detail="not an admin")
        text = self.t("error.admin_only", ctx.language, command=what.rstrip("."),
                      user=f"{request.platform}:{request.user.id}")
        return [Reply([Text(text)], ctx.language, private=True, summary=text)]

    async def _learn_language(self, request: Request, text: str) -> None:
        """Remember a user's language the first time they write clearly in one, so that announcements, tips
        and reminders reach them in it. An explicit `language nl|en` choice is never overwritten."""
        nl, en = language_scores(text)
        if abs(nl - en) < CLEAR_SIGNAL:
            return
        language = "nl" if nl > en else "en"
        if language not in self.services.policy.pack.languages:
            return
        try:
            await self.services.db.run(crud.set_user_language, platform=request.platform, user_id=request.user.id,
                                       language=language)
        except DatabaseUnavailable:
            return
        self.forget_user(request.platform, request.user.id)

    def forget_user(self, platform: str, user_id: str) -> None:
        """Drop cached facts about a user (call after changing their stored preferences)."""
        for key in [k for k in self._seen if k[0] == platform and k[1] == user_id]:
            del self._seen[key]

    def _route(self, text: str) -> tuple[CommandSpec, str]:
        word, rest = split_command(text)
        spec = self.registry.command_for_word(word) if word else None
        if not word:
            return self.registry.commands[HELP_COMMAND], ""
        if spec is None:
            return self.registry.commands[QUESTION_COMMAND], text.strip().removeprefix("/smm").strip()
        if spec.name == HELP_COMMAND and rest:
            # "help, my colleague posted…" is a question, not a request for the command list.
            return self.registry.commands[QUESTION_COMMAND], text.strip()
        return spec, rest

    def _action_language(self, request: Request, stored: str | None) -> str:
        """A button press is answered in the language of the message the button was on: as the adapter reports
        it, else as this dispatcher sent it; else the user's stored language (or locale, or the default)."""
        assert request.action is not None
        languages = self.services.policy.pack.languages
        key = (request.platform, request.conversation.id, request.action.id, request.action.value)
        for candidate in (request.action.language, self._button_languages.get(key)):
            if candidate in languages:
                return str(candidate)
        return self._language(request, request.action.value, stored, detect=False)

    def _note_buttons(self, request: Request, replies: list[Reply]) -> list[Reply]:
        """Remember the language of each button sent back, for `_action_language`."""
        for reply in replies:
            for element in reply.elements:
                if isinstance(element, Actions):
                    for button in element.buttons:
                        key = (request.platform, request.conversation.id, button.action_id, button.value)
                        self._button_languages[key] = reply.language
                        self._button_languages.move_to_end(key)
        while len(self._button_languages) > BUTTONS_MAX:
            self._button_languages.popitem(last=False)
        return replies

    def _language(self, request: Request, text: str, stored: str | None, *, detect: bool) -> str:
        languages = self.services.policy.pack.languages
        fallback = stored or _locale_language(request.user.locale) or languages[0]
        if fallback not in languages:
            fallback = languages[0]
        if not detect:
            return fallback
        language = detect_language(text, default=fallback)
        return language if language in languages else fallback

    def _context(self, request: Request, language: str, handler: str) -> Context:
        logger = scoped_logger(f"handlers.{handler}", platform=request.platform, handler=handler,
                               request_id=request.request_id)
        return Context(request=request, services=self.services, language=language, log=logger, registry=self.registry,
                       dispatcher=self)


def _locale_language(locale: str | None) -> str | None:
    if not locale:
        return None
    code = locale.replace("_", "-").split("-")[0].lower()
    return code if code in ("nl", "en") else None


def _as_list(result: Any) -> list[Reply]:
    if result is None:
        return []
    if isinstance(result, Reply):
        return [result]
    return list(result)


def _reference_fingerprint(reference: dict[str, Any] | None) -> str:
    if not reference:
        return ""
    return hashlib.sha1(json.dumps(reference, sort_keys=True, default=str).encode(), usedforsecurity=False).hexdigest()


def _remember(*, session: Any, request: Request) -> str | None:
    """Record the user and how to reach the conversation; return the user's stored language preference."""
    user = crud.upsert_user(session=session, platform=request.platform, user_id=request.user.id,
                            display_name=request.user.name)
    conv = request.conversation
    crud.save_conversation_reference(
        session=session, platform=request.platform, conversation_id=conv.id, kind=conv.kind,
        user_id=request.user.id if conv.kind == "direct" else None, reference=conv.reference,
    )
    return user.language
