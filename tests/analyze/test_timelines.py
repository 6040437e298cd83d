"""Named cases on a hand-filled ledger: independent origins, circular reporting, contradictions,
alias merges and their undo, and a timeline whose order and intervals are asserted."""

from __future__ import annotations

from datetime import date

from analyze_builders import Fig

from claimgraph.analyze import FigureQuery, SourceBook, figure_timeline
from claimgraph.analyze.subjects import subject_key

NIS_BRIEFING = ["Reuters", "lawmaker Lee Seong-kweun", "NIS"]


def killed(ledger, **filters):
    return figure_timeline(ledger, FigureQuery(subject="north korean", category="killed", **filters)).estimates


def test_outlets_re_reporting_one_briefing_count_as_one_origin(build):
    day = date(2024, 12, 19)
    build.doc("RBC-Ukraine", "2024-12-19", Fig("at least 100", 100, None, qualifier="at_least",
                                               chain=NIS_BRIEFING, as_of=day))
    build.doc("Kyiv Post", "2024-12-19", Fig("at least 100", 100, None, qualifier="at_least",
                                             chain=["Reuters", "Lee Sung-kwon"], as_of=day))
    build.doc("Yonhap", "2024-12-19", Fig("no fewer than 100", 100, None, qualifier="at_least",
                                          chain=["South Korea's spy agency"], as_of=day))
    build.doc("KBS World", "2024-12-20", Fig("at least 100", 100, None, qualifier="at_least",
                                             chain=["South Korean intelligence"], as_of=day))
    [estimate] = killed(build.ledger)
    assert (estimate.reports, len(estimate.outlets), estimate.origins) == (4, 4, 1)
    assert estimate.origin == "National Intelligence Service"
    assert estimate.chain == ["RBC-Ukraine", "Reuters", "Lee Seong-kweun", "National Intelligence Service"]
    assert estimate.to_json()["outlets"] == 4 and estimate.to_json()["origins"] == 1


def test_re_reports_follow_the_chain_across_documents(build):
    # UNIAN cites The Washington Post, which cites a soldier: one origin, however many outlets repeat it.
    build.doc("The Washington Post", "2025-01-19", Fig("around 300", 300, 300, qualifier="approx",
                                                       chain=["Ukrainian soldier"]))
    build.doc("UNIAN", "2025-01-20", Fig("around 300", 300, 300, qualifier="approx", chain=["Washington Post"]))
    build.doc("Ukrainska Pravda", "2025-01-20", Fig("about 300", 300, 300, qualifier="approx", chain=["UNIAN"]))
    [estimate] = killed(build.ledger)
    assert estimate.origins == 1 and estimate.reports == 3 and len(estimate.outlets) == 3
    assert estimate.origin == "Ukrainian soldier"
    chains = estimate.chains
    assert chains[max(chains)] == ["Ukrainska Pravda", "UNIAN", "The Washington Post", "Ukrainian soldier"]


def test_independent_origins_are_counted_separately(build):
    build.doc("KBS News", "2025-01-13", Fig("300", 300, 300, chain=["NIS"], as_of=date(2025, 1, 13)))
    build.doc("TRT World", "2025-01-14", Fig("300", 300, 300, chain=["HUR"], as_of=date(2025, 1, 13)))
    build.doc("Korea JoongAng Daily", "2025-01-14", Fig("300", 300, 300, chain=["Pat Ryder"],
                                                        as_of=date(2025, 1, 13)))
    build.doc("BBC", "2025-01-15", Fig("300", 300, 300, chain=["Pentagon"], as_of=date(2025, 1, 14)))
    [estimate] = killed(build.ledger)
    assert estimate.origins == 3  # Pat Ryder speaks for the Pentagon
    assert set(estimate.origin_names) == {"National Intelligence Service", "Defence Intelligence of Ukraine",
                                          "US Department of Defense"}
    assert estimate.credibility == 1
    assert estimate.credibility_explanation.startswith("confirmed by 3 independent origins")


