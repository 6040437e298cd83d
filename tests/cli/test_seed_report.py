"""The seed-like demo report holds the chains, hedges and figures an analyst expects (issue #3's Why)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main

SEED = Path(__file__).resolve().parents[2] / "claimgraph" / "demo" / "seed_kyivledger_wapo_notebooks.json"


def test_seed_report_statements(tmp_path):
    db = str(tmp_path / "seed.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(SEED), "--db", db]).exit_code == 0
    shown = json.loads(runner.invoke(main, ["show", "1", "--statements", "--json", "--db", db]).stdout)
    found = shown["statements"]

    def chain(row):
        return [link["source"] for link in row["chain"]]

    quote = next(a for a in found["attribution"] if a["kind"] == "direct" and "likely adhered" in a["text"]
                 and a["value"]["cue"])
    assert chain(quote) == ["Kyiv Ledger", "Washington Post", "Vlad"]
    assert quote["chain"][-1]["cue"] == "stated"
    likely = next(h for h in found["hedge"] if h["text"] == "likely")
    assert (likely["band"], likely["probability_low"], likely["probability_high"]) == ("likely", 0.55, 0.80)
    assert (likely["target_kind"], likely["target_id"]) == ("attribution", quote["id"])

    figures = {f["category"]: f for f in found["figure"]}
    killed, wounded = figures["killed"], figures["wounded"]
    assert (killed["value_low"], killed["value_high"], killed["qualifier"]) == (300, 300, "approx")
    assert (wounded["value_low"], wounded["qualifier"]) == (2700, "exact")
    for figure in (killed, wounded):
        assert figure["source_chain"] == ["Kyiv Ledger", "South Korean intelligence"]
        assert figure["subject"] == "North Korean troops"
    text = shown["text"]
    assert all(text[f["start"]:f["end"]] == f["text"] for f in found["figure"])
