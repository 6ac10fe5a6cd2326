"""The composition root: builds settings, policy, store, dispatcher and the platform components once,
and hands them to each other. No module-level engines, settings or clients anywhere else."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from aiohttp import web

from bot.config import Settings
from bot.core.dispatcher import Dispatcher
from bot.core.errors import StartupError
from bot.core.metrics import Metrics
from bot.core.registry import HandlerRegistry
from bot.core.services import PolicyState, Services
from bot.policy import load_pack
from bot.store.db import Database, DatabaseOptions
from handlers import load_handler_modules
from handlers.messages import t

if TYPE_CHECKING:
    from bot.scheduler.outbox import OutboxWorker

log = logging.getLogger(__name__)


class Component(Protocol):
    """A part of `smm serve` with a life cycle: a platform adapter, the scheduler, the console chat."""

    name: str

    def routes(self) -> list[web.RouteDef]:
        """HTTP routes this component serves on the shared aiohttp server."""
        ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def health(self) -> dict[str, Any]:
        """A small JSON-able status for `GET /healthz`."""
        ...


@dataclass
class BotApp:
    """Everything `smm serve` runs, wired together."""

    settings: Settings
    services: Services
    dispatcher: Dispatcher
    metrics: Metrics
    components: list[Component] = field(default_factory=list)


# Platform components register here: each takes the BotApp and returns a component or None (not configured).
ComponentFactory = Callable[[BotApp], "Component | None"]


def build_core(settings: Settings, *, migrate: bool = True, extra_handler_modules: tuple[str, ...] = ()) -> BotApp:
    """Load the pack (a broken pack raises PolicyError), open and migrate the database, register handlers."""
    pack = load_pack(settings.policy_dir)
    db = Database(settings.database_url, options=DatabaseOptions.from_settings(settings))
    if migrate:
        db.migrate()
    services = Services(settings=settings, policy=PolicyState(pack), db=db)
    metrics = Metrics()
    registry = HandlerRegistry.from_modules(load_handler_modules(extra_handler_modules))
    dispatcher = Dispatcher(services, registry, t, metrics)
    return BotApp(settings=settings, services=services, dispatcher=dispatcher, metrics=metrics)


def component_factories() -> list[ComponentFactory]:
    """The platform components `smm serve` may run, in start-up order. Each decides from the settings
    whether it is configured."""
    from bot.adapters.slack import slack_component

    factories: list[ComponentFactory] = [slack_component]
    factories.append(_teams_component)
    factories.append(_scheduler_component)
    return factories


def _scheduler_component(app: BotApp) -> Component | None:
    """The scheduler (leader only) and outbox worker: active in every `smm serve`, after the platforms so
    their senders are registered."""
    from bot.scheduler.component import scheduler_component

    return scheduler_component(app, worker=build_outbox_worker(app))


def build_outbox_worker(app: BotApp, **overrides: Any) -> OutboxWorker:
    """The outbox worker as `smm serve` runs it (and `python -m bot.scheduler.worker`): send rates and lease
    from the settings, and for Slack the history check that keeps delivery exactly once across a crash.
    `overrides` change WorkerOptions fields (the stand-alone worker's command-line options)."""
    from bot.scheduler.component import delivery_verifiers, worker_options
    from bot.scheduler.outbox import OutboxWorker

    options = worker_options(app.settings)
    for name, value in overrides.items():
        setattr(options, name, value)
    return OutboxWorker(app.services.db, app.services.messenger, options, delivery_verifiers(app.settings),
                        metrics=app.metrics)


def _teams_component(app: BotApp) -> Component | None:
    """Teams: `/api/messages`, authenticated with an app id; the Emulator's unauthenticated endpoint only
    with SMM_TEAMS_EMULATOR=true on loopback; otherwise a 404 saying Teams is not configured."""
    from bot.adapters.teams.component import teams_component

    return teams_component(app)


def build_app(settings: Settings) -> BotApp:
    """The whole bot: core plus every configured component."""
    app = build_core(settings)
    for factory in component_factories():
        component = factory(app)
        if component is not None:
            app.components.append(component)
    return app


def make_web_app(app: BotApp) -> web.Application:
    """The shared aiohttp server: health, metrics and every component's routes."""
    web_app = web.Application(client_max_size=1024 * 1024)

    async def healthz(_request: web.Request) -> web.Response:
        # Bounded: the last probe's answer, or a probe of at most a second; never a hanging query.
        db_ok = await app.services.db.check(timeout=1.0)
        body = {
            "status": "ok" if db_ok else "degraded",
            "policy_version": app.services.policy.pack.version_label,
            "policy": await _policy_health(app, db_ok),
            "database": "ok" if db_ok else "unreachable",
            "database_detail": app.services.db.health(),
            "components": {c.name: c.health() for c in app.components},
        }
        return web.json_response(body, status=200)

    async def metrics(_request: web.Request) -> web.Response:
        return web.Response(body=app.metrics.render(), content_type="text/plain", charset="utf-8")

    web_app.router.add_get("/healthz", healthz)
    web_app.router.add_get("/metrics", metrics)
    for component in app.components:
        web_app.router.add_routes(component.routes())
    return web_app


async def _policy_health(app: BotApp, db_ok: bool) -> dict[str, Any]:
    """The version on disk (in force) and the one last published, and what to do when they differ; bounded to
    a second, so /healthz never waits on a slow database."""
    import asyncio

    from handlers.admin import policy_sync

    pack = app.services.policy.pack
    unknown = {"on_disk": pack.version_label, "folder": str(pack.root), "published": None, "published_at": None,
               "in_sync": None, "advice": "the published version is unknown: the database did not answer"}
    if not db_ok:
        return unknown
    try:
        return (await asyncio.wait_for(policy_sync(app.services), timeout=1.0)).to_json()
    except Exception:
        return unknown


def check_startup(settings: Settings) -> None:
    """Refuse configurations that would be unsafe, saying why and what to do."""
    if settings.teams_emulator and not settings.teams_app_id and not settings.host_is_loopback:
        raise StartupError(
            f"SMM_TEAMS_EMULATOR is true and SMM_HOST is {settings.host}: the Bot Framework Emulator's "
            "/api/messages accepts unauthenticated requests and is served only on a loopback address. Listen on "
            "127.0.0.1, or set SMM_TEAMS_EMULATOR=false (for Teams itself set SMM_TEAMS_APP_ID, "
            "SMM_TEAMS_APP_PASSWORD and SMM_TEAMS_TENANT_ID)."
        )
    if settings.teams_emulator and settings.teams_app_id:
        log.warning("SMM_TEAMS_EMULATOR is ignored: SMM_TEAMS_APP_ID is set, so every Teams request needs a token")
    elif settings.teams_emulator:
        log.warning("SMM_TEAMS_EMULATOR is on: /api/messages accepts unauthenticated requests from this machine "
                    "(never with admin rights)")
