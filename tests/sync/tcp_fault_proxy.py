"""A TCP proxy on 127.0.0.1 in front of the test PostgreSQL that cuts connections at chosen
points: what a train's tunnel does to a desktop's sync, which a real server never shows on
demand. It forwards bytes untouched (TLS stays end to end) and counts them; once a
connection has carried its budget, both sides are closed mid-stream (mid-query, mid-answer,
between a COMMIT and its reply...).

    proxy = TcpFaultProxy("127.0.0.1", cluster.port)
    proxy.cut_after(lambda: random.randint(500, 50_000))  # each new connection's budget in bytes
    proxy.offline = True                                   # every connection refused or dropped
    proxy.heal()
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable


class TcpFaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._budget: Callable[[], int | None] = lambda: None
        self._offline = False
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._budgets: dict[socket.socket, list] = {}  # by client socket: bytes left ([None]: no limit)
        self.cuts = 0  # connections cut so far
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, budget: Callable[[], int | None]) -> None:
        """From now on, each connection (those open too) is cut after `budget()` more bytes."""
        self._budget = budget
        with self._lock:
            for left in self._budgets.values():
                left[0] = budget()

    @property
    def offline(self) -> bool:
        return self._offline

    @offline.setter
    def offline(self, value: bool) -> None:
        self._offline = value
        if value:
            self.drop_all()

    def heal(self) -> None:
        self.cut_after(lambda: None)
        self._offline = False

    def drop_all(self) -> None:
        with self._lock:
            sockets = list(self._open)
        for sock in sockets:
            _close(sock)

    def close(self) -> None:
        self._closed = True
        _close(self._listener)
        self.drop_all()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self._offline:
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self.upstream, timeout=10)
                upstream.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open |= {client, upstream}
            budget = [self._budget()]
            with self._lock:
                self._budgets[client] = budget
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target, client, upstream, budget), daemon=True).start()

    def _pump(self, source, target, client, upstream, budget: list) -> None:
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                with self._lock:
                    left = budget[0]
                    if left is not None:
                        if len(chunk) >= left:
                            chunk, budget[0] = chunk[:left], 0
                        else:
                            budget[0] = left - len(chunk)
                if chunk:
                    target.sendall(chunk)
                if budget[0] == 0:
                    with self._lock:
                        self.cuts += 1
                    break
        except OSError:
            pass
        finally:
            for sock in (client, upstream):
                _close(sock)
            with self._lock:
                self._open -= {client, upstream}
                self._budgets.pop(client, None)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
