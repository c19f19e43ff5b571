"""Opening, configuring and migrating real SQLite databases."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from editor_app.core.errors import DatabaseTooNew, StorageError
from editor_app.core.library import Library
from editor_app.core.models import Base

SEARCH_TABLES = "article_search"


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name and name.startswith(SEARCH_TABLES))
from editor_app.core.storage import (
    DATABASE_FILENAME,
    Database,
    current_revisions,
    resolve_location,
    schema_head,
    upgrade_to_head,
)

# Every test here that opens `database`/`library` runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

FIRST_REVISION = "0001"


def test_default_location_is_the_platform_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr("editor_app.core.locations.user_data_dir", lambda *_: str(tmp_path / "platform"))
    location = resolve_location(environ={})
    assert location.data_dir == tmp_path / "platform"
    assert location.database_url == f"sqlite:///{tmp_path / 'platform' / DATABASE_FILENAME}"


def test_option_wins_over_environment_which_wins_over_default(tmp_path):
    environ = {"MIDAD_DATA_DIR": str(tmp_path / "env"), "MIDAD_DATABASE_URL": "sqlite:///" + str(tmp_path / "env.db")}
    from_env = resolve_location(environ=environ)
    assert from_env.data_dir == tmp_path / "env"
    assert from_env.database_url.endswith("env.db")
    from_options = resolve_location(tmp_path / "opt", "sqlite:///" + str(tmp_path / "opt.db"), environ=environ)
    assert from_options.data_dir == tmp_path / "opt"
    assert from_options.database_url.endswith("opt.db")


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_busy_timeout(database):
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_a_new_database_is_at_the_head_revision(database):
    assert current_revisions(database.engine) == (schema_head(),)


def test_models_and_migrations_describe_the_same_schema(database):
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_migration_from_the_first_revision_keeps_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    upgrade_to_head(engine, target=FIRST_REVISION)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO authors (id, name) VALUES (1, 'أمين نشاط')"))
        connection.execute(
            text(
                "INSERT INTO articles (id, uuid, title, \"column\", author_id, slug, excerpt, body, status,"
                " locale, created_at, updated_at, version) VALUES (7, 'u-1', 'عنوان', 'افتتاحية', 1, 's',"
                " 'e', 'نص المقال', 'draft', 'ar_MA', '2024-04-09 17:23:00', '2024-04-09 17:23:00', 1)"
            )
        )
    engine.dispose()

    database = Database(url)  # opening upgrades to head
    try:
        assert current_revisions(database.engine) == (schema_head(),)
        record = Library(database).get(7)
        assert (record.title, record.column, record.author, record.body, record.locale) == (
            "عنوان", "افتتاحية", "أمين نشاط", "نص المقال", "ar_MA",
        )
        assert record.created_at == datetime(2024, 4, 9, 17, 23, tzinfo=timezone.utc)
        # The search index did not exist in the first schema: it is filled on opening.
        assert [hit.id for hit in Library(database).search("المقال")] == [7]
        assert Library(database).revisions(7) == []
    finally:
        database.close()


def test_a_database_from_a_newer_midad_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "newer.db"
    Database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of Midad"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="is damaged \\(the file is not a SQLite database\\)"):
        Database(f"sqlite:///{path}")


def test_an_invalid_url_gives_a_clear_error():
    with pytest.raises(StorageError, match="not a database URL"):
        Database("definitely not a url")
