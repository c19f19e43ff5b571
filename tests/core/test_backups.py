"""Backups with SQLite's backup API: consistent, rotated, restorable, and a restore can be undone."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from editor_app.core import backups
from editor_app.core.backups import (
    BackupError,
    create_backup,
    find_backup,
    list_backups,
    restore_backup,
    rotate,
)
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database


def dump(path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture
def db_path(location):
    return backups.sqlite_path(location.database_url)


def test_a_backup_restores_the_library_exactly_as_it_was_when_taken(library, database, db_path):
    library.create(ArticleDraft(title="قبل النسخة", body="نص محفوظ في النسخة الاحتياطية ✓"))
    taken = create_backup(db_path, "manual")
    assert taken.path.exists() and taken.reason == "manual"
    at_backup = dump(taken.path)
    assert dump(db_path) == at_backup  # consistent with the live database, WAL included

    later = library.create(ArticleDraft(title="بعد النسخة", body="سيختفي بالاستعادة"))
    database.close()
    report = restore_backup(db_path, taken)
    assert dump(db_path) == at_backup
    reopened = Library(Database(f"sqlite:///{db_path}"))
    assert [s.title for s in reopened.summaries()] == ["قبل النسخة"]
    assert not reopened.exists(later.id)
    reopened.database.close()

    # Undo: the database as it was before the restore is a backup too.
    assert report.previous is not None and report.previous.reason == "before-restore"
    restore_backup(db_path, report.previous)
    undone = Library(Database(f"sqlite:///{db_path}"))
    assert sorted(s.title for s in undone.summaries()) == ["بعد النسخة", "قبل النسخة"]
    undone.database.close()


def test_rotation_keeps_the_last_ten_and_one_a_day_for_a_week(db_path, library):
    start = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
    moments = [start + timedelta(hours=6 * i) for i in range(60)]  # four a day for fifteen days
    for moment in moments:
        create_backup(db_path, "scheduled", now=moment)
    kept = [backup.created_at for backup in list_backups(db_path)]
    now = moments[-1]
    assert kept[:10] == sorted(moments, reverse=True)[:10]
    days = {moment.date() for moment in moments if now - moment <= timedelta(days=7)}
    assert {moment.date() for moment in kept} == days  # one (or more) for each of the last 7 days
    assert len(kept) == 10 + len(days - {moment.date() for moment in kept[:10]})
    assert rotate(db_path.parent / "backups", now=now) == []  # already in rotation


def test_a_damaged_backup_is_refused(db_path, library):
    taken = create_backup(db_path, "manual")
    taken.path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="cannot be read|damaged"):
        restore_backup(db_path, taken)


def test_restoring_over_a_damaged_database_keeps_the_damaged_file_aside(db_path, library, database):
    library.create(ArticleDraft(title="محفوظ", body="نص"))
    taken = create_backup(db_path, "start")
    database.close()
    garbage = b"\x00garbage" * 5000
    db_path.write_bytes(garbage)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    report = restore_backup(db_path, find_backup(db_path, taken.name))
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == garbage
    assert report.previous is None
    restored = Library(Database(f"sqlite:///{db_path}"))
    assert [s.title for s in restored.summaries()] == ["محفوظ"]
    restored.database.close()


def test_an_unknown_backup_name_is_a_clear_error(db_path, library):
    with pytest.raises(BackupError, match="no backup named nothing"):
        find_backup(db_path, "nothing")


def test_a_migration_is_preceded_by_a_backup_of_the_old_schema(location, db_path):
    from editor_app.core.storage import _create_engine, upgrade_to_head

    engine = _create_engine(location.database_url)
    upgrade_to_head(engine, "0002")  # a library written by an older Midad
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO articles (uuid, title, \"column\", slug, excerpt, body, status, locale, "
                                   "created_at, updated_at, version, notes, featured_caption) VALUES ('u-1', 'قديم', '', "
                                   "'', '', 'نص', 'draft', 'ar', '2024-01-01', '2024-01-01', 1, '', '')")
    engine.dispose()
    Database(location.database_url).close()
    made = list_backups(db_path)
    assert [backup.reason for backup in made] == ["before-migration"]
    old = sqlite3.connect(made[0].path)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    assert old.execute("SELECT title FROM articles").fetchall() == [("قديم",)]
    old.close()
