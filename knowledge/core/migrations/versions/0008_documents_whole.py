"""Documents kept whole: their text, format and sections; items' key dates; bodies with
members; meetings' kind and people; provenance spans on status entries.

Existing rows keep what they had: documents imported before have no text and the
format "text", meetings the kind "møde" and no participants, status entries no path or
span. A status entry's source heading becomes text of any length (a heading is as long as
its document made it).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _provenance() -> list[sa.Column[object]]:
    return [
        sa.Column("source_file", sa.String(255), nullable=True),
        sa.Column("source_heading", sa.Text(), nullable=True),
        sa.Column("source_path", sa.JSON(), nullable=True),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
    ]


def _documents_up() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("format", sa.String(20), nullable=False, server_default="text"))
        batch.add_column(sa.Column("source_url", sa.Text(), nullable=True))
        batch.add_column(sa.Column("text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("superseded_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_documents_superseded_by_id",
            "documents",
            ["superseded_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index("ix_documents_file", ["file"])
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("path", sa.JSON(), nullable=False),
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.UniqueConstraint("document_id", "ordinal"),
    )


def _items_up() -> None:
    with op.batch_alter_table("status_entries") as batch:
        batch.alter_column("source_heading", type_=sa.Text(), existing_type=sa.String(300))
        batch.add_column(sa.Column("source_path", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("source_start", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("source_end", sa.Integer(), nullable=True))
    op.create_table(
        "item_dates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "item_id", sa.Integer(), sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("what", sa.String(20), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(10), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("year_inferred", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        *_provenance(),
    )
    op.create_index("ix_item_dates_item_id", "item_dates", ["item_id"])
    op.create_index("ix_item_dates_date", "item_dates", ["date"])


def _meetings_and_bodies_up() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("kind", sa.String(40), nullable=False, server_default="møde"))
        batch.add_column(
            sa.Column("year_inferred", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        for name in ("participants", "absent"):
            batch.add_column(
                sa.Column(name, sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
            )
    op.create_table(
        "bodies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(100), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("region", sa.String(100), nullable=True),
        sa.Column("cluster", sa.String(100), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "body_id", sa.Integer(), sa.ForeignKey("bodies.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("role", sa.String(100), nullable=True),
        sa.Column("affiliation", sa.String(300), nullable=True),
        *_provenance(),
    )
    op.create_index("ix_members_body_id", "members", ["body_id"])


def upgrade() -> None:
    _documents_up()
    _items_up()
    _meetings_and_bodies_up()


def downgrade() -> None:
    op.drop_table("members")
    op.drop_table("bodies")
    with op.batch_alter_table("meetings") as batch:
        for name in ("absent", "participants", "year_inferred", "kind"):
            batch.drop_column(name)
    op.drop_table("item_dates")
    with op.batch_alter_table("status_entries") as batch:
        for name in ("source_end", "source_start", "source_path"):
            batch.drop_column(name)
        batch.alter_column(
            "source_heading",
            type_=sa.String(300),
            existing_type=sa.Text(),
            postgresql_using="left(source_heading, 300)",
        )
    op.drop_table("sections")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_file")
        batch.drop_constraint("fk_documents_superseded_by_id", type_="foreignkey")
        for name in ("superseded_by_id", "text", "source_url", "format"):
            batch.drop_column(name)
