"""Fields holding article content read the way their text does, whatever the interface
language: an Arabic column label stays right-to-left in the English interface, and an
empty field starts right-to-left (the newsroom writes Arabic)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from editor_app.core.bidi import Direction, paragraph_direction


# Unicode isolates: a run laid out in its own direction without reordering what is around
# it (a shortcut "Ctrl+," in a right-to-left menu read «+,Ctrl» without one).
LEFT_TO_RIGHT_ISOLATE, FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2066", "\u2068", "\u2069"


def isolate_ltr(text: str) -> str:
    """Text that is left to right whatever surrounds it: shortcuts, paths, locale codes."""
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def isolate(text: str) -> str:
    """Text in the direction of its own first strong letter, kept apart from its neighbours."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def qt_direction(text: str) -> Qt.LayoutDirection:
    direction = paragraph_direction(text) or Direction.RTL
    return Qt.LayoutDirection.RightToLeft if direction is Direction.RTL else Qt.LayoutDirection.LeftToRight


def orient_line_edit(edit: QLineEdit, text: str) -> None:
    direction = qt_direction(text)
    side = Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft else Qt.AlignmentFlag.AlignLeft
    alignment = side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
    if edit.layoutDirection() != direction or edit.alignment() != alignment:
        edit.setLayoutDirection(direction)
        edit.setAlignment(alignment)


def follow_content_direction(*widgets: QWidget) -> None:
    for widget in widgets:
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            edit = widget.lineEdit()
            edit.textChanged.connect(lambda text, e=edit, c=widget: (orient_line_edit(e, text),
                                                                     c.setLayoutDirection(e.layoutDirection())))
            orient_line_edit(edit, edit.text())
            widget.setLayoutDirection(edit.layoutDirection())
        elif isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda text, e=widget: orient_line_edit(e, text))
            orient_line_edit(widget, widget.text())
        elif isinstance(widget, QPlainTextEdit):
            def orient(edit=widget) -> None:
                direction = qt_direction(edit.toPlainText())
                if edit.layoutDirection() != direction:
                    edit.setLayoutDirection(direction)

            widget.textChanged.connect(orient)
            orient()
