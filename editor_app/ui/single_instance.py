"""One window per data folder: a second `midad` on the same folder brings the first
window to the front and exits; `midad --data-dir OTHER` runs independently.

A QLockFile in the data folder says who owns it (stale locks of crashed processes are
taken over); a QLocalServer named after the folder carries the "come to the front" request.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_WAIT_SECONDS = 5.0


def server_name(data_dir: Path) -> str:
    return "midad-" + hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:24]


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        data_dir.mkdir(parents=True, exist_ok=True)
        self.name = server_name(data_dir)
        self.lock = QLockFile(str(data_dir / "midad.lock"))
        self.lock.setStaleLockTime(0)  # only a dead owner's lock is stale, however old
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True if this process now owns the folder; False if another one does (it was asked to come forward)."""
        if self.lock.tryLock(0):
            QLocalServer.removeServer(self.name)  # a socket left by a crash
            self.server = QLocalServer(self)
            self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self.server.newConnection.connect(self._on_connection)
            self.server.listen(self.name)
            return True
        self._ask_owner_to_activate()
        return False

    def _ask_owner_to_activate(self) -> None:
        deadline = time.monotonic() + CONNECT_WAIT_SECONDS  # the owner may still be starting
        while time.monotonic() < deadline:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(ACTIVATE)
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                return
            time.sleep(0.1)

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll()):
            self.activation_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()
