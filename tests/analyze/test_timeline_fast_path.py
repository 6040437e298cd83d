"""The timeline's one-pass grouping and estimate building (timelines._group_rows, _estimate) give
what the plain definitions give, on a generated ledger (bench/analyze.py's generator, small): each
group's subject key, and every estimate field, read the slow way from the group's rows."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from claimgraph.analyze import timelines
from claimgraph.analyze.chains import Report, independence
from claimgraph.analyze.sources import SourceBook
from claimgraph.analyze.timelines import FigureQuery, build_estimates, query_figures, subject_rules
from claimgraph.ledger import open_ledger

BENCH = Path(__file__).resolve().parents[2] / "bench" / "analyze.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_analyze", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    path = tmp_path_factory.mktemp("bench") / "ledger.db"
    bench.generate(str(path), 3000, 6000)
    with open_ledger(str(path)) as ledger:
        yield ledger


def _mode(values):
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__)


def _slow_estimate(rows, resolver):
    """The estimate fields by their definitions, one generator each."""
    by_doc = {}
    for row in rows:
        best = by_doc.get(row.document_id)
        if best is None or len(row.chain) > len(best.chain):
            by_doc[row.document_id] = row
    found = independence([Report(d, resolver.chain(r.chain or [r.publisher or f"document {d}"]))
                          for d, r in by_doc.items()], resolver)
    first = min(rows, key=lambda r: (r.published or date.max, r.id))
    dates = [r.as_of for r in rows if r.as_of]
    hedged = {r.document_id for r in rows if r.hedged}
    return {
        "id": f"e{min(r.id for r in rows)}", "qualifier": _mode(r.qualifier for r in rows),
        "subject": _mode(r.subject for r in rows),
        "subject_key": max((timelines.subject_key(r.subject) for r in rows), key=len),
        "as_of": min(dates) if dates else None,
        "first_seen": min((r.published for r in rows if r.published), default=None),
        "origin": found.origin_of.get(first.document_id, found.origins[0] if found.origins else "unknown"),
        "chain": found.chains.get(first.document_id, []), "hedged": len(hedged) * 2 > len(by_doc),
        "hedged_reports": len(hedged), "documents": sorted(by_doc), "figure_ids": sorted(r.id for r in rows),
    }


@pytest.mark.parametrize("query", [FigureQuery(), FigureQuery(subject="russian", category="killed"),
                                   FigureQuery(category="deployed", place="kursk")])
def test_fast_estimates_equal_the_slow_definitions(generated, query):
    resolver = SourceBook(generated).resolver()
    rows = query_figures(generated, query)
    groups = timelines._group_rows(rows, subject_rules().corroboration_days)
    assert len(groups) > 3 and sum(len(g) for _key, g in groups) == len(rows)
    several = 0
    for key, group in groups:
        fast = timelines._estimate(group, resolver, key)
        slow = _slow_estimate(group, resolver)
        assert {name: getattr(fast, name) for name in slow} == slow
        assert timelines._estimate(group, resolver).subject_key == key
        several += len(group) > 1
    assert several > 0  # multi-row groups were compared, not only single mentions
    assert len(build_estimates(rows, resolver)) == len(groups)


def _plain_rows(ledger, query):
    """Active figures by their definition: the figure table joined with its documents, filtered here."""
    from sqlalchemy import select

    from claimgraph.ledger import schema as t

    f, d = t.figure, t.document
    out = []
    with ledger.engine.connect() as conn:
        for r in conn.execute(select(f, d.c.publisher, d.c.published).join(d, d.c.id == f.c.document_id)
                              .where(f.c.status == "active").order_by(f.c.id)):
            when = r.as_of or r.published
            if ((query.category and r.category != query.category)
                    or (query.subject and query.subject.casefold() not in (r.subject or "").casefold())
                    or (query.place and query.place.casefold() not in (r.place or "").casefold())
                    or (query.since and when < query.since) or (query.until and when > query.until)):
                continue
            out.append((r.id, r.document_id, r.value_low, r.value_high, r.qualifier, r.category, r.subject,
                        r.place, r.as_of, list(r.source_chain), r.hedged, r.publisher, r.published))
    return out


@pytest.mark.parametrize("query", [FigureQuery(), FigureQuery(subject="drones", category="killed"),
                                   FigureQuery(subject="North Korean"),
                                   FigureQuery(category="deployed", place="kursk", since=date(2023, 6, 1)),
                                   FigureQuery(subject="wagner", until=date(2023, 9, 30))])
def test_figure_keys_give_the_rows_of_the_figure_table(generated, query):
    rows = query_figures(generated, query)
    assert len(rows) > 10
    assert [(r.id, r.document_id, r.value_low, r.value_high, r.qualifier, r.category, r.subject, r.place,
             r.as_of, r.chain, r.hedged, r.publisher, r.published) for r in rows] == _plain_rows(generated, query)
