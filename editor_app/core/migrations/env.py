"""Alembic environment: runs on the connection Midad hands over (never from alembic.ini)."""

from alembic import context

from editor_app.core.models import Base

SEARCH_TABLE_PREFIX = "article_search"  # FTS5 and its shadow tables: not in the models


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name and name.startswith(SEARCH_TABLE_PREFIX))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    # SQLite cannot ALTER most things: batch mode copies the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
