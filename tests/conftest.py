"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path() -> Path | None:
    """The read-only ../shared folder beside the checkout, or CLAIMGRAPH_SHARED; None when absent."""
    configured = os.environ.get("CLAIMGRAPH_SHARED")
    path = Path(configured) if configured else REPO.parent / "shared"
    return path if (path / "data").is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = shared_path()
    if path is None:
        pytest.skip("../shared is not present on this machine")
    return path


PG_ENV = "CLAIMGRAPH_TEST_PG"


def _postgres_url() -> str | None:
    return os.environ.get(PG_ENV)


@pytest.fixture
def sqlite_ledger(tmp_path):
    from claimgraph.ledger import open_ledger

    ledger = open_ledger(str(tmp_path / "ledger.db"))
    yield ledger
    ledger.close()


@pytest.fixture
def postgres_ledger():
    """A ledger in a fresh PostgreSQL database, dropped afterwards. Needs $CLAIMGRAPH_TEST_PG."""
    url = _postgres_url()
    if not url:
        pytest.skip(f"{PG_ENV} is not set (scripts/postgres.sh start prints a URL for it)")
    import uuid

    from sqlalchemy import create_engine, text

    from claimgraph.ledger import database_url, open_ledger

    name = "cg_" + uuid.uuid4().hex[:12]
    admin = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    ledger = open_ledger(url.rsplit("/", 1)[0] + "/" + name)
    yield ledger
    ledger.close()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def ledger(request):
    """The conformance fixture: every test using it runs against both backends."""
    return request.getfixturevalue(f"{request.param}_ledger")
