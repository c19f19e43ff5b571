"""A newsroom server that cannot be reached or refuses: one clear sentence each, nothing written.
And `midad server …` as a user runs it."""

from __future__ import annotations

import json
import subprocess

import pytest

from editor_app.core.errors import DatabaseTooNew, NotAMidadDatabase
from editor_app.core.server.faults import NotAllowed, ServerRefusedLogin, ServerUnreachable
from editor_app.core.server.setup import CannotManageRoles, NotAServerDatabase, initialise_server
from editor_app.core.storage import Database
from tests.cli.test_cli import assert_clean_failure, midad
from tests.postgres.fixtures import PASSWORD
from tests.wordpress.server import free_port


def one_sentence(error: Exception) -> str:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message and "psycopg" not in message
    return message


def tables(cluster, database: str) -> list[str]:
    return sorted(row[0] for row in cluster.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database=database))


@pytest.fixture
def writer(newsroom):
    return newsroom.add("writer", "سمير الكاتب")


def test_wrong_password(newsroom, writer):
    with pytest.raises(ServerRefusedLogin) as caught:
        Database(newsroom.url(writer, password="not-the-password"))
    assert one_sentence(caught.value) == (f"the server 127.0.0.1 refused the password of {writer}: check it, "
                                          "or ask an admin to reset it")


def test_unknown_host(newsroom, writer):
    with pytest.raises(ServerUnreachable) as caught:
        Database(newsroom.url(writer, host="no-such-newsroom.invalid"))
    assert one_sentence(caught.value) == "cannot find the server no-such-newsroom.invalid: check its address"


def test_server_down(newsroom, writer):
    url = newsroom.url(writer).replace(f":{newsroom.cluster.port}/", f":{free_port()}/")
    with pytest.raises(ServerUnreachable, match="does not answer: it may be down or restarting") as caught:
        Database(url)
    one_sentence(caught.value)


def test_certificate_for_another_name(newsroom, writer):
    # verify-full: the name asked for must be the certificate's (127.0.0.1 only), whatever the address.
    with pytest.raises(ServerRefusedLogin, match="the certificate of the server is not for localhost") as caught:
        Database(newsroom.url(writer, host="localhost", hostaddr="127.0.0.1"))
    one_sentence(caught.value)


def test_certificate_from_an_untrusted_authority(newsroom, writer, tmp_path):
    key, other_authority = tmp_path / "other.key", tmp_path / "other.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(other_authority)],
                   check=True, capture_output=True)
    with pytest.raises(ServerRefusedLogin, match="not signed by the authority you trust") as caught:
        Database(newsroom.url(writer, sslrootcert=str(other_authority)))
    one_sentence(caught.value)


def test_unencrypted_connections_are_refused(newsroom, writer):
    with pytest.raises(ServerRefusedLogin, match="accepts only encrypted connections") as caught:
        Database(newsroom.url(writer, sslmode="disable"))
    one_sentence(caught.value)


def test_a_role_without_rights(newsroom):
    stranger = f"stranger_{newsroom.name}"
    newsroom.cluster.execute(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}'")
    with pytest.raises(ServerRefusedLogin) as caught:
        Database(newsroom.url(stranger))
    assert one_sentence(caught.value) == f"{stranger} is not a person of the newsroom {newsroom.name}: ask an admin to add them"
    newsroom.cluster.execute(f'GRANT CONNECT ON DATABASE "{newsroom.name}" TO {stranger}')  # in, but no table rights
    with pytest.raises(NotAllowed, match=f"{stranger} has no right to do this") as caught:
        Database(newsroom.url(stranger))
    one_sentence(caught.value)


def test_a_database_of_another_application_is_left_untouched(postgres_cluster, postgres_database):
    postgres_cluster.execute("CREATE TABLE wp_posts (id serial PRIMARY KEY, post_title text)", database=postgres_database)
    with pytest.raises(NotAMidadDatabase, match="is not a Midad database .*wp_posts"):
        initialise_server(postgres_cluster.url(postgres_database))
    with pytest.raises(NotAMidadDatabase):
        Database(postgres_cluster.url(postgres_database))
    assert tables(postgres_cluster, postgres_database) == ["wp_posts"]


def test_a_database_of_a_newer_midad_is_refused(newsroom, writer):
    newsroom.cluster.execute("UPDATE alembic_version SET version_num = '0999'", database=newsroom.name)
    before = tables(newsroom.cluster, newsroom.name)
    for url in (newsroom.url(writer), newsroom.owner_url):
        with pytest.raises(DatabaseTooNew, match="written by a newer version of Midad") as caught:
            Database(url)
        one_sentence(caught.value)
    with pytest.raises(DatabaseTooNew):
        initialise_server(newsroom.owner_url)
    assert tables(newsroom.cluster, newsroom.name) == before


def test_init_needs_postgresql_and_a_role_that_may_create_roles(newsroom, writer, tmp_path):
    with pytest.raises(NotAServerDatabase, match="a newsroom server is a PostgreSQL database"):
        initialise_server(f"sqlite:///{tmp_path / 'midad.db'}")
    with pytest.raises(CannotManageRoles) as caught:
        initialise_server(newsroom.url(writer))
    assert one_sentence(caught.value).startswith(f"{writer} cannot set up a newsroom")


# -- the command line -----------------------------------------------------------------------


def test_server_commands_from_init_to_a_disabled_person(postgres_cluster, postgres_database, tmp_path):
    owner_url = postgres_cluster.url(postgres_database)
    first = midad("server", "init", "--database-url", owner_url, data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "ready" in first.stdout and "midad_writer" in first.stdout
    assert midad("server", "init", "--database-url", owner_url, data_dir=tmp_path).returncode == 0  # idempotent
    chief = f"chief_{postgres_database}"
    added = midad("server", "users", "add", chief, "--name", "رئيس التحرير", "--role", "admin", "--password-stdin",
                  "--database-url", owner_url, data_dir=tmp_path, stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    chief_url = postgres_cluster.url(postgres_database, user=chief, password=PASSWORD)
    writer = f"writer_{postgres_database}"
    assert midad("server", "users", "add", writer, "--name", "سمير الكاتب", "--password-stdin",
                 "--database-url", chief_url, data_dir=tmp_path, stdin=PASSWORD + "\n").returncode == 0
    listed = midad("server", "users", "list", "--json", "--database-url", chief_url, data_dir=tmp_path)
    assert {p["login"]: (p["display_name"], p["role"]) for p in json.loads(listed.stdout)} == {
        chief: ("رئيس التحرير", "admin"), writer: ("سمير الكاتب", "writer")}
    writer_url = postgres_cluster.url(postgres_database, user=writer, password=PASSWORD)
    refused = midad("server", "users", "role", writer, "admin", "--database-url", writer_url, data_dir=tmp_path)
    assert_clean_failure(refused)
    assert "only an admin of the newsroom may manage people" in refused.stderr
    assert midad("server", "users", "disable", writer, "--database-url", chief_url, data_dir=tmp_path).returncode == 0
    locked_out = midad("list", "--database-url", writer_url, data_dir=tmp_path)
    assert_clean_failure(locked_out)
    assert "is disabled on the newsroom server" in locked_out.stderr
    on_sqlite = midad("server", "users", "list", data_dir=tmp_path)
    assert_clean_failure(on_sqlite)
    assert "people and roles belong to a newsroom server" in on_sqlite.stderr
