"""Fixtures for PostgreSQL (a plugin of tests/conftest.py).

`postgres_cluster`: one private cluster for the whole session, started only when a test
asks for it. `postgres_database`: a new, empty database per test (dropped after), as its
name. `database_url`: the database a test's `database`/`library` fixtures open. It is
SQLite, except in modules marked `pytest.mark.both_engines`, where every test that uses it
runs twice: `[sqlite]` and `[postgresql]` (unless marked `sqlite_only`: WAL, FTS5 internals...).
"""

from __future__ import annotations

import itertools
import os

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


PASSWORD = "كلمة-سر-طويلة"  # people's test password (SCRAM takes any UTF-8)


class Newsroom:
    """A database set up by `midad server init`, and its people, each logging in as themselves."""

    def __init__(self, cluster: PostgresCluster, name: str) -> None:
        from editor_app.core.server.setup import initialise_server

        self.cluster, self.name = cluster, name
        self.owner_url = cluster.url(name)
        self.report = initialise_server(self.owner_url)
        self._opened: list = []

    def url(self, login: str, password: str = PASSWORD, **options: str) -> str:
        return self.cluster.url(self.name, user=login, password=password, **options)

    def add(self, role: str, display_name: str) -> str:
        """A new person (logins are cluster-wide, so each test's are new)."""
        from editor_app.core.server.people import People

        login = f"{role}_{next(_logins)}_{os.getpid()}"
        database = self.open(self.owner_url)
        People(database).add(login, display_name, role, PASSWORD)
        return login

    def open(self, url: str):
        from editor_app.core.storage import Database

        database = Database(url)
        self._opened.append(database)
        return database

    def library(self, login: str):
        from editor_app.core.library import Library

        return Library(self.open(self.url(login)))

    def close(self) -> None:
        for database in self._opened:
            database.close()


_logins = itertools.count(1)


@pytest.fixture
def newsroom(postgres_cluster: PostgresCluster, postgres_database: str):
    room = Newsroom(postgres_cluster, postgres_database)
    yield room
    room.close()
