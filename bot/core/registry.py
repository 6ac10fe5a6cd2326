"""Registering handlers: decorators only record metadata; the registry checks it at start-up."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from bot.core.errors import RegistrationError

if TYPE_CHECKING:
    from bot.core.context import Context
    from bot.core.types import Action

HandlerResult = "Reply | list[Reply] | None"
CommandFunc = Callable[["Context", str], Awaitable[Any]]
ActionFunc = Callable[["Context", "Action"], Awaitable[Any]]

_COMMAND_ATTR = "__smm_command__"
_ACTION_ATTR = "__smm_action__"


@dataclass(frozen=True)
class CommandSpec:
    """A chat command: its name, the words that call it (both languages), and who may use it."""

    name: str
    words: tuple[str, ...]
    func: CommandFunc
    admin: bool = False
    order: int = 100


@dataclass(frozen=True)
class ActionSpec:
    """A button action: handled when the pressed action's id starts with `prefix`."""

    prefix: str
    func: ActionFunc
    admin: bool = False


def command(name: str, *, words: Iterable[str] = (), admin: bool = False, order: int = 100) -> Callable[[Any], Any]:
    """Mark a coroutine `async def f(ctx, args) -> Reply | list[Reply] | None` as a chat command."""

    def mark(func: Any) -> Any:
        setattr(func, _COMMAND_ATTR, CommandSpec(name, (name, *words), func, admin, order))
        return func

    return mark


def action(prefix: str, *, admin: bool = False) -> Callable[[Any], Any]:
    """Mark a coroutine `async def f(ctx, action) -> Reply | list[Reply] | None` as a button handler.
    With `admin=True` the dispatcher refuses (and records) presses by users who are not admins."""

    def mark(func: Any) -> Any:
        setattr(func, _ACTION_ATTR, ActionSpec(prefix, func, admin))
        return func

    return mark


class HandlerRegistry:
    """The commands and actions the dispatcher routes to."""

    def __init__(self) -> None:
        self.commands: dict[str, CommandSpec] = {}
        self._words: dict[str, CommandSpec] = {}
        self.actions: list[ActionSpec] = []

    def add_command(self, spec: CommandSpec) -> None:
        if not inspect.iscoroutinefunction(spec.func):
            raise RegistrationError(f"command {spec.name!r}: {spec.func.__qualname__} must be `async def`")
        if spec.name in self.commands:
            raise RegistrationError(f"command {spec.name!r} is registered twice")
        for word in spec.words:
            key = word.lower()
            if key in self._words:
                raise RegistrationError(f"word {word!r} of {spec.name!r} already calls {self._words[key].name!r}")
            self._words[key] = spec
        self.commands[spec.name] = spec

    def add_action(self, spec: ActionSpec) -> None:
        if not inspect.iscoroutinefunction(spec.func):
            raise RegistrationError(f"action {spec.prefix!r}: {spec.func.__qualname__} must be `async def`")
        if any(a.prefix == spec.prefix for a in self.actions):
            raise RegistrationError(f"action {spec.prefix!r} is registered twice")
        self.actions.append(spec)
        self.actions.sort(key=lambda a: len(a.prefix), reverse=True)

    def add_module(self, module: ModuleType) -> None:
        for _, obj in inspect.getmembers(module):
            spec = getattr(obj, _COMMAND_ATTR, None)
            if isinstance(spec, CommandSpec) and spec.func is obj:
                self.add_command(spec)
            aspec = getattr(obj, _ACTION_ATTR, None)
            if isinstance(aspec, ActionSpec) and aspec.func is obj:
                self.add_action(aspec)

    @classmethod
    def from_modules(cls, modules: Iterable[ModuleType]) -> HandlerRegistry:
        registry = cls()
        for module in modules:
            registry.add_module(module)
        return registry

    def command_for_word(self, word: str) -> CommandSpec | None:
        return self._words.get(word.lower())

    def action_for(self, action_id: str) -> ActionSpec | None:
        return next((a for a in self.actions if action_id.startswith(a.prefix)), None)

    def ordered_commands(self) -> list[CommandSpec]:
        return sorted(self.commands.values(), key=lambda s: (s.order, s.name))
