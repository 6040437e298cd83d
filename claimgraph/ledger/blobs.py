"""Content-addressed storage of original bytes, never modified once written.

SQLite ledgers keep originals as read-only files in a folder beside the
database (`<name>.originals/ab/abcdef…`); PostgreSQL ledgers keep them in the
`original` table. Reads are verified against the hash, so a tampered or
damaged original is reported, never returned silently.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, select

from claimgraph.errors import LedgerError, NotFound
from claimgraph.ledger.schema import original
from claimgraph.model import sha256_hex


class BlobStore(Protocol):
    def put(self, conn: Connection, sha256: str, data: bytes) -> None: ...

    def get(self, conn: Connection, sha256: str) -> bytes: ...


def verified(sha256: str, data: bytes, where: str) -> bytes:
    if sha256_hex(data) != sha256:
        raise LedgerError("original does not match its sha256: it was altered or damaged",
                          subject=where, fix="restore the original from a backup; the ledger keeps its hash")
    return data


class DiskBlobs:
    """Originals as read-only files under `root`, named by their sha256."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, conn: Connection, sha256: str, data: bytes) -> None:
        target = self.path(sha256)
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write to a temporary file and rename, so a crash never leaves half an original.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, conn: Connection, sha256: str) -> bytes:
        target = self.path(sha256)
        try:
            data = target.read_bytes()
        except FileNotFoundError as exc:
            raise NotFound("original file is missing", subject=str(target),
                           fix="restore the originals folder beside the database") from exc
        return verified(sha256, data, str(target))


class TableBlobs:
    """Originals in the `original.content` column (PostgreSQL)."""

    def put(self, conn: Connection, sha256: str, data: bytes) -> None:
        # The row itself is written by the ledger together with the content.
        return None

    def get(self, conn: Connection, sha256: str) -> bytes:
        row = conn.execute(select(original.c.content).where(original.c.sha256 == sha256)).first()
        if row is None or row.content is None:
            raise NotFound("original not stored", subject=sha256, fix="re-ingest the file")
        return verified(sha256, bytes(row.content), f"original {sha256[:12]}")
