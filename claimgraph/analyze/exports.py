"""Exports: the ledger's documents, statements, figure estimates and sources as JSON, CSV or
FollowTheMoney entities (for Aleph), each export logged as a custody event.

Builds plain rows from the library (timelines, claims, sources) and serializes them; FtM entities
are made and checked with the `followthemoney` package itself. Writes only where it is told to.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from claimgraph.analyze.chains import CitationGraph
from claimgraph.analyze.claims import read_statements
from claimgraph.analyze.grading import current_grades
from claimgraph.analyze.sources import PERSON_TYPES, Resolver, SourceBook
from claimgraph.analyze.timelines import Estimate, FigureQuery, figure_timeline, interval_text
from claimgraph.errors import LedgerError
from claimgraph.ledger import schema as t
from claimgraph.ledger.store import Ledger, _jsonable

FORMATS = ("json", "csv", "ftm")
FTM_SCHEMA_BY_TYPE = {"government": "PublicBody", "intelligence": "PublicBody", "military": "PublicBody",
                      "official": "Person", "lawmaker": "Person", "outlet": "Organization",
                      "wire": "Organization", "analyst": "Organization"}


@dataclass
class Bundle:
    documents: list[dict[str, Any]]
    statements: list[dict[str, Any]]
    figures: list[dict[str, Any]]
    sources: list[dict[str, Any]]


def collect(ledger: Ledger, *, book: SourceBook | None = None) -> tuple[Bundle, list[Estimate], Resolver]:
    book = book or SourceBook(ledger)
    resolver = book.resolver()
    with ledger.engine.connect() as conn:
        docs = [dict(r._mapping) for r in conn.execute(select(
            t.document.c.id, t.document.c.sha256, t.document.c.origin, t.document.c.final_url, t.document.c.title,
            t.document.c.publisher, t.document.c.published, t.document.c.language, t.document.c.media_type,
            t.document.c.size).order_by(t.document.c.id))]
    estimates = figure_timeline(ledger, FigureQuery(), resolver=resolver).estimates
    statements = [s.to_json() for s in read_statements(ledger, resolver, limit=10**9)]
    grades = current_grades(ledger, resolver)
    used = {name for e in estimates for chain in e.chains.values() for name in chain}
    used |= {name for s in statements for name in s["chain"]}
    sources = []
    for source in sorted(resolver.by_id.values(), key=lambda s: s.name):
        if source.merged_into:
            continue
        graded = grades.get(source.name)
        sources.append({"name": source.name, "type": source.type, "speaks_for": source.speaks_for,
                        "variants": sorted(set(source.variants)), "merged": source.merged,
                        "grade": graded.grade if graded else "F", "grade_rationale": graded.rationale if graded else None,
                        "in_ledger": source.name in used})
    known = {s["name"] for s in sources}
    for name in sorted(used - known):
        sources.append({"name": name, "type": resolver.type_of(name), "speaks_for": None, "variants": [],
                        "merged": [], "grade": "F", "grade_rationale": None, "in_ledger": True})
    return Bundle(docs, statements, [e.to_json() for e in estimates], sources), estimates, resolver


def to_json(bundle: Bundle) -> str:
    return json.dumps(_jsonable(bundle), ensure_ascii=False, indent=1)


def _cell(value: Any) -> Any:
    value = _jsonable(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def write_csv(bundle: Bundle, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in ("documents", "statements", "figures", "sources"):
        path = folder / f"{name}.csv"
        path.write_text(to_csv(getattr(bundle, name)), encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------- FollowTheMoney


def ftm_entities(bundle: Bundle, estimates: list[Estimate], resolver: Resolver,
                 graph: CitationGraph | None = None) -> Iterator[dict[str, Any]]:
    """Articles for documents, persons and bodies for sources, Documentation for who said what,
    Notes for figure estimates, UnknownLinks for citations and Memberships for spokespeople."""
    from followthemoney import model

    def make(schema: str, *key: Any) -> Any:
        proxy = model.make_entity(schema)
        proxy.make_id("claimgraph", schema, *[str(k) for k in key])
        return proxy

    articles: dict[int, Any] = {}
    for doc in bundle.documents:
        art = make("Article", doc["sha256"])
        art.add("title", doc["title"] or doc["origin"])
        art.add("publisher", doc["publisher"])
        art.add("publishedAt", _jsonable(doc["published"]))
        art.add("sourceUrl", doc["final_url"] or (doc["origin"] if "://" in doc["origin"] else None))
        art.add("fileName", None if "://" in doc["origin"] else Path(doc["origin"]).name)
        art.add("language", doc["language"])
        art.add("mimeType", doc["media_type"])
        art.add("fileSize", doc["size"])
        art.add("notes", f"sha256 {doc['sha256']}; claimgraph document {doc['id']}")
        articles[doc["id"]] = art
        yield art.to_dict()
    entities: dict[str, Any] = {}
    for source in bundle.sources:
        schema = FTM_SCHEMA_BY_TYPE.get(source["type"], "LegalEntity")
        entity = make(schema, source["name"])
        entity.add("name", source["name"])
        entity.add("alias", [v for v in source["variants"] if v != source["name"]])
        entity.add("description", f"{source['type']}; reliability {source['grade']}"
                   + (f" ({source['grade_rationale']})" if source["grade_rationale"] else ""))
        entities[source["name"]] = entity
    for source in bundle.sources:
        if source["speaks_for"] and source["speaks_for"] in entities and source["type"] in PERSON_TYPES:
            link = make("Membership", source["name"], source["speaks_for"])
            link.add("member", entities[source["name"]])
            link.add("organization", entities[source["speaks_for"]])
            link.add("role", "speaks for")
            yield link.to_dict()
    for entity in entities.values():
        yield entity.to_dict()
    for s in bundle.statements:
        speaker = s["chain"][-1] if s["chain"] else ""
        if speaker not in entities or s["document"] not in articles:
            continue
        said = make("Documentation", s["id"])
        said.add("document", articles[s["document"]])
        said.add("entity", entities[speaker])
        said.add("role", "attributed statement")
        said.add("summary", s["content"])
        said.add("description", "chain: " + " ← ".join(s["chain"]))
        yield said.to_dict()
    for e in estimates:
        if e.origin not in entities:
            continue
        note = make("Note", e.id)
        note.add("entity", entities[e.origin])
        note.add("name", f"{interval_text(e.value_low, e.value_high)} {e.category}: {e.subject}")
        note.add("description", (f"{e.qualifier} {interval_text(e.value_low, e.value_high)} {e.category} "
                                 f"({e.subject}; {e.place or 'place unknown'}; as of "
                                 f"{e.as_of or e.first_seen}); reports {e.reports}, outlets {len(e.outlets)}, "
                                 f"independent origins {e.origins}; credibility {e.credibility}: "
                                 f"{e.credibility_explanation}"))
        yield note.to_dict()
        for doc_id in e.documents:
            if doc_id in articles:
                link = make("Documentation", e.id, doc_id)
                link.add("document", articles[doc_id])
                link.add("entity", entities[e.origin])
                link.add("role", f"figure: {interval_text(e.value_low, e.value_high)} {e.category}")
                link.add("summary", " ← ".join(e.chains.get(doc_id, [])))
                yield link.to_dict()
    if graph is not None:
        for edge in graph.edges.values():
            if edge.cites in entities and edge.cited in entities:
                link = make("UnknownLink", edge.cites, edge.cited)
                link.add("subject", entities[edge.cites])
                link.add("object", entities[edge.cited])
                link.add("role", f"cites ({len(edge.documents)} document(s))")
                yield link.to_dict()


def validate_ftm(entities: list[dict[str, Any]]) -> list[str]:
    """Problems found by the followthemoney model: unknown schemata, values its types reject,
    values it would clean away (as `ftm validate` does), and references to entities not exported."""
    from followthemoney import model

    problems: list[str] = []
    ids = {e.get("id") for e in entities}
    for data in entities:
        try:
            # cleaned=False makes the model parse and clean every value, as `ftm validate` does.
            proxy = model.get_proxy(data, cleaned=False)
        except Exception as exc:  # noqa: BLE001 - the model raises InvalidData, KeyError and others
            problems.append(f"{data.get('id')}: {exc}")
            continue
        parsed = proxy.to_dict()["properties"]
        for name, values in (data.get("properties") or {}).items():
            kept = parsed.get(name, [])
            lost = [v for v in values if v not in kept]
            if lost:
                problems.append(f"{proxy.id}: {name}={lost!r} rejected by the followthemoney model")
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity" and value not in ids:
                problems.append(f"{proxy.id}: {prop.name} points at {value}, which is not exported")
    return problems


def export(ledger: Ledger, fmt: str, *, out: Path | None = None, actor: str | None = None) -> str | list[Path]:
    """Export the ledger's analysis in `fmt`; returns the text (no `out`) or the files written."""
    if fmt not in FORMATS:
        raise LedgerError(f"unknown export format {fmt!r}", subject="export", fix=f"use one of {', '.join(FORMATS)}")
    book = SourceBook(ledger)
    bundle, estimates, resolver = collect(ledger, book=book)
    written: str | list[Path]
    if fmt == "csv":
        if out is None:
            raise LedgerError("CSV export writes four files", subject="export",
                              fix="give a folder with --out")
        written = write_csv(bundle, out)
        count = sum(len(getattr(bundle, n)) for n in ("documents", "statements", "figures", "sources"))
    else:
        if fmt == "json":
            body = to_json(bundle)
            count = sum(len(getattr(bundle, n)) for n in ("documents", "statements", "figures", "sources"))
        else:
            entities = list(ftm_entities(bundle, estimates, resolver, CitationGraph.build(ledger, resolver)))
            problems = validate_ftm(entities)
            if problems:
                raise LedgerError(f"FollowTheMoney validation failed: {problems[0]}",
                                  subject=f"{len(problems)} problem(s)", fix="report this as a bug")
            body = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in entities)
            count = len(entities)
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(body, encoding="utf-8")
            written = [out]
        else:
            written = body
    ledger.log("export", {"format": fmt, "out": str(out) if out else "stdout", "records": count,
                          "documents": len(bundle.documents), "figures": len(bundle.figures),
                          "statements": len(bundle.statements), "sources": len(bundle.sources)}, actor=actor)
    return written
