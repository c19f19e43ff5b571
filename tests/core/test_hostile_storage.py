"""A full disk during the WAL checkpoint must not make a healthy database "damaged", and
recovery never replaces a database SQLite can read (issue 22, High 3). Run on a real small
tmpfs, filled for real (root mounts it, as in tests/ui/test_full_disk.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from editor_app.core.backups import create_backup, list_backups, restore_backup, sqlite_path
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database, resolve_location, sqlite_verdict
from tests.small_disk import fill, mounted_tmpfs, needs_root

pytestmark = needs_root


@pytest.fixture
def small_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "small", "8m") as folder:
        yield folder


@pytest.fixture
def failed_checkpoint(small_disk):
    """A library whose last import is only in the WAL: the checkpoint at close ran out of space
    after writing the new page count into the header."""
    location = resolve_location(data_dir=small_disk / "data", environ={})
    database = Database(location.database_url)
    library = Library(database)
    library.import_drafts([ArticleDraft(title="قبل النسخة", body="نص")])
    path = sqlite_path(location.database_url)
    create_backup(path, "start")
    titles = {f"مقال مستورد {n}" for n in range(60)}
    library.import_drafts([ArticleDraft(title=title, body="نص طويل " * 1500) for title in sorted(titles)])
    filler = fill(small_disk)
    database.close()  # the checkpoint fails: no space to grow midad.db
    assert Path(f"{path}-wal").stat().st_size > path.stat().st_size
    header_pages = int.from_bytes(path.read_bytes()[28:32], "big")
    assert path.stat().st_size < header_pages * 4096  # the header already counts pages only in the WAL
    return location, path, filler, titles | {"قبل النسخة"}


def test_a_failed_checkpoint_on_a_full_disk_leaves_a_database_that_opens_whole(failed_checkpoint):
    location, path, filler, titles = failed_checkpoint
    assert sqlite_verdict(path) == "ok"  # SQLite, replaying the WAL, reads it
    filler.unlink()  # space freed, as the writer would
    database = Database(location.database_url)
    try:
        assert {summary.title for summary in Library(database).summaries()} == titles
    finally:
        database.close()


def test_a_failed_checkpoint_still_opens_while_the_disk_is_full(failed_checkpoint):
    location, _path, _filler, titles = failed_checkpoint
    database = Database(location.database_url)
    try:
        assert {summary.title for summary in Library(database).summaries()} == titles
    finally:
        database.close()


def test_recovery_never_moves_aside_a_database_sqlite_can_read(failed_checkpoint):
    location, path, filler, titles = failed_checkpoint
    filler.unlink()
    backup = next(b for b in list_backups(path) if b.reason == "start")
    report = restore_backup(path, backup, damaged=True)  # as the window's recovery called it
    assert report.moved_aside is None and report.previous is not None  # kept as a backup, restorable
    kept = sqlite3.connect(f"file:{report.previous.path}?mode=ro", uri=True)
    try:
        assert {row[0] for row in kept.execute("SELECT title FROM articles")} == titles
    finally:
        kept.close()


def test_recovery_in_the_window_is_not_even_offered_for_a_readable_database(failed_checkpoint):
    from editor_app.ui.recovery import open_or_recover

    location, _path, filler, titles = failed_checkpoint
    filler.unlink()
    asked, told = [], []
    opened, restored = open_or_recover(location, ask=lambda question: asked.append(question) or True, tell=told.append)
    try:
        assert restored is None and asked == [] and told == []
        assert {summary.title for summary in Library(opened).summaries()} == titles
    finally:
        opened.close()
