"""The ledger's tables (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Documents keep their hash, origin and metadata; originals live in blob
storage (see `blobs.py`) and are never modified; the custody log is
append-only (enforced by triggers created in the migrations); statements are
one table per kind, every row with document id, character span, surface text,
normalized value, extractor name and version, and a status so that analyst
corrections supersede an extraction without deleting it.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

physical_item = Table(
    "physical_item", metadata,
    Column("id", Integer, primary_key=True),
    Column("label", Text, nullable=False),
    Column("description", Text),
    Column("found_place", Text),
    Column("found_date", Date),
    Column("found_by", Text),
    Column("created", DateTime(timezone=True), nullable=False),
)

original = Table(
    "original", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("media_type", String(120)),
    # NULL where the bytes live on disk beside the database (SQLite); filled for PostgreSQL.
    Column("content", LargeBinary),
    Column("stored", DateTime(timezone=True), nullable=False),
)

document = Table(
    "document", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("original_sha256", String(64), ForeignKey("original.sha256"), nullable=False),
    Column("container_sha256", String(64), ForeignKey("original.sha256")),
    Column("locator", Text),
    Column("media_type", String(120), nullable=False),
    Column("origin", Text, nullable=False),
    Column("final_url", Text),
    Column("title", Text),
    Column("author", Text),
    Column("publisher", Text),
    Column("published", Date),
    Column("retrieved", DateTime(timezone=True), nullable=False),
    Column("ingested", DateTime(timezone=True), nullable=False),
    Column("language", String(16)),
    Column("language_confidence", Float),
    Column("language_source", String(16)),  # detected | reader | user
    Column("reader", String(60), nullable=False),
    Column("reader_version", String(30), nullable=False),
    Column("text", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("previous_version_id", Integer, ForeignKey("document.id")),
    Column("item_id", Integer, ForeignKey("physical_item.id")),
    Column("meta", JSON, nullable=False, default=dict),
    Index("ix_document_origin", "origin"),
    Index("ix_document_published", "published"),
)

page = Table(
    "page", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("method", String(20), nullable=False),
    Column("ocr_confidence", Float),
    Column("words", JSON),  # [[start, end, confidence], ...] for OCR pages
    Index("ix_page_document_id", "document_id"),
)

custody_event = Table(
    "custody_event", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(40), nullable=False),
    Column("actor", Text, nullable=False),
    Column("tool_version", String(30), nullable=False),
    Column("document_id", Integer, ForeignKey("document.id")),
    Column("item_id", Integer, ForeignKey("physical_item.id")),
    Column("detail", JSON, nullable=False, default=dict),
    Index("ix_custody_event_document_id", "document_id"),
    Index("ix_custody_event_item_id", "item_id"),
)


def _statement_table(name: str, *columns: Column) -> Table:
    """A statement table: the columns every statement has, then its own."""
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True),
        Column("document_id", Integer, ForeignKey("document.id", ondelete="CASCADE"), nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("value", JSON, nullable=False),  # the normalized record, kind-specific
        Column("extractor", String(60), nullable=False),
        Column("extractor_version", String(30), nullable=False),
        Column("status", String(12), nullable=False, default="active"),  # active|superseded|rejected
        Column("superseded_by", Integer),
        Column("created", DateTime(timezone=True), nullable=False),
        *columns,
        Index(f"ix_{name}_document_id", "document_id", "status"),
    )


mention = _statement_table(
    "mention",
    Column("label", String(20), nullable=False),
    Column("normalized", Text),
)

attribution = _statement_table(
    "attribution",
    Column("kind", String(20), nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_text", Text),
    Column("source_name", Text),
    Column("parent_id", Integer, ForeignKey("attribution.id")),
    Column("confidence", Float),
)

hedge = _statement_table(
    "hedge",
    Column("band", String(24), nullable=False),
    Column("probability_low", Float),
    Column("probability_high", Float),
    Column("target_kind", String(20)),  # attribution | figure | event
    Column("target_id", Integer),
    Column("holder_id", Integer, ForeignKey("attribution.id")),
)

figure = _statement_table(
    "figure",
    Column("value_low", Float),
    Column("value_high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("category", String(16), nullable=False),
    Column("subject", Text),
    Column("place", Text),
    Column("as_of", Date),
    Column("attribution_id", Integer, ForeignKey("attribution.id")),
    Column("origin", Text),  # the innermost source of the chain
    Column("source_chain", JSON, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Index("ix_figure_category", "category", "as_of"),
)

event = _statement_table(
    "event",
    Column("action", Text, nullable=False),
    Column("actor", Text),
    Column("target", Text),
    Column("place", Text),
    Column("weapon", Text),
    Column("when", Date),
    Column("attribution_id", Integer, ForeignKey("attribution.id")),
    Column("hedged", Boolean, nullable=False),
)

recovered_item = _statement_table(
    "recovered_item",
    Column("kind", Text, nullable=False),
    Column("quantity", Float),
    Column("origin", Text),
    Column("attribution_id", Integer, ForeignKey("attribution.id")),
)

STATEMENT_TABLES: dict[str, Table] = {
    "mention": mention,
    "attribution": attribution,
    "hedge": hedge,
    "figure": figure,
    "event": event,
    "recovered_item": recovered_item,
}

from claimgraph.ledger import (
    analysis_schema,  # noqa: F401  (registers the analysis tables)
    serve_schema,  # noqa: F401  (API tokens, migration 0003)
)
