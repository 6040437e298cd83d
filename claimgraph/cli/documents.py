"""Commands over documents: ingest, docs, show, search, custody, item, demo."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from claimgraph.cli.options import (
    db_option,
    emit_json,
    emit_ndjson,
    err,
    fail_on_errors,
    json_option,
    open_db,
)
from claimgraph.cli.render import print_document, print_statements, statements_json
from claimgraph.ingest.base import Limits

DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from exc


def run_ingest(db: str, inputs: list[str], *, publisher: str | None = None, published: date | None = None,
               language: str | None = None, extract: bool = True, max_bytes: int | None = None,
               quiet: bool = False, strict: bool = False):
    """Ingest `inputs` with a progress bar on stderr; return the batch report."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from claimgraph.ingest.pipeline import Ingestor, Overrides, expand

    items = list(expand(inputs))
    limits = Limits(max_bytes=max_bytes) if max_bytes else Limits()
    console = Console(stderr=True, soft_wrap=True)
    with open_db(db) as ledger:
        ingestor = Ingestor(ledger, overrides=Overrides(publisher, published, language), limits=limits,
                            extract=extract, strict=strict)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console,
                      transient=True, disable=quiet or not console.is_terminal) as progress:
            task = progress.add_task("ingesting", total=len(items))

            def step(item: str, outcomes: list, failures: list) -> None:
                progress.advance(task)
                for outcome in outcomes:
                    if not quiet:
                        progress.console.print(outcome.message(), markup=False, highlight=False)
                for failure in failures:
                    progress.console.print(f"error: {failure.line}", markup=False, highlight=False)

            report = ingestor.ingest(items, progress=step)
    return report


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--publisher", help="Publisher for every document of this batch (overrides what readers find).")
@click.option("--published", callback=_date, help="Publication date YYYY-MM-DD for this batch.")
@click.option("--language", help="ISO 639-1 language for this batch (overrides detection).")
@click.option("--no-extract", is_flag=True, help="Store documents without running the extractors.")
@click.option("--max-bytes", type=int, help="Largest file or response accepted, in bytes (default 200 MB).")
@click.option("--strict", is_flag=True,
              help="Keep a document out of the ledger when an extractor fails on it (default: store it "
                   "without statements and log the failure).")
@json_option
@db_option
@fail_on_errors
def ingest(inputs: tuple[str, ...], publisher: str | None, published: date | None, language: str | None,
           no_extract: bool, max_bytes: int | None, strict: bool, as_json: bool, db: str) -> None:
    """Ingest files, directories (recursively) and URLs into the ledger."""
    report = run_ingest(db, list(inputs), publisher=publisher, published=published, language=language,
                        extract=not no_extract, max_bytes=max_bytes, quiet=as_json, strict=strict)
    if as_json:
        emit_ndjson({"status": o.status, "document_id": o.document_id, "sha256": o.sha256, "origin": o.origin,
                     "previous_version_id": o.previous_version_id, "statements": o.statements}
                    for o in report.outcomes)
    added = sum(o.status != "unchanged" for o in report.outcomes)
    err(f"{added} document(s) stored, {len(report.outcomes) - added} unchanged, {len(report.failures)} failed")
    if report.failures:
        sys.exit(1)


def _doc_row(d: Any) -> dict[str, Any]:
    return {"id": d.id, "sha256": d.sha256, "media_type": d.media_type, "language": d.language,
            "language_confidence": d.language_confidence, "publisher": d.publisher, "published": d.published,
            "title": d.title, "origin": d.origin, "locator": d.locator, "characters": len(d.text)}


@click.command()
@click.option("--publisher")
@click.option("--language")
@click.option("--limit", type=int)
@json_option
@db_option
@fail_on_errors
def docs(publisher: str | None, language: str | None, limit: int | None, as_json: bool, db: str) -> None:
    """List documents in the ledger."""
    with open_db(db) as ledger:
        rows = [_doc_row(d) for d in ledger.documents(publisher=publisher, language=language, limit=limit)]
    if as_json:
        emit_ndjson(rows)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("id", "kind", "lang", "publisher", "published", "title / origin", box=None)
    for r in rows:
        lang = f"{r['language'] or '?'} {r['language_confidence']:.2f}" if r["language_confidence"] else (r["language"] or "?")
        table.add_row(str(r["id"]), r["media_type"], lang, r["publisher"] or "", str(r["published"] or ""),
                      (r["title"] or Path(r["origin"]).name)[:70])
    Console(highlight=False).print(table)


@click.command()
@click.argument("doc")
@click.option("--original", is_flag=True, help="Write the exact original bytes to stdout (verified by hash).")
@click.option("--container", is_flag=True, help="With --original: the whole file the document came from.")
@click.option("--statements", is_flag=True, help="Show extracted statements: chains, hedges, figures, ...")
@json_option
@db_option
@fail_on_errors
def show(doc: str, original: bool, container: bool, statements: bool, as_json: bool, db: str) -> None:
    """Show one document (by id or sha256 prefix)."""
    with open_db(db) as ledger:
        if original:
            data = ledger.original(doc, container=container)
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        document = ledger.document(doc)
        found = statements_json(ledger, document) if statements or as_json else None
    if as_json:
        row = _doc_row(document) | {"text": document.text, "final_url": document.final_url,
                                    "author": document.author, "retrieved": document.retrieved,
                                    "previous_version_id": document.previous_version_id,
                                    "item_id": document.item_id,
                                    "pages": [{"number": p.number, "start": p.start, "end": p.end,
                                               "method": p.method, "ocr_confidence": p.ocr_confidence}
                                              for p in document.pages]}
        if statements:
            row["statements"] = found
        emit_json(row)
        return
    print_document(document, show_text=not statements)
    if statements:
        print_statements(document, found)


