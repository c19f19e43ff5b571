"""The one way Midad makes a debounce or delay timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def single_shot_timer(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    """A timer that fires once, `interval_ms` after its last start(): restarting it
    postpones the slot, which is what collapses a burst of keystrokes into one call."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
