"""A private PostgreSQL cluster for the tests: Debian's `postgresql` binaries, `initdb` into a
temporary folder, a free port on 127.0.0.1, TLS with a self-signed certificate made here,
SCRAM passwords. Nothing under /etc, no systemd, no shared cluster touched.

initdb and postgres refuse to run as root (CI runs as root): then they run as the
`postgres` system user, which owns the folder. The server ends with the test process even
when that one is killed (PR_SET_PDEATHSIG, set after the change of user because the
kernel clears it on a credential change). Run `python -m tests.postgres.cluster` to start
one by hand (prints its superuser URL).
"""

from __future__ import annotations

import ctypes
import glob
import itertools
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.wordpress.server import free_port

PR_SET_PDEATHSIG = 1
SUPERUSER = "midad_test_superuser"
SYSTEM_USER = "postgres"  # who runs the server when the tests run as root


class PostgresUnavailable(RuntimeError):
    pass


def postgres_bin() -> Path:
    """The newest installed server version's binaries (Debian keeps them off PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres")
    if on_path:
        return Path(on_path).parent
    raise PostgresUnavailable("PostgreSQL is not installed: run `bash scripts/setup.sh --test`")


def _as_server_user():
    """preexec_fn: drop root for the postgres user, then die with the test process."""
    target = pwd.getpwnam(SYSTEM_USER) if os.geteuid() == 0 else None

    def prepare() -> None:
        if target is not None:
            os.setgroups([])
            os.setgid(target.pw_gid)
            os.setuid(target.pw_uid)
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGINT)  # fast shutdown
        except OSError:
            pass  # not Linux: stop() still ends the server in a normal run
    return prepare


def _make_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 only (so `localhost` is a name mismatch)."""
    key, certificate = folder / "server.key", folder / "server.crt"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True, timeout=60,
    )
    return key, certificate


@dataclass
class PostgresCluster:
    folder: Path
    port: int
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    process: subprocess.Popen | None = None
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    host = "127.0.0.1"

    @property
    def data_dir(self) -> Path:
        return self.folder / "data"

    @property
    def ca_file(self) -> Path:
        """The certificate a client trusts for sslmode=verify-full (readable by anyone)."""
        return self.folder / "ca.crt"

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str | None = None,
            sslmode: str = "verify-full", host: str | None = None, **query: str) -> str:
        from sqlalchemy.engine import URL

        params = {"sslmode": sslmode, "sslrootcert": str(self.ca_file), **query}
        return URL.create("postgresql+psycopg", username=user, password=self.password if password is None else password,
                          host=host or self.host, port=self.port, database=database,
                          query=params).render_as_string(hide_password=False)

    @classmethod
    def start(cls) -> "PostgresCluster":
        binaries = postgres_bin()
        if not shutil.which("openssl"):
            raise PostgresUnavailable("openssl is not installed: run `bash scripts/setup.sh --test`")
        cluster = cls(Path(tempfile.mkdtemp(prefix="midad-postgres-")), free_port())
        try:
            cluster._init(binaries)
            cluster._serve(binaries)
        except BaseException:
            cluster.stop()
            raise
        return cluster

    def _init(self, binaries: Path) -> None:
        # mkdtemp makes a 0700 folder for root: the server user must own it.
        os.chmod(self.folder, 0o755)
        if os.geteuid() == 0:
            account = pwd.getpwnam(SYSTEM_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        password_file = self.folder / "password"
        password_file.write_text(self.password)
        key, certificate = _make_certificate(self.folder)
        shutil.copy(certificate, self.ca_file)
        os.chmod(self.ca_file, 0o644)
        os.chmod(key, 0o600)
        if os.geteuid() == 0:
            for path in (password_file, key, certificate, self.ca_file):
                os.chown(path, account.pw_uid, account.pw_gid)
        result = subprocess.run(
            [str(binaries / "initdb"), "-D", str(self.data_dir), "-U", SUPERUSER, f"--pwfile={password_file}",
             "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            capture_output=True, text=True, timeout=180, preexec_fn=_as_server_user(), cwd=self.folder,
        )
        password_file.unlink()
        if result.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {result.stdout[-800:]} {result.stderr[-800:]}")
        # TLS only over TCP, SCRAM everywhere; the Unix socket stays in our folder.
        (self.data_dir / "pg_hba.conf").write_text(
            "local all all scram-sha-256\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            "hostnossl all all 0.0.0.0/0 reject\n"
        )
        with open(self.data_dir / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.folder}'\n"
                f"ssl = on\nssl_cert_file = '{certificate}'\nssl_key_file = '{key}'\n"
                "password_encryption = 'scram-sha-256'\n"
                # A test cluster: speed over durability, little memory on a shared machine.
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 64MB\nmax_connections = 200\n"
                "logging_collector = off\nlog_min_messages = warning\n"
            )

    def _serve(self, binaries: Path) -> None:
        log = open(self.folder / "postgres.log", "wb")
        self.process = subprocess.Popen([str(binaries / "postgres"), "-D", str(self.data_dir)],
                                        stdout=log, stderr=subprocess.STDOUT, preexec_fn=_as_server_user(),
                                        cwd=self.folder)
        deadline = time.monotonic() + 60
        while True:
            ready = subprocess.run([str(binaries / "pg_isready"), "-h", self.host, "-p", str(self.port), "-q"],
                                   timeout=10)
            if ready.returncode == 0:
                return
            if self.process.poll() is not None:
                raise PostgresUnavailable("postgres ended at start: " + (self.folder / "postgres.log").read_text()[-800:])
            if time.monotonic() > deadline:
                raise PostgresUnavailable("postgres did not start within 60 s")
            time.sleep(0.1)

    def execute(self, *statements: str, database: str = "postgres") -> list[tuple]:
        """Run statements as the superuser (autocommit: CREATE DATABASE needs it); the last one's rows."""
        import psycopg

        with psycopg.connect(host=self.host, port=self.port, user=SUPERUSER, password=self.password,
                             dbname=database, sslmode="verify-full", sslrootcert=str(self.ca_file),
                             autocommit=True) as connection:
            rows: list[tuple] = []
            for statement in statements:
                cursor = connection.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
            return rows

    def create_database(self, prefix: str = "midad_test") -> str:
        """A new, empty database; returns its name."""
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown: ends open sessions
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    started = PostgresCluster.start()
    print(started.url(), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        started.stop()
