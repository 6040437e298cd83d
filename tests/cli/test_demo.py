"""`claimgraph demo` on a fresh ledger: every kind of input, every language, statements and custody."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimgraph.cli import main


def test_demo_ingests_every_kind_and_language(tmp_path):
    db = str(tmp_path / "demo.db")
    result = CliRunner().invoke(main, ["demo", "--json", "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary["kinds"]) == {"records", "html", "pdf", "image", "text"}
    assert set(summary["languages"]) == {"en", "ko", "ru", "uk"}
    counts = summary["counts"]
    assert counts["documents"] == 15 and counts["items"] == 1
    assert counts["figure"] >= 20 and counts["attribution"] >= 50 and counts["hedge"] >= 20
    ocr = [d for d in summary["documents"] if d["kind"].startswith("image/")]
    assert len(ocr) == 3 and all(d["ocr_confidence"] > 60 for d in ocr)
    # A second run finds identical bytes everywhere and changes nothing.
    again = CliRunner().invoke(main, ["demo", "--json", "--db", db], catch_exceptions=False)
    assert json.loads(again.stdout)["counts"] == counts
