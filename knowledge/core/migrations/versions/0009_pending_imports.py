"""Pending imports: documents sent in chat, kept until their editor confirms the import.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pending_imports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(400), nullable=False),
        sa.Column("author_id", sa.String(100), nullable=True),
        sa.Column("author_name", sa.String(300), nullable=False),
        sa.Column("file", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("outcome", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_pending_imports_conversation_id", "pending_imports", ["conversation_id"]
    )
    op.create_index("ix_pending_imports_expires_at", "pending_imports", ["expires_at"])


def downgrade() -> None:
    op.drop_table("pending_imports")
