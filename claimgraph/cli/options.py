"""Option decorators and output helpers shared by every command."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from claimgraph.errors import ClaimgraphError
from claimgraph.ledger.store import _jsonable

db_option = click.option(
    "--db", envvar="CLAIMGRAPH_DB", default="claimgraph.db", show_default=True,
    help="Ledger: a SQLite file path or a postgresql://user@host/dbname URL (env CLAIMGRAPH_DB).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON (NDJSON for lists) on stdout.")


def open_db(db: str):
    from claimgraph.ledger import open_ledger

    return open_ledger(db)


def emit_json(value: Any) -> None:
    click.echo(json.dumps(_jsonable(value), ensure_ascii=False))


def emit_ndjson(rows: Iterable[Any]) -> None:
    for row in rows:
        emit_json(row)


def err(message: str) -> None:
    click.echo(message, err=True)


def fail_on_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a ClaimgraphError into one line on stderr and exit status 1."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as exc:
            err(f"error: {exc.line()}")
            sys.exit(1)

    return wrapper
