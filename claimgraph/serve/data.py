"""What each page shows, as plain JSON-able data: the API returns it, the views render it.

Every page of the web UI is built from one function of this module, and its
JSON twin under /api/ returns the very same dict, so the UI and the API cannot
drift. Functions take a `Ledger` and parsed parameters; they know nothing of
HTTP requests, templates or HTML.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import date
from typing import Any

from claimgraph.cli.render import KINDS, attribution_chain
from claimgraph.ledger import Ledger, browse
from claimgraph.ledger.store import _jsonable
from claimgraph.model import Document
from claimgraph.serve import analysis
from claimgraph.serve.highlight import marks_for, pieces


def page_json(page: browse.Page, key: str, rows: list[Any]) -> dict[str, Any]:
    return {key: rows, "total": page.total, "offset": page.offset, "limit": page.limit,
            "next_offset": page.next_offset}


def document_summary(d: Document) -> dict[str, Any]:
    return {"id": d.id, "title": d.title or d.origin.rsplit("/", 1)[-1], "publisher": d.publisher,
            "author": d.author, "published": d.published, "language": d.language,
            "media_type": d.media_type, "origin": d.origin, "sha256": d.sha256, "size": d.size,
            "item_id": d.item_id, "ingested": d.ingested, "url": f"/documents/{d.id}"}


def documents(ledger: Ledger, *, publisher: str | None = None, language: str | None = None,
              media_type: str | None = None, since: date | None = None, until: date | None = None,
              limit: int = 50, offset: int = 0) -> dict[str, Any]:
    page = browse.documents(ledger, publisher=publisher, language=language, media_type=media_type,
                            since=since, until=until, limit=limit, offset=offset)
    result = page_json(page, "documents", [document_summary(d) for d in page.rows])
    result["facets"] = {"publisher": browse.facet(ledger, "publisher"), "language": browse.facet(ledger, "language"),
                        "media_type": browse.facet(ledger, "media_type")}
    return _jsonable(result)


def figure_row(row: dict[str, Any], resolved: Any = None) -> dict[str, Any]:
    keep = ("id", "document_id", "start", "end", "text", "value_low", "value_high", "qualifier", "category",
            "subject", "place", "as_of", "origin", "source_chain", "hedged", "status", "superseded_by",
            "extractor", "extractor_version", "attribution_id")
    found = {k: row.get(k) for k in keep}
    found["document_title"] = row.get("document_title")
    found["document_published"] = row.get("document_published")
    found["date"] = row.get("as_of") or row.get("document_published")
    found["url"] = f"/documents/{row['document_id']}#figure-{row['id']}"
    found["origin_canonical"] = analysis.canonical(resolved, row.get("origin"))
    found["origin_url"] = analysis.source_url(resolved, row.get("origin"))
    return found


def dashboard(ledger: Ledger) -> dict[str, Any]:
    latest = browse.documents(ledger, newest_first=True, limit=8)
    figures = browse.statements(ledger, "figure", limit=200)
    newest_figures = sorted(figures.rows, key=lambda r: r["id"], reverse=True)[:8]
    resolved = analysis.resolver(ledger)
    return _jsonable({
        "counts": ledger.counts(),
        "latest_documents": [document_summary(d) for d in latest.rows],
        "latest_figures": [figure_row(r, resolved) for r in newest_figures],
        "newest_contradictions": analysis.contradictions(ledger, limit=8),
        "analysis_available": analysis.available(),
    })


def _statement_rows(ledger: Ledger, document: Document) -> dict[str, list[dict[str, Any]]]:
    found = {kind: ledger.statements(document.id, kind, include_inactive=True) for kind in KINDS}
    for row in found["attribution"]:
        row["chain"] = attribution_chain(found["attribution"], row, document.publisher)
    resolved = analysis.resolver(ledger)
    for row in found["figure"]:
        row["origin_url"] = analysis.source_url(resolved, row.get("origin"))
    for row in found["attribution"]:
        row["source_url"] = analysis.source_url(resolved, row["source_name"] or row["source_text"])
    return found


def document_detail(ledger: Ledger, ref: str | int) -> dict[str, Any]:
    document = ledger.document(ref)
    found = _statement_rows(ledger, document)
    custody = ledger.custody(document.id)
    summary = document_summary(document)
    summary.update(text=document.text, final_url=document.final_url, locator=document.locator,
                   reader=f"{document.reader} {document.reader_version}", retrieved=document.retrieved,
                   language_confidence=document.language_confidence,
                   previous_version_id=document.previous_version_id, meta=document.meta)
    return _jsonable({
        "document": summary,
        "pages": [{"number": p.number, "start": p.start, "end": p.end, "method": p.method,
                   "ocr_confidence": p.ocr_confidence,
                   "low_confidence_words": sum(1 for w in p.words if w.confidence < 60)} for p in document.pages],
        "statements": found,
        "custody": [asdict(e) for e in custody],
        "original": {"sha256": document.sha256, "size": document.size, "media_type": document.media_type,
                     "url": f"/api/documents/{document.id}/original"},
    })


def document_pieces(ledger: Ledger, detail: dict[str, Any]) -> list[Any]:
    """The highlighted text of a document detail (for the HTML page only: it is presentation)."""
    document = ledger.document(detail["document"]["id"])
    return pieces(document.text, marks_for(detail["statements"], document.pages))


def figures(ledger: Ledger, flt: browse.StatementFilter, *, limit: int = 200, offset: int = 0) -> dict[str, Any]:
    page = browse.statements(ledger, "figure", flt, limit=limit, offset=offset)
    resolved = analysis.resolver(ledger)
    rows = [figure_row(r, resolved) for r in page.rows]
    result = page_json(page, "figures", rows)
    result["facets"] = {"category": browse.statement_facet(ledger, "figure", "category"),
                        "subject": browse.statement_facet(ledger, "figure", "subject"),
                        "place": browse.statement_facet(ledger, "figure", "place"),
                        "origin": browse.statement_facet(ledger, "figure", "origin")}
    return _jsonable(result)


def timeline(ledger: Ledger, flt: browse.StatementFilter) -> dict[str, Any]:
    """Figures as chart series: one per origin, each point an interval at its date."""
    page = browse.statements(ledger, "figure", flt, limit=5000)
    contradicted = analysis.contradicted_figure_ids(ledger)
    resolved = analysis.resolver(ledger)
    series: dict[str, list[dict[str, Any]]] = {}
    for row in page.rows:
        when = row.get("as_of") or row.get("document_published")
        if when is None or (row["value_low"] is None and row["value_high"] is None):
            continue
        low = row["value_low"] if row["value_low"] is not None else row["value_high"]
        high = row["value_high"] if row["value_high"] is not None else low
        origin = analysis.canonical(resolved, row.get("origin")) or row.get("document_publisher") or "unknown"
        series.setdefault(origin, []).append({
            "date": when, "low": low, "high": high, "value": (low + high) / 2, "figure_id": row["id"],
            "document_id": row["document_id"], "text": row["text"], "category": row["category"],
            "subject": row["subject"], "contradiction": row["id"] in contradicted,
            "url": f"/documents/{row['document_id']}#figure-{row['id']}"})
    return _jsonable({"series": [{"origin": k, "origin_url": analysis.source_url(resolved, k),
                                  "points": sorted(v, key=lambda p: str(p["date"]))}
                                 for k, v in sorted(series.items())],
                      "contradictions": sorted(contradicted)})


def figures_csv(ledger: Ledger, flt: browse.StatementFilter) -> str:
    rows = figures(ledger, flt, limit=100_000)["figures"]
    out = io.StringIO()
    columns = ["id", "document_id", "document_title", "date", "value_low", "value_high", "qualifier", "category",
               "subject", "place", "origin", "source_chain", "hedged", "text"]
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        values = []
        for c in columns:
            value = row.get(c)
            if c == "source_chain":
                value = " > ".join(value or [])
            value = "" if value is None else str(value)
            if value[:1] in ("=", "+", "-", "@") and c not in ("value_low", "value_high"):
                value = "'" + value  # no formula injection when opened in a spreadsheet
            values.append(value)
        writer.writerow(values)
    return out.getvalue()


def statements(ledger: Ledger, kind: str, flt: browse.StatementFilter, *, limit: int = 50,
               offset: int = 0) -> dict[str, Any]:
    page = browse.statements(ledger, kind, flt, limit=limit, offset=offset)
    rows = page.rows
    if kind == "attribution":
        by_doc: dict[int, list[dict[str, Any]]] = {}
        for row in rows:
            if row["document_id"] not in by_doc:
                by_doc[row["document_id"]] = ledger.statements(row["document_id"], "attribution",
                                                               include_inactive=True)
            row["chain"] = attribution_chain(by_doc[row["document_id"]], row, row.get("document_publisher"))
    return _jsonable(page_json(page, "statements", rows) | {"kind": kind})


def search(ledger: Ledger, q: str, *, publisher: str | None = None, language: str | None = None,
           year: str | None = None, source: str | None = None, category: str | None = None,
           limit: int = 50) -> dict[str, Any]:
    hits = ledger.search(q, limit=500) if q.strip() else []
    ids = [h.document_id for h in hits]
    docs = {d.id: d for d in browse.documents(ledger, ids=ids, limit=len(ids) or 1).rows} if ids else {}
    keep = set(ids)
    if publisher:
        keep &= {i for i, d in docs.items() if d.publisher == publisher}
    if language:
        keep &= {i for i, d in docs.items() if d.language == language}
    if year:
        keep &= {i for i, d in docs.items() if d.published and str(d.published)[:4] == year}
    if source:
        keep &= browse.documents_with_statement(ledger, "attribution", "source_name", source)
    if category:
        keep &= browse.documents_with_statement(ledger, "figure", "category", category)
    rows = [{"document_id": h.document_id, "title": h.title or docs[h.document_id].origin.rsplit("/", 1)[-1],
             "snippet": h.snippet, "rank": h.rank, "publisher": docs[h.document_id].publisher,
             "published": docs[h.document_id].published, "language": docs[h.document_id].language,
             "url": f"/documents/{h.document_id}"} for h in hits if h.document_id in keep][:limit]
    facets = {}
    if ids:
        facets = {"publisher": browse.facet(ledger, "publisher", ids=ids),
                  "language": browse.facet(ledger, "language", ids=ids),
                  "year": browse.year_facet(ledger, ids=ids),
                  "source": browse.statement_facet(ledger, "attribution", "source_name", ids=ids),
                  "category": browse.statement_facet(ledger, "figure", "category", ids=ids)}
    return _jsonable({"query": q, "hits": rows, "total": len(rows), "facets": facets,
                      "selected": {"publisher": publisher, "language": language, "year": year, "source": source,
                                   "category": category}})


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a search snippet with [matches] into (text, is_match) parts, for escaping-safe rendering."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while "[" in rest and "]" in rest.split("[", 1)[1]:
        before, after = rest.split("[", 1)
        match, rest = after.split("]", 1)
        parts += [(before, False), (match, True)]
    parts.append((rest, False))
    return [p for p in parts if p[0]]


def items(ledger: Ledger) -> dict[str, Any]:
    by_item = browse.item_documents(ledger)
    rows = []
    for item in ledger.items():
        docs = by_item.get(item.id or 0, [])
        rows.append({**asdict(item), "documents": [document_summary(d) for d in docs],
                     "photos": [document_summary(d) for d in docs if d.media_type.startswith("image/")],
                     "custody": [asdict(e) for e in ledger.custody(item_id=item.id)]})
    return _jsonable({"items": rows, "total": len(rows)})


def custody(ledger: Ledger, *, document_id: int | None = None, action: str | None = None, limit: int = 50,
            offset: int = 0) -> dict[str, Any]:
    page = browse.custody(ledger, document_id=document_id, action=action, limit=limit, offset=offset)
    return _jsonable(page_json(page, "events", page.rows))
