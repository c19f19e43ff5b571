"""Running slow work off the UI thread and getting the result back on it.

One worker thread per runner: the work given to one runner runs in order, one piece
at a time. Different runners (autosave, search, import, export…) run side by side, so
their database work can overlap; the database's transactions keep it consistent, not
this class (Anki, by contrast, queues all collection work on one thread). The result,
or the error, comes back through a signal, so no widget is ever touched from the
worker. A newer request makes older results stale: they are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundRunner(QObject):
    _finished = Signal(int, object, object)  # (ticket, result, error)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"midad-{name}")
        self._ticket = 0
        self._closed = False
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        latest_only: bool = True,
    ) -> int:
        if self._closed:
            return -1  # the window is closing: late timers must not start new work
        self._ticket += 1
        ticket = self._ticket
        if latest_only:
            self._callbacks.clear()
        self._callbacks[ticket] = (on_done, on_error)
        future = self._executor.submit(work)
        future.add_done_callback(lambda done, ticket=ticket: self._emit(ticket, done))
        return ticket

    def _emit(self, ticket: int, future: Future) -> None:
        error = future.exception()
        try:
            self._finished.emit(ticket, None if error else future.result(), error)
        except RuntimeError:
            pass  # the owner was deleted while the work ran (shutdown(wait=False)): nobody to tell

    def _deliver(self, ticket: int, result: Any, error: BaseException | None) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is None:
            return  # a newer request superseded this one
        on_done, on_error = callbacks
        if error is None:
            on_done(result)
        elif on_error is not None:
            on_error(error)

    def wait(self) -> None:
        """Block until the work already submitted has run (its callbacks come later, as usual)."""
        if self._callbacks:
            self._executor.submit(lambda: None).result()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def shutdown(self, wait: bool = True) -> None:
        """wait=False: for work whose result no longer matters (a connection test when its
        dialog closes), so closing never waits for a network timeout."""
        self._closed = True
        self._callbacks.clear()
        self._executor.shutdown(wait=wait, cancel_futures=True)
