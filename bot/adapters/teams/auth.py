"""Checking the Bot Framework token on `POST /api/messages`, without ever blocking the event loop.

Why our own check instead of botbuilder's: botbuilder 4.17 fetches the OpenID metadata and signing keys
with a synchronous `requests.get` without a timeout, inside async code. With the key endpoint unreachable
that froze the whole server (health check included) for minutes; a malformed token surfaced as an
unhandled `jwt.DecodeError`, i.e. HTTP 500. So this module validates the JWT with pyjwt against keys it
fetches itself, asynchronously (aiohttp) and with a timeout, caches them, and fails closed: any problem
with the token or the keys is an `AuthError`, which the endpoint answers with 401. The adapter then hands
botbuilder an already-validated identity (`CloudAdapter.process_activity` accepts an
`AuthenticateRequestResult`), so botbuilder's own key fetching never runs.

The checks follow the Bot Framework's channel-to-bot rules: RS256 signature by a key from the channel's
OpenID metadata, issuer `https://api.botframework.com`, audience = the bot's app id, expiry with five
minutes of clock skew, the key endorsed for the activity's channel, and the token's `serviceurl` claim
equal to the activity's serviceUrl (so a token cannot make the bot post to another host).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import jwt

log = logging.getLogger(__name__)

DEFAULT_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
CHANNEL_ISSUER = "https://api.botframework.com"
ALGORITHMS = ("RS256",)
CLOCK_SKEW_SECONDS = 300
# Keys are refreshed once a day; an unknown key id triggers a refresh at most every five minutes, so forged
# tokens with made-up key ids cannot make us hammer the key endpoint.
KEY_REFRESH_SECONDS = 24 * 3600
UNKNOWN_KID_REFRESH_SECONDS = 300
# After a failed fetch, wait this long before trying again (requests meanwhile fail fast or use stale keys).
FAILED_FETCH_BACKOFF_SECONDS = 5.0


class AuthError(Exception):
    """The request is not authenticated. The message is for logs only (no token contents in it)."""


@dataclass
class _KeySet:
    keys: dict[str, tuple[Any, tuple[str, ...]]] = field(default_factory=dict)  # kid -> (key, endorsements)
    fetched_at: float = 0.0


class TokenValidator:
    """Validates `Authorization: Bearer …` headers from the Bot Framework channel service.

    `timeout` bounds the whole key fetch (metadata plus JWKS). Concurrent requests share one fetch.
    """

    def __init__(self, *, app_id: str, metadata_url: str | None = None, timeout: float = 10.0,
                 issuers: tuple[str, ...] = (CHANNEL_ISSUER,)) -> None:
        if not app_id:
            raise ValueError("TokenValidator needs the bot's app id")
        self.app_id = app_id
        self.metadata_url = metadata_url or DEFAULT_OPENID_METADATA_URL
        self.timeout = timeout
        self.issuers = issuers
        self._keys = _KeySet()
        self._lock = asyncio.Lock()
        self._last_attempt = 0.0
        self._last_failure = 0.0
        self._background: asyncio.Task[None] | None = None

    @property
    def cached_keys(self) -> int:
        return len(self._keys.keys)

    async def validate(self, auth_header: str | None, *, channel_id: str | None,
                       service_url: str | None) -> dict[str, Any]:
        """The token's claims when the header carries a valid channel token for this bot; else `AuthError`."""
        if not auth_header:
            raise AuthError("no Authorization header")
        scheme, _, token = auth_header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("Authorization header is not a bearer token")
        token = token.strip()
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError(f"malformed token: {type(exc).__name__}") from None
        if header.get("alg") not in ALGORITHMS:
            raise AuthError("token algorithm not allowed")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise AuthError("token has no key id")
        key, endorsements = await self._key(kid)
        if endorsements and channel_id not in endorsements:
            raise AuthError("signing key is not endorsed for this channel")
        try:
            claims: dict[str, Any] = jwt.decode(
                token, key, algorithms=list(ALGORITHMS), audience=self.app_id, issuer=list(self.issuers),
                leeway=CLOCK_SKEW_SECONDS, options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as exc:
            raise AuthError(f"token rejected: {type(exc).__name__}") from None
        token_service_url = claims.get("serviceurl") or claims.get("serviceUrl")
        if not token_service_url or not service_url or _norm(token_service_url) != _norm(service_url):
            raise AuthError("serviceUrl does not match the token")
        return claims

    async def _key(self, kid: str) -> tuple[Any, tuple[str, ...]]:
        now = time.monotonic()
        cached = self._keys.keys.get(kid)
        stale = now - self._keys.fetched_at > KEY_REFRESH_SECONDS
        if cached is not None and not stale:
            return cached
        if cached is not None:
            # Stale but known: answer now, refresh in the background (no request waits on the key endpoint).
            if self._background is None or self._background.done():
                self._background = asyncio.create_task(self._refresh())
            return cached
        may_refresh = stale or now - self._keys.fetched_at > UNKNOWN_KID_REFRESH_SECONDS
        if may_refresh:
            await self._refresh()
        found = self._keys.keys.get(kid)
        if found is None:
            raise AuthError("unknown signing key")
        return found

    async def _refresh(self) -> None:
        """Fetch metadata and keys once for all waiting requests; keep the old keys when the fetch fails."""
        started = time.monotonic()
        async with self._lock:
            if self._last_attempt >= started:
                return  # another request refreshed while we waited for the lock
            if time.monotonic() - self._last_failure < FAILED_FETCH_BACKOFF_SECONDS:
                return
            self._last_attempt = time.monotonic()
            try:
                keys = await asyncio.wait_for(self._fetch(), timeout=self.timeout)
            except (TimeoutError, aiohttp.ClientError, ValueError, KeyError, TypeError) as exc:
                self._last_failure = time.monotonic()
                log.warning("could not fetch Bot Framework signing keys (%s); %s", type(exc).__name__,
                            "using cached keys" if self._keys.keys else "refusing requests")
                return
            self._keys = _KeySet(keys=keys, fetched_at=time.monotonic())
            log.info("fetched %d Bot Framework signing keys", len(keys))

    async def _fetch(self) -> dict[str, tuple[Any, tuple[str, ...]]]:
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(self.metadata_url) as response:
                response.raise_for_status()
                metadata = await response.json(content_type=None)
            jwks_uri = metadata["jwks_uri"]
            if not isinstance(jwks_uri, str):
                raise ValueError("jwks_uri is not a string")
            async with session.get(jwks_uri) as response:
                response.raise_for_status()
                jwks = await response.json(content_type=None)
        keys: dict[str, tuple[Any, tuple[str, ...]]] = {}
        for entry in jwks.get("keys", []):
            try:
                parsed = jwt.PyJWK.from_dict(entry)
            except jwt.PyJWTError:
                continue
            kid = entry.get("kid")
            if isinstance(kid, str):
                endorsements = tuple(str(e) for e in entry.get("endorsements", []) or [])
                keys[kid] = (parsed.key, endorsements)
        if not keys:
            raise ValueError("the key set has no usable keys")
        return keys


def _norm(url: str) -> str:
    return url.strip().rstrip("/").lower()
