"""Figure timelines: every estimate of a subject over time, with its origins and contradictions.

Reads active figure statements (with their document's publisher and date), merges the mentions
that carry one estimate — the same interval of the same subject and category, in a compatible
place, close in time — across documents into an `Estimate`, counts its reports, outlets and
independent origins (see chains.py), and flags contradictions: estimates from independent origins
whose intervals cannot both hold for the same period, or a cumulative count that falls. This
module does not grade sources (grading.py) nor format output (the CLI and exports do).
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from claimgraph.analyze.chains import chain_independence
from claimgraph.analyze.figure_rows import FigureQuery, FigureRow, query_figures
from claimgraph.analyze.sources import Resolver, SourceBook
from claimgraph.analyze.subjects import (
    SubjectRules,
    subject_key,
    subject_rules,
)
from claimgraph.ledger.store import Ledger

MAX_CONTRADICTION_SCAN = 200  # earlier estimates examined per estimate for a falling cumulative count


@lru_cache(maxsize=65536)
def place_words(place: str | None) -> frozenset[str]:
    if not place:
        return frozenset()
    return frozenset(w for w in re.findall(r"\w+", place.casefold())
                     if w not in {"region", "oblast", "province", "the", "of", "near", "in"})


@lru_cache(maxsize=65536)
def place_closure(place: str | None) -> frozenset[str]:
    """The place's words and every larger place they lie in ("Marino" -> kursk, russia)."""
    within = subject_rules().within
    words = set(place_words(place))
    frontier = list(words)
    while frontier:
        parent = within.get(frontier.pop())
        if parent and parent not in words:
            words.add(parent)
            frontier.append(parent)
    return frozenset(words)


@lru_cache(maxsize=65536)
def places_compatible(left: str | None, right: str | None) -> bool:
    """Unknown places fit anything; otherwise one must lie inside the other ("Marino, Kursk" in "Russia")."""
    a, b = place_words(left), place_words(right)
    return not a or not b or a <= place_closure(right) or b <= place_closure(left)


def overlaps(low1: float | None, high1: float | None, low2: float | None, high2: float | None) -> bool:
    low1, low2 = low1 or 0.0, low2 or 0.0
    return (high2 is None or low1 <= high2) and (high1 is None or low2 <= high1)


def within(inner: Estimate, outer: Estimate) -> bool:
    """True when `inner`'s interval lies inside `outer`'s."""
    low_ok = (inner.value_low or 0.0) >= (outer.value_low or 0.0)
    high_ok = outer.value_high is None or (inner.value_high is not None and inner.value_high <= outer.value_high)
    return low_ok and high_ok


def interval_text(low: float | None, high: float | None) -> str:
    def num(v: float) -> str:
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"
    if low is not None and high is not None:
        return num(low) if low == high else f"{num(low)}–{num(high)}"
    if high is None and low is not None:
        return f"≥{num(low)}"
    return f"≤{num(high)}" if high is not None else "?"


# ---------------------------------------------------------------- reading figures


@dataclass(slots=True)
class Contradiction:
    other: str  # the other estimate's id
    reason: str


