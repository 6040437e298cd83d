"""The timeline's fast path (timelines.figure_timeline: one-pass grouping, memoised chains,
independence without extension when no chain can extend, inline pair loops, cluster ids without
clusters) gives exactly what a straightforward reading gives: every field of every estimate, in
order, read here from the figure rows by the plain definitions, pair by pair (quadratic, on purpose).

The rows themselves come from `query_figures` (its reading is compared with the figure table in
test_timeline_fast_path.py); everything built from them is recomputed here."""

from __future__ import annotations

import dataclasses
import importlib.util
from datetime import date
from pathlib import Path

import pytest
from analyze_builders import Fig

from claimgraph.analyze import figure_rows, timelines
from claimgraph.analyze.grading import DEFAULT_GRADE, credibility, current_grades, set_grade
from claimgraph.analyze.sources import SourceBook
from claimgraph.analyze.timelines import (
    Contradiction,
    Estimate,
    FigureQuery,
    figure_timeline,
    interval_text,
    overlaps,
    places_compatible,
    query_figures,
    subject_key,
    subject_rules,
    within,
)
from claimgraph.ledger import open_ledger

BENCH = Path(__file__).resolve().parents[2] / "bench" / "analyze.py"
NIS_BRIEFING = ["Reuters", "lawmaker Lee Seong-kweun", "NIS"]

# ---------------------------------------------------------------- the straightforward reading


def _mode(values):
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__)


def _claims(rows):
    """Mentions of one claim in one document: same category and interval, subjects whose words fit."""
    per_doc: dict = {}
    for row in rows:
        per_doc.setdefault((row.document_id, row.category, row.value_low, row.value_high), []).append(row)
    claims = []
    for members in per_doc.values():
        found: list[tuple[set, list]] = []
        for row in members:
            mine = set(subject_key(row.subject).split())
            for words, claim in found:
                if not mine or not words or mine <= words or words <= mine:
                    claim.append(row)
                    words |= mine
                    break
            else:
                found.append((mine, [row]))
        claims += [claim for _words, claim in found]
    return claims


def _place(rows):
    if len(rows) == 1:
        return rows[0].place
    counts: dict = {}
    for row in rows:
        if row.place:
            counts[row.place] = counts.get(row.place, 0) + 1
    return max(counts, key=lambda p: (counts[p], len(p))) if counts else None


def _key(rows):
    return max((subject_key(r.subject) for r in rows), key=len)


def _groups(rows, window):
    buckets: dict = {}
    for claim in _claims(rows):
        when = min((r.as_of or r.published for r in claim if r.as_of or r.published), default=None)
        first = claim[0]
        buckets.setdefault((first.category, _key(claim), first.value_low, first.value_high), []).append(
            (when, _place(claim), claim))
    groups = []
    for members in buckets.values():
        members.sort(key=lambda m: (m[0] or date.max, m[2][0].id))
        made: list[dict] = []
        for when, place, claim in members:
            if when is not None:  # groups begun more than `window` days before close for good
                for group in made:
                    if group["start"] is not None and (when - group["start"]).days > window:
                        group["closed"] = True
            home = next((g for g in made if not g["closed"] and (
                place is None or all(p == place or places_compatible(place, p) for p in g["places"][:3]))), None)
            if home is None:
                home = {"start": when, "places": [], "rows": [], "closed": False}
                made.append(home)
            home["places"].append(place)
            home["rows"].extend(claim)
        groups += [g["rows"] for g in made]
    return groups


def _independence(reports, resolver):
    """Origins of (document, canonical chain) reports: each chain extended through the longest
    continuation another report gives of its last source; a loop is circular reporting."""
    follow: dict = {}
    for _doc, chain in reports:
        for i in range(len(chain) - 1):
            if chain[i] not in follow or len(chain) - i > len(follow[chain[i]]):
                follow[chain[i]] = chain[i:]
    chains, origin_of, origins, outlets, circular, loops = {}, {}, [], [], [], []
    for doc, chain in reports:
        extended, loop = list(chain), None
        while loop is None and extended[-1] in follow:
            before = len(extended)
            for name in follow[extended[-1]][1:]:
                if name in extended:
                    loop = extended[extended.index(name):] + [name]
                    break
                extended.append(name)
            if loop is None and len(extended) == before:
                break
        if loop is not None:
            origin = "circular: " + " / ".join(sorted(set(loop)))
            if set(loop) not in loops:
                loops.append(set(loop))
                circular.append(f"circular reporting: {' cites '.join(loop[:2])}, which cites {loop[0]}"
                                if len(loop) == 3 else f"circular reporting: {' -> '.join(loop)}")
        else:
            origin = resolver.root(extended[-1])
        chains.setdefault(doc, extended)
        origin_of.setdefault(doc, origin)
        origins += [origin] if origin not in origins else []
        outlets += [chain[0]] if chain[0] not in outlets else []
    if len(origins) == 1 and len(outlets) >= 3 and resolver.type_of(origins[0]) in ("wire", "anonymous"):
        what = "one wire" if resolver.type_of(origins[0]) == "wire" else "one unnamed source"
        circular.append(f"{len(outlets)} outlets all trace back to {what}: {origins[0]}")
    return chains, origin_of, origins, outlets, circular


