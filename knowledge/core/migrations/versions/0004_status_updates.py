"""Status updates from chat: who wrote an entry, where, exactly once; editors.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX: no table rebuild on SQLite.
    op.add_column("status_entries", sa.Column("author_id", sa.String(100), nullable=True))
    op.add_column("status_entries", sa.Column("conversation_id", sa.String(400), nullable=True))
    op.add_column("status_entries", sa.Column("activity_id", sa.String(200), nullable=True))
    op.add_column("status_entries", sa.Column("idempotency_key", sa.String(200), nullable=True))
    op.create_index("ix_status_entries_author_id", "status_entries", ["author_id"])
    op.create_index(
        "ix_status_entries_idempotency_key", "status_entries", ["idempotency_key"], unique=True
    )
    op.create_table(
        "editors",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("aad_id", sa.String(100), nullable=False, unique=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("editors")
    op.drop_index("ix_status_entries_idempotency_key", "status_entries")
    op.drop_index("ix_status_entries_author_id", "status_entries")
    with op.batch_alter_table("status_entries") as batch:
        for column in ("idempotency_key", "activity_id", "conversation_id", "author_id"):
            batch.drop_column(column)
