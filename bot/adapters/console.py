"""The terminal chat: standard input/output through the same dispatcher and handlers as Slack and Teams.

Type a question, or a command such as `review …`, `profile …`, `help`. Every button shown, in a reply or in a
proactive message (announcement, tip, nudge), gets its own number for the whole chat; type `#1`, `#2`, … to press
one. `quit` or end of input leaves the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import os
import re
import sys
import threading
from collections import OrderedDict
from typing import Any, TextIO

from aiohttp import web

from bot.core.dispatcher import Dispatcher
from bot.core.types import Action, Actions, Button, ConversationRef, Reply, Request, Target, Text, UserRef
from bot.text.lang import detect_language
from handlers.messages import t

PLATFORM = "console"
MAX_BUTTONS = 500  # numbered buttons remembered; older ones are forgotten
_BUTTON_RE = re.compile(r"#(\d{1,9})")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class ConsoleAdapter:
    """Translates terminal lines into requests and replies into text. Also the `console` sender, so
    reminders and announcements show up in the terminal."""

    platform = PLATFORM
    name = "console"

    def __init__(self, dispatcher: Dispatcher, *, user_id: str | None = None,
                 stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.dispatcher = dispatcher
        self.user_id = user_id or _default_user()
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        # Number -> (button, language of the message it is on). Numbers are never reused within a chat, so an
        # older number keeps pressing its own button whatever was printed after it.
        self._buttons: OrderedDict[int, tuple[Button, str]] = OrderedDict()
        self._last_number = 0
        self._last_language: str | None = None
        self._task: asyncio.Task[None] | None = None
        self.sent: list[tuple[Target, Reply]] = []
        self.locale = _terminal_locale()

    def request(self, line: str) -> Request:
        """The neutral request for one typed line (`#N` presses the button shown with number N)."""
        user = UserRef(PLATFORM, self.user_id, locale=self.locale)
        conversation = ConversationRef(PLATFORM, f"console:{self.user_id}", "direct")
        stripped = clean_text(line).strip()
        number = button_number(stripped)
        if number is not None and number in self._buttons:
            button, language = self._buttons[number]
            return Request(user, conversation, kind="action",
                           action=Action(button.action_id, button.value, language=language))
        return Request(user, conversation, text=stripped, kind="message")

    async def handle_line(self, line: str) -> list[Reply]:
        """Dispatch one line. `#N` for a number no button has is answered here, not taken for a question."""
        notes: list[Reply] = []
        if _SURROGATE_RE.search(line):
            # Bytes the terminal could not decode (surrogateescape): replaced, never passed on or stored broken.
            language = detect_language(clean_text(line), default=self._language())
            notes.append(Reply([Text(t("console.bad_text", language), style="warning")], language, private=True))
        number = button_number(line.strip())
        if number is not None and number not in self._buttons:
            return [*notes, self._no_button(number)]
        return [*notes, *await self.dispatcher.dispatch(self.request(line))]

    def _no_button(self, number: int) -> Reply:
        language = self._language()
        if self._buttons:
            example = f"#{next(reversed(self._buttons))}"
            text = t("console.no_button", language, number=number, example=example)
        else:
            text = t("console.no_buttons_yet", language, number=number)
        return Reply([Text(text, style="warning")], language, private=True, summary=text)

    def _language(self) -> str:
        """The user's language as far as the chat shows it: that of the last message shown, else the terminal's."""
        languages = self.dispatcher.services.policy.pack.languages
        if self._last_language in languages:
            return str(self._last_language)
        locale = (self.locale or "").split("_")[0].lower()
        return locale if locale in languages else languages[0]

    def _number(self, button: Button, language: str) -> int:
        self._last_number += 1
        self._buttons[self._last_number] = (button, language)
        while len(self._buttons) > MAX_BUTTONS:
            self._buttons.popitem(last=False)
        return self._last_number

    def render(self, reply: Reply) -> str:
        """A reply as terminal text; each button shown gets the next free number, pressable with `#N`."""
        lines: list[str] = []
        self._last_language = reply.language
        for element in reply.elements:
            if isinstance(element, Actions):
                labels = [f"[#{self._number(button, reply.language)} {button.label}]" for button in element.buttons]
                lines.append("  ".join(labels))
            else:
                lines.append(Reply([element], reply.language).plain_text())
        return "\n".join(lines)

    async def say(self, line: str) -> str:
        """Send a line and return everything the bot answered, as text (used by tests and `smm chat`)."""
        return "\n\n".join(self.render(r) for r in await self.handle_line(line))

    async def send(self, target: Target, reply: Reply) -> str | None:
        """Proactive messages (reminders, announcements) are printed in the terminal."""
        self.sent.append((target, reply))
        self._write(f"\n[{target.kind} {target.id}]\n{self.render(reply)}\n")
        return None

    def _write(self, text: str) -> None:
        self.stdout.write(text + ("" if text.endswith("\n") else "\n"))
        self.stdout.flush()

    async def run(self, *, prompt: bool = True) -> None:
        """Read lines until end of input or `quit`."""
        lines = self._start_reader()
        while True:
            if prompt:
                self.stdout.write("> ")
                self.stdout.flush()
            line = await lines.get()
            if not line:
                return
            if line.strip().lower() in {"quit", "exit", "stop", ":q"}:
                return
            if not line.strip():
                continue
            self._write(await self.say(line) + "\n")

    def _start_reader(self) -> asyncio.Queue[str]:
        """Read standard input in a daemon thread: a blocking readline in the default executor would keep
        `asyncio.run` from returning on Ctrl-C or SIGTERM until the user typed another line."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[str] = asyncio.Queue()
        # Undecodable bytes arrive as lone surrogates (replaced and reported per line) instead of ending the
        # chat with a UnicodeDecodeError; text the terminal cannot show is replaced instead of raising.
        for stream, errors in ((self.stdin, "surrogateescape"), (self.stdout, "replace")):
            reconfigure = getattr(stream, "reconfigure", None)
            if callable(reconfigure):
                with contextlib.suppress(Exception):
                    reconfigure(errors=errors)

        def read() -> None:
            while True:
                try:
                    line = self.stdin.readline()
                except UnicodeDecodeError:
                    line = "\udcff\n"  # a stream that could not be reconfigured: report the line as unreadable
                except (OSError, ValueError):
                    line = ""
                try:
                    loop.call_soon_threadsafe(queue.put_nowait, line)
                except RuntimeError:  # the loop has closed
                    return
                if not line:
                    return

        threading.Thread(target=read, name="console-stdin", daemon=True).start()
        return queue

    # Component life cycle (used by `smm serve` in local mode).
    def routes(self) -> list[web.RouteDef]:
        return []

    async def start(self) -> None:
        self._task = asyncio.create_task(self.run(prompt=self.stdin.isatty()))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def health(self) -> dict[str, Any]:
        return {"running": self._task is not None and not self._task.done()}


def button_number(text: str) -> int | None:
    """N for a line that is exactly `#N`, else None."""
    match = _BUTTON_RE.fullmatch(text)
    return int(match.group(1)) if match else None


def clean_text(text: str) -> str:
    """`text` without lone surrogates (what Python makes of bytes that are not UTF-8): each becomes U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text)


def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "console-user"


def _terminal_locale() -> str | None:
    """The terminal's language (LC_ALL, LC_MESSAGES or LANG, e.g. `nl_NL.UTF-8`), used when a message such as
    `help` does not show which language the user writes in."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith(("C.", "POSIX.")):
            return value.split(".")[0]
    return None
