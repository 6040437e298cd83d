"""Read-only queries across documents for browsing: pages of documents and
statements with filters and totals, facet counts, latest documents.

`Ledger` answers per-document questions; this module answers the ones a list
page or an API listing asks (filters, pagination, counts). It never writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from claimgraph.ledger import schema as t
from claimgraph.ledger.store import Ledger, _document
from claimgraph.model import Document

STATEMENT_DATE = {"figure": "as_of", "event": "when"}  # other kinds are dated by their document


@dataclass
class Page:
    """One page of a listing: the rows, the total that matched, and where this page starts."""

    rows: list[Any]
    total: int
    offset: int
    limit: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None


@dataclass
class StatementFilter:
    document_id: int | None = None
    source: str | None = None  # substring of the source (attributions) or of the chain (figures)
    category: str | None = None  # figures
    subject: str | None = None  # figures: subject; events: actor or target; items: kind
    place: str | None = None
    since: date | None = None
    until: date | None = None
    status: list[str] = field(default_factory=lambda: ["active"])


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def documents(ledger: Ledger, *, publisher: str | None = None, language: str | None = None,
              media_type: str | None = None, since: date | None = None, until: date | None = None,
              ids: list[int] | None = None, newest_first: bool = False, limit: int = 50,
              offset: int = 0) -> Page:
    d = t.document
    where = []
    if publisher:
        where.append(d.c.publisher == publisher)
    if language:
        where.append(d.c.language == language)
    if media_type:
        where.append(d.c.media_type == media_type)
    if since:
        where.append(d.c.published >= since)
    if until:
        where.append(d.c.published <= until)
    if ids is not None:
        where.append(d.c.id.in_(ids))
    order = d.c.id.desc() if newest_first else d.c.id
    with ledger.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(d).where(*where)).scalar_one()
        rows = conn.execute(select(d).where(*where).order_by(order).offset(offset).limit(limit)).all()
    return Page([_document(r) for r in rows], total, offset, limit)


def _statement_query(kind: str, flt: StatementFilter) -> Select:
    table = t.STATEMENT_TABLES[kind]
    d = t.document
    query = (select(table, d.c.title.label("document_title"), d.c.publisher.label("document_publisher"),
                    d.c.published.label("document_published"))
             .join(d, d.c.id == table.c.document_id)
             .where(table.c.status.in_(flt.status)))
    if flt.document_id is not None:
        query = query.where(table.c.document_id == flt.document_id)
    if flt.source:
        pattern = _like(flt.source)
        if kind == "attribution":
            query = query.where(or_(table.c.source_name.ilike(pattern, escape="\\"),
                                    table.c.source_text.ilike(pattern, escape="\\")))
        elif kind == "figure":
            query = query.where(or_(table.c.origin.ilike(pattern, escape="\\"),
                                    func.coalesce(d.c.publisher, "").ilike(pattern, escape="\\")))
        else:
            query = query.where(d.c.publisher.ilike(pattern, escape="\\"))
    if flt.category and kind == "figure":
        query = query.where(table.c.category == flt.category)
    if flt.subject:
        pattern = _like(flt.subject)
        column = {"figure": [table.c.subject], "event": [table.c.actor, table.c.target, table.c.action],
                  "recovered_item": [table.c.kind], "mention": [table.c.text, table.c.normalized],
                  "attribution": [table.c.text], "hedge": [table.c.text]}[kind]
        query = query.where(or_(*(c.ilike(pattern, escape="\\") for c in column)))
    if flt.place and "place" in table.c:
        query = query.where(table.c.place.ilike(_like(flt.place), escape="\\"))
    dated: ColumnElement[Any] = d.c.published
    if kind in STATEMENT_DATE:
        dated = func.coalesce(table.c[STATEMENT_DATE[kind]], d.c.published)
    if flt.since:
        query = query.where(dated >= flt.since)
    if flt.until:
        query = query.where(dated <= flt.until)
    return query


def statements(ledger: Ledger, kind: str, flt: StatementFilter | None = None, *, limit: int = 50,
               offset: int = 0) -> Page:
    """Statements of one kind across documents, oldest document first, with their document's title."""
    flt = flt or StatementFilter()
    if kind not in t.STATEMENT_TABLES:
        from claimgraph.errors import LedgerError

        raise LedgerError(f"unknown statement kind {kind!r}", subject="statements",
                          fix=f"choose among {', '.join(t.STATEMENT_TABLES)}")
    table = t.STATEMENT_TABLES[kind]
    query = _statement_query(kind, flt)
    with ledger.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = conn.execute(query.order_by(table.c.document_id, table.c.start, table.c.id)
                            .offset(offset).limit(limit)).all()
    return Page([dict(r._mapping) for r in rows], total, offset, limit)


