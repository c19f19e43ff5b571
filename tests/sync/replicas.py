"""Desktops for the sync tests: a local SQLite library that is a replica of a test newsroom."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from editor_app.core.library import Library
from editor_app.core.storage import Database
from editor_app.core.sync.engine import SyncEngine, local_checksums


class Desktop:
    def __init__(self, folder: Path, server_url: str, name: str = "desktop") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.database = Database(f"sqlite:///{folder / 'library.db'}")
        self.library = Library(self.database)
        self.server = Database(server_url, migrate=False)
        self.engine = SyncEngine(self.database, self.server, backoff=lambda attempts: timedelta(0))
        self.engine.join(name)

    def sync(self):
        return self.engine.sync_round()

    def sync_until_quiet(self, rounds: int = 10):
        for _ in range(rounds):
            report = self.sync()
            if not report.offline and report.waiting == 0 and not (report.pulled or report.pushed or report.merged):
                return report
        return report

    def checksums(self) -> dict[str, str]:
        return local_checksums(self.database)

    def close(self) -> None:
        self.server.close()
        self.database.close()


def server_checksums(newsroom) -> dict[str, str]:
    database = newsroom.open(newsroom.owner_url)
    return local_checksums(database)
