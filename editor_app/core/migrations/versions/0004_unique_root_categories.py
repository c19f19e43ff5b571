"""unique top-level categories: one "أخبار" at the root, even when two imports race

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

UNIQUE (parent_id, name) does not stop two top-level categories of the same name: NULL
is never equal to NULL. A partial unique index covers the root (SQLite and PostgreSQL
both have them). Duplicates an older Midad may have made are merged first: their
articles and subcategories move to the oldest one.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

INDEX = "uq_categories_root_name"


def _merge(connection, keep: int, drop: int) -> None:
    children = connection.execute(sa.text("SELECT id, name FROM categories WHERE parent_id = :drop"), {"drop": drop}).all()
    for child_id, name in children:
        twin = connection.execute(sa.text("SELECT id FROM categories WHERE parent_id = :keep AND name = :name"),
                                  {"keep": keep, "name": name}).scalar()
        if twin is None:
            connection.execute(sa.text("UPDATE categories SET parent_id = :keep WHERE id = :child"),
                               {"keep": keep, "child": child_id})
        else:
            _merge(connection, twin, child_id)
    connection.execute(sa.text("UPDATE articles SET category_id = :keep WHERE category_id = :drop"), {"keep": keep, "drop": drop})
    connection.execute(sa.text("DELETE FROM categories WHERE id = :drop"), {"drop": drop})


def upgrade() -> None:
    connection = op.get_bind()
    duplicated = connection.execute(sa.text(
        "SELECT name, MIN(id) FROM categories WHERE parent_id IS NULL GROUP BY name HAVING COUNT(*) > 1")).all()
    for name, keep in duplicated:
        others = connection.execute(sa.text("SELECT id FROM categories WHERE parent_id IS NULL AND name = :name AND id <> :keep"),
                                    {"name": name, "keep": keep}).scalars().all()
        for drop in others:
            _merge(connection, keep, drop)
    op.create_index(INDEX, "categories", ["name"], unique=True,
                    sqlite_where=sa.text("parent_id IS NULL"), postgresql_where=sa.text("parent_id IS NULL"))


def downgrade() -> None:
    op.drop_index(INDEX, table_name="categories")
