"""Title line and Markdown body: the part of the window a writer types into."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from editor_app.core.records import ArticleRecord
from editor_app.ui.editor.markdown_editor import MarkdownEditor
from editor_app.ui.fonts import editor_font

TITLE_POINT_SIZE = 20


class ArticleEditor(QWidget):
    edited = Signal()
    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_id: int | None = None
        self._loading = False

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setFont(editor_font(TITLE_POINT_SIZE))
        self.title_edit.setPlaceholderText("العنوان")
        self.title_edit.setAccessibleName("عنوان المقال")
        self.title_edit.setFrame(False)

        self.body_edit = MarkdownEditor(self)
        self.body_edit.setObjectName("body_edit")
        self.body_edit.setPlaceholderText("اكتب نص المقال هنا…")
        self.body_edit.setAccessibleName("نص المقال")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.body_edit, 1)

        self.title_edit.textEdited.connect(self._on_edit)
        self.body_edit.textChanged.connect(self._on_edit)
        self.title_edit.editingFinished.connect(self.focus_lost)
        self.body_edit.focus_lost.connect(self.focus_lost)
        self.title_edit.returnPressed.connect(self.body_edit.setFocus)
        self.setEnabled(False)

    def _on_edit(self, *_args) -> None:
        if not self._loading and self.article_id is not None:
            self.edited.emit()

    def load(self, record: ArticleRecord, cursor_position: int = 0) -> None:
        self._loading = True
        try:
            self.article_id = record.id
            self.title_edit.setText(record.title)
            self.title_edit.setCursorPosition(0)
            self.body_edit.setPlainText(record.body)
            cursor = self.body_edit.textCursor()
            cursor.setPosition(min(cursor_position, len(record.body)))
            self.body_edit.setTextCursor(cursor)
            self.body_edit.centerCursor()
        finally:
            self._loading = False
        self.setEnabled(True)

    def clear(self) -> None:
        self._loading = True
        try:
            self.article_id = None
            self.title_edit.clear()
            self.body_edit.clear()
        finally:
            self._loading = False
        self.setEnabled(False)

    def title(self) -> str:
        return self.title_edit.text()

    def body(self) -> str:
        return self.body_edit.toPlainText()

    def cursor_position(self) -> int:
        return self.body_edit.textCursor().position()

    def focus_body(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body_edit.moveCursor(QTextCursor.MoveOperation.NoMove)
