"""Automatic backups of the local SQLite database, as Anki keeps them.

A backup is a consistent copy made with SQLite's online backup API (never a file copy,
which could catch a half-written page or miss the WAL). Taken when the app starts,
every 30 minutes of use, and before every migration; kept with a rotation: the newest
KEEP_RECENT, plus the newest of each of the last KEEP_DAILY_DAYS days. Restoring first
backs up the current database (or moves a damaged one aside), so a restore can be undone.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from editor_app.core.files import reason as failure_reason
from editor_app.core.errors import QT_TRANSLATE_NOOP, StorageError, Text

BACKUP_DIRNAME = "backups"
KEEP_RECENT = 10
KEEP_DAILY_DAYS = 7
_NAME = re.compile(r"^midad-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.db$")
_STAMP = "%Y%m%d-%H%M%S-%f"


class BackupError(StorageError):
    pass


@dataclass(frozen=True)
class Backup:
    path: Path
    created_at: datetime
    reason: str

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def to_json_dict(self) -> dict:
        return {"name": self.name, "created_at": self.created_at.isoformat(), "reason": self.reason,
                "size": self.size}


def backup_folder(database_path: Path) -> Path:
    return database_path.parent / BACKUP_DIRNAME


def sqlite_path(database_url: str) -> Path | None:
    """The file of a SQLite URL, or None for other databases (backed up by their own tools)."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or database_url[len(prefix):] in ("", ":memory:"):
        return None
    return Path(database_url[len(prefix):])


def _copy(source: sqlite3.Connection, target_path: Path) -> None:
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        target.close()


def create_backup(database_path: Path, reason: str, *, now: datetime | None = None) -> Backup:
    if not database_path.exists():
        raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "there is no database at {path} to back up"), path=database_path))
    folder = backup_folder(database_path)
    moment = now or datetime.now(timezone.utc)
    final = folder / f"midad-{moment.strftime(_STAMP)}-{reason}.db"
    partial = final.with_suffix(".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"file:{database_path}?mode=ro", uri=True, timeout=10)
        try:
            _copy(source, partial)
        finally:
            source.close()
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(partial, final)
    except sqlite3.DatabaseError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "cannot back up {name}: {error}"), name=database_path.name, error=error)) from None
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "cannot write a backup in {folder}: {reason}"), folder=folder,
                               reason=failure_reason(error))) from None
    rotate(folder, now=moment)
    return Backup(final, moment, reason)


def list_backups(database_path: Path) -> list[Backup]:
    """Newest first."""
    return _backups_in(backup_folder(database_path))


def _backups_in(folder: Path) -> list[Backup]:
    found = []
    for path in folder.glob("midad-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
            found.append(Backup(path, created, match.group(2)))
    return sorted(found, key=lambda backup: backup.created_at, reverse=True)


def rotate(folder: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete backups outside the rotation; returns what was deleted."""
    backups = _backups_in(folder)
    now = now or datetime.now(timezone.utc)
    keep = {backup.path for backup in backups[:KEEP_RECENT]}
    newest_of_day: dict[str, Backup] = {}
    for backup in backups:
        if now - backup.created_at <= timedelta(days=KEEP_DAILY_DAYS):
            newest_of_day.setdefault(backup.created_at.strftime("%Y-%m-%d"), backup)
    keep |= {backup.path for backup in newest_of_day.values()}
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def find_backup(database_path: Path, name: str) -> Backup:
    for backup in list_backups(database_path):
        if backup.name == name or backup.name == f"{name}.db":
            return backup
    raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "there is no backup named {name} (see `midad backup list`)"), name=name))


def check_backup(backup: Backup) -> None:
    try:
        connection = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "the backup {name} cannot be read: {error}"), name=backup.name,
                               error=error)) from None
    if verdict != "ok":
        raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "the backup {name} is damaged: {verdict}"), name=backup.name, verdict=verdict))


def is_readable(database_path: Path) -> bool:
    """Whether SQLite can read the database, its WAL replayed (core.storage.sqlite_verdict)."""
    from editor_app.core.storage import sqlite_verdict

    return database_path.exists() and sqlite_verdict(database_path) == "ok"


def move_aside(database_path: Path, *, now: datetime | None = None) -> Path:
    """Keep a damaged database (and its WAL) under a new name instead of overwriting it."""
    stamp = (now or datetime.now(timezone.utc)).strftime(_STAMP)
    aside = database_path.with_name(f"{database_path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{database_path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{aside}{suffix}"))
    return aside


@dataclass(frozen=True)
class RestoreReport:
    restored: Backup
    previous: Backup | None  # the backup of the database as it was: restore it to undo
    moved_aside: Path | None  # the damaged database, kept


def latest_good_backup(database_path: Path) -> Backup | None:
    """The newest backup that passes an integrity check."""
    for backup in list_backups(database_path):
        try:
            check_backup(backup)
        except BackupError:
            continue
        return backup
    return None


def restore_backup(database_path: Path, backup: Backup, *, damaged: bool = False) -> RestoreReport:
    """Replace the database's content with the backup's. The current database is backed up
    first; a damaged one (unreadable by SQLite) is moved aside, never overwritten. A file SQLite
    can read is never moved aside, even when the caller thought it damaged: it is backed up."""
    check_backup(backup)
    previous = moved = None
    if database_path.exists():
        if is_readable(database_path):
            previous = create_backup(database_path, "before-restore")
        else:
            moved = move_aside(database_path)
    try:
        source = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
        target = sqlite3.connect(database_path, timeout=10)
        try:
            source.backup(target)  # page by page, through SQLite: the WAL stays consistent
            target.execute("PRAGMA journal_mode=WAL")
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            target.close()
            source.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(Text(QT_TRANSLATE_NOOP("errors", "cannot restore {name}: {error}"), name=backup.name, error=error)) from None
    return RestoreReport(backup, previous, moved)
