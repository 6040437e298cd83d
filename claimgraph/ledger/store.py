"""The ledger: one store interface over SQLite (default) and PostgreSQL.

Everything that reaches the ledger goes through `Ledger`: documents with
their originals and pages, the append-only custody log, physical items, and
extracted statements. Each write is one transaction, so a failure leaves
nothing half-written. This module knows SQL; it knows nothing of file formats,
NLP or the CLI.
"""

from __future__ import annotations

import dataclasses
import getpass
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select, text, update

from claimgraph import __version__
from claimgraph.errors import LedgerError, NotFound
from claimgraph.ledger import schema as t
from claimgraph.ledger.blobs import BlobStore, DiskBlobs, TableBlobs
from claimgraph.model import (
    CustodyEvent,
    Document,
    DocumentDraft,
    Extraction,
    OcrWord,
    Page,
    PhysicalItem,
    sha256_hex,
)

DEFAULT_DB = "claimgraph.db"


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user database entry (containers)
        return f"uid:{os.getuid()}"


def now() -> datetime:
    return datetime.now(UTC)


def database_url(db: str | None) -> str:
    """Turn a path or URL (or None: $CLAIMGRAPH_DB, then ./claimgraph.db) into a SQLAlchemy URL."""
    db = db or os.environ.get("CLAIMGRAPH_DB") or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


@dataclass
class IngestOutcome:
    """What happened to one draft: added, unchanged (same bytes already there) or a new version."""

    status: str
    document_id: int
    sha256: str
    origin: str
    previous_version_id: int | None = None
    statements: int = 0

    def message(self) -> str:
        if self.status == "unchanged":
            return f"{self.origin}: already in the ledger as document {self.document_id} (identical bytes); nothing to do"
        if self.status == "new-version":
            return (f"{self.origin}: new version, document {self.document_id} "
                    f"(supersedes {self.previous_version_id})")
        return f"{self.origin}: added as document {self.document_id}"


@dataclass
class SearchHit:
    document_id: int
    title: str | None
    snippet: str
    rank: float


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


