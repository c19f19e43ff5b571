"""Putting a newer stored text into the open editor without disturbing the writer: only the
changed stretch is replaced (one undo step), so the cursor, the selection and the scroll
position stay where they were, as Qt moves them around an edit made elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QTextCursor

from editor_app.ui.editor.article_editor import ArticleEditor


def changed_span(old: str, new: str) -> tuple[int, int, str]:
    """(start, end in old, replacement): the smallest stretch that differs."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]


def replace_text_in_place(editor: ArticleEditor, title: str, body: str) -> None:
    """Show (title, body) in the editor. Its `edited` signal stays quiet: this is not typing."""
    if editor.title() != title:
        position = editor.title_edit.cursorPosition()
        editor.title_edit.setText(title)  # setText does not emit textEdited
        editor.title_edit.setCursorPosition(min(position, len(title)))
    old = editor.body_edit.toPlainText()
    body = editor.shown_body(editor.article_id, body)  # with pending suggested insertions (ui.annotations)
    if old == body:
        return
    start, end, replacement = changed_span(old, body)
    document_editor = editor.body_edit
    with QSignalBlocker(document_editor):
        cursor = QTextCursor(document_editor.document())
        cursor.setPosition(_utf16_length(old[:start]))
        cursor.setPosition(_utf16_length(old[:end]), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)


def _utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 units: an emoji is two."""
    return len(text.encode("utf-16-le")) // 2
