"""The article the writer had open, read straight from a SQLite library with the standard
library's sqlite3: the window paints it before SQLAlchemy and the ORM are loaded (a third of
a second on an ordinary machine).

Why the database and not a "last session" copy written at quit: the library is the one
truth. A copy can be older than the database (a crash after an autosave, a sync that
changed the article, a backup restored), and a writer who typed into a stale copy would
have edits on the wrong base. One indexed read by primary key costs ~2 ms.

Only SQLite is read this way; a newsroom server (PostgreSQL) starts the ordinary way.
Anything unexpected (no file, an older or damaged schema, a lock) answers None: the
ordinary start then opens the library and explains any problem itself.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

_SQLITE_FILE_URL = re.compile(r"^sqlite(?:\+pysqlite)?:///(?P<path>[^?]+)$")
# Waiting for a lock is the ordinary start's job (it says who holds it).
_READ_TIMEOUT_S = 0.2


@dataclass(frozen=True)
class LastArticle:
    """What the early editor shows: enough for ArticleEditor.load (id, title, body)."""

    id: int
    title: str
    body: str


def sqlite_file(database_url: str) -> Path | None:
    """The database file of a plain SQLite URL (as SQLAlchemy reads it), else None."""
    match = _SQLITE_FILE_URL.match(database_url)
    if match is None or match["path"] == ":memory:":
        return None
    return Path(match["path"])


def read_last_article(database_url: str, article_id: int | None) -> LastArticle | None:
    if article_id is None:
        return None
    path = sqlite_file(database_url)
    if path is None or not path.is_file():
        return None
    try:
        # Read-only: a file that is not Midad's, or a damaged one, is never touched here.
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=_READ_TIMEOUT_S)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT id, title, body FROM articles WHERE id = ?", (article_id,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    if row is None or not isinstance(row[1], str) or not isinstance(row[2], str):
        return None
    return LastArticle(int(row[0]), row[1], row[2])
