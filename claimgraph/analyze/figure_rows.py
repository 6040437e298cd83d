"""Reading figure rows for a timeline query: the narrow `figure_key` rows of one subject and
category (migration 0004), with their chains parsed once per process and the subject of figures
that name no one taken from their document. Reads the ledger; builds no estimates (timelines.py).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce

from claimgraph.analyze.subjects import subject_missing
from claimgraph.ledger import analysis_schema
from claimgraph.ledger import schema as t
from claimgraph.ledger.store import Ledger

__all__ = ["FigureQuery", "FigureRow", "fill_subjects", "query_figures"]


@dataclass
class FigureQuery:
    subject: str | None = None  # substring of the subject, any case
    category: str | None = None
    place: str | None = None  # substring of the place
    since: date | None = None  # as-of date (publication date when unknown) on or after
    until: date | None = None
    origin: str | None = None  # canonical origin name
    limit: int | None = None


@dataclass(slots=True)
class FigureRow:
    id: int
    document_id: int
    value_low: float | None
    value_high: float | None
    qualifier: str
    category: str
    subject: str | None
    place: str | None
    as_of: date | None
    chain: list[str]
    hedged: bool
    publisher: str | None
    published: date | None
    subject_inferred: bool = False  # the subject is the document's (see fill_subjects)
    @property
    def when(self) -> date | None:
        return self.as_of or self.published


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def query_figures(ledger: Ledger, query: FigureQuery) -> list[FigureRow]:
    """Active figures matching `query`, in id order. A figure whose subject names no one
    (`subject_missing`) takes its document's subject (`fill_subjects`) before the subject text is
    matched.

    Reads `figure_key` only (one narrow row per active figure, with its document's publisher and
    date, kept by triggers; see analysis_schema.py): no join, no statement text or JSON value, and a
    subject's rows lie together under the key (category, subject, figure id)."""
    k = analysis_schema.figure_key
    # Dates come back raw (no SQLAlchemy result processing) and are parsed below: on large results
    # that processing was most of the query time. The column order is FigureRow's.
    stmt = select(k.c.figure_id, k.c.document_id, k.c.value_low, k.c.value_high, k.c.qualifier,
                  k.c.category, k.c.subject, k.c.place, type_coerce(k.c.as_of, String).label("as_of"),
                  k.c.chain, k.c.hedged, k.c.publisher,
                  type_coerce(k.c.published, String).label("published"))
    if query.category:
        stmt = stmt.where(k.c.category == query.category)
    if query.place:
        stmt = stmt.where(func.lower(k.c.place).like(_like(query.place.lower()), escape="\\"))
    if query.since:
        stmt = stmt.where(k.c.day >= query.since)
    if query.until:
        stmt = stmt.where(k.c.day <= query.until)
    if query.limit:
        stmt = stmt.order_by(k.c.figure_id).limit(query.limit)
    wanted = query.subject.casefold() if query.subject else None
    unnamed_asked = False  # whether a subject asked for names no one (only with a subject text)
    with ledger.engine.connect() as conn:
        _widen_page_cache(conn)
        if wanted is not None:
            # Match the text against the few distinct subjects first (the key's leading columns
            # alone), then fetch only the rows of the subjects that match, and of those that name
            # no one (they may take a matching subject from their document).
            distinct = select(k.c.category, k.c.subject).distinct()
            if query.category:
                distinct = distinct.where(k.c.category == query.category)
            subjects: dict[str, list[str]] = defaultdict(list)
            for category, subject in conn.execute(distinct):
                if not subject or wanted in subject.casefold() or subject_missing(subject):
                    subjects[category].append(subject)
                    unnamed_asked = unnamed_asked or subject_missing(subject)
            if not subjects:
                return []
            # One equality and one IN list per category: a seek into the key per subject.
            stmt = stmt.where(or_(*[and_(k.c.category == category, k.c.subject.in_(names))
                                    for category, names in subjects.items()]))
        # Reading the DB-API cursor directly skips SQLAlchemy's per-row wrapping; the columns
        # need no result processing (see the type_coerce above).
        raw_rows = list(conn.execute(stmt).cursor.fetchall())
        if not query.limit:
            # By figure id (unique, first): cheaper here than a sort in the database, and cheaper
            # on the id alone than on whole rows.
            raw_rows.sort(key=itemgetter(0))
        out = _rows(raw_rows)
        if wanted is not None and not unnamed_asked:
            return out  # every row's subject is one asked for above, and each names someone
        unnamed = {subject for subject in {row.subject for row in out} if subject_missing(subject)}
        missing = [row for row in out if row.subject in unnamed] if unnamed else []
        if missing:
            fill_subjects(conn, missing)
            if wanted is not None:
                out = [row for row in out if row.subject and wanted in row.subject.casefold()]
        return out


