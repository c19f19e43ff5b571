"""Applying core text edits to a Qt editor as single undo steps.

Qt counts positions in UTF-16 code units, Python in code points: they differ after
any character outside the Basic Multilingual Plane (an emoji in a quote), so every
position crossing the boundary goes through PositionMap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.formatting import Edit

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class PositionMap:
    """Converts between Python indices and Qt positions for one text."""

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_qt = [index + number for number, index in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        return index + bisect_right(self._astral, index - 1) if self._astral else index

    def to_python(self, position: int) -> int:
        return position - bisect_right(self._astral_qt, position - 1) if self._astral else position


def selection_range(editor: QPlainTextEdit, text: str) -> tuple[int, int]:
    cursor = editor.textCursor()
    positions = PositionMap(text)
    return positions.to_python(cursor.selectionStart()), positions.to_python(cursor.selectionEnd())


def apply_edit(editor: QPlainTextEdit, text: str, edit: Edit) -> None:
    """Replace text[edit.start:edit.end] in one undo step and select edit.selection."""
    positions = PositionMap(text)
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    cursor.setPosition(positions.to_qt(edit.start))
    cursor.setPosition(positions.to_qt(edit.end), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(edit.replacement)
    cursor.endEditBlock()
    new_positions = PositionMap(edit.apply(text))
    selection = QTextCursor(editor.document())
    selection.setPosition(new_positions.to_qt(edit.selection[0]))
    selection.setPosition(new_positions.to_qt(edit.selection[1]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(selection)


def minimal_edit(old: str, new: str, offset: int = 0) -> Edit:
    """The smallest replacement turning old into new (keeps the cursor and the undo step small)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    replacement = new[prefix : len(new) - suffix]
    start, end = offset + prefix, offset + len(old) - suffix
    return Edit(start, end, replacement, (start, start + len(replacement)))


def transform_selection_or_all(editor: QPlainTextEdit, transform: Callable[[str], str]) -> bool:
    """Run a text tool on the selection, or on the whole article when nothing is selected.

    Returns False when the tool changed nothing.
    """
    text = editor.toPlainText()
    start, end = selection_range(editor, text)
    if start == end:
        start, end = 0, len(text)
    old = text[start:end]
    new = transform(old)
    if new == old:
        return False
    edit = minimal_edit(old, new, offset=start)
    apply_edit(editor, text, edit)
    if (start, end) != (0, len(text)):
        result = edit.apply(text)
        positions = PositionMap(result)
        cursor = editor.textCursor()
        cursor.setPosition(positions.to_qt(start))
        cursor.setPosition(positions.to_qt(start + len(new)), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
    return True
