"""Alembic environment: migrations run on a connection handed over by knowledge.core.db.migrate."""

from __future__ import annotations

from alembic import context

from knowledge.core.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "run migrations through knowledge.core.db.migrate (it supplies the connection)"
    )
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
