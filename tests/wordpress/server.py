"""A real WordPress on 127.0.0.1 for the publishing tests: Debian's `wordpress` package,
a private MariaDB on a Unix socket and PHP's built-in server, all in one temporary folder.

No apache, no systemd and nothing written under /etc: `router.php` points WordPress at
this folder's own wp-config.php. Start with `WordPressServer.start()`; `stop()` ends it.
Run `python -m tests.wordpress.server` to start one by hand (prints its URL and password).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

WORDPRESS = Path("/usr/share/wordpress")
HERE = Path(__file__).resolve().parent
USERNAME = "editor"
PR_SET_PDEATHSIG = 1
NEEDED = ("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb", "/usr/bin/php")


class WordPressUnavailable(RuntimeError):
    pass


def _die_with_parent() -> None:
    """In the child, before exec: end with the test process, even one that is killed."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass  # not Linux: stop() still ends the servers in a normal run



def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(check, what: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except (OSError, httpx.HTTPError, subprocess.SubprocessError):
            pass
        if time.monotonic() > deadline:
            raise WordPressUnavailable(f"{what} did not start within {seconds:.0f} s")
        time.sleep(0.1)


@dataclass
class WordPressServer:
    folder: Path
    port: int
    password: str = ""
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def username(self) -> str:
        return USERNAME

    @property
    def socket_path(self) -> Path:
        return self.folder / "mysqld.sock"

    @property
    def environment(self) -> dict[str, str]:
        return {**os.environ, "MIDAD_WP_ROOT": str(self.folder / "site"), "MIDAD_WP_SOCKET": str(self.socket_path),
                "MIDAD_WP_URL": self.url}

    @classmethod
    def start(cls) -> "WordPressServer":
        missing = [path for path in (*NEEDED, str(WORDPRESS / "wp-settings.php")) if not Path(path).exists()]
        if missing:
            raise WordPressUnavailable("missing " + ", ".join(missing) + ": run `bash scripts/setup.sh`")
        server = cls(Path(tempfile.mkdtemp(prefix="midad-wordpress-")), free_port())
        try:
            server._start_database()
            server._lay_out_site()
            server._install()
            server._serve()
        except BaseException:
            server.stop()
            raise
        return server

    def sql(self, statement: str) -> str:
        result = subprocess.run(
            ["mariadb", "--no-defaults", f"--socket={self.socket_path}", "-uroot", "-N", "-B", "wordpress", "-e", statement],
            capture_output=True, text=True, check=True, timeout=30,
        )
        return result.stdout

    def _start_database(self) -> None:
        data = self.folder / "db"
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={data}", "--user=root",
                        "--auth-root-authentication-method=normal", "--skip-test-db"],
                       capture_output=True, check=True, timeout=120)
        log = open(self.folder / "mariadb.log", "wb")
        self.processes.append(subprocess.Popen(
            ["mariadbd", "--no-defaults", f"--datadir={data}", f"--socket={self.socket_path}", "--skip-networking",
             "--user=root", f"--pid-file={self.folder / 'mysqld.pid'}", "--character-set-server=utf8mb4",
             "--collation-server=utf8mb4_unicode_ci", "--innodb-buffer-pool-size=32M", "--skip-log-bin"],
            stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent,
        ))
        _wait(lambda: subprocess.run(["mariadb", "--no-defaults", f"--socket={self.socket_path}", "-uroot", "-e",
                                      "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 "
                                      "COLLATE utf8mb4_unicode_ci"],
                                     capture_output=True, timeout=10).returncode == 0, "MariaDB")

    def _lay_out_site(self) -> None:
        site = self.folder / "site"
        site.mkdir()
        for entry in WORDPRESS.iterdir():
            if entry.name not in ("wp-config.php", "wp-content"):
                (site / entry.name).symlink_to(entry)
        shutil.copy(HERE / "wp-config.php", site / "wp-config.php")
        content = site / "wp-content"
        (content / "uploads").mkdir(parents=True)
        (content / "plugins").mkdir()
        (content / "themes").mkdir()
        mu_plugins = content / "mu-plugins"
        mu_plugins.mkdir()
        shutil.copy(HERE / "midad-column-label.php", mu_plugins / "midad-column-label.php")

    def _install(self) -> None:
        result = subprocess.run(["php", str(HERE / "install.php")], env=self.environment, capture_output=True,
                                text=True, timeout=120)
        if result.returncode != 0 or not result.stdout.strip():
            raise WordPressUnavailable(f"wp_install failed: {result.stdout[-500:]} {result.stderr[-500:]}")
        self.password = result.stdout.strip().splitlines()[-1]

    def _serve(self) -> None:
        log = open(self.folder / "php.log", "wb")
        self.processes.append(subprocess.Popen(
            ["php", "-S", f"127.0.0.1:{self.port}", "-t", str(self.folder / "site"), str(HERE / "router.php")],
            env=self.environment, stdout=log, stderr=subprocess.STDOUT,  # one process: it dies with us
            preexec_fn=_die_with_parent,
        ))
        _wait(lambda: httpx.get(f"{self.url}/wp-json/", timeout=5).status_code == 200, "WordPress")

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":
    started = WordPressServer.start()
    print(f"{started.url}  user {started.username}  application password {started.password}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        started.stop()
