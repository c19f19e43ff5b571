"""A damaged database is named for what happened, offered its latest backup, and never
overwritten: truncated, garbage, someone else's file, a table gone, locked, read-only."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import time

import pytest

from editor_app.core.backups import create_backup, sqlite_path
from editor_app.core.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseUnwritable,
    NotAMidadDatabase,
)
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from tests.cli.test_cli import midad


def fingerprint(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved_library(location):
    """A library with some articles and one backup, closed (its WAL folded in)."""
    database = Database(location.database_url)
    library = Library(database)
    library.import_drafts([ArticleDraft(title=f"مقال {i}", body="نص طويل " * 400) for i in range(30)])
    path = sqlite_path(location.database_url)
    backup = create_backup(path, "start")
    database.close()
    return path, backup


def test_a_truncated_database_is_reported_with_its_backup_and_left_as_it_is(saved_library, location):
    path, backup = saved_library
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = fingerprint(path)
    with pytest.raises(DatabaseDamaged) as damaged:
        Database(location.database_url)
    message = str(damaged.value)
    assert "is damaged (the file is truncated" in message and backup.name in message
    assert "midad backup restore" in message
    assert fingerprint(path) == before


def test_garbage_is_not_taken_for_a_database(saved_library, location):
    path, backup = saved_library
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 200)
    before = fingerprint(path)
    with pytest.raises(DatabaseDamaged, match="is not a SQLite database"):
        Database(location.database_url)
    assert fingerprint(path) == before


def test_another_applications_database_is_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    connection.commit()
    connection.close()
    before = fingerprint(path)
    with pytest.raises(NotAMidadDatabase, match="is not a Midad database .*invoices"):
        Database(f"sqlite:///{path}")
    assert fingerprint(path) == before


def test_a_missing_table_is_damage_with_the_backup_offered(saved_library, location):
    path, backup = saved_library
    connection = sqlite3.connect(path)
    connection.execute("DROP TABLE article_tags")
    connection.commit()
    connection.close()
    library = Library(Database(location.database_url))
    with pytest.raises(DatabaseDamaged, match=f"no such table.*{backup.name}"):
        library.get(1)


def test_a_database_locked_by_another_process_says_so(saved_library, location):
    path, _backup = saved_library
    holder = subprocess.Popen(["python3", "-c", (
        "import sqlite3, sys, time\n"
        f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE')\n"
        "c.execute('CREATE TABLE IF NOT EXISTS held (x)')\n"
        "print('held', flush=True); time.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            Library(Database(location.database_url))
        assert time.monotonic() - started < 30
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def read_only_folder(tmp_path):
    """A read-only file system (root ignores permissions, so a read-only mount it is)."""
    import os

    folder = tmp_path / "readonly"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder, lambda: folder.chmod(0o555), lambda: folder.chmod(0o755)
        return
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], check=True)
    try:
        yield (folder, lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True),
               lambda: subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True))
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_read_only_folder_is_named_with_what_to_do(read_only_folder):
    folder, make_read_only, _make_writable = read_only_folder
    existing = folder / "existing" / "midad.db"
    library = Library(Database(f"sqlite:///{existing}"))
    library.create(ArticleDraft(title="موجود", body="نص"))
    library.database.close()
    before = fingerprint(existing)
    make_read_only()
    with pytest.raises(DatabaseUnwritable, match="check its permissions"):
        Library(Database(f"sqlite:///{folder / 'new' / 'midad.db'}"))
    with pytest.raises(DatabaseUnwritable, match="read-only; check its permissions"):
        Library(Database(f"sqlite:///{existing}")).create(ArticleDraft(title="جديد"))
    assert fingerprint(existing) == before


def test_the_cli_names_the_damage_and_restores_the_backup_without_losing_the_damaged_file(saved_library, location):
    path, backup = saved_library
    damaged_bytes = path.read_bytes()[:5000]
    path.write_bytes(damaged_bytes)
    listed = midad("list", data_dir=location.data_dir)
    assert listed.returncode == 1 and "Traceback" not in listed.stderr
    assert "is damaged" in listed.stderr and backup.name in listed.stderr

    backups = midad("backup", "list", data_dir=location.data_dir)
    assert backup.name in backups.stdout
    restored = midad("backup", "restore", backup.name, data_dir=location.data_dir)
    assert restored.returncode == 0, restored.stderr
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert len(midad("list", data_dir=location.data_dir).stdout.splitlines()) == 30
