"""The terminal chat: standard input/output through the same dispatcher and handlers as Slack and Teams.

Type a question, or a command such as `review …`, `profile …`, `help`. Buttons in a reply are numbered;
type `#1`, `#2`, … to press one. `quit` or end of input leaves the chat.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import sys
import threading
from typing import Any, TextIO

from aiohttp import web

from bot.core.dispatcher import Dispatcher
from bot.core.types import Action, Actions, Button, ConversationRef, Reply, Request, Target, UserRef

PLATFORM = "console"


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
        self._buttons: list[Button] = []
        self._task: asyncio.Task[None] | None = None
        self.sent: list[tuple[Target, Reply]] = []
        self.locale = _terminal_locale()

    def request(self, line: str) -> Request:
        """The neutral request for one typed line (`#N` presses button N of the last reply)."""
        user = UserRef(PLATFORM, self.user_id, locale=self.locale)
        conversation = ConversationRef(PLATFORM, f"console:{self.user_id}", "direct")
        stripped = line.strip()
        if stripped.startswith("#") and stripped[1:].isdigit():
            index = int(stripped[1:]) - 1
            if 0 <= index < len(self._buttons):
                button = self._buttons[index]
                return Request(user, conversation, kind="action", action=Action(button.action_id, button.value))
        return Request(user, conversation, text=stripped, kind="message")

    async def handle_line(self, line: str) -> list[Reply]:
        """Dispatch one line and remember the buttons of the replies."""
        replies = await self.dispatcher.dispatch(self.request(line))
        buttons = [b for r in replies for e in r.elements if isinstance(e, Actions) for b in e.buttons]
        if buttons:
            self._buttons = buttons
        return replies

    def render(self, reply: Reply) -> str:
        """A reply as terminal text; buttons numbered for `#N`."""
        lines: list[str] = []
        counter = 0
        for element in reply.elements:
            if isinstance(element, Actions):
                labels = []
                for button in element.buttons:
                    counter += 1
                    labels.append(f"[#{counter} {button.label}]")
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

        def read() -> None:
            while True:
                try:
                    line = self.stdin.readline()
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
