"""The conflict-figures dev set (../shared), its gold figures stored as statements: the North Korean
killed timeline lists the disagreeing estimates with their origins and independent-origin counts.

Uses the annotated figures, not the extractor, so that it tests the analysis alone. Skips when
../shared is absent.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from claimgraph.analyze import FigureQuery, figure_timeline
from claimgraph.analyze.exports import export, validate_ftm
from claimgraph.model import DocumentDraft, Extraction, Figure


@pytest.fixture
def gold_ledger(shared_dir, sqlite_ledger):
    folder = shared_dir / "data" / "conflict-figures" / "dev"
    if not folder.is_dir():
        pytest.skip("conflict-figures dev set not present")
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        draft = DocumentDraft(original=path.read_bytes(), media_type="application/json", origin=str(path),
                              text=record["text"], reader="records", reader_version="test",
                              publisher=record["publisher"], published=date.fromisoformat(record["published"]),
                              title=record["id"])
        figures = [Figure(key=f"f{i}", start=g["start"], end=g["end"], text=g["span"], extractor="gold",
                          extractor_version="dev", value_low=g["value_low"], value_high=g["value_high"],
                          qualifier=g["qualifier"], category=g["category"], subject=g["subject"],
                          place=g["location"], as_of=date.fromisoformat(g["as_of"]) if g["as_of"] else None,
                          source_chain=g["source_chain"], hedged=g["hedged"])
                   for i, g in enumerate(record["figures"])]
        sqlite_ledger.add(draft, extraction=Extraction(figures=figures), extractor_versions={"gold": "dev"})
    return sqlite_ledger


def test_north_korean_killed_estimates(gold_ledger):
    estimates = figure_timeline(gold_ledger, FigureQuery(subject="North Korean", category="killed")).estimates
    summary = [(e.value_low, e.value_high, e.origin, e.reports, e.origins) for e in estimates]
    assert summary == [
        (500, 500, "Global Defense", 1, 1),
        (200, 200, "Defence Intelligence of Ukraine", 1, 1),
        (100, None, "National Intelligence Service", 1, 1),  # via Reuters and lawmaker Lee
        (300, None, "National Intelligence Service", 1, 1),
        (300, 300, "National Intelligence Service", 1, 1),  # the UNIAN seed
    ]
    by_origin = {(e.value_low, e.value_high): e for e in estimates}
    assert by_origin[(100, None)].chain == ["RBC-Ukraine", "Reuters", "Lee Seong-kweun",
                                            "National Intelligence Service"]
    # HUR's "roughly 200" in mid-December cannot stand beside Global Defense's 500 a month earlier.
    assert [c.other for c in by_origin[(200, 200)].contradicts] == [by_origin[(500, 500)].id]
    assert "cannot fall" in by_origin[(200, 200)].contradicts[0].reason
    # NIS estimates never contradict each other: one origin revising itself.
    nis = [e for e in estimates if e.origin == "National Intelligence Service"]
    assert not any(c.other in {n.id for n in nis} for e in nis for c in e.contradicts)


def test_casualty_estimates_disagree_within_a_week(gold_ledger):
    estimates = figure_timeline(gold_ledger, FigureQuery(subject="North Korean", category="casualties")).estimates
    zelensky = next(e for e in estimates if e.origin == "Volodymyr Zelensky")
    others = {c.other for c in zelensky.contradicts}
    us_official = next(e for e in estimates if e.origin == "US military official")
    assert us_official.id in others


def test_gold_ledger_exports_valid_ftm(gold_ledger, tmp_path):
    out = tmp_path / "gold.ftm"
    export(gold_ledger, "ftm", out=out)
    entities = [json.loads(line) for line in out.read_text().splitlines()]
    assert validate_ftm(entities) == [] and len(entities) > 50


@pytest.fixture
def extracted_ledger(shared_dir, sqlite_ledger):
    """Three dev reports through the real extractors (rules, spaCy), not their gold figures."""
    from claimgraph.ingest.pipeline import Ingestor

    folder = shared_dir / "data" / "conflict-figures" / "dev"
    if not folder.is_dir():
        pytest.skip("conflict-figures dev set not present")
    Ingestor(sqlite_ledger).ingest([str(folder / f"{name}.json") for name in ("nk-004", "nk-008", "nk-010")])
    return sqlite_ledger


def test_extracted_killed_estimates_name_their_origins(extracted_ledger):
    estimates = figure_timeline(extracted_ledger, FigureQuery(subject="North Korean", category="killed")).estimates
    summary = [(e.value_low, e.value_high, e.origin, e.origins) for e in estimates]
    assert summary == [
        (500, 500, "Global Defense", 1),  # "the 500 figure came from ... Global Defense", said later
        (100, None, "National Intelligence Service", 1),
        (300, None, "National Intelligence Service", 1),  # "a toll of at least 300 dead": no subject given
    ]
    assert estimates[0].chain == ["KBS News", "Global Defense"]
    assert estimates[1].chain == ["RBC-Ukraine", "Reuters", "Lee Seong-kweun", "National Intelligence Service"]
