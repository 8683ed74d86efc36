"""Conversations: a chat's default scope and whether it was welcomed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(400), nullable=False, unique=True),
        sa.Column("tenant_id", sa.String(100), nullable=True),
        sa.Column("channel_id", sa.String(50), nullable=False),
        sa.Column("scope_region", sa.String(100), nullable=True),
        sa.Column("scope_cluster", sa.String(100), nullable=True),
        sa.Column("welcomed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("conversations")
