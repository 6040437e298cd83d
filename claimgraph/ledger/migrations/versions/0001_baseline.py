"""Baseline: documents, originals, pages, custody log, physical items, statement tables, full-text search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen: these operations create the tables as they were at 0.1.0, whatever
# schema.py says later. Every change to schema.py needs its own migration; the
# test suite compares the migrated database with schema.py and fails on drift.

BASELINE_TABLES = (
    "recovered_item",
    "event",
    "figure",
    "hedge",
    "attribution",
    "mention",
    "custody_event",
    "page",
    "document",
    "physical_item",
    "original",
)

SQLITE_DDL = [
    # Full-text index over document text and title (external content: no copy of the text).
    ("CREATE VIRTUAL TABLE document_fts USING fts5(title, text, content='document', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')"),
    ("CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN"
    " INSERT INTO document_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END"),
    ("CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN"
    " INSERT INTO document_fts(document_fts, rowid, title, text)"
    " VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END"),
    ("CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN"
    " INSERT INTO document_fts(document_fts, rowid, title, text)"
    " VALUES ('delete', old.id, coalesce(old.title, ''), old.text);"
    " INSERT INTO document_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END"),
    # The custody log and the originals are append-only.
    ("CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event BEGIN"
    " SELECT RAISE(ABORT, 'the custody log is append-only'); END"),
    ("CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event BEGIN"
    " SELECT RAISE(ABORT, 'the custody log is append-only'); END"),
    ("CREATE TRIGGER original_no_update BEFORE UPDATE ON original BEGIN"
    " SELECT RAISE(ABORT, 'originals are never modified'); END"),
]

POSTGRES_DDL = [
    ("CREATE INDEX ix_document_fts ON document USING gin"
    " (to_tsvector('simple', coalesce(title, '') || ' ' || text))"),
    ("CREATE FUNCTION claimgraph_append_only() RETURNS trigger AS $$"
    " BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql"),
    ("CREATE TRIGGER custody_event_append_only BEFORE UPDATE OR DELETE ON custody_event"
    " FOR EACH ROW EXECUTE FUNCTION claimgraph_append_only()"),
    ("CREATE TRIGGER original_append_only BEFORE UPDATE ON original"
    " FOR EACH ROW EXECUTE FUNCTION claimgraph_append_only()"),
]


def upgrade() -> None:
    op.create_table(
        "original",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("stored", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_original")),
    )
    op.create_table(
        "physical_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("found_place", sa.Text(), nullable=True),
        sa.Column("found_date", sa.Date(), nullable=True),
        sa.Column("found_by", sa.Text(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_physical_item")),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_sha256", sa.String(length=64), nullable=False),
        sa.Column("container_sha256", sa.String(length=64), nullable=True),
        sa.Column("locator", sa.Text(), nullable=True),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("retrieved", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ingested", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("language_confidence", sa.Float(), nullable=True),
        sa.Column("language_source", sa.String(length=16), nullable=True),
        sa.Column("reader", sa.String(length=60), nullable=False),
        sa.Column("reader_version", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("previous_version_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["container_sha256"],
            ["original.sha256"],
            name=op.f("fk_document_container_sha256_original"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["physical_item.id"], name=op.f("fk_document_item_id_physical_item")
        ),
        sa.ForeignKeyConstraint(
            ["original_sha256"],
            ["original.sha256"],
            name=op.f("fk_document_original_sha256_original"),
        ),
        sa.ForeignKeyConstraint(
            ["previous_version_id"],
            ["document.id"],
            name=op.f("fk_document_previous_version_id_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("sha256", name=op.f("uq_document_sha256")),
    )
    op.create_index("ix_document_origin", "document", ["origin"], unique=False)
    op.create_index("ix_document_published", "document", ["published"], unique=False)
    op.create_table(
        "attribution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=False),
        sa.Column("extractor_version", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("source_text", sa.Text(), nullable=True),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_attribution_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["attribution.id"], name=op.f("fk_attribution_parent_id_attribution")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attribution")),
    )
    op.create_index(
        "ix_attribution_document_id", "attribution", ["document_id", "status"], unique=False
    )
    op.create_table(
        "custody_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("tool_version", sa.String(length=30), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_custody_event_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["physical_item.id"], name=op.f("fk_custody_event_item_id_physical_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_event")),
    )
    op.create_index("ix_custody_event_document_id", "custody_event", ["document_id"], unique=False)
    op.create_index("ix_custody_event_item_id", "custody_event", ["item_id"], unique=False)
    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=False),
        sa.Column("extractor_version", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("normalized", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_mention_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mention")),
    )
    op.create_index("ix_mention_document_id", "mention", ["document_id", "status"], unique=False)
    op.create_table(
        "page",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("ocr_confidence", sa.Float(), nullable=True),
        sa.Column("words", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_page_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page")),
    )
    op.create_index("ix_page_document_id", "page", ["document_id"], unique=False)
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=False),
        sa.Column("extractor_version", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("weapon", sa.Text(), nullable=True),
        sa.Column("when", sa.Date(), nullable=True),
        sa.Column("attribution_id", sa.Integer(), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attribution_id"], ["attribution.id"], name=op.f("fk_event_attribution_id_attribution")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_event_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
    )
    op.create_index("ix_event_document_id", "event", ["document_id", "status"], unique=False)
    op.create_table(
        "figure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=False),
        sa.Column("extractor_version", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value_low", sa.Float(), nullable=True),
        sa.Column("value_high", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("attribution_id", sa.Integer(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("source_chain", sa.JSON(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attribution_id"],
            ["attribution.id"],
            name=op.f("fk_figure_attribution_id_attribution"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_figure_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure")),
    )
    op.create_index("ix_figure_category", "figure", ["category", "as_of"], unique=False)
    op.create_index("ix_figure_document_id", "figure", ["document_id", "status"], unique=False)
    op.create_table(
        "hedge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=False),
        sa.Column("extractor_version", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("band", sa.String(length=24), nullable=False),
        sa.Column("probability_low", sa.Float(), nullable=True),
        sa.Column("probability_high", sa.Float(), nullable=True),
        sa.Column("target_kind", sa.String(length=20), nullable=True),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_hedge_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["holder_id"], ["attribution.id"], name=op.f("fk_hedge_holder_id_attribution")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hedge")),
    )
    op.create_index("ix_hedge_document_id", "hedge", ["document_id", "status"], unique=False)
    op.create_table(
        "recovered_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("extractor", sa.String(length=60), nullable=False),
        sa.Column("extractor_version", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("attribution_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["attribution_id"],
            ["attribution.id"],
            name=op.f("fk_recovered_item_attribution_id_attribution"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_recovered_item_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovered_item")),
    )
    op.create_index(
        "ix_recovered_item_document_id", "recovered_item", ["document_id", "status"], unique=False
    )
    bind = op.get_bind()
    for statement in SQLITE_DDL if bind.dialect.name == "sqlite" else POSTGRES_DDL:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS document_fts")
    else:
        op.execute("DROP FUNCTION IF EXISTS claimgraph_append_only() CASCADE")
    for table in BASELINE_TABLES:
        op.drop_table(table)