@dataclass(slots=True)
class Estimate:
    """One estimate of a quantity, however many documents carry it."""

    id: str
    value_low: float | None
    value_high: float | None
    qualifier: str
    category: str
    subject: str | None
    subject_key: str
    place: str | None
    as_of: date | None
    first_seen: date | None
    origin: str
    origin_names: list[str]
    chain: list[str]
    chains: dict[int, list[str]]
    hedged: bool
    hedged_reports: int
    reports: int
    outlets: list[str]
    documents: list[int]
    figure_ids: list[int]
    circular: list[str] = field(default_factory=list)
    contradicts: list[Contradiction] = field(default_factory=list)
    corroborating_origins: list[str] = field(default_factory=list)
    cluster: str | None = None  # the claim cluster (clusters.figure_clusters) this estimate belongs to
    reliability: str = "F"
    credibility: int = 6
    credibility_explanation: str = ""

    @property
    def when(self) -> date | None:
        return self.as_of or self.first_seen

    @property
    def origins(self) -> int:
        return len(self.origin_names)

    def label(self) -> str:
        return f"{interval_text(self.value_low, self.value_high)} {self.category} ({self.origin})"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "value_low": self.value_low, "value_high": self.value_high,
            "qualifier": self.qualifier, "category": self.category, "subject": self.subject,
            "place": self.place, "as_of": self.as_of, "first_seen": self.first_seen, "origin": self.origin,
            "origin_names": self.origin_names, "chain": self.chain,
            "chains": {str(k): v for k, v in self.chains.items()}, "hedged": self.hedged,
            "hedged_reports": self.hedged_reports, "reports": self.reports, "outlets": len(self.outlets),
            "outlet_names": self.outlets, "origins": self.origins, "documents": self.documents,
            "figures": self.figure_ids, "circular": self.circular, "cluster": self.cluster,
            "contradicts": [{"estimate": c.other, "reason": c.reason} for c in self.contradicts],
            "reliability": self.reliability, "credibility": self.credibility,
            "credibility_explanation": self.credibility_explanation,
        }


def _claims_in_documents(rows: list[FigureRow]) -> list[list[FigureRow]]:
    """Mentions of one claim inside one document: same category and interval, subjects that fit
    ("North Koreans" within "North Korean soldiers", or none given); places are not compared,
    since a document's repeats of a figure share one claim whatever place each sentence names."""
    per_doc: dict[tuple[Any, ...], list[FigureRow]] = defaultdict(list)
    for row in rows:
        per_doc[(row.document_id, row.category, row.value_low, row.value_high)].append(row)
    claims: list[list[FigureRow]] = []
    for members in per_doc.values():
        if len(members) == 1:
            claims.append(members)
            continue
        groups: list[list[FigureRow]] = []
        words: list[set[str]] = []
        for row in members:
            mine = set(subject_key(row.subject).split())
            for i, theirs in enumerate(words):
                if not mine or not theirs or mine <= theirs or theirs <= mine:
                    groups[i].append(row)
                    theirs |= mine
                    break
            else:
                groups.append([row])
                words.append(mine)
        claims.extend(groups)
    return claims


