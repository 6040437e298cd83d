"""Security of the web server: API tokens, CSRF, host checks, body size limits, headers.

Tokens are random secrets shown once at creation; the ledger keeps only their
sha256. A request from loopback may go without a token; any other client must
send one (`Authorization: Bearer …`, or the cookie that `/login` sets). A
read-only token may only read. Every state-changing request needs either a
bearer token in its header (which browsers never add by themselves) or the
CSRF token bound to the browser's session cookie (form field `csrf_token`, or
the `X-CSRF-Token` header HTMX sends); JSON bodies from non-browser clients on
loopback are accepted too, since no cross-site page can send them without a
CORS preflight this server never grants. This module holds no routes and no
HTML.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import insert, select, update

from claimgraph.errors import ClaimgraphError, LedgerError, NotFound
from claimgraph.ledger import Ledger
from claimgraph.ledger.serve_schema import api_token
from claimgraph.ledger.store import now

TOKEN_PREFIX = "cg_"
SESSION_COOKIE = "cg_session"
TOKEN_COOKIE = "cg_token"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024

# No inline script anywhere, and no <style> element: scripts and style sheets come from /static
# only. Style *attributes* are allowed because the chart library positions SVG layers and hover
# labels with them; our templates write none (a test checks) and ledger text is always escaped,
# so no attribute can come from a document.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; style-src-elem 'self'; "
       "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


# ---------------------------------------------------------------- tokens


@dataclass
class TokenInfo:
    id: int
    name: str
    prefix: str
    read_only: bool
    created: datetime
    revoked: datetime | None = None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _info(row: Any) -> TokenInfo:
    return TokenInfo(row.id, row.name, row.prefix, bool(row.read_only), row.created, row.revoked)


def create_token(ledger: Ledger, name: str, *, read_only: bool = False) -> tuple[str, TokenInfo]:
    """Make a token; return its secret (shown once, never stored) and its record."""
    name = name.strip()
    if not name:
        raise LedgerError("a token needs a name", subject="token", fix="name it after its user or tool")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with ledger.engine.begin() as conn:
        token_id = conn.execute(insert(api_token).values(
            name=name, token_sha256=_hash(secret), prefix=secret[:10], read_only=read_only,
            created=now())).inserted_primary_key[0]
        row = conn.execute(select(api_token).where(api_token.c.id == token_id)).one()
    return secret, _info(row)


def list_tokens(ledger: Ledger, *, include_revoked: bool = True) -> list[TokenInfo]:
    query = select(api_token).order_by(api_token.c.id)
    if not include_revoked:
        query = query.where(api_token.c.revoked.is_(None))
    with ledger.engine.connect() as conn:
        return [_info(r) for r in conn.execute(query)]


def revoke_token(ledger: Ledger, ref: str) -> list[TokenInfo]:
    """Revoke the active tokens with this name, id or secret prefix; return them."""
    with ledger.engine.begin() as conn:
        query = select(api_token).where(api_token.c.revoked.is_(None))
        if ref.isdigit():
            query = query.where(api_token.c.id == int(ref))
        elif ref.startswith(TOKEN_PREFIX):
            query = query.where(api_token.c.prefix == ref[:10])
        else:
            query = query.where(api_token.c.name == ref)
        rows = conn.execute(query).all()
        if not rows:
            raise NotFound("no active token with this name, id or prefix", subject=ref,
                           fix="list tokens with `claimgraph token list`")
        conn.execute(update(api_token).where(api_token.c.id.in_([r.id for r in rows])).values(revoked=now()))
    return [_info(r) for r in rows]


def check_token(ledger: Ledger, secret: str) -> TokenInfo | None:
    """The active token with this secret, or None."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    with ledger.engine.connect() as conn:
        row = conn.execute(select(api_token).where(api_token.c.token_sha256 == _hash(secret),
                                                   api_token.c.revoked.is_(None))).first()
    return _info(row) if row else None


# ---------------------------------------------------------------- hosts


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


# ---------------------------------------------------------------- CSRF


def csrf_for(secret: bytes, session: str) -> str:
    return hmac.new(secret, session.encode("ascii", "replace"), hashlib.sha256).hexdigest()[:40]


class HttpError(ClaimgraphError):
    """A refusal at the HTTP edge (size, auth, CSRF) with its status code."""

    def __init__(self, status: int, reason: str, *, subject: str | None = None, fix: str | None = None):
        self.status = status
        super().__init__(reason, subject=subject, fix=fix)


# ---------------------------------------------------------------- middleware


@dataclass
class Policy:
    ledger: Ledger
    csrf_secret: bytes
    max_body: int = DEFAULT_MAX_UPLOAD
    require_tokens: bool = False  # also for loopback clients
    loopback_only_hosts: bool = True  # bound to loopback: refuse foreign Host headers (DNS rebinding)


Send = Callable[[dict[str, Any]], Awaitable[None]]
Receive = Callable[[], Awaitable[dict[str, Any]]]


