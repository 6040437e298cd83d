"""The `extract` command: run the extractors again over stored documents."""

from __future__ import annotations

import sys

import click

from claimgraph.cli.options import db_option, emit_json, err, fail_on_errors, json_option, open_db


@click.command()
@click.argument("docs", nargs=-1)
@click.option("--all", "all_docs", is_flag=True, help="Every document in the ledger.")
@click.option("--only", multiple=True, help="Run only these extractors (repeatable).")
@json_option
@db_option
@fail_on_errors
def extract(docs: tuple[str, ...], all_docs: bool, only: tuple[str, ...], as_json: bool, db: str) -> None:
    """Extract statements from stored documents; earlier statements are kept as superseded."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.extract.base import Context
    from claimgraph.extract.pipeline import build, run, versions

    if not docs and not all_docs:
        raise click.UsageError("name documents or give --all")
    extractors = build(tuple(only) or None)
    failed = 0
    with open_db(db) as ledger:
        ids = list(ledger.iter_document_ids()) if all_docs else [ledger.resolve(d) for d in docs]
        for doc_id in ids:
            document = ledger.document(doc_id)
            try:
                found = run(Context(text=document.text, publisher=document.publisher,
                                    published=document.published, language=document.language,
                                    title=document.title), extractors)
                count = ledger.store_extraction(doc_id, found, versions(extractors))
            except ClaimgraphError as exc:
                failed += 1
                err(f"error: document {doc_id}: {exc.line()}")
                continue
            if as_json:
                emit_json({"document_id": doc_id, "statements": count})
            else:
                err(f"document {doc_id}: {count} statements")
    if failed:
        sys.exit(1)


COMMANDS = (extract,)
