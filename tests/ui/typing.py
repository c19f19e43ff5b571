"""Typing any Unicode text as real key events.

QTest.keyClicks only knows ASCII (it asserts on Arabic), so each character is sent
as the key press/release pair a keyboard layout would produce.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_SPECIAL_KEYS = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab, " ": Qt.Key.Key_Space}


def type_text(widget: QWidget, text: str) -> None:
    for character in text:
        key = _SPECIAL_KEYS.get(character, Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)
