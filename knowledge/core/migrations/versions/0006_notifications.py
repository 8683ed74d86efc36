"""Subscriptions, calendar feed tokens and the outbox of notifications.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("conversation_id", sa.String(400), nullable=False),
        sa.Column("tenant_id", sa.String(100), nullable=True),
        sa.Column("personal", sa.Boolean(), nullable=False),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target_id", sa.String(300), nullable=False),
        sa.Column("target_label", sa.String(300), nullable=False),
        sa.Column("target_region", sa.String(100), nullable=True),
        sa.Column("lead_days", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.String(100), nullable=True),
        sa.Column("created_by_name", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("conversation_id", "target_id"),
    )
    op.create_index("ix_subscriptions_conversation_id", "subscriptions", ["conversation_id"])
    op.create_index("ix_subscriptions_target_id", "subscriptions", ["target_id"])
    op.create_index("ix_subscriptions_created_by_id", "subscriptions", ["created_by_id"])
    op.create_table(
        "calendar_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target_id", sa.String(300), nullable=False),
        sa.Column("target_label", sa.String(300), nullable=False),
        sa.Column("target_region", sa.String(100), nullable=True),
        sa.Column("owner_id", sa.String(100), nullable=True),
        sa.Column("conversation_id", sa.String(400), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_calendar_tokens_owner_id", "calendar_tokens", ["owner_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(300), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("conversation_id", sa.String(400), nullable=False),
        sa.Column("tenant_id", sa.String(100), nullable=True),
        sa.Column("subscription_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("status_entry_id", sa.Integer(), nullable=True),
        sa.Column("lead_days", sa.Integer(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lease_owner", sa.String(100), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("activity_id", sa.String(200), nullable=True),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_outbox_state_due", "outbox", ["state", "due_at"])
    op.create_index("ix_outbox_conversation_id", "outbox", ["conversation_id"])
    op.create_index("ix_outbox_subscription_id", "outbox", ["subscription_id"])
    op.create_index("ix_outbox_meeting_id", "outbox", ["meeting_id"])


def downgrade() -> None:
    op.drop_table("outbox")
    op.drop_table("calendar_tokens")
    op.drop_table("subscriptions")