class Ledger:
    """The store. Open one with `open_ledger()`; use it as a context manager to dispose of it."""

    def __init__(self, engine: Engine, blobs: BlobStore, url: str):
        self.engine = engine
        self.blobs = blobs
        self.url = url

    # ------------------------------------------------------------ lifecycle

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ documents

    def add(self, draft: DocumentDraft, *, actor: str | None = None,
            extraction: Extraction | None = None, extractor_versions: dict[str, str] | None = None,
            language_source: str = "detected") -> IngestOutcome:
        """Store `draft` with its original, pages, custody event and (optionally) statements, atomically."""
        actor = actor or default_actor()
        sha = draft.sha256
        with self.engine.begin() as conn:
            existing = conn.execute(select(t.document.c.id).where(t.document.c.sha256 == sha)).first()
            if existing is not None:
                return IngestOutcome("unchanged", existing.id, sha, draft.origin)
            previous = self._latest_version(conn, draft.origin, draft.locator)
            self._put_original(conn, draft.original, draft.media_type)
            container_sha = None
            if draft.container is not None:
                container_sha = sha256_hex(draft.container)
                self._put_original(conn, draft.container, draft.container_media_type or draft.media_type)
            stamp = now()
            doc_id = conn.execute(insert(t.document).values(
                sha256=sha, original_sha256=sha, container_sha256=container_sha, locator=draft.locator,
                media_type=draft.media_type, origin=draft.origin, final_url=draft.final_url,
                title=draft.title, author=draft.author, publisher=draft.publisher,
                published=draft.published, retrieved=draft.retrieved or stamp, ingested=stamp,
                language=draft.language, language_confidence=draft.language_confidence,
                language_source=language_source if draft.language else None,
                reader=draft.reader, reader_version=draft.reader_version, text=draft.text,
                size=len(draft.original), previous_version_id=previous, meta=_jsonable(draft.meta),
            )).inserted_primary_key[0]
            for pg in draft.pages:
                conn.execute(insert(t.page).values(
                    document_id=doc_id, number=pg.number, start=pg.start, end=pg.end, method=pg.method,
                    ocr_confidence=pg.ocr_confidence,
                    words=[[w.start, w.end, w.confidence] for w in pg.words] if pg.words else None,
                ))
            self._log(conn, "ingest", actor, document_id=doc_id, detail={
                "origin": draft.origin, "final_url": draft.final_url, "locator": draft.locator,
                "sha256": sha, "container_sha256": container_sha, "media_type": draft.media_type,
                "size": len(draft.original), "reader": f"{draft.reader} {draft.reader_version}",
                "previous_version_id": previous,
            })
            count = 0
            if extraction is not None:
                count = self._store_extraction(conn, doc_id, extraction, extractor_versions or {}, actor,
                                               action="extract")
        status = "new-version" if previous is not None else "added"
        return IngestOutcome(status, doc_id, sha, draft.origin, previous, count)

    def _latest_version(self, conn: Connection, origin: str, locator: str | None) -> int | None:
        query = select(t.document.c.id).where(t.document.c.origin == origin)
        query = query.where(t.document.c.locator.is_(None) if locator is None else t.document.c.locator == locator)
        row = conn.execute(query.order_by(t.document.c.id.desc()).limit(1)).first()
        return row.id if row else None

    def _put_original(self, conn: Connection, data: bytes, media_type: str) -> str:
        sha = sha256_hex(data)
        if conn.execute(select(t.original.c.sha256).where(t.original.c.sha256 == sha)).first() is None:
            self.blobs.put(conn, sha, data)
            conn.execute(insert(t.original).values(
                sha256=sha, size=len(data), media_type=media_type, stored=now(),
                content=data if isinstance(self.blobs, TableBlobs) else None,
            ))
        return sha

    def find(self, sha256: str) -> int | None:
        """The id of the document with exactly these original bytes' hash, if any."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.document.c.id).where(t.document.c.sha256 == sha256)).first()
        return row.id if row else None

    def resolve(self, ref: str | int) -> int:
        """A document id from an id or a sha256 prefix (at least 6 hex digits)."""
        with self.engine.connect() as conn:
            if isinstance(ref, int) or str(ref).isdigit():
                row = conn.execute(select(t.document.c.id).where(t.document.c.id == int(ref))).first()
            elif len(ref) >= 6 and all(c in "0123456789abcdef" for c in ref.lower()):
                rows = conn.execute(select(t.document.c.id).where(
                    t.document.c.sha256.startswith(ref.lower())).limit(2)).all()
                if len(rows) > 1:
                    raise NotFound("ambiguous hash prefix", subject=ref, fix="give more hex digits")
                row = rows[0] if rows else None
            else:
                row = None
        if row is None:
            raise NotFound("no such document", subject=str(ref),
                           fix="list documents with `claimgraph docs`; use an id or a sha256 prefix")
        return row.id

    def document(self, ref: str | int) -> Document:
        doc_id = self.resolve(ref)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.document).where(t.document.c.id == doc_id)).one()
            pages = conn.execute(select(t.page).where(t.page.c.document_id == doc_id)
                                 .order_by(t.page.c.number)).all()
        doc = _document(row)
        doc.pages = [Page(number=p.number, start=p.start, end=p.end, ocr_confidence=p.ocr_confidence,
                          method=p.method, words=[OcrWord(*w) for w in (p.words or [])]) for p in pages]
        return doc

    def documents(self, *, limit: int | None = None, offset: int = 0, publisher: str | None = None,
                  language: str | None = None, media_type: str | None = None) -> list[Document]:
        query = select(t.document).order_by(t.document.c.id)
        if publisher:
            query = query.where(t.document.c.publisher == publisher)
        if language:
            query = query.where(t.document.c.language == language)
        if media_type:
            query = query.where(t.document.c.media_type == media_type)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_document(r) for r in conn.execute(query)]

    def original(self, ref: str | int, *, container: bool = False) -> bytes:
        """The exact bytes the document was read from (or its container file), verified against the hash."""
        doc_id = self.resolve(ref)
        with self.engine.connect() as conn:
            row = conn.execute(select(t.document.c.original_sha256, t.document.c.container_sha256)
                               .where(t.document.c.id == doc_id)).one()
            sha = row.container_sha256 if container and row.container_sha256 else row.original_sha256
            return self.blobs.get(conn, sha)

    def set_language(self, ref: str | int, language: str, *, actor: str | None = None) -> None:
        doc_id = self.resolve(ref)
        with self.engine.begin() as conn:
            old = conn.execute(select(t.document.c.language).where(t.document.c.id == doc_id)).scalar()
            conn.execute(update(t.document).where(t.document.c.id == doc_id).values(
                language=language, language_confidence=1.0, language_source="user"))
            self._log(conn, "edit", actor or default_actor(), document_id=doc_id,
                      detail={"field": "language", "old": old, "new": language})

    # ------------------------------------------------------------ search

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over document titles and text; quotes make a phrase."""
        if not query.strip():
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                rows = conn.execute(text(
                    "SELECT rowid AS id, snippet(document_fts, 1, '[', ']', '…', 12) AS snip, "
                    "bm25(document_fts) AS rank FROM document_fts WHERE document_fts MATCH :q "
                    "ORDER BY rank LIMIT :n"), {"q": _fts5_query(query), "n": limit}).all()
                hits = [(r.id, r.snip, -float(r.rank)) for r in rows]
            else:
                rows = conn.execute(text(
                    "SELECT id, ts_headline('simple', text, websearch_to_tsquery('simple', :q),"
                    " 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') AS snip,"
                    " ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || text),"
                    " websearch_to_tsquery('simple', :q)) AS rank FROM document"
                    " WHERE to_tsvector('simple', coalesce(title, '') || ' ' || text)"
                    " @@ websearch_to_tsquery('simple', :q) ORDER BY rank DESC LIMIT :n"),
                    {"q": query, "n": limit}).all()
                hits = [(r.id, r.snip, float(r.rank)) for r in rows]
            titles = dict(conn.execute(select(t.document.c.id, t.document.c.title).where(
                t.document.c.id.in_([h[0] for h in hits]))).all()) if hits else {}
        return [SearchHit(i, titles.get(i), s, r) for i, s, r in hits]

    # ------------------------------------------------------------ custody

    def log(self, action: str, detail: dict[str, Any], *, document_id: int | None = None,
            item_id: int | None = None, actor: str | None = None) -> CustodyEvent:
        with self.engine.begin() as conn:
            return self._log(conn, action, actor or default_actor(), document_id=document_id,
                             item_id=item_id, detail=detail)

    def _log(self, conn: Connection, action: str, actor: str, *, detail: dict[str, Any],
             document_id: int | None = None, item_id: int | None = None) -> CustodyEvent:
        stamp = now()
        clean = _jsonable(detail)
        event_id = conn.execute(insert(t.custody_event).values(
            at=stamp, action=action, actor=actor, tool_version=__version__, document_id=document_id,
            item_id=item_id, detail=clean)).inserted_primary_key[0]
        return CustodyEvent(action, actor, __version__, clean, stamp, document_id, item_id, event_id)

    def custody(self, ref: str | int | None = None, *, item_id: int | None = None) -> list[CustodyEvent]:
        query = select(t.custody_event).order_by(t.custody_event.c.id)
        if ref is not None:
            query = query.where(t.custody_event.c.document_id == self.resolve(ref))
        if item_id is not None:
            query = query.where(t.custody_event.c.item_id == item_id)
        with self.engine.connect() as conn:
            return [CustodyEvent(r.action, r.actor, r.tool_version, r.detail or {}, _aware(r.at),
                                 r.document_id, r.item_id, r.id) for r in conn.execute(query)]

    # ------------------------------------------------------------ physical items

    def register_item(self, item: PhysicalItem, *, documents: list[str | int] = (),
                      actor: str | None = None) -> int:
        """Register a physical item in custody and make it the parent of the documents that depict it."""
        actor = actor or default_actor()
        doc_ids = [self.resolve(d) for d in documents]
        with self.engine.begin() as conn:
            item_id = conn.execute(insert(t.physical_item).values(
                label=item.label, description=item.description, found_place=item.found_place,
                found_date=item.found_date, found_by=item.found_by, created=now(),
            )).inserted_primary_key[0]
            self._log(conn, "register-item", actor, item_id=item_id, detail={
                "label": item.label, "description": item.description, "found_place": item.found_place,
                "found_date": item.found_date, "found_by": item.found_by, "documents": doc_ids})
            for doc_id in doc_ids:
                conn.execute(update(t.document).where(t.document.c.id == doc_id).values(item_id=item_id))
                self._log(conn, "link-item", actor, document_id=doc_id, item_id=item_id,
                          detail={"item": item.label})
        return item_id

    def items(self) -> list[PhysicalItem]:
        with self.engine.connect() as conn:
            return [PhysicalItem(r.label, r.description, r.found_place, r.found_date, r.found_by, r.id)
                    for r in conn.execute(select(t.physical_item).order_by(t.physical_item.c.id))]

    # ------------------------------------------------------------ statements

    def store_extraction(self, ref: str | int, extraction: Extraction, extractor_versions: dict[str, str],
                         *, actor: str | None = None) -> int:
        """Replace the document's active statements with `extraction`; earlier rows stay, superseded."""
        doc_id = self.resolve(ref)
        with self.engine.begin() as conn:
            return self._store_extraction(conn, doc_id, extraction, extractor_versions,
                                          actor or default_actor(), action="re-extract")

    def _store_extraction(self, conn: Connection, doc_id: int, found: Extraction,
                          versions: dict[str, str], actor: str, *, action: str) -> int:
        from claimgraph.ledger.statements import write_extraction

        superseded = 0
        for table in t.STATEMENT_TABLES.values():
            superseded += conn.execute(update(table).where(
                table.c.document_id == doc_id, table.c.status == "active").values(status="superseded")).rowcount
        count = write_extraction(conn, doc_id, found, now())
        self._log(conn, action, actor, document_id=doc_id, detail={
            "extractors": versions, "statements": count, "superseded": superseded})
        return count

    def statements(self, ref: str | int, kind: str, *, include_inactive: bool = False) -> list[dict[str, Any]]:
        """Rows of one statement table (`mention`, `attribution`, `hedge`, `figure`, `event`, `recovered_item`)."""
        table = t.STATEMENT_TABLES.get(kind)
        if table is None:
            raise LedgerError(f"unknown statement kind {kind!r}", subject="statements",
                              fix=f"choose among {', '.join(t.STATEMENT_TABLES)}")
        doc_id = self.resolve(ref)
        query = select(table).where(table.c.document_id == doc_id).order_by(table.c.start, table.c.id)
        if not include_inactive:
            query = query.where(table.c.status == "active")
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            result = {"documents": conn.execute(select(func.count()).select_from(t.document)).scalar_one(),
                      "items": conn.execute(select(func.count()).select_from(t.physical_item)).scalar_one(),
                      "custody_events": conn.execute(
                          select(func.count()).select_from(t.custody_event)).scalar_one()}
            for name, table in t.STATEMENT_TABLES.items():
                result[name] = conn.execute(select(func.count()).select_from(table).where(
                    table.c.status == "active")).scalar_one()
        return result

    def iter_document_ids(self) -> Iterator[int]:
        with self.engine.connect() as conn:
            yield from (r.id for r in conn.execute(select(t.document.c.id).order_by(t.document.c.id)))


