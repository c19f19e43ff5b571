"""The early window's read of the last article: the stored text, or None whenever the
ordinary start must decide (no such article, not SQLite, not a Midad file, no file)."""

from __future__ import annotations

import sqlite3

from editor_app.core.last_article import LastArticle, read_last_article, sqlite_file
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database


def test_reads_the_stored_title_and_body(location):
    database = Database(location.database_url)
    record = Library(database).create(ArticleDraft(title="عنوان", body="نص 😀 المقال\nسطر ثان"))
    database.close()
    assert read_last_article(location.database_url, record.id) == LastArticle(record.id, "عنوان", "نص 😀 المقال\nسطر ثان")
    assert read_last_article(location.database_url, record.id + 1) is None
    assert read_last_article(location.database_url, None) is None


def test_anything_else_is_left_to_the_ordinary_start(tmp_path):
    assert read_last_article("postgresql://writer@127.0.0.1/newsroom", 1) is None
    assert read_last_article(f"sqlite:///{tmp_path / 'missing.db'}", 1) is None
    assert not (tmp_path / "missing.db").exists()  # read-only: nothing created
    foreign = tmp_path / "other.db"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE notes (id INTEGER)")
    connection.commit()
    connection.close()
    assert read_last_article(f"sqlite:///{foreign}", 1) is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("sqlite:///relative/midad.db").as_posix() == "relative/midad.db"
    assert sqlite_file("sqlite:////abs/midad.db").as_posix() == "/abs/midad.db"