def _estimate(rows, resolver):
    by_doc: dict = {}
    for row in rows:  # per document, the first of its longest chains
        if row.document_id not in by_doc or len(row.chain) > len(by_doc[row.document_id].chain):
            by_doc[row.document_id] = row
    chains, origin_of, origins, outlets, circular = _independence(
        [(d, resolver.chain(r.chain or [r.publisher or f"document {d}"])) for d, r in by_doc.items()], resolver)
    first = min(rows, key=lambda r: (r.published or date.max, r.id))
    hedged = {r.document_id for r in rows if r.hedged}
    dates = [r.as_of for r in rows if r.as_of]
    return Estimate(
        id=f"e{min(r.id for r in rows)}", value_low=rows[0].value_low, value_high=rows[0].value_high,
        qualifier=_mode(r.qualifier for r in rows), category=rows[0].category,
        subject=_mode(r.subject for r in rows), subject_key=_key(rows), place=_place(rows),
        as_of=min(dates) if dates else None,
        first_seen=min((r.published for r in rows if r.published), default=None),
        origin=origin_of.get(first.document_id, origins[0] if origins else "unknown"), origin_names=origins,
        chain=chains.get(first.document_id, []), chains=chains, hedged=len(hedged) * 2 > len(by_doc),
        hedged_reports=len(hedged), reports=len(chains), outlets=outlets, documents=sorted(by_doc),
        figure_ids=sorted(r.id for r in rows), circular=circular)


def _describe(e):
    return f"{e.origin} gives {interval_text(e.value_low, e.value_high)} ({e.when.isoformat()})"


def _by_subject(estimates, dated_only):
    groups: dict = {}
    for e in estimates:
        if e.when is not None or not dated_only:
            groups.setdefault((e.category, e.subject_key), []).append(e)
    return groups


def _contradictions(estimates, rules):
    def flag(a, b, reason):
        a.contradicts.append(Contradiction(b.id, reason))
        b.contradicts.append(Contradiction(a.id, reason))

    def independent(a, b):
        return not set(a.origin_names) & set(b.origin_names) and places_compatible(a.place, b.place)

    for (category, _key), members in _by_subject(estimates, dated_only=True).items():
        members.sort(key=lambda e: (e.when, e.id))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if ((b.when - a.when).days <= rules.same_period_days and independent(a, b)
                        and not overlaps(a.value_low, a.value_high, b.value_low, b.value_high)):
                    flag(a, b, f"same period, intervals do not overlap: {_describe(a)}; {_describe(b)}")
        if category not in rules.cumulative:
            continue
        for k, b in enumerate(members):
            if b.value_high is None:
                continue
            # Earlier (beyond the same period) lower bounds above this upper bound, the highest few.
            earlier = sorted((a.value_low or 0.0, i) for i, a in enumerate(members[:k])
                             if (b.when - a.when).days > rules.same_period_days
                             and (a.value_low or 0.0) > b.value_high)
            for _low, i in earlier[-timelines.MAX_CONTRADICTION_SCAN:]:
                if independent(members[i], b):
                    flag(members[i], b, f"a cumulative {category} count cannot fall: {_describe(members[i])}, "
                                        f"later {_describe(b)}")


def _corroboration(estimates, rules):
    for e in estimates:
        e.corroborating_origins = list(e.origin_names)
    for members in _by_subject(estimates, dated_only=False).values():
        dated = sorted((e for e in members if e.when), key=lambda e: e.when)
        for i, a in enumerate(dated):
            for b in dated[i + 1:]:
                if (b.when - a.when).days <= rules.corroboration_days and places_compatible(a.place, b.place):
                    if within(b, a):
                        a.corroborating_origins += [o for o in b.origin_names if o not in a.corroborating_origins]
                    if within(a, b):
                        b.corroborating_origins += [o for o in a.origin_names if o not in b.corroborating_origins]


def _grades(ledger, estimates, resolver):
    grades = current_grades(ledger, resolver)
    by_id = {e.id: e for e in estimates}
    for e in estimates:
        graded = grades.get(resolver.canonical(e.origin))
        e.reliability = graded.grade if graded else DEFAULT_GRADE
        contra: list = []
        for c in e.contradicts:
            contra += [n for n in (by_id[c.other].origin_names if c.other in by_id else []) if n not in contra]
        support = [o for o in e.corroborating_origins if o not in contra]
        e.credibility, e.credibility_explanation = credibility(
            support, contra, only_anonymous=len(support) == 1 and resolver.type_of(support[0]) == "anonymous",
            circular=bool(e.circular), reasons=[c.reason for c in e.contradicts])