def _fts5_query(query: str) -> str:
    """Make user text safe for FTS5: quoted phrases stay phrases, other words are ANDed as literals."""
    parts: list[str] = []
    chunks = query.split('"')
    for i, chunk in enumerate(chunks):
        if i % 2 == 1 and chunk.strip():
            parts.append('"' + chunk.replace('"', "") + '"')
        else:
            parts.extend('"' + w + '"' for w in chunk.split() if w)
    return " ".join(parts)


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:  # SQLite returns naive datetimes
        return value.replace(tzinfo=UTC)
    return value


def _document(r: Any) -> Document:
    return Document(
        id=r.id, sha256=r.sha256, media_type=r.media_type, origin=r.origin, text=r.text, reader=r.reader,
        reader_version=r.reader_version, retrieved=_aware(r.retrieved), ingested=_aware(r.ingested),
        final_url=r.final_url, locator=r.locator, container_sha256=r.container_sha256, title=r.title,
        author=r.author, publisher=r.publisher, published=r.published, language=r.language,
        language_confidence=r.language_confidence, previous_version_id=r.previous_version_id,
        item_id=r.item_id, size=r.size, meta=r.meta or {},
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def open_ledger(db: str | None = None, *, migrate: bool = True) -> Ledger:
    """Open (and create or upgrade) the ledger at `db`: a path, a SQLAlchemy URL or postgresql://…"""
    url = database_url(db)
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:
        raise LedgerError(f"cannot open database: {exc}", subject=url,
                          fix="give a file path or a postgresql://user@host/dbname URL") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        database = engine.url.database
        if not database or database == ":memory:":
            raise LedgerError("in-memory SQLite cannot keep originals", subject=url,
                              fix="give a file path, for example ./claimgraph.db")
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        blobs: BlobStore = DiskBlobs(Path(database + ".originals"))
    else:
        blobs = TableBlobs()
    ledger = Ledger(engine, blobs, url)
    if migrate:
        from claimgraph.ledger.migrate import upgrade

        try:
            upgrade(engine)
        except LedgerError:
            raise
        except Exception as exc:
            raise LedgerError(f"cannot prepare the database: {exc.__class__.__name__}: {exc}",
                              subject=engine.url.render_as_string(hide_password=True),
                              fix="check that the server runs and the user may create tables") from exc
    return ledger


def dumps(value: Any) -> str:
    return json.dumps(_jsonable(value), ensure_ascii=False)
