"""Fixtures for the analysis tests: a ledger filled by hand (see analyze_builders.py)."""

from __future__ import annotations

import pytest
from analyze_builders import LedgerBuilder


@pytest.fixture
def build(ledger):
    """A hand-filled ledger on each backend (PostgreSQL runs when $CLAIMGRAPH_TEST_PG is set)."""
    return LedgerBuilder(ledger)
