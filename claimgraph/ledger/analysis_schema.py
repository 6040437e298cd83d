"""Tables for cross-source analysis: canonical sources, their aliases, reliability grades, and the
history of merges, splits and alias edits (so every one of them can be undone).

Registered on the ledger's one `metadata` (schema.py imports this module at its end), so that the
drift test and `metadata.create_all` see them; migration 0002 creates them on existing ledgers.
Also declares the indexes that timeline queries over `figure` need. This module holds table
definitions only: no queries, no business rules.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

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

# Timeline queries filter figures by category and date, by subject text and by place; the status
# column is in every index so that superseded rows are skipped inside the index.
figure_timeline_index = Index("ix_figure_timeline", figure.c.status, figure.c.category, figure.c.as_of)
figure_origin_index = Index("ix_figure_origin", figure.c.origin)
# Subject text search runs over the few distinct subjects of a category (a covering scan of this
# index), then fetches only the rows of the subjects that match.
figure_subject_index = Index("ix_figure_subject", figure.c.status, figure.c.category, figure.c.subject)

ANALYSIS_TABLES = (source, source_alias, source_grade, source_change)
ANALYSIS_INDEXES = (figure_timeline_index, figure_origin_index, figure_subject_index)
