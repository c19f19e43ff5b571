"""Hearing of one's new notifications as they happen.

On a newsroom server the workflow's functions NOTIFY `midad_workflow` with each recipient's
login when they commit (core.workflow.server_rights): a listening connection of its own
(like core.changes' listener) wakes the bell within a fraction of a second; `wait()` blocks
on the socket until the notice comes, it never sleeps and looks again. On a local library
(one writer, or a replica filled by sync) the newest notification's number is compared:
a cheap indexed read, made when the window's change timer ticks."""

from __future__ import annotations

from sqlalchemy import func, select

from editor_app.core.workflow.tables import Notification

CHANNEL = "midad_workflow"


class NotificationWatcher:
    def __init__(self, database, login: str) -> None:
        self.database, self.login = database, login
        self._listener = None
        self._newest = self._newest_id()
        if database.engine.dialect.name == "postgresql":
            self._listener = self._listen()

    def _newest_id(self) -> int:
        # Locally any new row wakes the bell (a replica learns whose it is at its first sync);
        # on the server row-level security shows one's own only.
        with self.database.transaction() as session:
            return session.scalar(select(func.max(Notification.id))) or 0

    def _listen(self):
        import psycopg

        url = self.database.engine.url.set(drivername="postgresql")
        try:
            connection = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            return None
        return connection

    def poll(self) -> bool:
        """Has something new arrived for me since the last look? (never waits)"""
        return self.wait(0)

    def wait(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for a notice naming me; True as soon as one comes."""
        if self.database.engine.dialect.name != "postgresql":
            newest = self._newest_id()
            arrived, self._newest = newest > self._newest, newest
            return arrived
        if self._listener is None:  # lost (a server restart) or never made: listen again, and look once
            self._listener = self._listen()
            newest = self._newest_id()
            arrived, self._newest = newest > self._newest, newest
            return arrived
        try:
            # The generator ends when `timeout` has passed; a notice naming me ends it at once.
            for notice in self._listener.notifies(timeout=timeout):
                if notice.payload == self.login:
                    self._newest = max(self._newest, self._newest_id())
                    return True
            return False
        except Exception:  # noqa: BLE001 - any failure of the listening connection: listen again next time
            self.close()
            return False

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
