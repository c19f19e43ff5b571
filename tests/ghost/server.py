"""A real Ghost 5 on 127.0.0.1 for the publishing tests, in one temporary folder.

Ghost itself is installed once per machine by `scripts/ghost/install.sh` (outside the
checkout; `scripts/setup.sh --test` runs it). Each start gets its own SQLite database and
content folder (the install's themes linked in), set through Ghost's environment
overrides: nothing is written into the install. Then, as a newsroom would: the owner is
created through the setup API, signs in (session cookie), and creates a custom integration
whose Admin API key ("id:secret") Midad publishes with.

Run `python -m tests.ghost.server` to start one by hand (prints its URL and key).
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.wordpress.server import _die_with_parent, free_port

GHOST_VERSION = "5.130.6"  # scripts/ghost/install.sh pins the same
OWNER_EMAIL = "editor@example.com"
OWNER_NAME = "محرر الاختبار"
START_SECONDS = 120.0


class GhostUnavailable(RuntimeError):
    pass


def ghost_home() -> Path:
    return Path(os.environ.get("MIDAD_GHOST_HOME") or Path.home() / ".cache" / "midad" / f"ghost-{GHOST_VERSION}")


@dataclass
class GhostServer:
    folder: Path
    port: int
    admin_key: str = ""
    owner_password: str = field(default_factory=lambda: "Mi-" + secrets.token_urlsafe(18))
    process: subprocess.Popen | None = None
    seconds_to_start: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def admin_api(self) -> str:
        return f"{self.url}/ghost/api/admin/"

    @classmethod
    def start(cls) -> GhostServer:
        home = ghost_home()
        if not (home / "index.js").exists() or not (home / ".midad-installed").exists():
            raise GhostUnavailable(f"Ghost is not installed in {home}: run `bash scripts/ghost/install.sh` "
                                   "(or `bash scripts/setup.sh --test`)")
        if shutil.which("node") is None:
            raise GhostUnavailable("node is missing: install nodejs (Ghost 5 runs on Node 18, 20 or 22)")
        server = cls(Path(tempfile.mkdtemp(prefix="midad-ghost-")), free_port())
        try:
            began = time.monotonic()
            server._serve(home)
            server.seconds_to_start = time.monotonic() - began
            server._set_up_owner_and_key()
        except BaseException:
            server.stop()
            raise
        return server

    def _environment(self) -> dict[str, str]:
        content = self.folder / "content"
        return {
            **os.environ, "NODE_ENV": "development", "url": self.url,
            "server__host": "127.0.0.1", "server__port": str(self.port),
            "database__client": "sqlite3", "database__connection__filename": str(self.folder / "ghost.db"),
            "database__useNullAsDefault": "true", "paths__contentPath": str(content),
            # No e-mail round trip to sign in from a "new device", no calls home, quiet logs.
            "security__staffDeviceVerification": "false", "privacy__useUpdateCheck": "false",
            "privacy__useRpcPing": "false", "logging__level": "warn", "logging__transports": '["stdout"]',
        }

    def _serve(self, home: Path) -> None:
        content = self.folder / "content"
        for part in ("data", "images", "logs", "settings", "public", "adapters", "files", "media"):
            (content / part).mkdir(parents=True)
        (content / "themes").symlink_to(home / "content" / "themes")
        log = open(self.folder / "ghost.log", "wb")
        self.process = subprocess.Popen(["node", "index.js"], cwd=home, env=self._environment(), stdout=log,
                                        stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + START_SECONDS
        while True:
            if self.process.poll() is not None:
                raise GhostUnavailable(f"Ghost ended with {self.process.returncode}: {self.log()[-1500:]}")
            try:
                if httpx.get(self.admin_api + "site/", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise GhostUnavailable(f"Ghost did not answer within {START_SECONDS:.0f} s: {self.log()[-1500:]}")
            time.sleep(0.25)

    def log(self) -> str:
        path = self.folder / "ghost.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _set_up_owner_and_key(self) -> None:
        # Ghost's admin endpoints check the Origin of cookie-authenticated requests (CSRF).
        with httpx.Client(base_url=self.admin_api, headers={"Origin": self.url}, timeout=60) as admin:
            answer = admin.post("authentication/setup/", json={"setup": [{
                "name": OWNER_NAME, "email": OWNER_EMAIL, "password": self.owner_password, "blogTitle": "موقع الاختبار"}]})
            _ensure(answer, "owner setup")
            _ensure(admin.post("session/", json={"username": OWNER_EMAIL, "password": self.owner_password}), "sign-in")
            answer = admin.post("integrations/", params={"include": "api_keys"},
                                json={"integrations": [{"name": "Midad"}]})
            _ensure(answer, "integration")
            keys = answer.json()["integrations"][0]["api_keys"]
            # The Admin API presents an admin key's secret as the whole key, "id:secret".
            self.admin_key = next(key["secret"] for key in keys if key["type"] == "admin")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _ensure(answer: httpx.Response, what: str) -> None:
    if answer.status_code >= 300:
        raise GhostUnavailable(f"Ghost's {what} answered {answer.status_code}: {answer.text[:500]}")


if __name__ == "__main__":
    started = GhostServer.start()
    print(f"{started.url}  started in {started.seconds_to_start:.1f} s  Admin API key {started.admin_key}")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        started.stop()
