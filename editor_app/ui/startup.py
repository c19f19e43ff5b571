"""What waits until the window is on screen.

The writer sees the window and the article's text first; the icons (qtawesome), the spelling
dictionaries, the preview's browser engine and the backup timer follow, each in its own turn
of the event loop so a keystroke in between is answered at once.

MIDAD_STARTUP_TRACE=FILE appends "event monotonic-seconds" lines to FILE (the launch
benchmark reads them: when the editor was painted, when the preview's page had loaded).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

TRACE_ENV = "MIDAD_STARTUP_TRACE"


def trace(event: str) -> None:
    path = os.environ.get(TRACE_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as file:
            file.write(f"{event} {time.monotonic():.4f}\n")


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, steps: list[Callable[[], None]]) -> None:
        super().__init__(widget)
        self._steps = steps
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued: the paint in progress reaches the screen before the first step runs.
            QTimer.singleShot(0, self, self._run_next)
        return False

    def _run_next(self) -> None:
        if self._steps:
            step = self._steps.pop(0)
            step()
            QTimer.singleShot(0, self, self._run_next)


def after_first_paint(widget: QWidget, *steps: Callable[[], None]) -> None:
    """Runs the steps one per event-loop turn, once `widget` has been painted."""
    _FirstPaint(widget, list(steps))


def release_start_up_memory() -> None:
    """Hands the heap that importing and building the window left free back to the system.

    glibc keeps freed memory for reuse; the start's temporaries (compiled regular expressions,
    parsed templates, import machinery) leave about 30 MB of it, measured with PSS. One
    malloc_trim once the start is over returns it; elsewhere (macOS, musl) nothing is done."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)
    trace("memory-trimmed")
