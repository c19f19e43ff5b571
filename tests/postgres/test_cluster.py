"""The private test cluster itself: TLS and SCRAM only, and it never outlives the tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from tests.postgres.cluster import SUPERUSER


def test_connections_are_tls_with_scram_passwords(postgres_cluster):
    [(ssl, method)] = postgres_cluster.execute(
        "SELECT s.ssl, (SELECT rolpassword FROM pg_authid WHERE rolname = current_user) "
        "FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()")
    assert ssl is True
    assert method.startswith("SCRAM-SHA-256$")
    common = dict(host=postgres_cluster.host, port=postgres_cluster.port, user=SUPERUSER, dbname="postgres")
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(**common, password=postgres_cluster.password, sslmode="disable")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(**common, password="wrong", sslmode="require")


def test_the_server_ends_when_the_test_process_is_killed():
    repository = Path(__file__).resolve().parents[2]
    starter = subprocess.Popen([sys.executable, "-m", "tests.postgres.cluster"], cwd=repository,
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(repository)})
    url = starter.stdout.readline()
    certificate = url.split("sslrootcert=")[1].strip().replace("%2F", "/")
    folder = Path(certificate).parent
    server_pid = int((folder / "data" / "postmaster.pid").read_text().splitlines()[0])
    os.kill(server_pid, 0)  # running
    starter.send_signal(signal.SIGKILL)
    starter.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(server_pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    with pytest.raises(ProcessLookupError):
        os.kill(server_pid, 0)
    subprocess.run(["rm", "-rf", str(folder)], check=False)
