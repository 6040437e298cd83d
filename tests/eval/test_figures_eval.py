"""The conflict-figures scorer: matching rules on hand-made records, and agreement with the
reference scorer on the dev set (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.eval.figures import METRICS, SourceNames, evaluate, pair_figures, score

REPO = Path(__file__).resolve().parents[2]


def figure(start: int, end: int, low: float, high: float | None, category: str = "killed",
           qualifier: str = "exact", chain: list[str] | None = None, hedged: bool = False) -> dict:
    return {"span": "x" * (end - start), "start": start, "end": end, "value_low": low, "value_high": high,
            "qualifier": qualifier, "category": category, "subject": None, "location": None, "as_of": None,
            "source_chain": chain or ["Wire"], "hedged": hedged}


def test_overlap_pairs_first_then_category_and_value() -> None:
    gold = [figure(10, 20, 300, 300), figure(50, 55, 40, None, "wounded", "at_least")]
    predicted = [figure(100, 105, 40, None, "wounded", "at_least"), figure(12, 18, 300, 300)]
    assert sorted(pair_figures(gold, predicted)) == [(0, 1), (1, 0)]


def test_a_wrong_span_with_a_wrong_value_counts_twice() -> None:
    gold = {"d": {"figures": [figure(10, 20, 300, 300)], "attributions": []}}
    predicted = {"d": {"figures": [figure(40, 45, 200, 200)]}}
    result = score(gold, predicted)
    assert (result["figure_precision"], result["figure_recall"]) == (0.0, 0.0)


def test_attribute_accuracies_over_matched_pairs() -> None:
    gold_chain = ["Wire", "National Intelligence Service"]
    gold = {"d": {"figures": [figure(0, 5, 100, None, qualifier="at_least", chain=gold_chain, hedged=True),
                              figure(10, 15, 2700, 2700, "wounded", chain=gold_chain)],
                  "attributions": []}}
    predicted = {"d": {"figures": [
        figure(0, 5, 100, None, qualifier="more_than", chain=["Wire", "South Korea's spy agency"], hedged=True),
        figure(10, 15, 2700, 2700, "casualties", chain=["Wire"]),
        figure(30, 35, 7, 7),
    ]}}
    names = SourceNames({"national intelligence service": "national intelligence service",
                         "south korea spy agency": "national intelligence service"})
    result = score(gold, predicted, names)
    assert result["figure_precision"] == round(2 / 3, 4) and result["figure_recall"] == 1.0
    assert result["category_accuracy"] == 0.5
    assert result["qualifier_accuracy"] == 0.5
    assert result["interval_accuracy"] == 1.0
    assert result["origin_accuracy"] == 0.5
    assert result["chain_accuracy"] == 0.5
    assert result["hedged_accuracy"] == 1.0


def test_source_names_are_compared_leniently() -> None:
    names = SourceNames()
    assert names.same("The Pentagon", "pentagon")
    assert names.same("Ukraine's military intelligence", "Ukraine military intelligence")
    assert names.same("Defence Intelligence of Ukraine", "Ukraine's Defence Intelligence")  # Jaccard 0.67
    assert not names.same("Reuters", "")
    assert not names.same("Kremlin", "Pentagon")


def test_attributions_need_source_and_half_the_words() -> None:
    gold = {"d": {"figures": [], "attributions": [
        {"source": "The governor", "cue": "said", "content": "forty shells hit the port overnight",
         "nested_in": None}]}}
    close = {"d": {"figures": [], "attributions": [
        {"source": "governor", "cue": "said", "content": "forty shells hit the port", "nested_in": None}]}}
    far = {"d": {"figures": [], "attributions": [
        {"source": "governor", "cue": "said", "content": "the port was closed", "nested_in": None}]}}
    assert score(gold, close)["attribution_f1"] == 1.0
    assert score(gold, far)["attribution_f1"] == 0.0


@pytest.mark.shared
def test_dev_scores_agree_with_the_reference_scorer(shared_dir: Path, tmp_path: Path) -> None:
    corpus = shared_dir / "data" / "conflict-figures"
    predictions = tmp_path / "predictions"
    ours = evaluate(corpus / "dev", predictions)
    assert set(METRICS) <= set(ours)
    validated = subprocess.run([sys.executable, str(corpus / "validate.py"), str(predictions)],
                               capture_output=True, text=True, check=False)
    problems = [line for line in validated.stdout.splitlines()
                if "figure" in line and "top-level keys" not in line]
    assert not problems, problems  # figure records follow the schema; top level carries no facts_from_url
    completed = subprocess.run(
        [sys.executable, str(corpus / "score.py"), str(corpus / "dev"), str(predictions), "--json"],
        capture_output=True, text=True, check=True)
    reference = json.loads(completed.stdout)
    figures, accuracy = reference["figures"], reference["accuracy_on_matched_figures"]
    expected = {
        "figure_precision": figures["precision"], "figure_recall": figures["recall"],
        "figure_f1": figures["f1"], "category_accuracy": accuracy["category"],
        "qualifier_accuracy": accuracy["qualifier"], "interval_accuracy": accuracy["value_interval"],
        "origin_accuracy": accuracy["originating_source"], "chain_accuracy": accuracy["source_chain"],
        "hedged_accuracy": accuracy["hedged"], "attribution_f1": reference["attributions"]["f1"],
    }
    assert {k: ours[k] for k in expected} == pytest.approx(expected, abs=1e-4)
    assert ours["figures_matched"] == figures["matched"] and ours["figures_gold"] == figures["gold"]
    floors = json.loads((REPO / "eval" / "floors.json").read_text(encoding="utf-8")).get("figures", {})
    for metric, floor in floors.items():
        if metric.startswith("_"):
            continue
        assert ours[metric] >= floor, f"{metric} {ours[metric]} fell below its floor {floor}"


def test_alias_table_falls_back_to_the_projects_own(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    from claimgraph.eval.figures import source_names

    names = source_names(gold_dir)  # no aliases.json beside the gold files
    assert names.same("NIS", "National Intelligence Service")
    explicit = tmp_path / "aliases.json"
    explicit.write_text(json.dumps({"Ministry of Silly Walks": ["MSW"]}), encoding="utf-8")
    assert source_names(gold_dir).same("MSW", "Ministry of Silly Walks")  # the parent's table wins
    given = source_names(gold_dir, SourceNames({"hq": "hq", "headquarters": "hq"}))
    assert given.same("HQ", "headquarters") and not given.same("NIS", "National Intelligence Service")


def test_source_names_from_variants() -> None:
    names = SourceNames.from_variants({"Defence Intelligence of Ukraine": ["HUR", "GUR"]})
    assert names.same("HUR", "Defence Intelligence of Ukraine")
    assert names.same("GUR", "HUR")
