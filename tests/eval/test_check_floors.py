"""eval/check_floors.py on our own held-out figures set D: a real evaluation, floors either side of it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def check(tmp_path: Path, floors: dict) -> subprocess.CompletedProcess:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps(floors))
    return subprocess.run(
        [sys.executable, str(REPO / "eval" / "check_floors.py"), "--floors", str(path),
         "--shared", str(tmp_path / "no-shared")],
        check=False, capture_output=True, text=True, timeout=600,
    )


def test_held_out_floors_are_checked_without_shared_data(tmp_path):
    run = check(tmp_path, {"figures": {"figure_f1": 0.99},
                           "heldout-d": {"_note": "test", "figure_f1": 0.5, "origin_accuracy": 0.3}})
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [["heldout-d", "figure_f1"], ["heldout-d", "origin_accuracy"]]
    assert all(line.endswith(" ok") for line in lines)
    assert "dev-split floors are skipped" in run.stderr


def test_a_metric_below_its_floor_fails_the_check(tmp_path):
    run = check(tmp_path, {"heldout-d": {"figure_f1": 1.01}})
    assert run.returncode == 1
    assert "BELOW FLOOR" in run.stdout


def test_a_floor_for_a_missing_set_names_the_fix(tmp_path):
    run = check(tmp_path, {"heldout-z": {"figure_f1": 0.5}})
    assert run.returncode == 1
    assert "heldout-z" in run.stderr and "fix:" in run.stderr
