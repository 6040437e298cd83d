"""Analyst corrections to extracted statements, each one a custody event.

An extraction row is never edited or deleted: rejecting a statement marks it
`rejected`; fixing a field (a figure's category, a figure's origin, an
attribution's source) writes a corrected copy made by the extractor "analyst"
and marks the original `superseded`, pointing at the copy. Every correction
appends one `correct` event to the custody log with the old and new values and
the analyst's reason. This module knows the statement tables; it knows nothing
of HTTP or the CLI.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from claimgraph import __version__
from claimgraph.errors import LedgerError, NotFound
from claimgraph.ledger import schema as t
from claimgraph.ledger.store import Ledger, default_actor, now
from claimgraph.model.vocab import load_vocab

ANALYST = "analyst"


def figure_categories() -> list[str]:
    return list(load_vocab("categories")["categories"])


def _table(kind: str) -> t.Table:
    table = t.STATEMENT_TABLES.get(kind)
    if table is None:
        raise LedgerError(f"unknown statement kind {kind!r}", subject="correction",
                          fix=f"choose among {', '.join(t.STATEMENT_TABLES)}")
    return table


def _active_row(conn: Connection, kind: str, statement_id: int) -> dict[str, Any]:
    table = _table(kind)
    row = conn.execute(select(table).where(table.c.id == statement_id)).first()
    if row is None:
        raise NotFound(f"no {kind} statement with this id", subject=f"{kind} {statement_id}",
                       fix="list a document's statements with `claimgraph show ID --statements`")
    found = dict(row._mapping)
    if found["status"] != "active":
        raise LedgerError(f"this {kind} is already {found['status']}", subject=f"{kind} {statement_id}",
                          fix="correct the statement that replaced it" + (
                              f" ({kind} {found['superseded_by']})" if found["superseded_by"] else ""))
    return found


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise LedgerError("a correction needs a reason", subject="correction",
                          fix="say in a few words why the extraction is wrong")
    return reason[:2000]


def _supersede(conn: Connection, kind: str, old: dict[str, Any], changes: dict[str, Any]) -> int:
    """Insert a corrected copy of `old` with `changes`, mark `old` superseded; return the copy's id."""
    table = _table(kind)
    copy = {k: v for k, v in old.items() if k not in ("id", "superseded_by")}
    value = dict(copy.get("value") or {})
    value["corrects"] = old["id"]
    copy.update(changes, value=value, status="active", extractor=ANALYST, extractor_version=__version__,
                created=now())
    new_id = conn.execute(insert(table).values(**copy)).inserted_primary_key[0]
    conn.execute(update(table).where(table.c.id == old["id"]).values(status="superseded", superseded_by=new_id))
    return new_id


def reject_statement(ledger: Ledger, kind: str, statement_id: int, *, reason: str,
                     actor: str | None = None) -> dict[str, Any]:
    """Mark one statement rejected (kept, no longer active); return the custody event's detail."""
    reason = _reason(reason)
    table = _table(kind)
    with ledger.engine.begin() as conn:
        old = _active_row(conn, kind, statement_id)
        conn.execute(update(table).where(table.c.id == statement_id).values(status="rejected"))
        detail = {"correction": "reject", "kind": kind, "statement_id": statement_id, "text": old["text"],
                  "reason": reason}
        ledger._log(conn, "correct", actor or default_actor(), document_id=old["document_id"], detail=detail)
    return detail


def correct_figure_category(ledger: Ledger, figure_id: int, category: str, *, reason: str,
                            actor: str | None = None) -> dict[str, Any]:
    """Replace a figure's category with the analyst's; the extracted row stays, superseded."""
    reason = _reason(reason)
    allowed = figure_categories()
    if category not in allowed:
        raise LedgerError(f"unknown figure category {category!r}", subject=f"figure {figure_id}",
                          fix=f"choose among {', '.join(allowed)}")
    with ledger.engine.begin() as conn:
        old = _active_row(conn, "figure", figure_id)
        new_id = _supersede(conn, "figure", old, {"category": category})
        detail = {"correction": "figure-category", "kind": "figure", "statement_id": figure_id,
                  "new_statement_id": new_id, "field": "category", "old": old["category"], "new": category,
                  "reason": reason}
        ledger._log(conn, "correct", actor or default_actor(), document_id=old["document_id"], detail=detail)
    return detail


