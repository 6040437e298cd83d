"""The `extract` command: run the extractors again over stored documents."""

from __future__ import annotations

import sys

import click

from claimgraph.cli.options import db_option, emit_json, err, fail_on_errors, json_option, open_db


@click.command()
@click.argument("docs", nargs=-1)
@click.option("--all", "all_docs", is_flag=True, help="Every document in the ledger.")
@click.option("--only", multiple=True, help="Run only these extractors (repeatable).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes to spread documents over.")
@json_option
@db_option
@fail_on_errors
def extract(docs: tuple[str, ...], all_docs: bool, only: tuple[str, ...], workers: int, as_json: bool,
            db: str) -> None:
    """Extract statements from stored documents; earlier statements are kept as superseded."""
    from claimgraph.errors import ClaimgraphError
    from claimgraph.extract.base import Context
    from claimgraph.extract.parallel import Workers
    from claimgraph.extract.pipeline import build, versions

    if not docs and not all_docs:
        raise click.UsageError("name documents or give --all")
    names = tuple(only) or None
    used = versions(build(names))
    failed = 0
    with open_db(db) as ledger:
        ids = list(ledger.iter_document_ids()) if all_docs else [ledger.resolve(d) for d in docs]
        documents = [ledger.document(doc_id) for doc_id in ids]
        documents = [d for d in documents if d.text.strip() and d.language in (None, "en")]
        contexts = (Context(text=d.text, publisher=d.publisher, published=d.published, language=d.language,
                            title=d.title) for d in documents)
        with Workers(workers, names) as pool:
            results = pool.map(contexts)
            for document in documents:
                try:
                    found = next(results)
                    count = ledger.store_extraction(document.id, found, used)
                except ClaimgraphError as exc:
                    failed += 1
                    err(f"error: document {document.id}: {exc.line()}")
                    continue
                if as_json:
                    emit_json({"document_id": document.id, "statements": count})
                else:
                    err(f"document {document.id}: {count} statements")
    if failed:
        sys.exit(1)


COMMANDS = (extract,)
