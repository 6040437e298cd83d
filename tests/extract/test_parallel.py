"""Parallel extraction gives the same statements, in the same order, as one process."""

from __future__ import annotations

from claimgraph.extract.base import Context
from claimgraph.extract.parallel import extract_many

TEXTS = [
    "Officials said about 300 soldiers were killed and 2,700 injured near the border.",
    "The ministry reported that at least 40 drones were shot down overnight.",
    "According to the agency, more than 10,000 troops had been deployed by November.",
]


def _summary(extractions):
    return [[(s.__class__.__name__, s.start, s.end) for s in e.all()] for e in extractions]


def test_two_workers_match_one():
    one = list(extract_many((Context(text=t) for t in TEXTS), workers=1))
    two = list(extract_many((Context(text=t) for t in TEXTS), workers=2))
    assert _summary(one) == _summary(two)
    assert all(any(f.value_low for f in e.figures) for e in one)
