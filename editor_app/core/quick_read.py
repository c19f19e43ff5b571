"""`midad list` and `midad show` on a local library, read with the standard library's sqlite3.

Importing SQLAlchemy and declaring the ORM's tables costs about a third of a second on an
ordinary machine (more than the whole command should take), so these two read-only
commands read the SQLite file directly when they can: the same rows, in the same order,
as core.listing and Library.get give (tests/core/test_quick_read.py compares them on a
varied library). Whenever anything is unusual (not SQLite, no file yet, a schema other
than this version's, an article that does not exist, any sqlite3 error) the answer is None
and the command takes the ordinary path, which migrates, diagnoses and explains.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from editor_app.core.last_article import sqlite_file
from editor_app.core.records import ARTICLE_JSON_KEYS, ArticleSummary
from editor_app.core.schema_heads import migration_heads
from editor_app.core.statuses import CATEGORY_SEPARATOR


# core.listing._sync_state, worst first.
_SYNC_STATE = """CASE
    WHEN EXISTS (SELECT 1 FROM outbox_jobs o WHERE o.article_id = a.id AND o.state = 'refused') THEN 'refused'
    WHEN EXISTS (SELECT 1 FROM outbox_jobs o WHERE o.article_id = a.id AND o.state = 'pending') THEN 'queued'
    WHEN EXISTS (SELECT 1 FROM remote_posts r WHERE r.article_id = a.id AND r.synced_version < a.version) THEN 'changed'
    WHEN EXISTS (SELECT 1 FROM remote_posts r WHERE r.article_id = a.id) THEN 'synced'
    ELSE '' END"""


class _NotHere(Exception):
    """The ordinary path must answer."""


@contextmanager
def _library(database_url: str) -> Iterator[sqlite3.Connection]:
    path = sqlite_file(database_url)
    if path is None or not path.is_file():
        raise _NotHere
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        stored = frozenset(row[0] for row in connection.execute("SELECT version_num FROM alembic_version"))
        if stored != migration_heads():
            raise _NotHere  # a migration is due (or a newer Midad wrote it): the ordinary open says so
        yield connection
    finally:
        connection.close()


def _utc(value: str | None) -> datetime | None:
    """As core.models.UTCDateTime returns it: stored naive UTC, returned aware."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=timezone.utc)


def _category_paths(connection: sqlite3.Connection) -> dict[int, str]:
    rows = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT id, name, parent_id FROM categories")}
    paths: dict[int, str] = {}

    def path(category_id: int) -> str:
        if category_id not in paths:
            name, parent = rows[category_id]
            paths[category_id] = (path(parent) + CATEGORY_SEPARATOR if parent in rows else "") + name
        return paths[category_id]

    for category_id in rows:
        path(category_id)
    return paths


def list_summaries(database_url: str, *, status: str | None = None, category: str | None = None,
                   author: str | None = None, trashed: bool = False) -> list[ArticleSummary] | None:
    """core.listing.list_page with the CLI's query (newest change first, everything), or None."""
    try:
        with _library(database_url) as connection:
            paths = _category_paths(connection)
            where = ["a.trashed_at IS NOT NULL" if trashed else "a.trashed_at IS NULL"]
            parameters: list[Any] = []
            if status:
                where.append("a.status = ?")
                parameters.append(status)
            if author:
                where.append("a.author_id IN (SELECT id FROM authors WHERE name = ?)")
                parameters.append(author)
            if category:
                wanted = category.strip(CATEGORY_SEPARATOR)
                ids = [cid for cid, p in paths.items() if p == wanted or p.startswith(wanted + CATEGORY_SEPARATOR)] or [-1]
                where.append(f"a.category_id IN ({', '.join('?' * len(ids))})")
                parameters.extend(ids)
            rows = connection.execute(
                "SELECT a.id, a.title, a.status, a.category_id, a.updated_at, "
                "(SELECT name FROM authors WHERE authors.id = a.author_id), " + _SYNC_STATE +
                " FROM articles a WHERE " + " AND ".join(where) + " ORDER BY a.updated_at DESC, a.id DESC",
                parameters).fetchall()
    except (_NotHere, sqlite3.Error):
        return None
    return [ArticleSummary(id=row[0], title=row[1], status=row[2], author=row[5],
                           category=paths.get(row[3]) if row[3] else None, updated_at=_utc(row[4]), sync=row[6])
            for row in rows]


def article_json(database_url: str, article_id: int) -> dict[str, Any] | None:
    """ArticleRecord.to_json_dict() of Library.get(article_id), or None."""
    try:
        with _library(database_url) as connection:
            row = connection.execute(
                'SELECT a.id, a.uuid, a.title, a."column", (SELECT name FROM authors WHERE authors.id = a.author_id), '
                "a.category_id, a.slug, a.excerpt, a.status, a.locale, a.published_at, a.created_at, a.updated_at, "
                "a.body FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
            if row is None:
                return None  # the ordinary path names the missing article
            tags = [name for (name,) in connection.execute(
                "SELECT t.name FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE l.article_id = ? "
                "ORDER BY l.position", (article_id,))]
            category = _category_paths(connection).get(row[5]) if row[5] else None
    except (_NotHere, sqlite3.Error):
        return None
    values = {"id": row[0], "uuid": row[1], "title": row[2], "column": row[3], "author": row[4], "category": category,
              "tags": tags, "slug": row[6], "excerpt": row[7], "status": row[8], "locale": row[9],
              "published_at": _iso(_utc(row[10])), "created_at": _iso(_utc(row[11])),
              "updated_at": _iso(_utc(row[12])), "body": row[13]}
    return {key: values[key] for key in ARTICLE_JSON_KEYS}


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()  # as core.records writes it
