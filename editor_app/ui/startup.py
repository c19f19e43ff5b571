"""What waits until the window is on screen.

The writer sees the window and the article's text first; the icons (qtawesome), the spelling
dictionaries, the preview's browser engine and the backup timer follow, each in its own turn
of the event loop so a keystroke in between is answered at once.

MIDAD_STARTUP_TRACE=FILE appends "event monotonic-seconds" lines to FILE (the launch
benchmark reads them: when the editor was painted, when the preview's page had loaded).
"""

from __future__ import annotations

import builtins
import ctypes
import ctypes.util
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from editor_app.core.locations import StorageLocation
    from editor_app.core.settings import Settings
    from editor_app.ui.early_window import EarlyWindow

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


def early_window_for(location: StorageLocation, settings: Settings) -> EarlyWindow | None:
    """The last article in a window, read without SQLAlchemy (core.last_article); None when
    there is none to show (a first start, a newsroom server, a library that cannot be read
    this way): the ordinary start then opens the library first."""
    from editor_app.core.last_article import read_last_article
    from editor_app.ui.window_state import WindowState

    state = WindowState(location.data_dir)
    article = read_last_article(location.database_url, state.last_article_id)
    if article is None:
        return None
    from editor_app.ui.early_window import EarlyWindow

    return EarlyWindow(article, state, settings.preferences, state.cursor_position(article.id))


@contextmanager
def plain_imports() -> Iterator[None]:
    """Imports Qt-free modules without PySide6's import hook.

    Once PySide6 is loaded, every module imported after it has its source read and searched
    (its `__feature__` support): SQLAlchemy, Jinja2 and Markdown take a tenth to a fifth of
    a second longer. The core never uses PySide6 (a test enforces it), so it is imported
    with Python's own import here; PySide6 keeps the original as builtins.__orig_import__."""
    original = getattr(builtins, "__orig_import__", None)
    hooked = builtins.__import__
    if original is None or original is hooked:
        yield
        return
    builtins.__import__ = original
    try:
        yield
    finally:
        builtins.__import__ = hooked
