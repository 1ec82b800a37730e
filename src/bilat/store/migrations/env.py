"""Alembic environment: bilat runs migrations programmatically on an open connection.

``bilat.store.migrate`` puts the connection in ``config.attributes['connection']``; no
alembic.ini and no URL in a file, so the same migrations serve SQLite and PostgreSQL.
"""
from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
