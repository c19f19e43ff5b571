"""Title line and Markdown body: the part of the window a writer types into."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from editor_app.core.records import ArticleRecord
from editor_app.core.spelling import SpellChecker
from editor_app.ui.editor.commands import EditorCommands
from editor_app.ui.editor.counts_label import LimitCounter
from editor_app.ui.editor.find_bar import FindBar
from editor_app.ui.editor.highlighter import MarkdownHighlighter, formats_for
from editor_app.ui.editor.markdown_editor import HUGE_TEXT_CHARACTERS
from editor_app.ui.editor.markdown_editor import MarkdownEditor
from editor_app.ui.editor.spell_pass import SpellPass
from editor_app.ui.editor.spelling_menu import add_spelling_actions
from editor_app.ui.editor.title_field import TitleField
from editor_app.ui.fonts import editor_font
from editor_app.ui.i18n import translate
from editor_app.ui.theme import current_theme

TITLE_POINT_SIZE = 20
TITLE_LIMIT = 100


class ArticleEditor(QWidget):
    edited = Signal()
    focus_lost = Signal()
    loaded = Signal(int)  # article id: its text is in the editor

    def __init__(self, parent: QWidget | None = None, spelling: SpellChecker | None = None) -> None:
        super().__init__(parent)
        self.article_id: int | None = None
        self._loading = False
        # Comments and suggestions (ui.annotations) show pending insertions in the text: the
        # editor's text is then the accepted text plus them, and body() the accepted text.
        self.annotations = None
        self.spelling = spelling

        self.title_edit = TitleField(self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setFont(editor_font(TITLE_POINT_SIZE))
        self.title_edit.setPlaceholderText(translate("article_editor", "العنوان"))
        self.title_edit.setAccessibleName(translate("article_editor", "عنوان المقال"))
        self.title_edit.setFrame(False)

        self.body_edit = MarkdownEditor(self)
        self.body_edit.setObjectName("body_edit")
        self.body_edit.setPlaceholderText(translate("article_editor", "اكتب نص المقال هنا…"))
        self.body_edit.setAccessibleName(translate("article_editor", "نص المقال"))

        self.title_counter = LimitCounter(TITLE_LIMIT, self)
        self.title_counter.setObjectName("title_counter")
        self.title_edit.text_changed.connect(self.title_counter.update_for)
        self.highlighter = MarkdownHighlighter(self.body_edit.document(), spelling)
        self.spell_pass = SpellPass(self.body_edit, self.highlighter, self)
        self.body_edit.huge_insert.connect(self._huge_insert)
        self.commands = EditorCommands(self.body_edit, self)
        self.find_bar = FindBar(self.body_edit, self)
        self.body_edit.context_menu_requested.connect(self._add_spelling_actions)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.title_counter)
        layout.addWidget(self.find_bar)
        self.body_row = QHBoxLayout()  # the body, and beside it the comments margin (ui.annotations)
        self.body_row.setSpacing(0)
        self.body_row.addWidget(self.body_edit, 1)
        layout.addLayout(self.body_row, 1)

        self.title_edit.textEdited.connect(self._on_edit)
        self.body_edit.textChanged.connect(self._on_edit)
        self.title_edit.editingFinished.connect(self.focus_lost)
        self.body_edit.focus_lost.connect(self.focus_lost)
        self.title_edit.returnPressed.connect(self.body_edit.setFocus)
        self.setEnabled(False)

    def _on_edit(self, *_args) -> None:
        if self._loading or self.article_id is None or self.highlighter.rehighlighting:
            return
        self.edited.emit()

    def load(self, record: ArticleRecord, cursor_position: int = 0) -> None:
        self._loading = True
        try:
            shown = self.shown_body(record.id, record.body)
            self.article_id = record.id
            self.title_edit.setText(record.title)
            self.title_edit.setCursorPosition(0)
            huge = len(shown) > HUGE_TEXT_CHARACTERS
            self.highlighter.deferred = huge
            try:
                self.body_edit.setPlainText(shown)
            finally:
                self.highlighter.deferred = False
            cursor = self.body_edit.textCursor()
            cursor.setPosition(min(cursor_position, len(shown)))
            self.body_edit.setTextCursor(cursor)
            self.body_edit.center_cursor()
        finally:
            self._loading = False
        self.setEnabled(True)
        self.spell_pass.start(formats_pending=huge)
        self.loaded.emit(record.id)

    def shown_body(self, article_id: int, body: str) -> str:
        """What the editor shows for a stored body: with pending suggested insertions, if any."""
        return body if self.annotations is None else self.annotations.shown_body(article_id, body)

    def _huge_insert(self, starting: bool) -> None:
        self.highlighter.deferred = starting
        if not starting:
            self.spell_pass.start(formats_pending=True)

    def set_spelling(self, spelling: SpellChecker) -> None:
        """Other dictionaries (a setting): underlines are redone, visible blocks first."""
        self.spelling = spelling
        self.highlighter.spelling = spelling
        self.spell_pass.start(formats_pending=True)

    def set_theme(self, _theme: str | None = None) -> None:
        self.highlighter.formats = formats_for(current_theme())
        self.spell_pass.start(formats_pending=True)

    def clear(self) -> None:
        self._loading = True
        try:
            self.article_id = None
            self.title_edit.clear()
            self.body_edit.clear()
        finally:
            self._loading = False
        self.setEnabled(False)

    def _add_spelling_actions(self, menu, cursor) -> None:
        add_spelling_actions(menu, self.body_edit, self.spelling, cursor, self.spell_pass.start)

    def title(self) -> str:
        return self.title_edit.text()

    def body(self) -> str:
        """The article's text as it is saved: without pending suggested insertions."""
        text = self.body_edit.toPlainText()
        return text if self.annotations is None else self.annotations.accepted_text(text)

    def cursor_position(self) -> int:
        return self.body_edit.textCursor().position()

    def focus_body(self) -> None:
        self.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.body_edit.moveCursor(QTextCursor.MoveOperation.NoMove)