def correct_figure_origin(ledger: Ledger, figure_id: int, origin: str, *, reason: str,
                          actor: str | None = None) -> dict[str, Any]:
    """Relink a figure to the source it really comes from (the innermost link of its chain)."""
    reason = _reason(reason)
    origin = origin.strip()
    if not origin:
        raise LedgerError("the new origin is empty", subject=f"figure {figure_id}", fix="give the source's name")
    with ledger.engine.begin() as conn:
        old = _active_row(conn, "figure", figure_id)
        chain = list(old["source_chain"] or [])
        chain = chain[:-1] + [origin] if len(chain) > 1 else [*chain, origin]
        new_id = _supersede(conn, "figure", old, {"origin": origin, "source_chain": chain})
        detail = {"correction": "figure-origin", "kind": "figure", "statement_id": figure_id,
                  "new_statement_id": new_id, "field": "origin", "old": old["origin"], "new": origin,
                  "reason": reason}
        ledger._log(conn, "correct", actor or default_actor(), document_id=old["document_id"], detail=detail)
    return detail


def correct_attribution_source(ledger: Ledger, attribution_id: int, source_name: str, *, reason: str,
                               actor: str | None = None) -> dict[str, Any]:
    """Fix who an attribution's source is; statements hanging off it follow the corrected copy.

    Figures attributed to it are superseded too (their chain ends with the
    corrected source); inner attributions, hedges, events and items are
    relinked to the copy, and the relinked ids are listed in the custody event.
    """
    reason = _reason(reason)
    source_name = source_name.strip()
    if not source_name:
        raise LedgerError("the new source is empty", subject=f"attribution {attribution_id}",
                          fix="give the source's name")
    with ledger.engine.begin() as conn:
        old = _active_row(conn, "attribution", attribution_id)
        new_id = _supersede(conn, "attribution", old, {"source_name": source_name})
        relinked: dict[str, list[int]] = {}
        for kind, column in (("attribution", "parent_id"), ("hedge", "holder_id"), ("event", "attribution_id"),
                             ("recovered_item", "attribution_id")):
            table = _table(kind)
            ids = [r.id for r in conn.execute(select(table.c.id).where(
                table.c[column] == attribution_id, table.c.status == "active"))]
            if ids:
                conn.execute(update(table).where(table.c.id.in_(ids)).values({column: new_id}))
                relinked[kind] = ids
        figures = []
        for row in conn.execute(select(t.figure).where(t.figure.c.attribution_id == attribution_id,
                                                       t.figure.c.status == "active")).all():
            figure = dict(row._mapping)
            chain = list(figure["source_chain"] or [])
            chain = chain[:-1] + [source_name] if len(chain) > 1 else [*chain, source_name]
            figures.append(_supersede(conn, "figure", figure, {
                "attribution_id": new_id, "source_chain": chain, "origin": source_name}))
        old_source = old["source_name"] or old["source_text"]
        detail = {"correction": "attribution-source", "kind": "attribution", "statement_id": attribution_id,
                  "new_statement_id": new_id, "field": "source", "old": old_source, "new": source_name,
                  "relinked": relinked, "figures_superseded": figures, "reason": reason}
        ledger._log(conn, "correct", actor or default_actor(), document_id=old["document_id"], detail=detail)
    return detail


def statement(ledger: Ledger, kind: str, statement_id: int) -> dict[str, Any]:
    """One statement row of any status."""
    table = _table(kind)
    with ledger.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == statement_id)).first()
    if row is None:
        raise NotFound(f"no {kind} statement with this id", subject=f"{kind} {statement_id}",
                       fix="list a document's statements first")
    return dict(row._mapping)
