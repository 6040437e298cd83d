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