def _clusters(estimates, rules):
    parent = {e.id: e.id for e in estimates}

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for members in _by_subject(estimates, dated_only=False).values():
        members = sorted(members, key=lambda e: (e.when is None, e.when or 0, e.id))
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.when and b.when and (b.when - a.when).days > rules.corroboration_days:
                    break  # the rest lie further away
                if overlaps(a.value_low, a.value_high, b.value_low, b.value_high) and places_compatible(a.place,
                                                                                                      b.place):
                    parent[root(b.id)] = root(a.id)
    for e in estimates:
        e.cluster = "c" + root(e.id)[1:]


def reference_timeline(ledger, query):
    """(figures read, estimates) of `query`, by the definitions above."""
    resolver = SourceBook(ledger).resolver()
    rules = subject_rules()
    rows = query_figures(ledger, query)
    estimates = [_estimate(group, resolver) for group in _groups(rows, rules.corroboration_days)]
    _contradictions(estimates, rules)
    _corroboration(estimates, rules)
    estimates.sort(key=lambda e: (e.when or date.max, e.category, e.value_low or 0.0, e.id))
    if query.origin:
        estimates = [e for e in estimates if resolver.root(query.origin) in e.origin_names]
    _grades(ledger, estimates, resolver)
    _clusters(estimates, rules)
    return len(rows), estimates


def assert_same_timeline(ledger, query):
    timeline = figure_timeline(ledger, query)
    figures, expected = reference_timeline(ledger, query)
    assert timeline.figures == figures
    assert [dataclasses.asdict(e) for e in timeline.estimates] == [dataclasses.asdict(e) for e in expected]
    return timeline


# ---------------------------------------------------------------- a hand-filled ledger (both backends)


def _fill(build):
    """Re-reports through relays, a loop, amplification, falling and clashing counts, repeats within
    one document, a figure naming no one, places inside and outside each other, a graded source."""
    day = date(2024, 12, 19)
    build.doc("RBC-Ukraine", "2024-12-19", Fig("at least 100", 100, None, qualifier="at_least",
                                               chain=NIS_BRIEFING, as_of=day),
              Fig("no fewer than 100", 100, None, qualifier="at_least", subject="deaths", chain=["NIS"]))
    build.doc("Kyiv Post", "2024-12-19", Fig("at least 100", 100, None, qualifier="at_least",
                                             chain=["Reuters", "Lee Sung-kwon"], as_of=day, hedged=True))
    build.doc("Yonhap", "2024-12-20", Fig("about 100", 100, None, qualifier="approx",
                                          chain=["South Korea's spy agency"], as_of=day, hedged=True),
              Fig("100", 100, None, qualifier="at_least", subject="North Koreans", place=None))
    build.doc("The Washington Post", "2025-01-19", Fig("around 300", 300, 300, qualifier="approx",
                                                       chain=["Ukrainian soldier"]))
    build.doc("UNIAN", "2025-01-20", Fig("around 300", 300, 300, qualifier="approx", chain=["Washington Post"]))
    build.doc("Ukrainska Pravda", "2025-01-20", Fig("about 300", 300, 300, qualifier="approx", chain=["UNIAN"]),
              Fig("300", 300, 300, place="Russia", chain=["HUR"]))
    build.doc("Outlet A", "2025-02-01", Fig("40", 40, 40, category="captured", chain=["Outlet B"]))
    build.doc("Outlet B", "2025-02-02", Fig("40", 40, 40, category="captured", chain=["Outlet A"]))
    for outlet in ("Outlet A", "Outlet B", "Outlet C"):
        build.doc(outlet, "2025-03-01", Fig("2", 2, 2, category="captured", chain=["unnamed source"]))
    build.doc("RBC-Ukraine", "2024-12-19", Fig("several hundred", 200, 900, category="casualties",
                                               qualifier="approx", chain=["US military official"], place=None))
    build.doc("KBS World", "2025-01-05", Fig("exceeded three thousand", 3000, None, category="casualties",
                                             qualifier="over", chain=["Zelenskyy"], as_of=date(2024, 12, 23)))
    build.doc("KBS News", "2024-11-24", Fig("500", 500, 500, chain=["Global Defense"], as_of=date(2024, 11, 20),
                                            hedged=True))
    build.doc("Korea JoongAng Daily", "2024-12-17", Fig("roughly 200", 200, 200, qualifier="approx",
                                                        chain=["HUR"]),
              Fig("12,000", 12000, 12000, category="deployed", subject="North Korean troops"),
              Fig("at least 300", 300, None, qualifier="at_least", subject="", chain=["NIS"]))
    build.doc("Yonhap", "2024-11-23", Fig("450", 450, 450, chain=["Global Defense"], as_of=date(2024, 11, 22)))
    build.doc("Other", "2024-12-20", Fig("200", 200, 200, place="Kyiv", chain=["Kremlin"]),
              Fig("12", 12, 12, subject="people in Kyiv", place="Kyiv"))
    build.doc("Babel", "2025-01-14", Fig("at least 300", 300, None, qualifier="at_least", chain=["NIS"],
                                         as_of=date(2025, 1, 13)),
              Fig("up to 1,000", 0, 1000, qualifier="up_to", chain=NIS_BRIEFING, place="Kursk region"))
    build.doc("Other", "2025-01-19", Fig("up to 100", 0, 100, qualifier="up_to", chain=["Kremlin"],
                                         as_of=date(2025, 1, 19)))
    set_grade(build.ledger, "NIS", "B", "briefings have held up")


