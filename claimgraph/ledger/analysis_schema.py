"""Tables for cross-source analysis: canonical sources, their aliases, reliability grades, and the
history of merges, splits and alias edits (so every one of them can be undone).

Registered on the ledger's one `metadata` (schema.py imports this module at its end), so that the
drift test and `metadata.create_all` see them; migration 0002 creates them on existing ledgers.
Also declares what analysis reads of `figure`: its indexes, and `figure_key`, one narrow row per
active figure that timeline queries read (migration 0004; kept by database triggers). This
module holds table definitions only: no queries, no business rules.
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
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from claimgraph.ledger.schema import figure, metadata

source = Table(
    "source", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),  # the canonical name
    # outlet, wire, government, intelligence, military, official, lawmaker, analyst, anonymous, other
    Column("type", String(20), nullable=False),
    Column("speaks_for_id", Integer, ForeignKey("source.id")),  # the body a person speaks for or cites
    Column("merged_into_id", Integer, ForeignKey("source.id")),  # set while merged into another source
    Column("origin", String(12), nullable=False),  # shipped | user | analyst | ledger
    Column("note", Text),
    Column("created", DateTime(timezone=True), nullable=False),
)

source_alias = Table(
    "source_alias", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),  # normalized variant (see sources.normalize)
    Column("variant", Text, nullable=False),  # as written
    Column("source_id", Integer, ForeignKey("source.id"), nullable=False),
    Column("origin", String(12), nullable=False),  # shipped | user | analyst | merge
    Column("created", DateTime(timezone=True), nullable=False),
    Index("ix_source_alias_source_id", "source_id"),
)

source_grade = Table(
    "source_grade", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("source.id"), nullable=False),
    Column("grade", String(1), nullable=False),  # Admiralty reliability A-F
    Column("rationale", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("custody_event_id", Integer, ForeignKey("custody_event.id")),
    Index("ix_source_grade_source_id", "source_id"),
)

source_change = Table(
    "source_change", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(12), nullable=False),  # merge | split | alias | undo
    Column("detail", JSON, nullable=False),  # enough to reverse the change
    Column("actor", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("undone_by_id", Integer, ForeignKey("source_change.id")),
    Column("custody_event_id", Integer, ForeignKey("custody_event.id")),
)

# Active figures by category and date: browse filters and category counts scan it (timelines read
# figure_key below); the status column comes first so that superseded rows are skipped inside it.
figure_timeline_index = Index("ix_figure_timeline", figure.c.status, figure.c.category, figure.c.as_of)
# Figures by their innermost source (origin counts, `sources show`).
figure_origin_index = Index("ix_figure_origin", figure.c.origin)

# What a timeline reads of each active figure, with its document's publisher and date, and nothing
# else: no statement text, no `value` JSON. Triggers (migration 0004) insert a row when an active
# figure is stored, delete it when the figure is superseded or rejected, and follow edits of the
# document's publisher and date, so every writer of `figure` keeps it right, whichever module it is.
# The key starts with category and subject, so one subject's figures lie together (SQLite stores
# the table in key order: WITHOUT ROWID); a figure without a subject has '' (key columns are NOT NULL).
figure_key = Table(
    "figure_key", metadata,
    Column("category", String(16), nullable=False),
    Column("subject", Text, nullable=False),
    Column("figure_id", Integer, ForeignKey("figure.id", ondelete="CASCADE"), nullable=False),
    Column("document_id", Integer, nullable=False),
    Column("value_low", Float),
    Column("value_high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("place", Text),
    Column("as_of", Date),
    Column("publisher", Text),
    Column("published", Date),
    Column("day", Date),  # as_of, else the document's publication date: what since/until compare
    Column("chain", Text, nullable=False),  # the figure's source_chain, as JSON text
    Column("hedged", Boolean, nullable=False),
    PrimaryKeyConstraint("category", "subject", "figure_id", name="pk_figure_key"),
    Index("ix_figure_key_figure_id", "figure_id", unique=True),
    Index("ix_figure_key_day", "day"),
    sqlite_with_rowid=False,
)

ANALYSIS_TABLES = (source, source_alias, source_grade, source_change)
ANALYSIS_INDEXES = (figure_timeline_index, figure_origin_index)