def _mode(values: Iterable[Any]) -> Any:
    """The most frequent value, the first seen among equals; None when there are none."""
    counts: dict[Any, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _mode_of(values: list[Any]) -> Any:
    """`_mode` of a list, without counting when all values are the same (most groups)."""
    first = values[0]
    return first if values.count(first) == len(values) else _mode(values)


def _claim_key(claim: list[FigureRow]) -> str:
    if len(claim) == 1:
        return subject_key(claim[0].subject)
    return max((subject_key(r.subject) for r in claim), key=len)


def _claim_place(claim: list[FigureRow]) -> str | None:
    if len(claim) == 1:
        return claim[0].place
    places: dict[str, int] = {}
    for r in claim:
        if r.place:
            places[r.place] = places.get(r.place, 0) + 1
    return max(places, key=lambda p: (places[p], len(p))) if places else None


def _group_rows(rows: list[FigureRow], window: int) -> list[tuple[str, list[FigureRow]]]:
    """Mentions of one estimate: same category, subject key and interval, compatible place, close
    dates. Each group comes with its subject key (`_claim_key` of its rows, the bucket's key)."""
    # Bucket members are (sort date, first id, day ordinal or None, place, claim): they sort as
    # plain tuples (date order, undated last, the lowest id among equals; ids are unique, so the
    # claims themselves are never compared).
    buckets: dict[tuple[Any, ...], list[tuple[date, int, int | None, str | None, list[FigureRow]]]] = {}
    keys: dict[str | None, str] = {}
    latest = date.max
    for claim in _claims_in_documents(rows):
        first = claim[0]
        if len(claim) == 1:  # most claims: one mention (the general case below gives the same)
            subject = first.subject
            key = keys.get(subject)
            if key is None:
                key = keys[subject] = subject_key(subject)
            when = first.as_of or first.published
            place = first.place
        else:
            key = _claim_key(claim)
            when = min((r.when for r in claim if r.when), default=None)
            place = _claim_place(claim)
        bucket = (first.category, key, first.value_low, first.value_high)
        member = (latest, first.id, None, place, claim) if when is None else (
            when, first.id, when.toordinal(), place, claim)
        found = buckets.get(bucket)
        if found is None:
            buckets[bucket] = [member]
        else:
            found.append(member)
    groups: list[tuple[str, list[FigureRow]]] = []
    compatible = places_compatible
    for bucket, members in buckets.items():
        key = bucket[1]
        if len(members) == 1:  # one claim in its bucket: one group (the loop below gives the same)
            groups.append((key, list(members[0][4])))
            continue
        members.sort()
        # Open groups as [first day's ordinal or None, first three places, rows]. Members come in
        # date order, undated last: a dated member first closes the groups begun more than
        # `window` days before it (the oldest, at the front), so every group still open is close
        # enough in time. A member joins the first open group whose first three places fit its own.
        open_groups: list[tuple[int | None, list[str | None], list[FigureRow]]] = []
        for _when, _id, day, place, claim in members:
            if day is not None and open_groups:
                closed = 0
                for start, _places, _group in open_groups:
                    if start is None or day - start <= window:
                        break
                    closed += 1
                if closed:
                    del open_groups[:closed]
            home = None
            for candidate in open_groups:
                if place is None:
                    home = candidate
                    break
                for other in candidate[1]:
                    if other != place and not compatible(place, other):
                        break
                else:
                    home = candidate
                    break
            if home is None:
                home = (day, [], [])
                open_groups.append(home)
                groups.append((key, home[2]))
            if len(home[1]) < 3:
                home[1].append(place)
            home[2].extend(claim)
    return groups


def _estimate(rows: list[FigureRow], resolver: Resolver, key: str | None = None) -> Estimate:
    """One estimate from the mentions of one group; `key` is the group's subject key when known.

    One pass over the rows gathers what the estimate needs (the first seen among equals wins, as
    `_mode` and `min` would pick it). Each distinct chain is resolved once per source book snapshot
    (`Resolver.chain`), each name's origin once (`Resolver.root`)."""
    first = rows[0]  # the first published (undated last), the lowest id among equals
    if len(rows) == 1:  # one mention: one report, and no counting
        found = chain_independence([first.document_id], [_canonical_chain(first, resolver)], resolver)
        return Estimate(
            id=f"e{first.id}", value_low=first.value_low, value_high=first.value_high,
            qualifier=first.qualifier, category=first.category, subject=first.subject,
            subject_key=subject_key(first.subject) if key is None else key, place=first.place,
            as_of=first.as_of or None, first_seen=first.published,
            origin=found.origin_of.get(first.document_id, found.origins[0] if found.origins else "unknown"),
            origin_names=found.origins, chain=found.chains.get(first.document_id, []), chains=found.chains,
            hedged=bool(first.hedged), hedged_reports=1 if first.hedged else 0, reports=found.reports,
            outlets=found.outlets, documents=[first.document_id], figure_ids=[first.id],
            circular=found.circular,
        )
    by_doc: dict[int, FigureRow] = {}
    hedged_docs: set[int] = set()
    as_of: date | None = None
    first_seen: date | None = None
    for row in rows:
        doc_id = row.document_id
        best = by_doc.get(doc_id)
        if best is None or len(row.chain) > len(best.chain):  # the longest chain names the most relays
            by_doc[doc_id] = row
        published = row.published
        if published is not None and (first_seen is None or published < first_seen):
            first_seen, first = published, row
        elif published == first_seen and row.id < first.id:
            first = row
        if row.as_of and (as_of is None or row.as_of < as_of):
            as_of = row.as_of
        if row.hedged:
            hedged_docs.add(doc_id)
    found = chain_independence(list(by_doc), [_canonical_chain(row, resolver) for row in by_doc.values()],
                               resolver)
    ids = sorted([row.id for row in rows])
    return Estimate(
        id=f"e{ids[0]}", value_low=rows[0].value_low, value_high=rows[0].value_high,
        qualifier=_mode_of([row.qualifier for row in rows]), category=rows[0].category,
        subject=_mode_of([row.subject for row in rows]),
        subject_key=_claim_key(rows) if key is None else key, place=_claim_place(rows),
        as_of=as_of, first_seen=first_seen,
        origin=found.origin_of.get(first.document_id, found.origins[0] if found.origins else "unknown"),
        origin_names=found.origins, chain=found.chains.get(first.document_id, []), chains=found.chains,
        hedged=len(hedged_docs) * 2 > len(by_doc), hedged_reports=len(hedged_docs), reports=found.reports,
        outlets=found.outlets, documents=sorted(by_doc), figure_ids=ids,
        circular=found.circular,
    )


def _canonical_chain(row: FigureRow, resolver: Resolver) -> list[str]:
    """The row's chain in canonical names, the publisher when it has none: the resolver keeps each
    distinct chain's, for as long as the source book is unchanged (shared: read it only)."""
    return resolver.chain(row.chain or [row.publisher or f"document {row.document_id}"])


def _describe(e: Estimate) -> str:
    when = e.when.isoformat() if e.when else "undated"
    return f"{e.origin} gives {interval_text(e.value_low, e.value_high)} ({when})"


def find_contradictions(estimates: list[Estimate], rules: SubjectRules | None = None) -> None:
    """Fill `contradicts` on estimates from independent origins that cannot both hold."""
    rules = rules or subject_rules()
    same_period = rules.same_period_days
    compatible = places_compatible
    groups: dict[tuple[str, str], list[Estimate]] = defaultdict(list)
    for e in estimates:
        if e.when is not None:
            groups[(e.category, e.subject_key)].append(e)

    for (category, _key), members in groups.items():
        members.sort(key=_when_and_id)
        count = len(members)
        # What the pair loops read, once per member rather than once per pair.
        days = [e.when.toordinal() for e in members]  # type: ignore[union-attr]
        origins = [frozenset(e.origin_names) for e in members]  # independent: no origin in common
        lows = [e.value_low or 0.0 for e in members]
        highs = [e.value_high for e in members]
        places = [e.place for e in members]
        described: list[str | None] = [None] * count  # each member's `_describe`, once needed

        # Same period: intervals that do not overlap (`overlaps`, inline).
        for i in range(count):
            last_day = days[i] + same_period
            low_a, high_a, place_a, origins_a = lows[i], highs[i], places[i], origins[i]
            j = i + 1
            while j < count and days[j] <= last_day:
                high_b = highs[j]
                if (not ((high_b is None or low_a <= high_b) and (high_a is None or lows[j] <= high_a))
                        and origins_a.isdisjoint(origins[j])
                        and (place_a == places[j] or compatible(place_a, places[j]))):
                    _flag(members[i], members[j], "same period, intervals do not overlap: "
                          f"{_description(members, described, i)}; {_description(members, described, j)}")
                j += 1
        if category not in rules.cumulative:
            continue
        # A cumulative count cannot fall: a later upper bound below an earlier lower bound. Of the
        # earlier lower bounds above it, the highest MAX_CONTRADICTION_SCAN are examined, so only
        # that many of the highest are kept (in time linear in the estimates, not quadratic).
        earlier: list[tuple[float, int]] = []  # (value_low, index), sorted, the highest only
        p = 0
        for k in range(count):
            while p < k and days[p] < days[k] - same_period:
                bisect.insort(earlier, (lows[p], p))
                if len(earlier) > MAX_CONTRADICTION_SCAN:
                    del earlier[0]
                p += 1
            high_b = highs[k]
            if high_b is None:
                continue
            start = bisect.bisect_right(earlier, (high_b, count))
            mine, place_b = origins[k], places[k]
            for _low, i in earlier[start:]:
                if mine.isdisjoint(origins[i]) and (places[i] == place_b or compatible(places[i], place_b)):
                    _flag(members[i], members[k], f"a cumulative {category} count cannot fall: "
                          f"{_description(members, described, i)}, later {_description(members, described, k)}")


def _flag(a: Estimate, b: Estimate, reason: str) -> None:
    a.contradicts.append(Contradiction(b.id, reason))
    b.contradicts.append(Contradiction(a.id, reason))


def _description(members: list[Estimate], described: list[str | None], i: int) -> str:
    text = described[i]
    if text is None:
        text = described[i] = _describe(members[i])
    return text


def _when_and_id(e: Estimate) -> tuple[date | None, str]:
    return (e.when, e.id)


def find_corroboration(estimates: list[Estimate], rules: SubjectRules | None = None) -> None:
    """Fill `corroborating_origins`: own origins, plus those of estimates of the same period that imply
    this one (their interval lies inside it: "500 killed" corroborates "at least 100", not the reverse)."""
    rules = rules or subject_rules()
    groups: dict[tuple[str, str], list[Estimate]] = defaultdict(list)
    for e in estimates:
        e.corroborating_origins = list(e.origin_names)
        groups[(e.category, e.subject_key)].append(e)
    window, compatible = rules.corroboration_days, places_compatible
    for members in groups.values():
        dated = sorted((e for e in members if e.when), key=lambda e: e.when)  # type: ignore[arg-type, return-value]
        count = len(dated)
        if count < 2:
            continue
        days = [e.when.toordinal() for e in dated]  # type: ignore[union-attr]
        places = [e.place for e in dated]
        # Ordered sets of origins (first appearance first): adding one is not a scan of the list.
        found = [dict.fromkeys(e.corroborating_origins) for e in dated]
        for i in range(count):
            a, last_day, place_a = dated[i], days[i] + window, places[i]
            j = i + 1
            while j < count and days[j] <= last_day:
                if place_a == places[j] or compatible(place_a, places[j]):
                    b = dated[j]
                    if within(b, a):
                        found[i].update(dict.fromkeys(b.origin_names))
                    if within(a, b):
                        found[j].update(dict.fromkeys(a.origin_names))
                j += 1
        for e, origins in zip(dated, found, strict=True):
            e.corroborating_origins = list(origins)


@dataclass
class Timeline:
    query: FigureQuery
    estimates: list[Estimate]
    figures: int  # figure statements read


def build_estimates(rows: list[FigureRow], resolver: Resolver) -> list[Estimate]:
    rules = subject_rules()
    estimates = [_estimate(group, resolver, key) for key, group in _group_rows(rows, rules.corroboration_days)]
    find_contradictions(estimates, rules)
    find_corroboration(estimates, rules)
    estimates.sort(key=lambda e: (e.when or date.max, e.category, e.value_low or 0.0, e.id))
    return estimates


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector while a timeline is built: the build allocates thousands of small
    acyclic objects, and the full collections they trigger over a large heap (the parse caches)
    cost more than the build itself. Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def figure_timeline(ledger: Ledger, query: FigureQuery, *, book: SourceBook | None = None,
                    resolver: Resolver | None = None) -> Timeline:
    """Estimates matching `query`, oldest first, with origins, contradictions, grades and credibility."""
    with _cyclic_gc_paused():
        return _figure_timeline(ledger, query, book, resolver)


def _figure_timeline(ledger: Ledger, query: FigureQuery, book: SourceBook | None,
                     resolver: Resolver | None) -> Timeline:
    from claimgraph.analyze.clusters import cluster_id, figure_cluster_roots
    from claimgraph.analyze.grading import apply_grades

    resolver = resolver or (book or SourceBook(ledger)).resolver()
    rows = query_figures(ledger, query)
    estimates = build_estimates(rows, resolver)
    if query.origin:
        wanted = resolver.root(query.origin)
        estimates = [e for e in estimates if wanted in e.origin_names]
    apply_grades(ledger, estimates, resolver)
    # Each estimate's cluster id; the clusters themselves are not returned.
    for estimate, root in zip(estimates, figure_cluster_roots(estimates), strict=True):
        estimate.cluster = cluster_id(root)
    return Timeline(query, estimates, len(rows))
