"""The Bot Framework Emulator's unauthenticated `/api/messages`: when it is served, and what it accepts.

Without a Teams app id there is no token to check, so nothing in a request can be trusted: not the sender's
id, not the `serviceUrl` the bot will post its reply to. Hence (product contract, section 5):

- the endpoint exists only when `SMM_TEAMS_EMULATOR=true`, no Teams app id is set and `SMM_HOST` is a
  loopback address (`emulator_allowed`; `smm serve` refuses the switch on any other address);
- a request must come from a loopback peer, arrive on a loopback socket, name a loopback `Host` (and
  `Origin`, when a browser sends one), and carry no header a proxy, tunnel or CDN adds (`emulator_refusal`).
  A plain reverse proxy on the same machine that adds no header cannot be told apart from the Emulator;
  that is why the switch must be set explicitly, and why such requests never get admin rights;
- the `serviceUrl` must be a canonical loopback URL (`service_url_problem`): parsed the way the connector's
  HTTP library (`requests`, through msrest) parses it, with userinfo, backslashes, percent-escapes and
  non-canonical hosts (decimal, octal or hex IPv4, short forms, trailing dots, IPv4-mapped IPv6, zone ids,
  non-ASCII) refused, and the address it resolves to checked.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

if TYPE_CHECKING:
    from aiohttp import web

    from bot.config import Settings

# Headers a reverse proxy, tunnel or CDN adds; their presence means the request was relayed from elsewhere.
PROXY_HEADERS = frozenset(name.lower() for name in (
    "Forwarded", "Via", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port",
    "X-Forwarded-Server", "X-Forwarded-Prefix", "X-Real-IP", "X-Client-IP", "Client-IP", "True-Client-IP",
    "X-Cluster-Client-IP", "CF-Connecting-IP", "CF-Connecting-IPv6", "CF-Ray", "CF-Visitor", "CF-IPCountry",
    "Fastly-Client-IP", "X-Original-Forwarded-For", "X-Original-Host", "X-Original-URL", "X-Original-URI",
    "X-ProxyUser-Ip", "X-Envoy-External-Address", "X-Azure-ClientIP", "X-Azure-SocketIP", "X-ARR-ClientIP",
    "X-Appengine-User-IP", "X-Host", "X-Url-Scheme", "X-Scheme", "Proxy-Authorization", "X-Ngrok-Agent",
))
PROXY_HEADER_PREFIXES = ("x-forwarded-", "x-original-", "x-real-", "cf-", "fastly-", "x-azure-", "x-arr-",
                         "x-envoy-", "x-amzn-", "x-appengine-", "x-ms-forwarded", "x-devtunnel", "ngrok-")
MAX_SERVICE_URL_CHARS = 2048
# What a canonical authority may hold: a lower-case name or dotted IPv4, or a bracketed IPv6, and a port.
_AUTHORITY = re.compile(r"(?:[a-z0-9.-]+|\[[0-9a-f:]+\])(?::[0-9]{1,5})?")


def emulator_allowed(settings: Settings) -> bool:
    """Whether the tokenless Emulator endpoint may be served: switched on, no app id, a loopback listener."""
    return bool(settings.teams_emulator) and not settings.teams_app_id and settings.host_is_loopback


def is_loopback_host(host: str | None) -> bool:
    """True for a peer address in 127.0.0.0/8 or ::1 (also IPv4-mapped, as dual-stack sockets report it) or
    `localhost`; False for anything else or nothing. For peers, not for URLs (see `service_url_problem`)."""
    if not host:
        return False
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def _canonical_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host literal spells, only when spelled canonically (`127.0.0.1`, `[::1]`)."""
    if host.startswith("[") and host.endswith("]"):
        inner = host[1:-1]
        try:
            v6 = ipaddress.IPv6Address(inner)
        except ValueError:
            return None
        if v6.ipv4_mapped is not None or v6.sixtofour is not None or v6.teredo is not None or str(v6) != inner:
            return None
        return v6
    try:
        v4 = ipaddress.IPv4Address(host)  # refuses octal (0177…), short (127.1), decimal and hex forms
    except ValueError:
        return None
    return v4 if str(v4) == host else None


