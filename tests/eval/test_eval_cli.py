"""`claimgraph eval polnear` on our own tiny PolNeAR-format fixture (no ../shared needed)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimgraph.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "polnear"


def test_eval_polnear_json_has_the_contract_keys():
    result = CliRunner().invoke(main, ["eval", "polnear", str(FIXTURE), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)
    for key in ("lenient_f1", "strict_f1", "nested_aware_f1", "cue_exact_f1", "source_exact_f1",
                "content_exact_f1", "cue_token_f1", "source_token_f1", "content_token_f1"):
        assert 0.0 <= metrics[key] <= 1.0
    assert metrics["lenient_f1"] > 0  # our fixture's plain "X said Y" sentences are found
    text = CliRunner().invoke(main, ["eval", "polnear", str(FIXTURE)], catch_exceptions=False)
    assert "lenient" in text.stdout
