"""Where the data lives and how the database is opened.

Default: SQLite in the user's data folder (platformdirs), in WAL mode with foreign
keys and a busy timeout. Any SQLAlchemy URL works too (a shared PostgreSQL).
Opening a database always brings its schema to this version's head with Alembic,
and refuses one written by a newer Midad.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from editor_app.core.errors import (
    DatabaseDamaged,
    DatabaseLocked,
    DatabaseTooNew,
    DatabaseUnwritable,
    QT_TRANSLATE_NOOP,
    NotAMidadDatabase,
    StorageError,
    Text,
)
# Re-exported: where the data lives is decided before SQLAlchemy is loaded (core.locations).
from editor_app.core.locations import APP_NAME, DATABASE_FILENAME, StorageLocation, resolve_location  # noqa: F401
from editor_app.core.schema_heads import MIGRATIONS_DIR, migration_heads

SQLITE_BUSY_TIMEOUT_MS = 10_000


def _enable_sqlite_safety(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before autosave reports success; "never lose a word"
    # is worth the fsync.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _alembic_config():
    # Alembic (and Mako) cost a third of a second to import: only loaded when the schema
    # must change or be inspected, never to open an up-to-date database.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def schema_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    return heads[0]


class Database:
    """An open, migrated database and the sessions over it."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        # Who acts through this database (set by the Library): stamped on what they change
        # (session.info["actor"]); on a newsroom server the server's current_user prevails.
        self.actor = ""
        path = Path(make_url(url).database or "") if url.startswith("sqlite") else None
        if path is not None and path.name and path.exists():
            _check_sqlite_file(path)
        self.engine = _create_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            if migrate:
                upgrade_to_head(self.engine)
        except StorageError as error:
            self.engine.dispose()
            raise diagnosed(error, url) from error
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                session.info["actor"] = self.actor
                yield session
        except DBAPIError as error:
            raise diagnosed(StorageError(Text(QT_TRANSLATE_NOOP("errors", "the database failed: {reason}"), reason=_short_reason(error))),
                            self.url) from error

    def close(self) -> None:
        self.engine.dispose()


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StorageError(Text(QT_TRANSLATE_NOOP("errors", "not a database URL: {url}"), url=url)) from error
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseUnwritable(Text(
                QT_TRANSLATE_NOOP("errors", "cannot create the data folder {folder}: {reason}; check its permissions or choose "
                                           "another folder with --data-dir"), folder=folder, reason=error.strerror)
            ) from error
    if parsed.drivername == "postgresql":
        # Midad ships psycopg 3; SQLAlchemy's default for a bare postgresql:// is psycopg2.
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        # A server may restart under an open window: a pooled connection is checked before use,
        # so the next operation reconnects by itself instead of failing once per dead connection.
        engine = create_engine(parsed, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    except (NoSuchModuleError, ImportError) as error:
        raise StorageError(Text(QT_TRANSLATE_NOOP("errors", "no database driver for {backend}: {error}"),
                                backend=parsed.get_backend_name(), error=error)) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_safety)
    return engine


def current_revisions(engine: Engine) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return tuple(MigrationContext.configure(connection).get_current_heads())
    except DBAPIError as error:
        raise StorageError(Text(QT_TRANSLATE_NOOP("errors", "cannot open the database: {reason}"), reason=_short_reason(error))) from error


def upgrade_to_head(engine: Engine, target: str = "head") -> None:
    """Bring the schema up to ``target``; refuse a database from a newer Midad."""
    if target == "head" and _stored_revisions(engine) == migration_heads():
        return  # the usual start: up to date, known without loading Alembic
    from alembic import command
    from alembic.script import ScriptDirectory

    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    current = current_revisions(engine)
    known = {revision.revision for revision in script.walk_revisions()}
    unknown = [revision for revision in current if revision not in known]
    if unknown:
        raise DatabaseTooNew(Text(
            QT_TRANSLATE_NOOP("errors", "this database was written by a newer version of Midad (schema {schema}); "
                              "update Midad to open it"), schema=unknown[0]))
    if target == "head" and set(current) == set(script.get_heads()):
        return
    if not current:
        _refuse_foreign_tables(engine)
    elif engine.dialect.name == "sqlite" and engine.url.database:
        # The migration rewrites tables: keep a copy of the database as it was.
        from editor_app.core.backups import create_backup

        create_backup(Path(engine.url.database), "before-migration")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    except DBAPIError as error:
        raise StorageError(Text(QT_TRANSLATE_NOOP("errors", "cannot upgrade the database: {reason}"), reason=_short_reason(error))) from error


def _stored_revisions(engine: Engine) -> frozenset[str] | None:
    """The database's schema revisions in one query; None when it has no version table yet
    (or cannot be read: then the full path below says why)."""
    from sqlalchemy import text

    try:
        with engine.connect() as connection:
            return frozenset(row[0] for row in connection.execute(text("SELECT version_num FROM alembic_version")))
    except DBAPIError:
        return None


_SQLITE_MAGIC = b"SQLite format 3\x00"


def sqlite_verdict(path: Path) -> str:
    """"ok", or what is wrong, as SQLite itself sees the file: opened normally, so that a
    write-ahead log left beside it is replayed (the header alone is stale until a checkpoint
    has copied the log back), then `PRAGMA quick_check`. Reading never changes the content."""
    try:
        connection = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    verdict = "; ".join(str(row[0]) for row in rows[:3])
    return "ok" if verdict == "ok" else verdict or "no answer"