def service_url_problem(url: Any) -> str | None:
    """Why `url` is not a canonical http(s) URL on a loopback IP literal or `localhost`; None when it is.

    The host is read by urllib3 (what `requests`, and so botbuilder's connector, connects to) and by the
    standard library, and both must agree. `localhost` still has to be resolved (`loopback_service_url`)."""
    if not isinstance(url, str) or not url:
        return "serviceUrl is missing or not a string"
    if len(url) > MAX_SERVICE_URL_CHARS:
        return "serviceUrl is too long"
    if not url.isascii() or not url.isprintable() or any(c.isspace() for c in url):
        return "serviceUrl has non-ASCII, control or space characters"
    if "\\" in url:
        return "serviceUrl has a backslash"
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in ("http", "https"):
        return "serviceUrl is not a lower-case http(s) URL"
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        return "serviceUrl has userinfo"
    if not _AUTHORITY.fullmatch(authority):
        return "serviceUrl's host is not canonical"
    try:
        connected = parse_url(url)
        standard = urlsplit(url)
        standard_port = standard.port
    except (LocationParseError, ValueError):
        return "serviceUrl does not parse"
    if "#" in url or connected.query or connected.auth or standard.username or standard.password:
        return "serviceUrl has a query, fragment or userinfo"
    host = connected.host or ""
    if host.strip("[]") != (standard.hostname or "") or connected.port != standard_port:
        return "serviceUrl is read differently by different parsers"
    if connected.port is not None and not 0 < connected.port < 65536:
        return "serviceUrl's port is out of range"
    if host == "localhost":
        return None
    address = _canonical_address(host)
    if address is None:
        return "serviceUrl's host is neither an IP address in canonical form nor localhost"
    if not address.is_loopback:
        return "serviceUrl is not on loopback"
    return None


async def loopback_service_url(url: Any) -> str | None:
    """`service_url_problem`, plus `localhost` resolved the way the connector will resolve it: every
    address it names must be loopback. None when the URL may be contacted."""
    problem = service_url_problem(url)
    if problem is not None or parse_url(url).host != "localhost":
        return problem
    try:
        infos = await asyncio.get_running_loop().getaddrinfo("localhost", None, type=socket.SOCK_STREAM)
    except OSError:
        return "serviceUrl's host does not resolve"
    addresses = {info[4][0] for info in infos}
    if not addresses or not all(is_loopback_host(str(address)) for address in addresses):
        return "serviceUrl's host resolves beyond loopback"
    return None


def _host_of_header(value: str) -> str:
    """`127.0.0.1:3978` -> `127.0.0.1`; `[::1]:3978` -> `::1`."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def emulator_refusal(request: web.Request) -> str | None:
    """Why a tokenless request must not be served: a peer or local socket off loopback, a `Host` or
    `Origin` that is not loopback (DNS rebinding, a browser page), or headers a proxy or tunnel adds. None
    when it may be served. (The reason goes to the log; it contains no request content.)"""
    if not is_loopback_host(request.remote):
        return "the peer is not loopback"
    sockname = request.transport.get_extra_info("sockname") if request.transport is not None else None
    local = sockname[0] if isinstance(sockname, tuple) and sockname and isinstance(sockname[0], str) else None
    if not is_loopback_host(local):
        return "the request did not arrive on a loopback socket"
    names = {name.lower() for name in request.headers}
    relayed = sorted(n for n in names if n in PROXY_HEADERS or n.startswith(PROXY_HEADER_PREFIXES))
    if relayed:
        return f"the request came through a proxy ({', '.join(relayed)[:200]})"
    if not is_loopback_host(_host_of_header(request.headers.get("Host", ""))):
        return "the Host header is not loopback"
    origin = request.headers.get("Origin")
    if origin is not None and origin != "null" and (service_url_problem(origin) is not None):
        return "the Origin header is not loopback"
    return None
