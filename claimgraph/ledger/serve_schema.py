"""Tables the web server needs beside the ledger proper: API tokens.

Only the hash of a token is stored (sha256 of the secret), never the secret
itself; a revoked token keeps its row so the record of who could write stays.
This module defines tables only: creating and checking tokens lives in
`claimgraph.serve.security`, and the table is created by migration 0003.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, String, Table, Text

from claimgraph.ledger.schema import metadata

api_token = Table(
    "api_token", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("prefix", String(12), nullable=False),  # first characters, to tell tokens apart in listings
    Column("read_only", Boolean, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("revoked", DateTime(timezone=True)),
    Index("ix_api_token_name", "name"),
)
