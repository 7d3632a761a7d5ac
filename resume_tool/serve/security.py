"""Who may talk to the server, and what every response says about itself.

One pure-ASGI middleware, applied before any route runs:

- **Token.** When the server listens beyond the loopback interface (or ``--token`` is
  given), every request must carry the token: ``?token=`` (the printed URL; the page then
  keeps it in an HttpOnly, SameSite=Strict cookie and drops it from the address bar), the
  cookie, or ``Authorization: Bearer``. Otherwise 401.
- **Host allow-list** (DNS rebinding): a page on ``evil.example`` whose name now resolves to
  127.0.0.1 still sends ``Host: evil.example``; such requests get 403.
- **Origin** (CSRF): a state-changing request (POST ...) whose ``Origin`` is not this server,
  or which the browser marks ``Sec-Fetch-Site: cross-site`` or ``same-site``, gets 403.
  Scripts that send neither are allowed (they hold the token when one is needed).
- **Body cap**: a request body larger than the route's cap gets 413 before it is parsed.
- **Headers** on every response: a strict Content-Security-Policy (scripts and styles from
  this server only, nothing external, no framing), ``X-Content-Type-Options: nosniff``,
  ``Referrer-Policy: no-referrer``, ``Cache-Control: no-store`` (personal data).
"""

from __future__ import annotations

import hmac
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})
COOKIE = "resume_tool_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; frame-src 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")

Scope = dict[str, Any]
ASGIApp = Callable[..., Any]


@dataclass(frozen=True)
class Policy:
    host: str  # the address the server listens on
    port: int
    token: str | None  # None: no token needed (loopback only, none given)
    body_cap: int  # bytes, for every route but the batch upload
    batch_cap: int  # bytes, for POST /batch and /api/batch

    def allowed_host(self, header: str) -> bool:
        """Is ``header`` (the Host header) a name this server answers to?"""
        name = host_name(header)
        if name is None:
            return False
        if self.host in WILDCARD:
            return True  # any interface: the token guards it
        return name in LOOPBACK or name == self.host.strip("[]").lower()

    def cap(self, path: str) -> int:
        return self.batch_cap if path in ("/batch", "/api/batch") else self.body_cap


def host_name(header: str) -> str | None:
    """The host part of a Host header ("127.0.0.1:8765" → "127.0.0.1"; "[::1]:80" → "::1")."""
    header = header.strip().lower()
    if not header or any(c in header for c in "/@ \\"):
        return None
    if header.startswith("["):
        end = header.find("]")
        return header[1:end] if end > 0 else None
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class BodyTooLarge(Exception):
    pass


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


async def send_json(send: Callable[..., Any], status: int, message: str,
                    extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": message}).encode("utf-8")
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode())] + (extra or [])
    await send({"type": "http.response.start", "status": status,
                "headers": security_headers(headers)})
    await send({"type": "http.response.body", "body": body})


def security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` plus the ones every response carries (a route may set its own CSP)."""
    have = {k.lower() for k, _ in headers}
    add = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cache-control", b"no-store"),
        (b"cross-origin-opener-policy", b"same-origin"),
        (b"cross-origin-resource-policy", b"same-origin"),
    ]
    return headers + [(k, v) for k, v in add if k not in have]


class Guard:
    """The middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, policy: Policy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Callable[..., Any], send: Callable[..., Any]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        host = headers.get("host", "")
        if not self.policy.allowed_host(host):
            await send_json(send, 403, f"this server does not answer to the host name {host[:80]!r}. "
                            "Open the address the server printed (http://127.0.0.1:PORT/)")
            return
        token_ok, via_query = self._token(scope, headers)
        if not token_ok:
            await send_json(send, 401, "this server needs its access token. Open the full address "
                            "the server printed, with ?token=..., or send "
                            "'Authorization: Bearer TOKEN'")
            return
        method = scope["method"]
        if method not in SAFE_METHODS and not self._same_origin(headers, host):
            await send_json(send, 403, "this request came from another web site and was refused. "
                            "Use the page this server shows")
            return
        if via_query and method == "GET" and "text/html" in headers.get("accept", ""):
            await self._keep_token(scope, send)
            return
        cap = self.policy.cap(scope["path"])
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > cap):
            await send_json(send, 413, _too_large(cap))
            return
        await self._call(scope, receive, send, cap)

    async def _call(self, scope: Scope, receive: Callable[..., Any], send: Callable[..., Any],
                    cap: int) -> None:
        seen = 0
        started = False

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise BodyTooLarge
            return message

        async def guarded_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                message["headers"] = security_headers(list(message.get("headers", [])))
            await send(message)

        try:
            await self.app(scope, counted, guarded_send)
        except BodyTooLarge:
            if not started:
                await send_json(send, 413, _too_large(cap))
        except Exception as exc:
            # A bug. Its message could quote a resume, so only its type is printed, and it
            # does not reach the server's log with a traceback.
            print(f"resume-tool serve: internal error ({type(exc).__name__}) on {scope['method']} "
                  f"{scope['path'][:40]}", file=sys.stderr, flush=True)
            if not started:
                await send_json(send, 500, "unexpected server error. Please report it with the "
                                "steps that led to it")

    def _token(self, scope: Scope, headers: dict[str, str]) -> tuple[bool, bool]:
        """(token accepted, it came in the query string)."""
        token = self.policy.token
        if token is None:
            return True, False
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and _same(auth[7:].strip(), token):
            return True, False
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:
            cookie = SimpleCookie()
        if COOKIE in cookie and _same(cookie[COOKIE].value, token):
            return True, False
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if _same(query.get("token", ""), token):
            return True, True
        return False, False

    async def _keep_token(self, scope: Scope, send: Callable[..., Any]) -> None:
        """Move a token from the address bar into a cookie, then show the page without it."""
        query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"))
                 if k != "token"]
        location = scope["path"] + (f"?{urlencode(query)}" if query else "")
        cookie = f"{COOKIE}={self.policy.token}; HttpOnly; SameSite=Strict; Path=/"
        await send({"type": "http.response.start", "status": 303, "headers": security_headers([
            (b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode("latin-1")),
            (b"content-length", b"0")])})
        await send({"type": "http.response.body", "body": b""})

    def _same_origin(self, headers: dict[str, str], host: str) -> bool:
        """Browsers mark where a request comes from: ``Sec-Fetch-Site`` and ``Origin``.

        Under ``Referrer-Policy: no-referrer`` a plain form post sends ``Origin: null``; it is
        accepted only when the browser also says ``Sec-Fetch-Site: same-origin``."""
        site = headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            return False
        origin = headers.get("origin")
        if origin is None:
            return True  # not a browser (curl, scripts): the token is the guard
        if origin == "null":
            return site == "same-origin"
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == host.strip().lower()


def _same(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


def _too_large(cap: int) -> str:
    return (f"the upload is larger than the {cap // (1024 * 1024)} MB this server accepts in "
            "one request. Send fewer or smaller files (each resume at most 10 MB)")
