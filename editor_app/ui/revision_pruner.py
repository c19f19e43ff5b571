"""Revisions are thinned while the writer is idle (core.revisions' pruning rule), off the UI thread.

Autosave keeps a revision every 10 minutes of writing, so without pruning a library's
revisions grow without bound. The pruner runs IDLE_MS after the last save (each save
postpones it: never while someone types) and once IDLE_MS after the window opens.
Pruning is housekeeping: a failure (a read-only library, a server that refuses the
delete) is logged and tried again after the next save, never shown as an error.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, SignalInstance

from editor_app.core.library import Library
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.timers import single_shot_timer

log = logging.getLogger(__name__)

IDLE_MS = 5 * 60 * 1000  # five minutes without a save


class RevisionPruner(QObject):
    pruned = Signal(int)  # how many revisions went

    def __init__(self, library: Library, saves: SignalInstance, parent: QObject | None = None,
                 idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = BackgroundRunner("prune", self)
        self.timer = single_shot_timer(self, idle_ms, self.prune_now)
        saves.connect(self.postpone)
        self.timer.start()

    def postpone(self, *_saved) -> None:
        """A save: the writer is busy, prune once they have stopped for a while."""
        self.timer.start()

    def prune_now(self) -> None:
        if self.runner.busy:
            return
        self.runner.run(self.library.prune_revisions, self.pruned.emit, self._failed, latest_only=False)

    def _failed(self, error: BaseException) -> None:
        log.warning("pruning revisions failed: %s", error)

    def shutdown(self) -> None:
        self.timer.stop()
        self.runner.shutdown()
