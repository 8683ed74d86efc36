"""Conversation references kept for proactive sends, and whether a conversation is active.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.add_column(sa.Column("service_url", sa.String(400), nullable=True))
        batch.add_column(sa.Column("reference", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("inactive_reason", sa.String(100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("conversations") as batch:
        batch.drop_column("inactive_reason")
        batch.drop_column("active")
        batch.drop_column("reference")
        batch.drop_column("service_url")
