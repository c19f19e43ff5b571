"""Wake-ups from the newsroom server: its change trigger sends NOTIFY midad_changes (migration
0006) on every article change, so a desktop's sync worker can run a round at once instead of
waiting for its next poll. A notice is only a wake-up: the round reads the change log, so a
lost notice costs nothing but the wait until the poll. Lease heartbeats (kind "lease") are
not changes to sync and wake nobody."""

from __future__ import annotations

import threading
from collections.abc import Callable

from editor_app.core.storage import Database

CHANNEL = "midad_changes"
RECONNECT_SECONDS = 5.0  # the server away: listen again after this long
CHECK_SECONDS = 0.5  # how often the listening thread looks whether it should stop


class ServerWakeups:
    """Listens on its own connection (outside the pool, autocommit) in a thread of its own and
    calls `wake()` there for each batch of article changes other people made."""

    def __init__(self, server: Database, wake: Callable[[], None]) -> None:
        self.server, self.wake = server, wake
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.listening = threading.Event()  # set while a LISTEN is in place (tests wait for it)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sync-wakeups", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=CHECK_SECONDS * 4)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            connection = self._connect()
            if connection is None:
                self._stop.wait(RECONNECT_SECONDS)
                continue
            try:
                self._listen(connection)
            except Exception:  # noqa: BLE001 - the connection died: listen again (the poll covers the gap)
                pass
            finally:
                self.listening.clear()
                connection.close()
            if not self._stop.is_set():
                self._wake()  # notices may have been missed while away: one round catches up
                self._stop.wait(RECONNECT_SECONDS)

    def _wake(self) -> None:
        try:
            self.wake()
        except RuntimeError:  # the window went away meanwhile: nobody to wake
            self._stop.set()

    def _connect(self):
        import psycopg

        url = self.server.engine.url.set(drivername="postgresql")
        try:
            connection = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True, connect_timeout=10)
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            return None
        self.listening.set()
        return connection

    def _listen(self, connection) -> None:
        while not self._stop.is_set():
            notices = list(connection.notifies(timeout=CHECK_SECONDS))
            if any(not notice.payload.endswith(" lease") for notice in notices):
                self._wake()
