"""Admiralty grades with history and custody; credibility rules; the claims view."""

from __future__ import annotations

import pytest
from analyze_builders import Fig

from claimgraph.analyze import (
    FigureQuery,
    claims,
    credibility,
    figure_timeline,
    grade_history,
    set_grade,
)
from claimgraph.errors import LedgerError


def test_grades_keep_history_and_are_custody_events(sqlite_ledger):
    set_grade(sqlite_ledger, "NIS", "b", "Track record on troop numbers since 2024")
    set_grade(sqlite_ledger, "National Intelligence Service", "C", "Casualty figures revised twice")
    history = grade_history(sqlite_ledger, "South Korea's spy agency")
    assert [(g.source, g.grade) for g in history] == [("National Intelligence Service", "B"),
                                                      ("National Intelligence Service", "C")]
    events = [e for e in sqlite_ledger.custody() if e.action == "source-grade"]
    assert [e.detail["grade"] for e in events] == ["B", "C"]
    with pytest.raises(LedgerError, match="unknown reliability grade"):
        set_grade(sqlite_ledger, "NIS", "G", "no such grade")
    with pytest.raises(LedgerError, match="rationale"):
        set_grade(sqlite_ledger, "NIS", "A", "  ")


def test_estimates_carry_the_origin_grade(build):
    build.doc("Yonhap", "2025-01-13", Fig("300", 300, 300, chain=["NIS"]))
    [before] = figure_timeline(build.ledger, FigureQuery()).estimates
    assert before.reliability == "F"
    set_grade(build.ledger, "NIS", "B", "usually right")
    [after] = figure_timeline(build.ledger, FigureQuery()).estimates
    assert after.reliability == "B"


@pytest.mark.parametrize("support, contra, kwargs, expected", [
    (["A", "B", "C"], [], {}, 1),
    (["A", "B"], [], {}, 2),
    (["A"], [], {}, 3),
    (["A", "B"], ["C"], {}, 3),
    (["A"], ["C"], {}, 5),
    (["A"], [], {"circular": True}, 4),
    (["A"], [], {"only_anonymous": True}, 6),
])
def test_credibility_rules(support, contra, kwargs, expected):
    score, why = credibility(support, contra, **kwargs)
    assert score == expected
    assert all(name in why for name in support + contra)


def test_claims_group_re_reported_statements(build):
    quote = "about 11,000 North Korean troops are in the Kursk region"
    build.doc("Yonhap", "2024-11-05", quotes=[("NIS", quote, None)])
    build.doc("RBC-Ukraine", "2024-11-06", quotes=[("Reuters", "it cited officials", None),
                                                   ("the NIS", "some 11,000 North Korean troops are in the Kursk region",
                                                    "Reuters")])
    build.doc("TASS", "2024-11-07", quotes=[("Kremlin", "North Korean troops are not in the Kursk region at all", None)])
    build.doc("Other", "2024-11-07", quotes=[("HUR", "North Korean troops are in the Kursk region now", None)])
    found = claims(build.ledger, about="kursk")
    main = next(c for c in found if len(c.statements) >= 2)
    assert main.reports == 3 and main.outlets == 3
    assert sorted(main.origins) == ["Defence Intelligence of Ukraine", "National Intelligence Service"]
    nested = next(s for s in main.statements if s.publisher == "RBC-Ukraine")
    assert nested.chain == ["RBC-Ukraine", "Reuters", "National Intelligence Service"]
    assert [s.publisher for s in main.contradicting] == ["TASS"]
    assert main.credibility == 3 and "contradicted by 1 independent origin(s): Kremlin" in main.credibility_explanation


def test_a_denying_cue_contradicts_and_a_denied_negation_supports(build):
    claim = "North Korean engineers are building drone launch sites near Donetsk"
    build.doc("Outlet A", "2025-03-01", quotes=[("HUR", claim, None)])
    build.doc("Outlet B", "2025-03-02", quotes=[("the General Staff", claim, None)])
    build.doc("Outlet C", "2025-03-03", quotes=[("Kremlin", claim, None, "denied")])
    denial = claim.replace("are building", "are not building")
    build.doc("Outlet D", "2025-03-04", quotes=[("Pyongyang", denial, None, "dismissed claims that")])
    [main] = [c for c in claims(build.ledger, about="drone launch") if len(c.statements) + len(c.contradicting) > 1]
    assert sorted(s.publisher for s in main.statements) == ["Outlet A", "Outlet B", "Outlet D"]
    assert [s.publisher for s in main.contradicting] == ["Outlet C"]
    assert [s.cue for s in main.contradicting] == ["denied"]
    assert "contradicted by 1 independent origin(s): Kremlin" in main.credibility_explanation
