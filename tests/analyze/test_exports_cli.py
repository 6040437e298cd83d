"""Exports (JSON, CSV, FollowTheMoney checked by the followthemoney package), the chart, the CLI,
and migration 0002 on a ledger made at 0001."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from analyze_builders import Fig
from click.testing import CliRunner

from claimgraph.analyze.chart import draw
from claimgraph.analyze.exports import export, validate_ftm
from claimgraph.analyze.timelines import FigureQuery, figure_timeline
from claimgraph.cli import main


@pytest.fixture
def filled(build):
    build.doc("RBC-Ukraine", "2024-12-19", Fig("at least 100", 100, None, qualifier="at_least",
                                               chain=["Reuters", "Lee Seong-kweun", "NIS"], as_of=date(2024, 12, 19)),
              Fig("several hundred", 200, 900, category="casualties", chain=["US military official"], place=None),
              quotes=[("Reuters", "lawmakers were briefed", None),
                      ("Lee Seong-kweun", "at least 100 North Korean soldiers were killed", "Reuters")])
    build.doc("KBS World", "2025-01-05", Fig("exceeded three thousand", 3000, None, category="casualties",
                                             qualifier="over", chain=["Zelenskyy"], as_of=date(2024, 12, 23)))
    build.doc("KBS News", "2024-11-24", Fig("500", 500, 500, chain=["Global Defense"], as_of=date(2024, 11, 20)))
    build.doc("Korea JoongAng Daily", "2024-12-17", Fig("roughly 200", 200, 200, chain=["HUR"]))
    return build


def test_json_and_csv_exports_are_custody_events(filled, tmp_path):
    body = json.loads(export(filled.ledger, "json"))
    assert len(body["documents"]) == 4 and len(body["figures"]) == 5
    names = {s["name"] for s in body["sources"] if s["in_ledger"]}
    assert {"National Intelligence Service", "Global Defense", "US military official"} <= names
    written = export(filled.ledger, "csv", out=tmp_path / "csv")
    assert sorted(p.name for p in written) == ["documents.csv", "figures.csv", "sources.csv", "statements.csv"]
    rows = list(csv.DictReader((tmp_path / "csv" / "figures.csv").open()))
    assert {r["origin"] for r in rows} >= {"National Intelligence Service", "Volodymyr Zelensky"}
    exports = [e for e in filled.ledger.custody() if e.action == "export"]
    assert [e.detail["format"] for e in exports] == ["json", "csv"]


def test_ftm_export_validates_with_followthemoney(filled, tmp_path):
    out = tmp_path / "entities.ftm.json"
    export(filled.ledger, "ftm", out=out)
    entities = [json.loads(line) for line in out.read_text().splitlines()]
    assert validate_ftm(entities) == []
    schemata = {e["schema"] for e in entities}
    assert {"Article", "PublicBody", "Person", "Documentation", "Note", "Membership", "UnknownLink"} <= schemata
    ftm = Path(sys.executable).with_name("ftm")
    checked = subprocess.run([str(ftm), "validate", "-i", str(out)], capture_output=True, text=True, check=True)
    again = [json.loads(line) for line in checked.stdout.splitlines()]
    assert {e["id"]: e["properties"] for e in again} == {e["id"]: e["properties"] for e in entities}


def test_ftm_validation_catches_bad_values():
    bad = [{"id": "x", "schema": "Article", "properties": {"publishedAt": ["not a date"]}},
           {"id": "y", "schema": "Documentation", "properties": {"document": ["x"], "entity": ["missing"]}}]
    problems = validate_ftm(bad)
    assert any("publishedAt" in p for p in problems) and any("missing" in p for p in problems)


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_chart_renders(filled, tmp_path, suffix):
    estimates = figure_timeline(filled.ledger, FigureQuery(subject="north korean")).estimates
    path = draw(estimates, tmp_path / f"chart{suffix}")
    data = path.read_bytes()
    if suffix == ".svg":
        text = data.decode()
        assert "<svg" in text and "Global Defense" in text and "contradicted" in text
    else:
        assert data.startswith(b"\x89PNG") and len(data) > 10_000


def test_cli_figures_json_csv_and_chart(filled, tmp_path):
    db = filled.ledger.url.removeprefix("sqlite:///")
    runner = CliRunner()
    result = runner.invoke(main, ["figures", "--subject", "North Korean", "--category", "killed", "--json",
                                  "--chart", str(tmp_path / "c.svg"), "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    required = {"value_low", "value_high", "qualifier", "category", "subject", "place", "as_of", "origin", "chain",
                "hedged", "reports", "outlets", "origins", "documents", "contradicts"}
    assert all(required <= set(r) for r in rows)
    assert [(r["value_low"], r["origin"]) for r in rows] == [
        (500, "Global Defense"), (200, "Defence Intelligence of Ukraine"), (100, "National Intelligence Service")]
    assert rows[0]["contradicts"][0]["reason"].startswith("a cumulative killed count cannot fall")
    assert (tmp_path / "c.svg").exists()
    text = runner.invoke(main, ["figures", "--category", "casualties", "--db", db])
    assert "✗ contradicts" in text.stdout and "independent origins 1" in text.stdout
    as_csv = runner.invoke(main, ["figures", "--csv", "--db", db])
    assert as_csv.stdout.splitlines()[0].startswith("id,value_low,value_high,qualifier")


def test_cli_sources_grade_and_export(filled, tmp_path):
    db = filled.ledger.url.removeprefix("sqlite:///")
    runner = CliRunner()
    assert runner.invoke(main, ["grade", "NIS", "B", "--rationale", "good record", "--db", db]).exit_code == 0
    listed = runner.invoke(main, ["sources", "list", "--json", "--db", db])
    rows = {r["name"]: r for r in map(json.loads, listed.stdout.splitlines())}
    nis = rows["National Intelligence Service"]
    assert nis["grade"] == "B" and nis["figures"] == 1
    shown = json.loads(runner.invoke(main, ["sources", "show", "Lee Seong-gwon", "--json", "--db", db]).stdout)
    assert shown["speaks_for"] == "National Intelligence Service"
    assert {"source": "National Intelligence Service", "documents": [1]} in shown["cites"]
    assert runner.invoke(main, ["sources", "merge", "Global Defense", "HUR", "--db", db]).exit_code == 0
    merged = runner.invoke(main, ["figures", "--category", "killed", "--json", "--db", db]).stdout
    assert "Global Defense" not in merged
    assert runner.invoke(main, ["sources", "undo", "--db", db]).exit_code == 0
    missing = runner.invoke(main, ["sources", "show", "Nobody Knows", "--db", db])
    assert missing.exit_code == 1 and "no such source" in missing.output
    out = tmp_path / "x.ftm"
    assert runner.invoke(main, ["export", "--format", "ftm", "--out", str(out), "--db", db]).exit_code == 0
    assert out.read_text().count("\n") > 10


def test_migration_0002_upgrades_a_0001_ledger(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import inspect

    from claimgraph.ledger import open_ledger, schema
    from claimgraph.ledger.migrate import downgrade, upgrade

    ledger = open_ledger(str(tmp_path / "m.db"))
    downgrade(ledger.engine, "0001")
    assert "source" not in inspect(ledger.engine).get_table_names()
    upgrade(ledger.engine)
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert [d for d in diff if "fts" not in str(d)] == []
    ledger.close()


def test_cli_claims_and_history(filled):
    db = filled.ledger.url.removeprefix("sqlite:///")
    runner = CliRunner()
    result = runner.invoke(main, ["claims", "--about", "soldiers", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    [claim] = [json.loads(line) for line in result.stdout.splitlines()]
    assert claim["chain"] == ["RBC-Ukraine", "Reuters", "Lee Seong-kweun"]
    assert claim["origin_names"] == ["National Intelligence Service"] and claim["credibility"] == 3
    assert runner.invoke(main, ["sources", "alias", "Lee", "Lee Seong-kweun", "--db", db]).exit_code == 0
    history = runner.invoke(main, ["sources", "history", "--json", "--db", db])
    [change] = [json.loads(line) for line in history.stdout.splitlines()]
    assert change["kind"] == "alias" and change["detail"]["variant"] == "Lee"