SQLITE_CACHE_KIB = 65536  # page cache of a connection that reads figures (SQLite's default: 2 MiB)


def _widen_page_cache(conn: Any) -> None:
    """Give a pooled SQLite connection a page cache that holds the figure rows a timeline reads:
    with the default 2 MiB, a large ledger's rows are read from the file again on every query
    (about a third of a broad query's SQL time). Once per connection; other databases untouched."""
    if conn.dialect.name != "sqlite":
        return
    info = conn.connection.info
    if info.get("claimgraph_cache_kib") != SQLITE_CACHE_KIB:
        conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        info["claimgraph_cache_kib"] = SQLITE_CACHE_KIB


# Parsed chains and dates, shared between queries: they repeat across rows and queries, rows only
# read them, and a process parses each once. Bounded: cleared when full.
_CHAINS: dict[str, list[str]] = {}
_DAYS: dict[Any, date | None] = {None: None}
_CACHE_LIMIT = 200_000


def _rows(raw_rows: list[Any]) -> list[FigureRow]:
    chains, days = _CHAINS, _DAYS
    if len(chains) > _CACHE_LIMIT:
        chains.clear()
    if len(days) > _CACHE_LIMIT:
        days.clear()
        days[None] = None
    out: list[FigureRow] = []
    append = out.append
    get_chain = chains.get
    unparsed: list[int] = []  # rows whose chain text is not parsed yet: it stands in for the chain
    for (fid, doc_id, low, high, qualifier, category, subject, place, as_of, raw, hedged, publisher,
         published) in raw_rows:
        chain = get_chain(raw)
        if chain is None:
            unparsed.append(len(out))
            chain = raw
        when = days.get(as_of, False)
        if when is False:
            when = days[as_of] = _day(as_of)
        day = days.get(published, False)
        if day is False:
            day = days[published] = _day(published)
        append(FigureRow(fid, doc_id, low, high, qualifier, category, subject or None, place, when, chain,  # type: ignore[arg-type]
                         bool(hedged), publisher, day))  # type: ignore[arg-type]
    if unparsed:  # parsed all at once (see _parse_chains), after the pass that found them
        _parse_chains({out[i].chain for i in unparsed}, chains)  # type: ignore[misc]
        for i in unparsed:
            row = out[i]
            row.chain = chains[row.chain]  # type: ignore[index]
    return out


def fill_subjects(conn: Any, rows: list[FigureRow]) -> None:
    """Give figures whose subject names no one ("deaths", "soldiers", none) their document's subject.

    The fallback is the subject the document gives most often to figures of the same category
    ("no fewer than 100 deaths" in a report on "at least 100 North Korean soldiers dead"); a
    figure with no subject at all, when its category has none, takes the document's most frequent
    subject over all its figures ("a toll of at least 300 dead" in a report on 12,000 North Korean
    troops). A generic subject such as "the death toll" is not widened past its category: a strike
    report's toll is not the troops the article is otherwise about. Rows changed get
    `subject_inferred`."""
    f = t.figure
    documents = sorted({row.document_id for row in rows})
    same: dict[tuple[int, str], dict[str, int]] = defaultdict(dict)
    overall: dict[int, dict[str, int]] = defaultdict(dict)
    for start in range(0, len(documents), 500):
        for doc_id, category, subject in conn.execute(
                select(f.c.document_id, f.c.category, f.c.subject).where(
                    f.c.status == "active", f.c.document_id.in_(documents[start:start + 500]),
                    f.c.subject.is_not(None)).order_by(f.c.id)):
            if subject_missing(subject):
                continue
            for tally in (same[(doc_id, category)], overall[doc_id]):
                tally[subject] = tally.get(subject, 0) + 1
    for row in rows:
        counts = same.get((row.document_id, row.category))
        if not counts and not (row.subject or "").strip():
            counts = overall.get(row.document_id)
        if counts:
            row.subject = max(counts, key=counts.__getitem__)  # the first seen among equals
            row.subject_inferred = True


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _parse_chains(texts: set[str], into: dict[str, list[str]]) -> None:
    """Parse chains (JSON text) into `into`, all in one call of the JSON parser: a parse per chain
    costs more in calls than in parsing when a fresh process meets a thousand of them."""
    if not texts:
        return
    ordered = list(texts)
    try:
        parsed = json.loads("[" + ",".join(ordered) + "]")
    except ValueError:  # one bad text: parse each alone, so the error names it
        parsed = [json.loads(text) for text in ordered]
    for text, chain in zip(ordered, parsed, strict=True):
        # A fresh list from the parser is kept as it is; copying it would cost a list per chain.
        into[text] = chain if type(chain) is list else list(chain) if chain is not None else []


# ---------------------------------------------------------------- estimates
