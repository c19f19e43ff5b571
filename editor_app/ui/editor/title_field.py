"""The headline field: one paragraph that wraps and grows, so a long news headline is
seen whole (a single-line QLineEdit cut a 45-character title at the default window size).

It behaves like a line edit where that matters: Enter moves on to the body instead of
starting a new line, pasted line breaks become spaces, Tab leaves the field, and it keeps
QLineEdit's small API (text, setText, textEdited, editingFinished, returnPressed) so the
rest of the window treats it as before. QTextEdit rather than QPlainTextEdit: a title is
short, and QTextEdit right-aligns an Arabic paragraph by itself (QTBUG-7516).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from editor_app.ui.text_direction import qt_direction

MAX_VISIBLE_LINES = 4  # beyond this the field scrolls: no headline needs more


class TitleField(QTextEdit):
    text_changed = Signal(str)  # any change, also by setText (the counter follows it)
    textEdited = Signal(str)  # noqa: N815 - QLineEdit's name: only the writer's edits
    editingFinished = Signal()  # noqa: N815
    returnPressed = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(2)
        self._setting = False
        self._modified_since_focus = False
        self.textChanged.connect(self._on_text_changed)
        self._orient("")

    # -- QLineEdit's API -----------------------------------------------------------------

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name
        self._setting = True
        try:
            self.setPlainText(_one_line(text))
        finally:
            self._setting = False

    def setFrame(self, shown: bool) -> None:  # noqa: N802 - QLineEdit's name
        self.setFrameShape(QFrame.Shape.StyledPanel if shown else QFrame.Shape.NoFrame)

    def cursorPosition(self) -> int:  # noqa: N802
        return self.textCursor().position()

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def end(self, mark: bool = False) -> None:
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        self.moveCursor(QTextCursor.MoveOperation.End, mode)

    # -- one paragraph -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.returnPressed.emit()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        if source.hasText():
            self.textCursor().insertText(_one_line(source.text()))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        return source.hasText()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.editingFinished.emit()

    def _on_text_changed(self) -> None:
        text = self.toPlainText()
        if "\n" in text or "\u2029" in text:  # typed by an input method or dropped: stay one paragraph
            position = self.textCursor().position()
            self.blockSignals(True)
            self.setPlainText(_one_line(text))
            self.blockSignals(False)
            self.setCursorPosition(position)
            text = self.toPlainText()
        self._orient(text)
        self._fit_height()
        self.text_changed.emit(text)
        if not self._setting:
            self.textEdited.emit(text)

    # -- growing with the headline -------------------------------------------------------

    def _orient(self, text: str) -> None:
        """Reads the way the editor's paragraphs do ("Apple تكشف…" is Arabic)."""
        direction = qt_direction(text)
        if self.layoutDirection() != direction:
            self.setLayoutDirection(direction)
        side = Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft else Qt.AlignmentFlag.AlignLeft
        option = self.document().defaultTextOption()
        if option.alignment() != side | Qt.AlignmentFlag.AlignAbsolute or option.textDirection() != direction:
            option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
            option.setTextDirection(direction)
            self.document().setDefaultTextOption(option)

    def line_count(self) -> int:
        layout = self.document().firstBlock().layout()
        return max(1, layout.lineCount() if layout is not None else 1)

    def _fit_height(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        most = MAX_VISIBLE_LINES * self.fontMetrics().lineSpacing() + 2 * document.documentMargin()
        height = math.ceil(min(document.size().height(), most)) + 2 * self.frameWidth()
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_height()

    def setFont(self, font) -> None:  # noqa: N802 - Qt API
        super().setFont(font)
        self._fit_height()


def _one_line(text: str) -> str:
    return " ".join(text.replace("\u2029", "\n").splitlines()).strip("\n") if "\n" in text or "\u2029" in text else text
