"""Fixtures for the web server tests: the fixture ledger, the app, an ASGI client,
a real uvicorn server on 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_fixtures import CHROMIUM, CHROMIUM_ARGS, LiveServer, build_ledger


@pytest.fixture(scope="session")
def ledger_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("ledger-template")
    ids = build_ledger(folder / "ledger.db")
    return folder, ids


@pytest.fixture
def ledger_copy(ledger_template: tuple[Path, dict[str, int]], tmp_path: Path) -> tuple[str, dict[str, int]]:
    """A fresh copy of the fixture ledger (database and originals) for one test."""
    folder, ids = ledger_template
    target = tmp_path / "copy"
    shutil.copytree(folder, target)
    return str(target / "ledger.db"), ids


@pytest.fixture
def app(ledger_copy: tuple[str, dict[str, int]]) -> Iterator[Any]:
    from claimgraph.serve.app import create_app

    db, _ids = ledger_copy
    application = create_app(db, extract=False, max_upload=200_000)
    yield application
    application.state.ledger.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(app: Any) -> Any:
    import httpx

    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as http:
        yield http


@pytest.fixture(scope="session")
def live_ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, int]]:
    folder = tmp_path_factory.mktemp("live")
    ids = build_ledger(folder / "ledger.db")
    return str(folder / "ledger.db"), ids


@pytest.fixture(scope="session")
def live_server(live_ledger: tuple[str, dict[str, int]]) -> Iterator[LiveServer]:
    """One server for the browser tests, with the real extractors on for uploads."""
    from claimgraph.serve.app import create_app

    db, _ids = live_ledger
    application = create_app(db, extract=True)
    with LiveServer(application) as server:
        yield server
    application.state.ledger.close()


@pytest.fixture(scope="module")  # closed before other modules' async tests: it runs its own event loop
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.csp_violations = []  # type: ignore[attr-defined]
    tab.on("console", lambda msg: tab.csp_violations.append(msg.text)  # type: ignore[attr-defined]
           if "Content Security Policy" in msg.text or "Refused to" in msg.text else None)
    yield tab
    context.close()
