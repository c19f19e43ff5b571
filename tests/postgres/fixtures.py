"""Fixtures for PostgreSQL (a plugin of tests/conftest.py).

`postgres_cluster`: one private cluster for the whole session, started only when a test
asks for it. `postgres_database`: a new, empty database per test (dropped after), as its
name. `database_url`: the database a test's `database`/`library` fixtures open. It is
SQLite, except in modules marked `pytest.mark.both_engines`, where every test that uses it
runs twice: `[sqlite]` and `[postgresql]` (unless marked `sqlite_only`: WAL, FTS5 internals...).
"""

from __future__ import annotations

import pytest

from tests.postgres.cluster import PostgresCluster

ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marked = metafunc.definition.get_closest_marker("both_engines")
    if "database_engine" in metafunc.fixturenames and marked and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("database_engine", ENGINES, indirect=True)


@pytest.fixture(scope="session")
def postgres_cluster():
    cluster = PostgresCluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_database(postgres_cluster: PostgresCluster):
    name = postgres_cluster.create_database()
    yield name
    postgres_cluster.drop_database(name)


@pytest.fixture
def database_engine(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def database_url(request, database_engine: str, location) -> str:
    if database_engine == "sqlite":
        return location.database_url
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    return cluster.url(request.getfixturevalue("postgres_database"))