@click.command()
@click.argument("query")
@click.option("--limit", type=int, default=20, show_default=True)
@json_option
@db_option
@fail_on_errors
def search(query: str, limit: int, as_json: bool, db: str) -> None:
    """Full-text search over documents ("quoted words" form a phrase)."""
    with open_db(db) as ledger:
        hits = ledger.search(query, limit=limit)
    if as_json:
        emit_ndjson({"document_id": h.document_id, "title": h.title, "snippet": h.snippet, "rank": h.rank}
                    for h in hits)
        return
    for h in hits:
        click.echo(f"{h.document_id:>5}  {h.title or ''}\n       {' '.join(h.snippet.split())}")
    if not hits:
        err("no matches")


@click.command()
@click.argument("doc", required=False)
@click.option("--item", "item_id", type=int, help="Events of a physical item instead of a document.")
@json_option
@db_option
@fail_on_errors
def custody(doc: str | None, item_id: int | None, as_json: bool, db: str) -> None:
    """The custody log of a document (or an item, or the whole ledger)."""
    with open_db(db) as ledger:
        events = ledger.custody(doc, item_id=item_id)
    rows = [{"id": e.id, "at": e.at, "action": e.action, "actor": e.actor, "tool_version": e.tool_version,
             "document_id": e.document_id, "item_id": e.item_id, "detail": e.detail} for e in events]
    if as_json:
        emit_ndjson(rows)
        return
    for r in rows:
        target = f"doc {r['document_id']}" if r["document_id"] else f"item {r['item_id']}"
        summary = ", ".join(f"{k}={v}" for k, v in r["detail"].items() if v not in (None, "", []))
        click.echo(f"{r['at']:%Y-%m-%d %H:%M:%S}  {r['action']:<14} {target:<9} {r['actor']}  {summary}")


@click.group()
def item() -> None:
    """Physical items in custody (notebooks, phones, maps) and the documents that depict them."""


@item.command("register")
@click.argument("label")
@click.option("--description")
@click.option("--place", help="Where it was found.")
@click.option("--found", "found_date", callback=_date, help="When it was found, YYYY-MM-DD.")
@click.option("--by", "found_by", help="Who found or handed it over.")
@click.option("--document", "documents", multiple=True, help="A document (photo, scan) depicting it; repeatable.")
@json_option
@db_option
@fail_on_errors
def item_register(label: str, description: str | None, place: str | None, found_date: date | None,
                  found_by: str | None, documents: tuple[str, ...], as_json: bool, db: str) -> None:
    """Register a physical item and link the documents that depict it."""
    from claimgraph.model import PhysicalItem

    with open_db(db) as ledger:
        item_id = ledger.register_item(PhysicalItem(label, description, place, found_date, found_by),
                                       documents=list(documents))
    emit_json({"item_id": item_id}) if as_json else click.echo(f"registered item {item_id}: {label}")


@item.command("list")
@json_option
@db_option
@fail_on_errors
def item_list(as_json: bool, db: str) -> None:
    """List registered physical items."""
    with open_db(db) as ledger:
        rows = [{"id": i.id, "label": i.label, "description": i.description, "found_place": i.found_place,
                 "found_date": i.found_date, "found_by": i.found_by} for i in ledger.items()]
    if as_json:
        emit_ndjson(rows)
        return
    for r in rows:
        click.echo(f"{r['id']:>4}  {r['label']}  {r['found_place'] or ''} {r['found_date'] or ''} {r['found_by'] or ''}")


@click.command()
@json_option
@db_option
@fail_on_errors
def demo(as_json: bool, db: str) -> None:
    """Ingest the bundled demo corpus and print a summary of what was found."""
    from claimgraph.cli.render import demo_summary

    files = sorted(str(p) for p in DEMO_DIR.rglob("*")
                   if p.is_file() and p.suffix.lower() not in (".md", ".yaml"))
    report = run_ingest(db, files, quiet=True)
    for failure in report.failures:
        err(f"error: {failure.line}")
    with open_db(db) as ledger:
        _register_demo_items(ledger)
        summary = demo_summary(ledger)
    if as_json:
        emit_json(summary)
    else:
        from claimgraph.cli.render import print_summary

        print_summary(summary, db)
    if report.failures:
        sys.exit(1)


def _register_demo_items(ledger: Any) -> None:
    """Register the demo's physical items once, as parents of the files that depict them."""
    import yaml

    from claimgraph.model import PhysicalItem

    if ledger.items():
        return
    manifest = yaml.safe_load((DEMO_DIR / "custody.yaml").read_text(encoding="utf-8"))
    by_name = {Path(d.origin).name: d.id for d in ledger.documents()}
    for entry in manifest["items"]:
        documents = [by_name[name] for name in entry["depicted_in"] if name in by_name]
        ledger.register_item(PhysicalItem(entry["label"], entry.get("description"), entry.get("found_place"),
                                          entry.get("found_date"), entry.get("found_by")), documents=documents)


COMMANDS = (ingest, docs, show, search, custody, item, demo)
