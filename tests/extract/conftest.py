"""Fixtures the extraction tests share."""

from __future__ import annotations

import pytest

from claimgraph.extract.pipeline import build


@pytest.fixture(scope="session")
def extractors() -> list:
    """The extractors figures depend on (entities, attributions, hedges, figures), built once for
    the session; a module that needs another set defines its own `extractors` fixture."""
    return build(("entities", "attributions", "hedges", "figures"))
