"""Parallel extraction gives the same statements, in the same order, as one process."""

from __future__ import annotations

import pytest

from claimgraph.errors import ExtractError
from claimgraph.extract import pipeline
from claimgraph.extract.base import Context
from claimgraph.extract.parallel import Workers, extract_many
from claimgraph.extract.pipeline import run

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


def test_batches_keep_order_and_match_one_by_one():
    texts = TEXTS * 4  # more documents than one batch
    batched = list(extract_many((Context(text=t) for t in texts), workers=1))
    single = [run(Context(text=t)) for t in texts]
    assert _summary(batched) == _summary(single)


def test_a_failed_document_raises_at_its_place_and_the_rest_go_on(monkeypatch):
    real_run = pipeline.run

    def run_failing_on_marker(ctx, extractors=None):
        if "BOOM" in ctx.text:
            raise ExtractError("figures 0 failed: test marker", subject="extract")
        return real_run(ctx, extractors)

    monkeypatch.setattr(pipeline, "run", run_failing_on_marker)
    texts = [TEXTS[0], "BOOM said 5 people died.", TEXTS[1]]
    with Workers(1) as pool:
        results = pool.map(Context(text=t) for t in texts)
        first = next(results)
        with pytest.raises(ExtractError, match="test marker"):
            next(results)
        third = next(results)
        with pytest.raises(StopIteration):
            next(results)
    assert any(f.value_low == 300 for f in first.figures)
    assert any(f.value_low == 40 for f in third.figures)
