"""The library's change dispatcher bridged to a Qt signal, plus the changes other processes
and people make (read from the database's change sequence, core.changes.ExternalChanges).

Library listeners run in whatever thread made the change (autosave of a long text and
publishing run on workers); a Qt signal emitted there is delivered in the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.core.changes import Change, ExternalChanges
from editor_app.core.errors import MidadError
from editor_app.core.library import Library

# PRAGMA data_version on a connection of its own costs microseconds: polling four times a
# second shows another process's import within the second issue 15 asks for.
POLL_INTERVAL_MS = 250


class ChangeEvents(QObject):
    changed = Signal(object)  # core.changes.Change, in the UI thread

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = library.changes.subscribe(self.changed.emit)
        self._database = library.database
        self.external: ExternalChanges | None = None
        self._closed = False
        self._start_following()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _start_following(self) -> None:
        try:
            self.external = ExternalChanges(self._database)
        except MidadError:
            self.external = None  # the server is out of reach: the next poll tries again

    def poll(self) -> Change | None:
        if self.external is None and not self._closed:
            self._start_following()
        if self.external is None:
            return None
        try:
            change = self.external.poll()
        except MidadError:
            return None  # the database is busy or away for a moment: the next poll catches up
        if change is not None:
            self.changed.emit(change)
        return change

    def shutdown(self) -> None:
        self._closed = True
        self._timer.stop()
        self._unsubscribe()
        if self.external is not None:
            self.external.close()
            self.external = None