@pytest.mark.parametrize("query", [
    FigureQuery(), FigureQuery(subject="north korean", category="killed"), FigureQuery(category="captured"),
    FigureQuery(category="casualties"), FigureQuery(place="kursk"), FigureQuery(since=date(2024, 12, 18)),
    FigureQuery(subject="north korean", origin="Lee Seong-kweun")])
def test_hand_filled_timeline_equals_the_straightforward_reading(build, query):
    _fill(build)
    timeline = assert_same_timeline(build.ledger, query)
    assert timeline.estimates


def test_the_hand_filled_ledger_reaches_the_cases_it_is_for(build):
    """The comparison above is only worth as much as the cases the ledger holds."""
    _fill(build)
    estimates = figure_timeline(build.ledger, FigureQuery()).estimates
    assert any(e.circular and e.circular[0].startswith("circular reporting") for e in estimates)
    assert any("outlets all trace back" in r for e in estimates for r in e.circular)
    assert any(len(e.chains[d]) > 3 for e in estimates for d in e.chains)  # extended through another report
    assert any("cannot fall" in c.reason for e in estimates for c in e.contradicts)
    assert any("same period" in c.reason for e in estimates for c in e.contradicts)
    assert any(e.reliability == "B" for e in estimates) and any(e.reports > 2 for e in estimates)
    assert len({e.cluster for e in estimates}) < len(estimates)


# ---------------------------------------------------------------- a generated ledger (SQLite)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_analyze", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)  # type: ignore[union-attr]
    path = tmp_path_factory.mktemp("bench") / "ledger.db"
    bench.generate(str(path), 6000, 8000, seed=5)
    with open_ledger(str(path)) as ledger:
        yield ledger


@pytest.mark.parametrize("query", [
    FigureQuery(), FigureQuery(subject="drones", category="killed"), FigureQuery(subject="Russian"),
    FigureQuery(category="casualties"), FigureQuery(origin="NIS"),
    FigureQuery(subject="wagner", since=date(2023, 6, 1), until=date(2024, 6, 1))])
def test_generated_timeline_equals_the_straightforward_reading(generated, query):
    timeline = assert_same_timeline(generated, query)
    assert len(timeline.estimates) > 5 and any(e.contradicts for e in timeline.estimates)


@pytest.mark.parametrize(("scan", "fewer"), [(1, True), (2, True), (200, False)])
def test_a_short_contradiction_scan_keeps_the_highest_earlier_bounds(build, monkeypatch, scan, fewer):
    """With a scan shorter than the earlier bounds above a count, the same (highest) ones are examined."""
    _fill(build)
    query = FigureQuery(subject="north korean", category="killed")
    wider = sum(len(e.contradicts) for e in figure_timeline(build.ledger, query).estimates)
    monkeypatch.setattr(timelines, "MAX_CONTRADICTION_SCAN", scan)
    shorter = sum(len(e.contradicts) for e in assert_same_timeline(build.ledger, query).estimates)
    assert (shorter < wider) == fewer and shorter <= wider


def test_parsed_chains_kept_between_queries_give_what_a_fresh_parse_gives(generated):
    """The process keeps each chain text's parse (figure_rows._CHAINS): a query
    that meets them parsed gives what one that parses them afresh gives."""
    query = FigureQuery(subject="Russian")
    figure_rows._CHAINS.clear()
    fresh = [dataclasses.asdict(e) for e in figure_timeline(generated, query).estimates]
    assert figure_rows._CHAINS  # the parses are kept ...
    kept = [dataclasses.asdict(e) for e in figure_timeline(generated, query).estimates]
    assert kept == fresh  # ... and give the same timeline
    assert_same_timeline(generated, query)
