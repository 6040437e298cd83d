"""Admiralty grading: source reliability A–F set by the analyst, information credibility 1–6 computed.

Reliability is a judgement about a source: the analyst sets it with a rationale, every change is
kept (history) and logged as a custody event; a source nobody graded is F, "cannot be judged".
Credibility is computed for each estimate or claim from independent corroboration and
contradiction, with the explanation spelled out. This module never changes statements or sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import insert, select

from claimgraph.analyze.sources import Resolver, SourceBook
from claimgraph.errors import LedgerError
from claimgraph.ledger import analysis_schema as a
from claimgraph.ledger.store import Ledger, default_actor, now

if TYPE_CHECKING:
    from claimgraph.analyze.timelines import Estimate

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
DEFAULT_GRADE = "F"


@dataclass
class Grade:
    source: str
    grade: str
    rationale: str
    actor: str
    at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {"source": self.source, "grade": self.grade, "meaning": RELIABILITY[self.grade],
                "rationale": self.rationale, "actor": self.actor, "at": self.at}


def set_grade(ledger: Ledger, source: str, grade: str, rationale: str, *, actor: str | None = None,
              book: SourceBook | None = None) -> Grade:
    """Grade a source's reliability (A–F) with the analyst's rationale; a custody event."""
    grade = grade.strip().upper()
    if grade not in RELIABILITY:
        raise LedgerError(f"unknown reliability grade {grade!r}", subject=source,
                          fix="use A (completely reliable) to F (cannot be judged)")
    if not rationale.strip():
        raise LedgerError("a grade needs a rationale", subject=source,
                          fix="say why, with --rationale \"...\"")
    actor = actor or default_actor()
    book = book or SourceBook(ledger)
    book.seed()
    with ledger.engine.begin() as conn:
        source_id = book._ensure(conn, source)
        name = book._resolver(conn).by_id[source_id].name
        event = ledger._log(conn, "source-grade", actor, detail={
            "source": name, "source_id": source_id, "grade": grade, "rationale": rationale})
        stamp = now()
        conn.execute(insert(a.source_grade).values(source_id=source_id, grade=grade, rationale=rationale,
                                                   actor=actor, at=stamp, custody_event_id=event.id))
    return Grade(name, grade, rationale, actor, stamp)


def grade_history(ledger: Ledger, source: str, *, book: SourceBook | None = None) -> list[Grade]:
    """Every grade the source (and the sources merged into it) received, oldest first."""
    resolver = (book or SourceBook(ledger)).resolver()
    target = resolver.lookup(source)
    if target is None:
        return []
    ids = [s.id for s in resolver.by_id.values() if resolver._final(s.id).id == target.id]
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(a.source_grade).where(a.source_grade.c.source_id.in_(ids))
                            .order_by(a.source_grade.c.id)).all()
    return [Grade(target.name, r.grade, r.rationale, r.actor, r.at) for r in rows]


def current_grades(ledger: Ledger, resolver: Resolver) -> dict[str, Grade]:
    """The latest grade of every graded source, by canonical name."""
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(a.source_grade).order_by(a.source_grade.c.id)).all()
    grades: dict[str, Grade] = {}
    for r in rows:
        if r.source_id in resolver.by_id:
            name = resolver._final(r.source_id).name
            grades[name] = Grade(name, r.grade, r.rationale, r.actor, r.at)
    return grades


def _names(names: Iterable[str]) -> str:
    return "; ".join(names)


def credibility(support: list[str], contra: list[str], *, only_anonymous: bool = False,
                circular: bool = False, reasons: Iterable[str] = ()) -> tuple[int, str]:
    """Credibility 1–6 from the independent origins that support and contradict a claim."""
    n_support, n_contra = len(support), len(contra)
    first_reason = next(iter(reasons), "")
    against = f"; contradicted by {n_contra} independent origin(s): {_names(contra)}" if contra else ""
    if first_reason:
        against += f" ({first_reason})"
    if contra:
        if n_support > n_contra:
            return 3, f"possibly true: supported by {n_support} independent origins: {_names(support)}{against}"
        return 5, f"improbable: supported by {n_support} origin(s): {_names(support)}{against}"
    if n_support >= 3:
        return 1, f"confirmed by {n_support} independent origins: {_names(support)}"
    if n_support == 2:
        return 2, f"probably true: corroborated by 2 independent origins: {_names(support)}"
    if circular:
        return 4, f"doubtful: the only origin is circular or amplified reporting ({_names(support)})"
    if only_anonymous:
        return 6, f"cannot be judged: the only origin is an unnamed source ({_names(support)})"
    return 3, f"possibly true: one origin only ({_names(support)}), not contradicted"


def apply_grades(ledger: Ledger, estimates: list[Estimate], resolver: Resolver) -> None:
    """Set each estimate's origin reliability and its computed credibility with the explanation."""
    grades = current_grades(ledger, resolver)
    by_id = {e.id: e for e in estimates}
    canonical, type_of = resolver.canonical, resolver.type_of
    for e in estimates:
        graded = grades.get(canonical(e.origin)) if grades else None
        e.reliability = graded.grade if graded else DEFAULT_GRADE
        # The origins of the contradicting estimates, each once, in order of first appearance (an
        # ordered set: linear however many contradictions an estimate has).
        against: dict[str, None] = {}
        for c in e.contradicts:
            other = by_id.get(c.other)
            if other is not None:
                for name in other.origin_names:
                    against[name] = None
        contra = list(against)
        support = [o for o in e.corroborating_origins if o not in against]
        only_anonymous = len(support) == 1 and type_of(support[0]) == "anonymous"
        e.credibility, e.credibility_explanation = credibility(
            support, contra, only_anonymous=only_anonymous, circular=bool(e.circular),
            reasons=(e.contradicts[0].reason,) if e.contradicts else ())