def test_circular_reporting_is_flagged(build):
    build.doc("Outlet A", "2025-02-01", Fig("40", 40, 40, category="captured", chain=["Outlet B"]))
    build.doc("Outlet B", "2025-02-02", Fig("40", 40, 40, category="captured", chain=["Outlet A"]))
    [estimate] = figure_timeline(build.ledger, FigureQuery(category="captured")).estimates
    assert estimate.origins == 1 and estimate.reports == 2
    assert estimate.circular == ["circular reporting: Outlet A cites Outlet B, which cites Outlet A"]
    assert estimate.credibility == 4


def test_many_outlets_on_one_unnamed_source_are_flagged(build):
    for outlet in ("Outlet A", "Outlet B", "Outlet C"):
        build.doc(outlet, "2025-03-01", Fig("2", 2, 2, category="captured", chain=["unnamed source"]))
    [estimate] = figure_timeline(build.ledger, FigureQuery(category="captured")).estimates
    assert estimate.origins == 1 and len(estimate.outlets) == 3
    assert estimate.circular == ["3 outlets all trace back to one unnamed source: unnamed source"]
    assert estimate.credibility == 4 and "amplified" in estimate.credibility_explanation


def test_contradictions_carry_reasons(build):
    # Same week, intervals apart: several hundred (US official) against more than 3,000 (Zelensky).
    build.doc("RBC-Ukraine", "2024-12-19", Fig("several hundred", 200, 900, category="casualties",
                                               qualifier="approx", chain=["US military official"], place=None))
    build.doc("KBS World", "2025-01-05", Fig("exceeded three thousand", 3000, None, category="casualties",
                                             qualifier="over", chain=["Zelenskyy"], as_of=date(2024, 12, 23)))
    # A cumulative count that falls: 500 by Nov 20 (Global Defense), about 200 a month later (HUR).
    build.doc("KBS News", "2024-11-24", Fig("500", 500, 500, chain=["Global Defense"], as_of=date(2024, 11, 20),
                                            hedged=True))
    build.doc("Korea JoongAng Daily", "2024-12-17", Fig("roughly 200", 200, 200, qualifier="approx",
                                                        chain=["HUR"]))
    # The same origin revising itself is not a contradiction.
    build.doc("Yonhap", "2024-11-23", Fig("450", 450, 450, chain=["Global Defense"], as_of=date(2024, 11, 22)))
    casualties = figure_timeline(build.ledger, FigureQuery(category="casualties")).estimates
    assert all(len(e.contradicts) == 1 for e in casualties)
    reason = casualties[0].contradicts[0].reason
    assert reason.startswith("same period, intervals do not overlap")
    assert "US military official gives 200–900" in reason and "Volodymyr Zelensky gives ≥3,000" in reason
    deaths = {e.value_low: e for e in killed(build.ledger)}
    assert [c.other for c in deaths[500].contradicts] == [deaths[200].id]  # not 450: same origin
    assert [c.other for c in deaths[450].contradicts] == [deaths[200].id]
    assert sorted(c.other for c in deaths[200].contradicts) == sorted([deaths[500].id, deaths[450].id])
    assert all("cumulative killed count cannot fall" in c.reason for c in deaths[200].contradicts)
    assert deaths[500].credibility == 5 and "contradicted by 1 independent origin(s): Defence Intelligence" \
        in deaths[500].credibility_explanation


def test_timeline_order_and_intervals(build):
    build.doc("Babel", "2025-01-14", Fig("at least 300", 300, None, qualifier="at_least", chain=["NIS"],
                                         as_of=date(2025, 1, 13)))
    build.doc("KBS News", "2024-11-24", Fig("some 500", 500, 500, qualifier="approx", chain=["Global Defense"],
                                            as_of=date(2024, 11, 20)))
    build.doc("Korea JoongAng Daily", "2024-12-17", Fig("roughly 200", 200, 200, qualifier="approx",
                                                        chain=["HUR"]))
    build.doc("RBC-Ukraine", "2024-12-19", Fig("up to 1,000", 0, 1000, qualifier="up_to", chain=NIS_BRIEFING,
                                               as_of=date(2024, 12, 19)))
    build.doc("Other", "2024-12-20", Fig("12", 12, 12, subject="people in Kyiv", place="Kyiv"))
    timeline = killed(build.ledger)
    assert [(e.when, e.value_low, e.value_high, e.qualifier) for e in timeline] == [
        (date(2024, 11, 20), 500, 500, "approx"),
        (date(2024, 12, 17), 200, 200, "approx"),
        (date(2024, 12, 19), 0, 1000, "up_to"),
        (date(2025, 1, 13), 300, None, "at_least"),
    ]
    assert killed(build.ledger, since=date(2024, 12, 18))[0].value_high == 1000
    assert killed(build.ledger, origin="Lee Seong-kweun")[0].origin == "National Intelligence Service"


