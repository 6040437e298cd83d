"""The FastAPI application: `create_app(db)` wires the ledger, the API, the pages and security.

HTML pages (views.py) and their JSON twins (api.py) sit side by side over the
same data functions (data.py). Static files come from this package (our CSS
and JS, the vendored HTMX) and from the installed `plotly` package (the chart
library), never from a CDN. This module decides no policy of its own beyond
wiring: security lives in security.py.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.errors import (
    ClaimgraphError,
    ConfigError,
    IngestError,
    InputTooLarge,
    LedgerError,
    NotFound,
)
from claimgraph.ledger import Ledger, open_ledger
from claimgraph.serve import security
from claimgraph.serve.security import DEFAULT_MAX_UPLOAD, HttpError, Policy, SecurityMiddleware
from claimgraph.serve.uploads import Uploader

HERE = Path(__file__).resolve().parent
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))
TEMPLATES.env.autoescape = True  # every template, whatever its name: ingested text is hostile


def plotly_dir() -> Path | None:
    try:
        import plotly
    except ImportError:
        return None
    path = Path(plotly.__file__).resolve().parent / "package_data"
    return path if (path / "plotly.min.js").exists() else None


def status_for(exc: ClaimgraphError) -> int:
    if isinstance(exc, HttpError):
        return exc.status
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, InputTooLarge):
        return 413
    if isinstance(exc, IngestError):
        return 422
    if isinstance(exc, ConfigError):
        return 500
    if isinstance(exc, LedgerError):
        return 409 if "already" in exc.reason else 400
    return 400


def wants_json(path: str, accept: str) -> bool:
    return path.startswith("/api/") or path == "/api" or (
        "application/json" in accept and "text/html" not in accept)


def page_context(request: Request) -> dict[str, Any]:
    """What every page template needs besides its data: CSRF token, signed-in token, current path."""
    state = request.scope.get("state", {})
    return {"csrf": state.get("csrf_token", ""), "token": state.get("token"), "path": request.url.path,
            "json_url": None}


def error_response(request: Request, exc: ClaimgraphError, status: int) -> Response:
    if wants_json(request.url.path, request.headers.get("accept", "")):
        return JSONResponse(security.error_body(exc, status), status_code=status)
    context = page_context(request) | {"error": security.error_body(exc, status)["error"]}
    return TEMPLATES.TemplateResponse(request, "error.html", context, status_code=status)


def create_app(db: str, *, host: str = "127.0.0.1", max_upload: int = DEFAULT_MAX_UPLOAD,
               require_tokens: bool | None = None, extract: bool = True,
               ledger: Ledger | None = None, allow_private_urls: bool = False) -> FastAPI:
    """The app for ledger `db`. Off loopback (`host` not 127.0.0.1/localhost) tokens are required."""
    own_ledger = ledger is None
    ledger = ledger or open_ledger(db)
    loopback = security.is_loopback(host)
    if require_tokens is None:
        require_tokens = not loopback
    if not loopback and not security.list_tokens(ledger, include_revoked=False):
        if own_ledger:
            ledger.close()
        raise ConfigError(f"serving on {host} needs API tokens, and the ledger has none", subject=db,
                          fix="create one with `claimgraph token create NAME`, or serve on 127.0.0.1")

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if own_ledger:
            ledger.close()

    app = FastAPI(title="claimgraph", version=__version__, lifespan=lifespan,
                  description="Provenance-first evidence ledger: documents, statements with their chains of "
                              "sources, figures, custody log. Every HTML page has its JSON twin under /api/.",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.ledger = ledger
    app.state.db = db
    app.state.uploader = Uploader(ledger, extract=extract, max_bytes=max_upload,
                                  allow_private_urls=allow_private_urls)
    app.state.templates = TEMPLATES
    app.state.max_upload = max_upload

    @app.exception_handler(ClaimgraphError)
    async def on_claimgraph_error(request: Request, exc: ClaimgraphError) -> Response:
        return error_response(request, exc, status_for(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
        reason = "no such page" if exc.status_code == 404 else str(exc.detail)
        fix = "see /api/docs for the routes" if exc.status_code in (404, 405) else None
        return error_response(request, HttpError(exc.status_code, reason, subject=request.url.path, fix=fix),
                              exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return error_response(request, HttpError(422, f"invalid request: {problems}", subject=request.url.path,
                                                 fix="see /api/docs for the parameters"), 422)

    static = StaticFiles(directory=str(HERE / "static"))
    app.mount("/static", static, name="static")
    chart_dir = plotly_dir()
    if chart_dir is not None:
        app.mount("/vendor/plotly", StaticFiles(directory=str(chart_dir)), name="plotly")

    from claimgraph.serve import api, views

    app.include_router(api.router)
    app.include_router(views.router)

    async def render_error(scope: dict[str, Any], send: Any, exc: HttpError) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path = scope.get("path", "/")
        if exc.status == 401 and not wants_json(path, headers.get("accept", "")) \
                and scope.get("method") in ("GET", "HEAD"):
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", b"/login"), (b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        if not wants_json(path, headers.get("accept", "")) and "text/html" in headers.get("accept", ""):
            page = error_response(Request(scope), exc, exc.status)  # a browser's refused form: a page

            async def no_body() -> dict[str, Any]:
                return {"type": "http.disconnect"}

            await page(scope, no_body, send)
            return
        body = security.json_error(exc, exc.status)
        await send({"type": "http.response.start", "status": exc.status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    policy = Policy(ledger=ledger, csrf_secret=secrets.token_bytes(32), max_body=max_upload + 64 * 1024,
                    require_tokens=require_tokens, loopback_only_hosts=loopback)
    app.add_middleware(SecurityMiddleware, policy=policy, render_error=render_error)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory claimgraph.serve.app:app_from_env` (reads CLAIMGRAPH_DB)."""
    return create_app(os.environ.get("CLAIMGRAPH_DB", "claimgraph.db"))


def openapi_json(app: FastAPI) -> str:
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["create_app", "openapi_json"]
