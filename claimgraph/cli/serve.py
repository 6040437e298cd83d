"""Commands for the web server: `serve`, and `token create|list|revoke` for its API tokens.

Thin over `claimgraph.serve`: the app factory and the token functions do the work.
"""

from __future__ import annotations

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


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback requires API tokens (claimgraph token create).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--max-upload", default=50 * 1024 * 1024, show_default=True, type=click.IntRange(1024),
              help="Largest request body accepted (uploads), in bytes.")
@click.option("--require-tokens", is_flag=True,
              help="Ask loopback clients for a token too (off loopback tokens are always required).")
@click.option("--allow-private-urls", is_flag=True,
              help="Let URL uploads fetch loopback and private-network addresses (refused by default).")
@db_option
@fail_on_errors
def serve(host: str, port: int, max_upload: int, require_tokens: bool, allow_private_urls: bool, db: str) -> None:
    """Serve the web UI and the JSON API (/api/, docs at /api/docs) for the ledger."""
    import uvicorn

    from claimgraph.serve.app import create_app

    app = create_app(db, host=host, max_upload=max_upload, require_tokens=require_tokens or None,
                     allow_private_urls=allow_private_urls)
    shown = f"[{host}]" if ":" in host else host
    err(f"claimgraph: serving {db} on http://{shown}:{port}/ (API docs: /api/docs); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)


@click.group()
def token() -> None:
    """API tokens for `claimgraph serve` (stored hashed; the secret is shown once)."""


@token.command("create")
@click.argument("name")
@click.option("--read-only", is_flag=True, help="The token may read but never change anything.")
@json_option
@db_option
@fail_on_errors
def token_create(name: str, read_only: bool, as_json: bool, db: str) -> None:
    """Create a token called NAME and print its secret (once: only its hash is kept)."""
    from claimgraph.serve.security import create_token

    with open_db(db) as ledger:
        secret, info = create_token(ledger, name, read_only=read_only)
    if as_json:
        emit_json({"id": info.id, "name": info.name, "read_only": info.read_only, "token": secret})
        return
    click.echo(secret)
    err(f"token {info.id} '{info.name}'{' (read-only)' if info.read_only else ''} created; "
        "copy it now, it is not shown again")


@token.command("list")
@json_option
@db_option
@fail_on_errors
def token_list(as_json: bool, db: str) -> None:
    """List tokens (never their secrets)."""
    from claimgraph.serve.security import list_tokens

    with open_db(db) as ledger:
        tokens = list_tokens(ledger)
    if as_json:
        emit_ndjson({"id": t.id, "name": t.name, "prefix": t.prefix, "read_only": t.read_only,
                     "created": t.created, "revoked": t.revoked} for t in tokens)
        return
    for t in tokens:
        state = f"revoked {t.revoked:%Y-%m-%d}" if t.revoked else "active"
        click.echo(f"{t.id}\t{t.name}\t{t.prefix}…\t{'read-only' if t.read_only else 'read-write'}\t{state}")


@token.command("revoke")
@click.argument("ref")
@db_option
@fail_on_errors
def token_revoke(ref: str, db: str) -> None:
    """Revoke the token(s) with this name, id or secret prefix."""
    from claimgraph.serve.security import revoke_token

    with open_db(db) as ledger:
        revoked = revoke_token(ledger, ref)
    for t in revoked:
        err(f"token {t.id} '{t.name}' revoked")


COMMANDS = [serve, token]