class SecurityMiddleware:
    """Pure ASGI middleware: headers on every response; auth, CSRF and size checks on every request."""

    PUBLIC_PREFIXES = ("/static/", "/login", "/vendor/")

    def __init__(self, app: Any, policy: Policy, render_error: Callable[..., Awaitable[None]]):
        self.app = app
        self.policy = policy
        self.render_error = render_error

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except CookieError:  # a malformed cookie header is treated as none
            cookies = SimpleCookie()
        session = cookies[SESSION_COOKIE].value if SESSION_COOKIE in cookies else ""
        new_session = None
        if len(session) < 20 or len(session) > 100:
            session = new_session = secrets.token_urlsafe(24)
        state = scope.setdefault("state", {})
        state["csrf_token"] = csrf_for(self.policy.csrf_secret, session)
        state["token"] = None

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                if new_session:
                    extra.append((b"set-cookie", (f"{SESSION_COOKIE}={new_session}; Path=/; HttpOnly; "
                                                  "SameSite=Strict").encode()))
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in extra if k == b"set-cookie" or k not in present]
            await send(message)

        try:
            receive = await self._check(scope, headers, cookies, receive, state)
        except HttpError as exc:
            await self.render_error(scope, send_with_headers, exc)
            return
        await self.app(scope, receive, send_with_headers)

    async def _check(self, scope: dict[str, Any], headers: dict[str, str], cookies: SimpleCookie,
                     receive: Receive, state: dict[str, Any]) -> Receive:
        path: str = scope.get("path", "/")
        method: str = scope.get("method", "GET").upper()
        client = (scope.get("client") or ("", 0))[0]
        loopback_client = is_loopback(client)
        if self.policy.loopback_only_hosts and not is_loopback(_host_name(headers.get("host", "localhost"))):
            raise HttpError(421, "this server answers only to 127.0.0.1 and localhost", subject=headers.get("host"),
                            fix="open http://127.0.0.1:PORT/, or serve with --host and API tokens")
        # Cross-site requests are refused outright when the browser says so.
        origin = headers.get("origin")
        if method not in SAFE_METHODS and origin and origin != "null" \
                and urlsplit(origin).netloc != headers.get("host", ""):
            raise HttpError(403, "cross-origin request refused", subject=origin,
                            fix="send requests from this server's own pages, or with a bearer token")
        if method not in SAFE_METHODS and headers.get("sec-fetch-site") == "cross-site":
            raise HttpError(403, "cross-site request refused", subject=path, fix="use this server's own pages")

        bearer = ""
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            bearer = auth[7:].strip()
        cookie_token = cookies[TOKEN_COOKIE].value if TOKEN_COOKIE in cookies else ""
        secret = bearer or cookie_token
        public = path.startswith(self.PUBLIC_PREFIXES)
        if secret:
            token = check_token(self.policy.ledger, secret)
            if token is None and not public:
                raise HttpError(401, "unknown or revoked API token", subject=path,
                                fix="create one with `claimgraph token create NAME` and send it as "
                                    "'Authorization: Bearer TOKEN'")
            state["token"] = token
        elif (self.policy.require_tokens or not loopback_client) and not public:
            raise HttpError(401, "an API token is required from this address", subject=client or path,
                            fix="send 'Authorization: Bearer TOKEN' (claimgraph token create NAME), "
                                "or sign in at /login")
        token = state["token"]
        if method in SAFE_METHODS:
            return receive
        if token is not None and token.read_only and not path.startswith(("/login", "/logout")):
            raise HttpError(403, "this token is read-only", subject=token.name,
                            fix="use a token made without --read-only to change the ledger")

        declared = headers.get("content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.policy.max_body
            except ValueError:
                raise HttpError(400, "bad Content-Length header", subject=path, fix="send a valid request")
            if too_big:
                raise _too_large(self.policy.max_body, path)
        body = await _read_body(receive, self.policy.max_body, path)

        if not (bearer and token is not None):
            self._check_csrf(scope, headers, body, state, path)

        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return replay

    def _check_csrf(self, scope: dict[str, Any], headers: dict[str, str], body: bytes, state: dict[str, Any],
                    path: str) -> None:
        expected = state["csrf_token"]
        given = headers.get(CSRF_HEADER, "")
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if not given and content_type == "application/x-www-form-urlencoded":
            given = (parse_qs(body.decode("utf-8", "replace")).get(CSRF_FIELD) or [""])[0]
        if not given:
            given = (parse_qs(scope.get("query_string", b"").decode("latin-1")).get(CSRF_FIELD) or [""])[0]
        if given and hmac.compare_digest(given, expected):
            return
        # A JSON body cannot come from a cross-site form or a simple cross-site fetch.
        if not given and path.startswith("/api/") and content_type == "application/json" \
                and headers.get("sec-fetch-site") in (None, "same-origin", "none"):
            return
        raise HttpError(403, "missing or wrong CSRF token", subject=path,
                        fix="reload the page and submit the form again; API clients send a bearer token")


async def _read_body(receive: Receive, limit: int, path: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise HttpError(400, "client disconnected", subject=path)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _too_large(limit, path)
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


def _too_large(limit: int, path: str) -> HttpError:
    return HttpError(413, f"request body over the limit of {limit:,} bytes", subject=path,
                     fix="upload smaller files, or start the server with a larger --max-upload")


def error_body(exc: ClaimgraphError, status: int) -> dict[str, Any]:
    """The one JSON error shape of the API."""
    return {"error": {"type": exc.__class__.__name__, "status": status, "reason": exc.reason,
                      "subject": exc.subject, "fix": exc.fix, "message": exc.line()}}


def json_error(exc: ClaimgraphError, status: int) -> bytes:
    return json.dumps(error_body(exc, status), ensure_ascii=False).encode("utf-8")