def _check_sqlite_file(path: Path) -> None:
    """A cheap look at the header first; only when it looks wrong does SQLite judge.

    The header is never the verdict: after a checkpoint that failed for lack of space the
    header already counts pages that are still only in the WAL, and the database is whole.
    A file is called damaged only when SQLite, replaying its WAL, cannot read it."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
        size = path.stat().st_size
    except OSError as error:
        raise DatabaseUnwritable(Text(QT_TRANSLATE_NOOP("errors", "Midad cannot read its database {path}: {reason}"), path=path,
                                      reason=error.strerror or error)) from None
    if size == 0 and not Path(f"{path}-wal").exists():
        return  # a new, empty file: SQLite makes it a database
    not_sqlite = len(header) < 100 or not header.startswith(_SQLITE_MAGIC)
    page_size = int.from_bytes(header[16:18], "big") if not not_sqlite else 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big") if not not_sqlite else 0
    short = bool(pages) and size < page_size * pages
    if not_sqlite or short:
        verdict = sqlite_verdict(path)
        if verdict != "ok" and not_sqlite:
            raise DatabaseDamaged(Text(QT_TRANSLATE_NOOP("errors", "the database {path} is damaged (the file is not a SQLite database); "
                                                         "Midad has not changed it{hint}"),
                                       path=path, hint=_latest_backup_hint(path)), path)
        if verdict != "ok":
            raise DatabaseDamaged(Text(QT_TRANSLATE_NOOP("errors", "the database {path} is damaged (the file is truncated: {size} of "
                                                         "{expected} bytes); Midad has not changed it{hint}"),
                                       path=path, size=f"{size:,}", expected=f"{page_size * pages:,}",
                                       hint=_latest_backup_hint(path)), path)
    # Read-only, before any connection of ours switches the file to WAL: someone else's
    # database must not be touched at all.
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return  # locked or damaged: the real open names it
    if tables and "alembic_version" not in tables:
        _refuse_tables(path, tables)


def _refuse_foreign_tables(engine: Engine) -> None:
    """A database without Midad's version table must be empty: never add tables to another app's file."""
    from sqlalchemy import inspect

    try:
        tables = [name for name in inspect(engine).get_table_names() if not name.startswith("sqlite_")]
    except DBAPIError as error:
        raise StorageError(Text(QT_TRANSLATE_NOOP("errors", "cannot open the database: {reason}"), reason=_short_reason(error))) from error
    if tables:
        _refuse_tables(engine.url.database or engine.url, tables)


def _refuse_tables(where: object, tables: list[str]) -> None:
    raise NotAMidadDatabase(Text(QT_TRANSLATE_NOOP("errors", "{where} is not a Midad database (it holds the tables {tables}); "
                                                   "Midad has left it untouched: choose another file or folder"),
                                 where=where, tables=", ".join(sorted(tables)[:5])))


_DAMAGE = ("file is not a database", "database disk image is malformed", "malformed database schema",
           "no such table", "no such column")


def diagnosed(error: StorageError, url: str) -> StorageError:
    """The same failure, named for what the user can do about it."""
    if isinstance(error, (DatabaseTooNew, NotAMidadDatabase, DatabaseDamaged, DatabaseLocked, DatabaseUnwritable)):
        return error
    reason = str(error)
    if url.startswith("postgresql"):
        from editor_app.core.server.faults import named_failure  # the server's failures, one sentence each

        named = named_failure(reason, url)
        if named is not None:
            return named
    path = Path(make_url(url).database or "") if url.startswith("sqlite") else None
    where = str(path) if path else url
    if "database is locked" in reason:
        return DatabaseLocked(Text(QT_TRANSLATE_NOOP("errors", "the database {where} is locked by another program (another Midad on "
                                                  "the same folder, a sync or backup tool): close it and try again"),
                                   where=where))
    if "readonly" in reason or "unable to open database file" in reason or "Permission denied" in reason:
        folder = path.parent if path else where
        return DatabaseUnwritable(Text(QT_TRANSLATE_NOOP("errors", "Midad cannot write its database in {folder}: the folder or the "
                                                      "file is read-only; check its permissions or choose another "
                                                      "folder with --data-dir"), folder=folder))
    if any(sign in reason for sign in _DAMAGE):
        detail = reason.split(": ", 1)[-1]
        return DatabaseDamaged(Text(QT_TRANSLATE_NOOP("errors", "the database {where} is damaged ({detail}); Midad has not changed "
                                                   "it{hint}"), where=where, detail=detail,
                                    hint=_latest_backup_hint(path)), path)
    return error


def _latest_backup_hint(path: Path | None) -> str | Text:
    from editor_app.core.backups import list_backups

    backups = list_backups(path) if path else []
    if not backups:
        return ""
    latest = backups[0]
    when = latest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return Text(QT_TRANSLATE_NOOP("errors", ". The latest backup is {name} ({when}): restore it with File › Restore from "
                                   "backup… or `midad backup restore {name}`"), name=latest.name, when=when)


def _short_reason(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error).splitlines()[0]


def open_database(location: StorageLocation) -> Database:
    return Database(location.database_url)
