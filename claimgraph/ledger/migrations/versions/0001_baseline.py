"""Baseline: documents, originals, pages, custody log, physical items, statement tables, full-text search.

Revision ID: 0001
Revises:
"""

from alembic import op

from claimgraph.ledger import schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The baseline creates the tables as schema.py defined them at 0.1.0. Every
# later change to schema.py needs its own explicit migration; the test suite
# compares the migrated database with schema.py and fails on any drift.

SQLITE_DDL = [
    # Full-text index over document text and title (external content: no copy of the text).
    "CREATE VIRTUAL TABLE document_fts USING fts5(title, text, content='document', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN"
    " INSERT INTO document_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN"
    " INSERT INTO document_fts(document_fts, rowid, title, text)"
    " VALUES ('delete', old.id, coalesce(old.title, ''), old.text); END",
    "CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN"
    " INSERT INTO document_fts(document_fts, rowid, title, text)"
    " VALUES ('delete', old.id, coalesce(old.title, ''), old.text);"
    " INSERT INTO document_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    # The custody log and the originals are append-only.
    "CREATE TRIGGER custody_event_no_update BEFORE UPDATE ON custody_event BEGIN"
    " SELECT RAISE(ABORT, 'the custody log is append-only'); END",
    "CREATE TRIGGER custody_event_no_delete BEFORE DELETE ON custody_event BEGIN"
    " SELECT RAISE(ABORT, 'the custody log is append-only'); END",
    "CREATE TRIGGER original_no_update BEFORE UPDATE ON original BEGIN"
    " SELECT RAISE(ABORT, 'originals are never modified'); END",
]

POSTGRES_DDL = [
    "CREATE INDEX ix_document_fts ON document USING gin"
    " (to_tsvector('simple', coalesce(title, '') || ' ' || text))",
    "CREATE FUNCTION claimgraph_append_only() RETURNS trigger AS $$"
    " BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER custody_event_append_only BEFORE UPDATE OR DELETE ON custody_event"
    " FOR EACH ROW EXECUTE FUNCTION claimgraph_append_only()",
    "CREATE TRIGGER original_append_only BEFORE UPDATE ON original"
    " FOR EACH ROW EXECUTE FUNCTION claimgraph_append_only()",
]


def upgrade() -> None:
    bind = op.get_bind()
    schema.metadata.create_all(bind)
    for statement in SQLITE_DDL if bind.dialect.name == "sqlite" else POSTGRES_DDL:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS document_fts")
    else:
        op.execute("DROP FUNCTION IF EXISTS claimgraph_append_only() CASCADE")
    schema.metadata.drop_all(bind)
