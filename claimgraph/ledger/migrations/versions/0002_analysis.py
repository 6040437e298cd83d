"""Analysis: canonical sources, aliases, reliability grades, source change history; timeline indexes.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "source",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("speaks_for_id", sa.Integer, sa.ForeignKey("source.id", name="fk_source_speaks_for_id_source")),
        sa.Column("merged_into_id", sa.Integer,
                  sa.ForeignKey("source.id", name="fk_source_merged_into_id_source")),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("created", tz, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_source"),
        sa.UniqueConstraint("name", name="uq_source_name"),
    )
    op.create_table(
        "source_alias",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("variant", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source.id", name="fk_source_alias_source_id_source"),
                  nullable=False),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("created", tz, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_source_alias"),
        sa.UniqueConstraint("key", name="uq_source_alias_key"),
    )
    op.create_index("ix_source_alias_source_id", "source_alias", ["source_id"])
    op.create_table(
        "source_change",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", tz, nullable=False),
        sa.Column("undone_by_id", sa.Integer,
                  sa.ForeignKey("source_change.id", name="fk_source_change_undone_by_id_source_change")),
        sa.Column("custody_event_id", sa.Integer,
                  sa.ForeignKey("custody_event.id", name="fk_source_change_custody_event_id_custody_event")),
        sa.PrimaryKeyConstraint("id", name="pk_source_change"),
    )
    op.create_table(
        "source_grade",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source.id", name="fk_source_grade_source_id_source"),
                  nullable=False),
        sa.Column("grade", sa.String(1), nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", tz, nullable=False),
        sa.Column("custody_event_id", sa.Integer,
                  sa.ForeignKey("custody_event.id", name="fk_source_grade_custody_event_id_custody_event")),
        sa.PrimaryKeyConstraint("id", name="pk_source_grade"),
    )
    op.create_index("ix_source_grade_source_id", "source_grade", ["source_id"])
    op.create_index("ix_figure_timeline", "figure", ["status", "category", "as_of"])
    op.create_index("ix_figure_origin", "figure", ["origin"])
    op.create_index("ix_figure_subject", "figure", ["status", "category", "subject"])


def downgrade() -> None:
    op.drop_index("ix_figure_subject", table_name="figure")
    op.drop_index("ix_figure_origin", table_name="figure")
    op.drop_index("ix_figure_timeline", table_name="figure")
    op.drop_table("source_grade")
    op.drop_table("source_change")
    op.drop_table("source_alias")
    op.drop_table("source")
