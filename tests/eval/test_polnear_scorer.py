"""The PolNeAR scorer against hand-made gold and predictions whose numbers are counted by hand.

Fixtures under tests/fixtures/polnear are our own two tiny articles in PolNeAR's
layout: `alpha` (three gold attributions: an indirect one whose content spans a
line break, a direct quote in two fragments, a sourceless passive; plus a
second annotator's file that must be ignored and a Discuss mark) and `beta`
(three gold attributions, one of them without a cue).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.eval.polnear import (
    AttributionSpans,
    format_report,
    load_gold,
    normalise_predictions,
    parse_ann,
    score,
)
from claimgraph.model import Attribution, Span

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "polnear"
ALPHA = "alpha_2020-01-01_bridge"
BETA = "beta_2020-02-02_vote"


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


@pytest.fixture(scope="module")
def gold():
    return load_gold(FIXTURES)


@pytest.fixture(scope="module")
def predictions(gold):
    a, b = gold.texts[ALPHA], gold.texts[BETA]
    padded_start = at(a, "the bridge")[0] - 1  # the space before the content
    return {
        ALPHA: [
            # P1: identical to gold E1 once trimmed (content given as " the bridge\nwill reopen")
            AttributionSpans(
                (at(a, "said"),), (at(a, "Mayor Lee"),), ((padded_start, at(a, "reopen")[1]),)
            ),
            # P2a + P2b: one record per quoted fragment, same cue -> merged into gold E2 exactly
            AttributionSpans(
                (at(a, "added"),), (at(a, "the engineer"),), (at(a, "“It is safe,”"),)
            ),
            AttributionSpans(
                (at(a, "added"),), (at(a, "the engineer"),), (at(a, '"and open soon."'),)
            ),
            # P3: part of the cue, no source, content with its period: lenient yes, strict no
            AttributionSpans((at(a, "reported"),), (), (at(a, "costs rose."),)),
            # P4: an inner level whose cue lies inside gold E1's content
            AttributionSpans((at(a, "reopen"),), (), (at(a, "the bridge"),)),
            # P5: a plain false positive
            AttributionSpans((at(a, "weather"),), (), (at(a, "fine"),)),
        ],
        BETA: [
            # missing source where gold has one: aligned, lenient false
            AttributionSpans((at(b, "told"),), (), (at(b, "the vote failed"),)),
            # source overlaps by one token: lenient true, strict false
            AttributionSpans((at(b, "found"),), (at(b, "report", 1),), (at(b, "errors."),)),
        ],
    }


def test_gold_uses_first_annotator_and_slices_offsets(gold):
    assert sorted(gold) == [ALPHA, BETA]
    alpha = gold[ALPHA]
    assert len(alpha) == 3  # the d473 version (one attribution) is ignored
    text = gold.texts[ALPHA]
    first = alpha[0]
    assert [text[s:e] for s, e in first.contents] == ["the bridge\nwill reopen"]
    assert [text[s:e] for s, e in alpha[1].contents] == ["“It is safe,”", '"and open soon."']
    assert alpha[2].sources == ()
    cueless = gold[BETA][2]
    assert cueless.cue == () and cueless.sources == ()


def test_ann_parser_ignores_covered_text_lines():
    ann = "T1\tCue 4 8\tsaid\nT2\tContent 9 20\tsomething\nE9\tfake\nE1\tAttribution:T1 Cue:T1 Content:T2\n"
    found = parse_ann(ann)
    # "E9\tfake" has no known arguments: an attribution with nothing, kept as it is
    assert [a.cue for a in found] == [(), ((4, 8),)]
    assert found[1].contents == ((9, 20),)


def test_identical_cues_merge_and_whitespace_is_trimmed(gold):
    text = gold.texts[ALPHA]
    merged = normalise_predictions(
        [
            AttributionSpans(
                (at(text, " added"),), (at(text, "the engineer"),), (at(text, "“It is safe,”"),)
            ),
            AttributionSpans(
                (at(text, "added"),), (at(text, "the engineer"),), (at(text, '"and open soon."'),)
            ),
        ],
        text,
    )
    assert len(merged) == 1
    assert merged[0].cue == (at(text, "added"),)
    assert merged[0].sources == (at(text, "the engineer"),)
    assert len(merged[0].contents) == 2


def test_headline_numbers(gold, predictions):
    result = score(gold, predictions)
    # 6 gold, 7 predictions after the merge; lenient TPs: P1, P2, P3, beta's "found" = 4
    assert result["counts"] == {
        "articles": 2,
        "gold": 6,
        "predicted": 7,
        "lenient_tp": 4,
        "strict_tp": 2,
        "nested_dropped": 1,
    }
    assert result["lenient_precision"] == pytest.approx(4 / 7)
    assert result["lenient_recall"] == pytest.approx(4 / 6)
    assert result["lenient_f1"] == pytest.approx(8 / 13)
    # strict: P1 and the merged P2 only
    assert result["strict_f1"] == pytest.approx(4 / 13)
    # nested-aware: P4 (cue inside gold E1's content) is dropped -> 4 of 6 predictions
    assert result["nested_aware_precision"] == pytest.approx(4 / 6)
    assert result["nested_aware_f1"] == pytest.approx(4 / 6)


def test_role_scores(gold, predictions):
    result = score(gold, predictions)
    # cues: gold said, added, was reported, told, found; 7 predicted; exact: said, added, told, found
    assert result["cue_exact_precision"] == pytest.approx(4 / 7)
    assert result["cue_exact_recall"] == pytest.approx(4 / 5)
    # sources: gold Mayor Lee, the engineer, Smith, The report; predicted Mayor Lee, the engineer, report
    assert result["source_exact_precision"] == pytest.approx(2 / 3)
    assert result["source_exact_recall"] == pytest.approx(2 / 4)
    # contents: 7 gold fragments, 8 predicted (P4's and P5's included); exact: 3 in alpha + "the vote failed"
    assert result["content_exact_precision"] == pytest.approx(4 / 8)
    assert result["content_exact_recall"] == pytest.approx(4 / 7)
    # cue tokens: gold said added was reported told found (6); predicted 7 tokens, 5 shared
    assert result["cue_token_precision"] == pytest.approx(5 / 7)
    assert result["cue_token_recall"] == pytest.approx(5 / 6)
    # source tokens: gold Mayor Lee the engineer Smith The report (7); predicted 5, all shared
    assert result["source_token_precision"] == pytest.approx(1.0)
    assert result["source_token_recall"] == pytest.approx(5 / 7)


def test_diagnostics_and_slices(gold, predictions):
    result = score(gold, predictions)
    diagnostics = result["diagnostics"]
    assert diagnostics["aligned_pairs"] == 5
    assert diagnostics["exact_source_share"] == pytest.approx(
        3 / 5
    )  # P1, P2, P3 (both without source)
    slices = result["slices"]
    assert slices["direct_quotes"]["gold"] == 1 and slices["direct_quotes"]["recall"] == 1.0
    assert slices["direct_quotes"]["precision"] == 1.0
    assert slices["indirect_mixed"]["gold"] == 5
    assert slices["indirect_mixed"]["recall"] == pytest.approx(3 / 5)
    assert slices["indirect_mixed"]["precision"] == pytest.approx(3 / 6)
    assert slices["sourceless"] == {"recall": pytest.approx(1 / 2), "gold": 2}
    assert slices["outlets"]["alpha"]["precision"] == pytest.approx(3 / 5)
    assert slices["outlets"]["alpha"]["recall"] == 1.0
    assert slices["outlets"]["beta"]["recall"] == pytest.approx(1 / 3)
    assert "lenient" in format_report(result)


def test_gold_against_itself_is_perfect_but_for_the_cueless_one(gold):
    result = score(gold, {article: list(items) for article, items in gold.items()})
    assert result["counts"]["strict_tp"] == 5
    assert result["lenient_recall"] == pytest.approx(5 / 6)
    assert result["lenient_precision"] == pytest.approx(
        5 / 6
    )  # the cue-less copy cannot align either
    assert result["content_exact_f1"] == 1.0


def test_claimgraph_records_are_accepted(gold):
    text = gold.texts[BETA]
    record = Attribution(
        key="a1",
        start=0,
        end=36,
        text=text[0:36],
        extractor="test",
        extractor_version="0",
        cue=Span.of(text, *at(text, "told")),
        source=Span.of(text, *at(text, "Smith")),
        content=[Span.of(text, *at(text, "the vote failed"))],
    )
    publisher_level = Attribution(
        key="a0", start=0, end=0, text="", extractor="test", extractor_version="0"
    )
    result = score(gold, {BETA: [record, publisher_level]})
    assert result["counts"]["predicted"] == 1  # the cue-less publisher level is not scored
    assert result["strict_f1"] == pytest.approx(2 * (1 / 1) * (1 / 6) / (1 + 1 / 6))


@pytest.mark.shared
def test_dev_gold_counts(shared_dir):
    dev = shared_dir / "data" / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("PolNeAR dev is not in ../shared")
    gold = load_gold(dev)
    assert len(gold) == 84
    assert sum(len(items) for items in gold.values()) == 2193
    result = score(gold, {article: list(items) for article, items in gold.items()})
    assert result["slices"]["direct_quotes"]["gold"] == 359
    assert result["slices"]["sourceless"]["gold"] == 127
    assert result["lenient_recall"] > 0.998


def test_evaluate_runs_the_project_extractor_on_a_folder():
    from claimgraph.eval.polnear import evaluate

    result = evaluate(FIXTURES)
    assert result["counts"]["gold"] == 6
    assert "attributions" in result["extractor"]
    # "Mayor Lee said the bridge ... will reopen" and "Smith told reporters the vote failed" are plain speech
    assert result["lenient_recall"] >= 2 / 6
