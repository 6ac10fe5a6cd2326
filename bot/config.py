"""Settings: one typed object, built once at the entry point (environment or `.env`, prefix `SMM_`)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def bundled_policy_dir() -> Path:
    """The policy pack shipped with the package."""
    import policy_data

    return Path(policy_data.__file__).resolve().parent


ADMIN_PLATFORMS = ("slack", "teams", "console")


def normalise_user_id(platform: str, user_id: str) -> tuple[str, str]:
    """(platform, id) as admin ids are compared: Teams AAD object ids are GUIDs, compared without case."""
    user_id = user_id.strip()
    return platform, user_id.lower() if platform == "teams" else user_id


def qualified_admin(entry: str) -> tuple[str, str] | None:
    """`slack:U123` -> ("slack", "U123"); None for an entry without a known platform or without an id."""
    platform, sep, user_id = entry.strip().partition(":")
    platform = platform.strip().lower()
    if not sep or platform not in ADMIN_PLATFORMS or not user_id.strip():
        return None
    return normalise_user_id(platform, user_id)


def _admin_parts(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class Settings(BaseSettings):
    """Everything configurable, as listed in the product contract (section 5)."""

    model_config = SettingsConfigDict(
        env_prefix="SMM_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database_url: str = "sqlite:///smm.db"
    policy_dir: Path = Field(default_factory=bundled_policy_dir)
    host: str = "127.0.0.1"
    port: int = 3978
    admins: str = ""
    """Comma-separated, platform-qualified user ids (`slack:U…`, `teams:<AAD object id>`, `console:<name>`)."""

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str | None = None
    slack_escalation_channel: str | None = None
    slack_max_waiting: int = 200
    """Slack work items that may wait for a worker; beyond this, commands get a "busy" note (back-pressure)."""
    max_waiting_per_user: int = 5
    """Work items one user may have waiting (Slack and Teams); beyond this they get a "one moment" note, so one
    user's flood cannot delay the others."""
    teams_escalation_channel: str | None = None

    teams_app_id: str | None = None
    teams_app_password: SecretStr | None = None
    teams_tenant_id: str | None = None
    teams_app_type: str = "MultiTenant"
    teams_openid_metadata_url: str | None = None  # Bot Framework OpenID metadata (tests use a local server)

    send_rates: str = "slack=10,teams=7"
    """Messages per second the outbox may send per platform ("slack=10,teams=7")."""
    teams_emulator: bool = False
    """Serve the Bot Framework Emulator's unauthenticated /api/messages: only with no Teams app id and a
    loopback SMM_HOST (start-up refuses it on any other address). Requests through it are never admin."""

    outbox_lease_seconds: float = Field(default=30.0, ge=1.0, le=600.0)
    """How long an outbox worker's claim on a row lasts without renewal; renewed every third of it. After a
    crash, rows in flight are taken over (and checked against Slack's history) once their lease ran out."""
    database_connect_timeout: float = Field(default=5.0, gt=0)
    """Seconds to wait for a new database connection."""
    database_statement_timeout: float = Field(default=15.0, gt=0)
    """PostgreSQL statement_timeout, and SQLite's busy timeout (seconds)."""
    database_pool_timeout: float = Field(default=5.0, gt=0)
    """Seconds to wait for a free pooled connection."""
    database_call_timeout: float = Field(default=30.0, gt=0)
    """Seconds one piece of database work may take before the caller gives up on it."""
    database_threads: int = Field(default=8, ge=1, le=64)
    """Threads (and pooled connections) for database work, separate from the engines' thread pool."""

    retention_days: int = 365
    log_level: str = "INFO"
    log_json: bool = False

    @field_validator("port")
    @classmethod
    def _port_range(cls, value: int) -> int:
        if not 0 <= value <= 65535:
            raise ValueError("SMM_PORT must be between 0 and 65535")
        return value

    @field_validator("admins")
    @classmethod
    def _admins_qualified(cls, value: str) -> str:
        for part in _admin_parts(value):
            if qualified_admin(part) is None:
                platform, sep, user_id = part.partition(":")
                if not sep:
                    raise ValueError(f"SMM_ADMINS: {part!r} has no platform; write slack:{part}, teams:<id> or "
                                     "console:<name>")
                if not user_id.strip():
                    raise ValueError(f"SMM_ADMINS: {part!r} has no user id after {platform}:")
                raise ValueError(f"SMM_ADMINS: {part!r} names an unknown platform {platform!r}; write "
                                 f"slack:<U…>, teams:<AAD object id> or console:<name>")
        return value

    @property
    def admin_ids(self) -> frozenset[tuple[str, str]]:
        """The (platform, user id) pairs allowed to publish, announce and schedule. An entry that is not
        platform-qualified (refused at start-up, but settings copied with `model_copy` skip validation)
        matches nobody."""
        pairs = (qualified_admin(part) for part in _admin_parts(self.admins))
        return frozenset(pair for pair in pairs if pair is not None)

    def is_admin(self, platform: str, user_id: str) -> bool:
        """Whether this platform's user id is listed in SMM_ADMINS (Teams' AAD object ids in any case)."""
        key = normalise_user_id(platform, user_id)
        return bool(key[1]) and key in self.admin_ids

    def escalation_channel(self, platform: str) -> str | None:
        """The channel where escalated questions are posted for the social media manager, per platform."""
        return {"slack": self.slack_escalation_channel, "teams": self.teams_escalation_channel}.get(platform)

    @property
    def slack_enabled(self) -> bool:
        return self.slack_bot_token is not None and (
            self.slack_signing_secret is not None or self.slack_app_token is not None
        )

    @property
    def host_is_loopback(self) -> bool:
        if self.host in ("localhost", "localhost.localdomain"):
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False