def facet(ledger: Ledger, column: str, *, ids: list[int] | None = None, limit: int = 30) -> list[tuple[str, int]]:
    """Counts of documents by one document column (publisher, language, media_type), largest first."""
    d = t.document
    col = d.c[column]
    query = select(col, func.count()).where(col.is_not(None)).group_by(col).order_by(func.count().desc(), col)
    if ids is not None:
        query = query.where(d.c.id.in_(ids))
    with ledger.engine.connect() as conn:
        return [(str(v), n) for v, n in conn.execute(query.limit(limit))]


def statement_facet(ledger: Ledger, kind: str, column: str, *, ids: list[int] | None = None,
                    limit: int = 30) -> list[tuple[str, int]]:
    """Counts of active statements of `kind` by `column` (a figure's category, an attribution's source)."""
    table = t.STATEMENT_TABLES[kind]
    col = table.c[column]
    query = (select(col, func.count()).where(col.is_not(None), table.c.status == "active")
             .group_by(col).order_by(func.count().desc(), col))
    if ids is not None:
        query = query.where(table.c.document_id.in_(ids))
    with ledger.engine.connect() as conn:
        return [(str(v), n) for v, n in conn.execute(query.limit(limit))]


def year_facet(ledger: Ledger, *, ids: list[int] | None = None) -> list[tuple[str, int]]:
    d = t.document
    with ledger.engine.connect() as conn:
        query = select(d.c.published).where(d.c.published.is_not(None))
        if ids is not None:
            query = query.where(d.c.id.in_(ids))
        years: dict[str, int] = {}
        for (published,) in conn.execute(query):
            years[str(published)[:4]] = years.get(str(published)[:4], 0) + 1
    return sorted(years.items(), reverse=True)


def documents_with_statement(ledger: Ledger, kind: str, column: str, value: str) -> set[int]:
    table = t.STATEMENT_TABLES[kind]
    with ledger.engine.connect() as conn:
        return {r[0] for r in conn.execute(select(table.c.document_id).where(
            and_(table.c[column] == value, table.c.status == "active")).distinct())}


def custody(ledger: Ledger, *, document_id: int | None = None, action: str | None = None, limit: int = 50,
            offset: int = 0, newest_first: bool = True) -> Page:
    c = t.custody_event
    where = []
    if document_id is not None:
        where.append(c.c.document_id == document_id)
    if action:
        where.append(c.c.action == action)
    with ledger.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(c).where(*where)).scalar_one()
        rows = conn.execute(select(c).where(*where).order_by(c.c.id.desc() if newest_first else c.c.id)
                            .offset(offset).limit(limit)).all()
    return Page([dict(r._mapping) for r in rows], total, offset, limit)


def item_documents(ledger: Ledger) -> dict[int, list[Document]]:
    """Documents that depict each physical item, by item id."""
    d = t.document
    found: dict[int, list[Document]] = {}
    with ledger.engine.connect() as conn:
        for row in conn.execute(select(d).where(d.c.item_id.is_not(None)).order_by(d.c.id)):
            found.setdefault(row.item_id, []).append(_document(row))
    return found
