"""Authors, categories and tags as rows: created on first use, reused after, safe when two
imports add the same name at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor_app.core.fields import category_parts
from editor_app.core.models import Author, Category, Tag


class Vocabulary:
    """Authors, categories and tags: created on first use, reused after.

    Created with INSERT … ON CONFLICT DO NOTHING and read back, so that two imports adding
    the same name at once both end with the one row (the slower one used to fail with a raw
    UNIQUE error, or add a second top-level category: see migration 0004)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._authors: dict[str, Author] = {}
        self._categories: dict[tuple[int | None, str], Category] = {}
        self._tags: dict[str, Tag] = {}

    def author(self, name: str | None) -> Author | None:
        if not name:
            return None
        if name not in self._authors:
            self._authors[name] = self._get_or_create(Author, {"name": name}, Author.name == name)
        return self._authors[name]

    def category(self, path: str | None) -> Category | None:
        if not path:
            return None
        parent: Category | None = None
        for name in category_parts(path):
            parent = self._child_category(parent, name)
        return parent

    def _child_category(self, parent: Category | None, name: str) -> Category:
        parent_id = parent.id if parent is not None else None
        key = (parent_id, name)
        if key not in self._categories:
            where_parent = Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
            self._categories[key] = self._get_or_create(Category, {"name": name, "parent_id": parent_id},
                                                        Category.name == name, where_parent)
        return self._categories[key]

    def tag(self, name: str) -> Tag:
        if name not in self._tags:
            self._tags[name] = self._get_or_create(Tag, {"name": name}, Tag.name == name)
        return self._tags[name]

    def _get_or_create(self, model, values: dict, *where):
        found = self.session.scalar(select(model).where(*where))
        if found is None:
            _insert_unless_present(self.session, model, values)
            found = self.session.scalar(select(model).where(*where))
        return found


def _insert_unless_present(session: Session, model, values: dict) -> None:
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        from sqlalchemy.dialects import postgresql, sqlite

        insert = (sqlite if dialect == "sqlite" else postgresql).insert
        session.execute(insert(model).values(**values).on_conflict_do_nothing())
        return
    try:  # other databases: a savepoint absorbs the duplicate
        with session.begin_nested():
            session.execute(model.__table__.insert().values(**values))
    except IntegrityError:
        pass
