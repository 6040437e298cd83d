"""The ledger: documents, originals, custody log and statements in SQLite or PostgreSQL."""

from claimgraph.ledger.store import (
    IngestOutcome,
    Ledger,
    SearchHit,
    database_url,
    default_actor,
    open_ledger,
)

__all__ = ["IngestOutcome", "Ledger", "SearchHit", "database_url", "default_actor", "open_ledger"]