def test_alias_merge_changes_origin_counts_and_undo_restores(build):
    build.doc("Outlet A", "2025-04-01", Fig("1,000", 1000, 1000, category="deployed", chain=["Rybar"]))
    build.doc("Outlet B", "2025-04-02", Fig("1,000", 1000, 1000, category="deployed", chain=["Rybar channel"]))
    query = FigureQuery(category="deployed")
    assert figure_timeline(build.ledger, query).estimates[0].origins == 2
    book = SourceBook(build.ledger)
    book.alias("Rybar channel", "Rybar")
    assert figure_timeline(build.ledger, query).estimates[0].origins == 1
    book.undo()
    assert figure_timeline(build.ledger, query).estimates[0].origins == 2


def test_subject_keys_match_synonyms_not_other_subjects():
    assert subject_key("North Korean soldiers") == subject_key("North Korean troops killed or wounded")
    assert subject_key("percent of the North Korean contingent") != subject_key("North Korean soldiers")
    assert subject_key("Russian soldiers (friendly fire by North Korean troops)") != subject_key("North Korean troops")


def test_clusters_join_agreeing_estimates_and_list_contradicting_ones(build):
    build.doc("Yonhap", "2025-01-13", Fig("at least 300", 300, None, qualifier="at_least", chain=["NIS"],
                                          as_of=date(2025, 1, 13)))
    build.doc("UNIAN", "2025-01-20", Fig("around 300", 300, 300, qualifier="approx", chain=["HUR"],
                                         as_of=date(2025, 1, 18)))
    build.doc("Other", "2025-01-19", Fig("up to 100", 0, 100, qualifier="up_to", chain=["Kremlin"],
                                         as_of=date(2025, 1, 19)))
    from claimgraph.analyze.clusters import figure_clusters

    estimates = killed(build.ledger)
    at_least, around, up_to = (next(e for e in estimates if e.qualifier == q) for q in ("at_least", "approx", "up_to"))
    assert at_least.cluster == around.cluster != up_to.cluster
    clusters = {c.id: c for c in figure_clusters(estimates)}
    agreeing = clusters[around.cluster]
    assert sorted(e.id for e in agreeing.supporting) == sorted([at_least.id, around.id])
    assert [e.id for e in agreeing.contradicting] == [up_to.id]
    assert sorted(e.id for e in clusters[up_to.cluster].contradicting) == sorted([at_least.id, around.id])


def test_a_figure_naming_no_one_takes_its_documents_subject(build):
    # "a toll of at least 300 dead" in a report otherwise about North Korean troops; "no fewer than
    # 100 deaths" beside "at least 100 North Korean soldiers"; a strike report's "death toll" stays
    # its own, however the rest of that report's figures are subjected.
    build.doc("Korea JoongAng Daily", "2025-01-14",
              Fig("12,000", 12000, 12000, category="deployed", subject="North Korean troops"),
              Fig("at least 300", 300, None, qualifier="at_least", subject="", chain=["NIS"]))
    build.doc("RBC-Ukraine", "2024-12-19",
              Fig("at least 100", 100, None, qualifier="at_least", chain=NIS_BRIEFING),
              Fig("no fewer than 100", 100, None, qualifier="at_least", subject="deaths", chain=NIS_BRIEFING))
    build.doc("Babel", "2025-04-24", Fig("12", 12, 12, subject="the death toll"),
              Fig("5,000", 5000, 5000, category="deployed", subject="North Korean troops"))
    estimates = killed(build.ledger)
    assert [(e.value_low, e.value_high, e.origin, e.reports) for e in estimates] == [
        (100, None, "National Intelligence Service", 1),
        (300, None, "National Intelligence Service", 1),
    ]
    assert estimates[0].subject == "North Korean soldiers" and len(estimates[0].figure_ids) == 2
    assert estimates[1].subject == "North Korean troops"
