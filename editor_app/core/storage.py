"""Where the data lives and how the database is opened.

Default: SQLite in the user's data folder (platformdirs), in WAL mode with foreign
keys and a busy timeout. Any SQLAlchemy URL works too (a shared PostgreSQL).
Opening a database always brings its schema to this version's head with Alembic,
and refuses one written by a newer Midad.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from editor_app.core.errors import DatabaseTooNew, StorageError

APP_NAME = "midad"
DATABASE_FILENAME = "midad.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class StorageLocation:
    data_dir: Path
    database_url: str


def resolve_location(
    data_dir: str | os.PathLike[str] | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> StorageLocation:
    """Command-line options win over the environment, which wins over platformdirs."""
    chosen_dir = data_dir or environ.get("MIDAD_DATA_DIR") or user_data_dir(APP_NAME, False)
    folder = Path(chosen_dir).expanduser().resolve()
    url = database_url or environ.get("MIDAD_DATABASE_URL")
    if not url:
        url = f"sqlite:///{folder / DATABASE_FILENAME}"
    return StorageLocation(data_dir=folder, database_url=url)


def _enable_sqlite_safety(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk before autosave reports success; "never lose a word"
    # is worth the fsync.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def schema_head() -> str:
    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    return heads[0]


class Database:
    """An open, migrated database and the sessions over it."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = _create_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            if migrate:
                upgrade_to_head(self.engine)
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
                yield session
        except DBAPIError as error:
            raise StorageError(f"the database failed: {_short_reason(error)}") from error

    def close(self) -> None:
        self.engine.dispose()


def _create_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StorageError(f"not a database URL: {url}") from error
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"cannot create the data folder {folder}: {error.strerror}"
            ) from error
    try:
        engine = create_engine(url)
    except (NoSuchModuleError, ImportError) as error:
        raise StorageError(f"no database driver for {parsed.get_backend_name()}: {error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_safety)
    return engine


def current_revisions(engine: Engine) -> tuple[str, ...]:
    try:
        with engine.connect() as connection:
            return tuple(MigrationContext.configure(connection).get_current_heads())
    except DBAPIError as error:
        raise StorageError(f"cannot open the database: {_short_reason(error)}") from error


def upgrade_to_head(engine: Engine, target: str = "head") -> None:
    """Bring the schema up to ``target``; refuse a database from a newer Midad."""
    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    current = current_revisions(engine)
    known = {revision.revision for revision in script.walk_revisions()}
    unknown = [revision for revision in current if revision not in known]
    if unknown:
        raise DatabaseTooNew(
            f"this database was written by a newer version of Midad (schema {unknown[0]}); "
            "update Midad to open it"
        )
    if target == "head" and set(current) == set(script.get_heads()):
        return
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    except DBAPIError as error:
        raise StorageError(f"cannot upgrade the database: {_short_reason(error)}") from error


def _short_reason(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0] if error.orig else str(error).splitlines()[0]


def open_database(location: StorageLocation) -> Database:
    return Database(location.database_url)
