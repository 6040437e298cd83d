"""Figure keys: one narrow row per active figure for timeline queries, kept by triggers; back-filled.

The subject index 0002 put on `figure` for timelines goes: timelines read `figure_key` now, and
every figure written would keep paying for it (ix_figure_timeline stays: the browse pages' category
counts and filters scan it). A later migration that rebuilds `figure` or `document`
(SQLite batch mode copies the table) must create these triggers again.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen, like every migration: the table and triggers as 0004 makes them.
KEY_COLUMNS = ("category, subject, figure_id, document_id, value_low, value_high, qualifier, place, as_of,"
               " publisher, published, day, chain, hedged")


def _key_values(new: str, chain: str) -> str:
    """The SELECT list that makes a figure_key row from figure row `new` and its document `d`."""
    return (f"{new}.category, coalesce({new}.subject, ''), {new}.id, {new}.document_id, {new}.value_low,"
            f" {new}.value_high, {new}.qualifier, {new}.place, {new}.as_of, d.publisher, d.published,"
            f" coalesce({new}.as_of, d.published), {chain}, {new}.hedged")


# A document's keys, found through figure's own document index (figure_key has none: one index
# less to keep on every figure written).
_OF_DOCUMENT = "figure_id IN (SELECT id FROM figure WHERE document_id = {new}.id)"

SQLITE_DDL = [
    ("CREATE TRIGGER figure_key_insert AFTER INSERT ON figure WHEN new.status = 'active' BEGIN"
     f" INSERT INTO figure_key ({KEY_COLUMNS}) SELECT {_key_values('new', 'new.source_chain')}"
     " FROM document d WHERE d.id = new.document_id; END"),
    # Any update of a figure (its status above all) drops its key; an active figure gets it back as
    # it is now.
    ("CREATE TRIGGER figure_key_update AFTER UPDATE ON figure BEGIN"
     " DELETE FROM figure_key WHERE figure_id = old.id;"
     f" INSERT INTO figure_key ({KEY_COLUMNS}) SELECT {_key_values('new', 'new.source_chain')}"
     " FROM document d WHERE d.id = new.document_id AND new.status = 'active'; END"),
    ("CREATE TRIGGER figure_key_document AFTER UPDATE OF publisher, published ON document BEGIN"
     " UPDATE figure_key SET publisher = new.publisher, published = new.published,"
     f" day = coalesce(as_of, new.published) WHERE {_OF_DOCUMENT.format(new='new')}; END"),
]

POSTGRES_DDL = [
    ("CREATE FUNCTION claimgraph_figure_key() RETURNS trigger AS $$ BEGIN"
     " IF TG_OP = 'UPDATE' THEN DELETE FROM figure_key WHERE figure_id = OLD.id; END IF;"
     " IF NEW.status = 'active' THEN"
     f" INSERT INTO figure_key ({KEY_COLUMNS}) SELECT {_key_values('NEW', 'NEW.source_chain::text')}"
     " FROM document d WHERE d.id = NEW.document_id; END IF;"
     " RETURN NULL; END; $$ LANGUAGE plpgsql"),
    ("CREATE TRIGGER figure_key_sync AFTER INSERT OR UPDATE ON figure"
     " FOR EACH ROW EXECUTE FUNCTION claimgraph_figure_key()"),
    ("CREATE FUNCTION claimgraph_figure_key_document() RETURNS trigger AS $$ BEGIN"
     " UPDATE figure_key SET publisher = NEW.publisher, published = NEW.published,"
     f" day = coalesce(as_of, NEW.published) WHERE {_OF_DOCUMENT.format(new='NEW')};"
     " RETURN NULL; END; $$ LANGUAGE plpgsql"),
    ("CREATE TRIGGER figure_key_document AFTER UPDATE OF publisher, published ON document"
     " FOR EACH ROW EXECUTE FUNCTION claimgraph_figure_key_document()"),
]


def upgrade() -> None:
    op.create_table(
        "figure_key",
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("figure_id", sa.Integer,
                  sa.ForeignKey("figure.id", name="fk_figure_key_figure_id_figure", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("value_low", sa.Float),
        sa.Column("value_high", sa.Float),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("place", sa.Text),
        sa.Column("as_of", sa.Date),
        sa.Column("publisher", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("day", sa.Date),
        sa.Column("chain", sa.Text, nullable=False),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("category", "subject", "figure_id", name="pk_figure_key"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_figure_key_figure_id", "figure_key", ["figure_id"], unique=True)
    op.create_index("ix_figure_key_day", "figure_key", ["day"])
    op.drop_index("ix_figure_subject", table_name="figure")
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    chain = "f.source_chain" if sqlite else "f.source_chain::text"
    op.execute(f"INSERT INTO figure_key ({KEY_COLUMNS}) SELECT {_key_values('f', chain)}"
               " FROM figure f JOIN document d ON d.id = f.document_id WHERE f.status = 'active'")
    for statement in SQLITE_DDL if sqlite else POSTGRES_DDL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("figure_key_document", "figure_key_update", "figure_key_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        op.execute("DROP TRIGGER IF EXISTS figure_key_document ON document")
        op.execute("DROP TRIGGER IF EXISTS figure_key_sync ON figure")
        op.execute("DROP FUNCTION IF EXISTS claimgraph_figure_key_document()")
        op.execute("DROP FUNCTION IF EXISTS claimgraph_figure_key()")
    op.create_index("ix_figure_subject", "figure", ["status", "category", "subject"])
    op.drop_index("ix_figure_key_day", table_name="figure_key")
    op.drop_index("ix_figure_key_figure_id", table_name="figure_key")
    op.drop_table("figure_key")
