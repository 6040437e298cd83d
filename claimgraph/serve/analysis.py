"""The web layer's view of the analysis package (`claimgraph.analyze`).

Sources, grades, citation graphs, estimates, clusters and contradictions come
from the analysis layer; this adapter is the only module of the server that
calls it, and shapes its results into the JSON the pages and the API share.
It computes no analysis of its own and writes only through the analysis
layer's functions (grades, aliases, merges), each a custody event there.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from claimgraph.errors import NotFound
from claimgraph.ledger import Ledger
from claimgraph.ledger.store import _jsonable


def available() -> bool:
    try:
        import claimgraph.analyze  # noqa: F401
    except ImportError:
        return False
    return True


def _book(ledger: Ledger) -> Any:
    from claimgraph.analyze.sources import SourceBook

    return SourceBook(ledger)


def resolver(ledger: Ledger) -> Any | None:
    if not available():
        return None
    return _book(ledger).resolver()


def source_url(resolved: Any | None, name: str | None) -> str | None:
    """The page of the canonical source behind `name` (by id when the book knows it, else by name)."""
    if not name:
        return None
    if resolved is not None:
        found = resolved.lookup(name)
        if found is not None:
            return f"/sources/{resolved._final(found.id).id}"
    return "/sources/by-name?name=" + quote(name, safe="")


def canonical(resolved: Any | None, name: str | None) -> str | None:
    if not name or resolved is None:
        return name
    return resolved.canonical(name)


# ---------------------------------------------------------------- sources


def _lookup(ledger: Ledger, ref: str) -> Any:
    resolved = resolver(ledger)
    if resolved is None:
        raise NotFound("the analysis layer is not installed", subject="sources",
                       fix="install claimgraph with its analysis package")
    if ref.isdigit():
        found = resolved.by_id.get(int(ref))
        if found is None:
            raise NotFound("no source with this id", subject=ref, fix="open sources from a figure or the list")
        return resolved._final(found.id)
    found = resolved.lookup(ref)
    return resolved._final(found.id) if found is not None else None


def sources(ledger: Ledger) -> dict[str, Any]:
    from claimgraph.analyze.grading import current_grades

    resolved = resolver(ledger)
    if resolved is None:
        return {"sources": [], "total": 0, "analysis_available": False}
    grades = current_grades(ledger, resolved)
    rows = [{"id": s.id, "name": s.name, "type": s.type, "grade": grades[s.name].grade if s.name in grades else "F",
             "speaks_for": s.speaks_for, "variants": len(set(s.variants)), "url": f"/sources/{s.id}"}
            for s in sorted(resolved.by_id.values(), key=lambda s: s.name.casefold()) if not s.merged_into]
    return {"sources": rows, "total": len(rows), "analysis_available": True}


def source_detail(ledger: Ledger, ref: str) -> dict[str, Any]:
    """One source: type, variants, grade with history, its figures and statements, who it cites and who cites it."""
    from claimgraph.analyze.chains import CitationGraph
    from claimgraph.analyze.grading import RELIABILITY, grade_history
    from claimgraph.ledger import browse

    source = _lookup(ledger, ref)  # raises when the analysis layer is missing
    resolved = _book(ledger).resolver()
    name = source.name if source is not None else " ".join(ref.split())
    names = {name, *(source.variants if source else [])}
    if source is not None:
        names |= {s.name for s in resolved.by_id.values() if resolved._final(s.id).id == source.id}
        names |= {v for s in resolved.by_id.values() if resolved._final(s.id).id == source.id for v in s.variants}
    graph = CitationGraph.build(ledger, resolved)
    history = grade_history(ledger, name) if source is not None else []
    figures = [r for r in browse.statements(ledger, "figure", limit=5000).rows
               if r["origin"] and canonical(resolved, r["origin"]) == name]
    said = [r for r in browse.statements(ledger, "attribution", limit=5000).rows
            if canonical(resolved, r["source_name"] or r["source_text"]) == name]
    return _jsonable({
        "id": source.id if source else None, "name": name, "in_book": source is not None,
        "type": source.type if source else resolved.type_of(name), "speaks_for": source.speaks_for if source else None,
        "variants": sorted(names - {name}), "merged": source.merged if source else [],
        "grade": history[-1].grade if history else "F",
        "grade_meaning": RELIABILITY[history[-1].grade if history else "F"],
        "grades": [g.to_json() for g in history], "grade_choices": RELIABILITY,
        "figures": [{"id": r["id"], "document_id": r["document_id"], "text": r["text"], "category": r["category"],
                     "subject": r["subject"], "value_low": r["value_low"], "value_high": r["value_high"],
                     "date": r["as_of"] or r["document_published"], "document_title": r["document_title"],
                     "url": f"/documents/{r['document_id']}#figure-{r['id']}"} for r in figures],
        "statements": [{"id": r["id"], "document_id": r["document_id"], "text": r["text"][:400],
                        "document_title": r["document_title"],
                        "url": f"/documents/{r['document_id']}#attribution-{r['id']}"} for r in said[:200]],
        "cites": [{"source": e.cited, "url": source_url(resolved, e.cited), "documents": sorted(e.documents)}
                  for e in graph.cites(name)],
        "cited_by": [{"source": e.cites, "url": source_url(resolved, e.cites), "documents": sorted(e.documents)}
                     for e in graph.cited_by(name)],
        "circular": [loop for loop in graph.loops() if name in loop],
    })


def grade(ledger: Ledger, ref: str, value: str, rationale: str, *, actor: str) -> dict[str, Any]:
    from claimgraph.analyze.grading import set_grade

    source = _lookup(ledger, ref)
    name = source.name if source is not None else " ".join(ref.split())
    graded = set_grade(ledger, name, value, rationale, actor=actor)
    found = _lookup(ledger, name)
    return _jsonable(graded.to_json() | {"source_id": found.id if found else None})


def alias(ledger: Ledger, ref: str, variant: str, *, actor: str) -> dict[str, Any]:
    source = _lookup(ledger, ref)
    name = source.name if source is not None else ref
    change = _book(ledger).alias(variant, name, actor=actor)
    return {"change": change, "source": name, "variant": variant}


def merge(ledger: Ledger, ref: str, into: str, *, actor: str) -> dict[str, Any]:
    source = _lookup(ledger, ref)
    name = source.name if source is not None else ref
    change = _book(ledger).merge(name, into, actor=actor)
    target = _lookup(ledger, into)
    return {"change": change, "source": name, "into": target.name if target else into,
            "into_id": target.id if target else None}


# ---------------------------------------------------------------- estimates


def estimates(ledger: Ledger, **query: Any) -> list[Any]:
    if not available():
        return []
    from claimgraph.analyze.timelines import FigureQuery, figure_timeline

    return figure_timeline(ledger, FigureQuery(**query)).estimates


def contradictions(ledger: Ledger, *, limit: int = 20) -> list[dict[str, Any]]:
    """Pairs of estimates that contradict each other, newest first."""
    found = estimates(ledger)
    by_id = {e.id: e for e in found}
    resolved = resolver(ledger)
    pairs: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for e in found:
        for c in e.contradicts:
            key = tuple(sorted((e.id, c.other)))
            other = by_id.get(c.other)
            if key in seen or other is None:
                continue
            seen.add(key)  # type: ignore[arg-type]
            pairs.append({"summary": c.reason, "when": max(str(e.when or ""), str(other.when or "")),
                          "figures": [_estimate_figure(x, resolved) for x in (e, other)]})
    pairs.sort(key=lambda p: p["when"], reverse=True)
    return _jsonable(pairs[:limit])


def _estimate_figure(e: Any, resolved: Any) -> dict[str, Any]:
    from claimgraph.analyze.timelines import interval_text

    return {"id": e.figure_ids[0] if e.figure_ids else None, "document_id": e.documents[0] if e.documents else None,
            "text": f"{interval_text(e.value_low, e.value_high)} {e.category} {e.subject or ''}".strip(),
            "origin": e.origin, "origin_url": source_url(resolved, e.origin), "estimate": e.id}


def contradicted_figure_ids(ledger: Ledger) -> set[int]:
    return {fid for e in estimates(ledger) if e.contradicts for fid in e.figure_ids}


def clusters(ledger: Ledger) -> dict[str, Any]:
    """Claim clusters: figures that agree (estimates grouped), and attributed statements grouped into claims."""
    if not available():
        return {"figure_clusters": [], "claims": [], "analysis_available": False}
    from claimgraph.analyze.claims import claims
    from claimgraph.analyze.clusters import cluster_json, figure_clusters

    found = figure_clusters(estimates(ledger))
    return _jsonable({"figure_clusters": [cluster_json(c, lambda e: e.to_json()) for c in found],
                      "claims": [c.to_json() for c in claims(ledger, limit=2000)[:200]],
                      "analysis_available": True})
