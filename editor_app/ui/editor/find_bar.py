"""Find and replace (Ctrl+F, Ctrl+H): loose Arabic matching, whole word, regex.

All matches are highlighted; replacing maps back to the exact original characters.
"""

from __future__ import annotations

from bisect import bisect_left
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from editor_app.core.find import FindOptions, InvalidPattern, Match, expand_replacement, find_all
from editor_app.ui import plain_text
from editor_app.ui.editor.text_edits import PositionMap
from editor_app.ui.timers import single_shot_timer
from editor_app.ui.i18n import translate, user_text

FIND_DELAY_MS = 120
# Highlights are drawn around the viewport only: a QTextCursor placed in a block lays
# that block out (about 0.1 ms each), so thousands of matches would stall the window.
HIGHLIGHT_MARGIN_CHARACTERS = 6000


class FindBar(QWidget):

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.editor = editor
        self.matches: list[Match] = []
        self.current = -1
        self._text = ""

        self.query = QLineEdit(self)
        self.query.setPlaceholderText(translate("find_bar", "بحث"))
        self.query.setAccessibleName(translate("find_bar", "نص البحث"))
        self.replacement = QLineEdit(self)
        self.replacement.setPlaceholderText(translate("find_bar", "استبدال بـ"))
        self.replacement.setAccessibleName(translate("find_bar", "نص الاستبدال"))
        self.loose = QCheckBox(translate("find_bar", "تجاهل التشكيل وأشكال الحروف"), self)
        self.loose.setChecked(True)
        self.loose.setToolTip(translate("find_bar", "يطابق «مكافحه» كلمة «مُكافحة»، و«الارهاب» كلمة «الإرهاب»"))
        self.whole_word = QCheckBox(translate("find_bar", "كلمة كاملة"), self)
        self.regex = QCheckBox(translate("find_bar", "تعبير نمطي"), self)
        self.status = QLabel(self)
        plain_text.plain(self.status)  # errors quote the writer's search pattern
        self.previous_button = QPushButton(translate("find_bar", "السابق"), self)
        self.next_button = QPushButton(translate("find_bar", "التالي"), self)
        self.replace_button = QPushButton(translate("find_bar", "استبدال"), self)
        self.replace_all_button = QPushButton(translate("find_bar", "استبدال الكل"), self)
        close = QPushButton("✕", self)
        close.setFlat(True)
        close.setAccessibleName(translate("find_bar", "إغلاق شريط البحث"))

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.query, 0, 0)
        layout.addWidget(self.previous_button, 0, 1)
        layout.addWidget(self.next_button, 0, 2)
        layout.addWidget(self.status, 0, 3)
        layout.addWidget(close, 0, 4)
        layout.addWidget(self.replacement, 1, 0)
        layout.addWidget(self.replace_button, 1, 1)
        layout.addWidget(self.replace_all_button, 1, 2)
        options = QWidget(self)
        options_layout = QGridLayout(options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addWidget(self.loose, 0, 0)
        options_layout.addWidget(self.whole_word, 0, 1)
        options_layout.addWidget(self.regex, 0, 2)
        layout.addWidget(options, 2, 0, 1, 5)
        layout.setColumnStretch(0, 1)

        self._timer = single_shot_timer(self, FIND_DELAY_MS, self.refresh)
        self.query.textChanged.connect(self._timer.start)
        for box in (self.loose, self.whole_word, self.regex):
            box.toggled.connect(self.refresh)
        self.query.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        editor.textChanged.connect(self._on_text_changed)
        editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.hide()

    def _on_scrolled(self, _value: int) -> None:
        if self.isVisible() and self.matches:
            self._highlight()

    def _visible_range(self, positions: PositionMap) -> tuple[int, int]:
        viewport = self.editor.viewport()
        first = self.editor.firstVisibleBlock().position()
        last = self.editor.cursorForPosition(viewport.rect().bottomRight()).position()
        return (
            positions.to_python(max(0, first)) - HIGHLIGHT_MARGIN_CHARACTERS,
            positions.to_python(last) + HIGHLIGHT_MARGIN_CHARACTERS,
        )

    def options(self) -> FindOptions:
        return FindOptions(loose=self.loose.isChecked(), whole_word=self.whole_word.isChecked(), regex=self.regex.isChecked())

    def open_find(self, with_replace: bool = False) -> None:
        self.replacement.setVisible(with_replace)
        self.replace_button.setVisible(with_replace)
        self.replace_all_button.setVisible(with_replace)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.query.setText(selected)
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setExtraSelections([])
        self.editor.setFocus()

    def _on_text_changed(self) -> None:
        if self.isVisible() and self.query.text():
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self._text = self.editor.toPlainText()
        try:
            self.matches = find_all(self._text, self.query.text(), self.options())
        except InvalidPattern as error:
            self.matches = []
            self.status.setText(user_text(error))
            self.editor.setExtraSelections([])
            return
        cursor_position = PositionMap(self._text).to_python(self.editor.textCursor().selectionStart())
        self.current = next((i for i, m in enumerate(self.matches) if m.start >= cursor_position), 0 if self.matches else -1)
        self._highlight()

    def _highlight(self) -> None:
        positions = PositionMap(self._text)
        selections = []
        every = QTextCharFormat()
        every.setBackground(QColor("#fde68a"))
        current = QTextCharFormat()
        current.setBackground(QColor("#f59e0b"))
        low, high = self._visible_range(positions)
        first = bisect_left([match.end for match in self.matches], low)
        for index in range(first, len(self.matches)):
            match = self.matches[index]
            if match.start > high:
                break
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(positions.to_qt(match.start))
            cursor.setPosition(positions.to_qt(match.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = current if index == self.current else every
            selections.append(selection)
        self.editor.setExtraSelections(selections)
        total = len(self.matches)
        self.status.setText(translate("find_bar", "{current} من {total}").format(current=self.current + 1, total=total) if total else (translate("find_bar", "لا نتائج") if self.query.text() else ""))

    def _select_current(self) -> None:
        if self.current < 0:
            return
        match = self.matches[self.current]
        positions = PositionMap(self._text)
        cursor = self.editor.textCursor()
        cursor.setPosition(positions.to_qt(match.start))
        cursor.setPosition(positions.to_qt(match.end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self._highlight()

    def find_next(self) -> None:
        if self.matches:
            self.current = (self.current + 1) % len(self.matches) if self._current_is_selected() else max(self.current, 0)
            self._select_current()

    def find_previous(self) -> None:
        if self.matches:
            self.current = (self.current - 1) % len(self.matches)
            self._select_current()

    def _current_is_selected(self) -> bool:
        if self.current < 0:
            return False
        match = self.matches[self.current]
        positions = PositionMap(self._text)
        cursor = self.editor.textCursor()
        return (cursor.selectionStart(), cursor.selectionEnd()) == (positions.to_qt(match.start), positions.to_qt(match.end))

    def replace_current(self) -> None:
        if not self._current_is_selected():
            self.find_next()
            return
        match = self.matches[self.current]
        try:
            text = expand_replacement(self.replacement.text(), self._text, match, self.options().regex)
        except InvalidPattern as error:
            self.status.setText(user_text(error))
            return
        self.editor.textCursor().insertText(text)
        self.refresh()
        self._select_current()

    def replace_all(self) -> int:
        self.refresh()
        if not self.matches:
            return 0
        regex = self.options().regex
        try:
            replacements = [expand_replacement(self.replacement.text(), self._text, m, regex) for m in self.matches]
        except InvalidPattern as error:
            self.status.setText(user_text(error))
            return 0
        positions = PositionMap(self._text)
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()  # one undo step for every replacement
        for match, text in zip(reversed(self.matches), reversed(replacements)):
            cursor.setPosition(positions.to_qt(match.start))
            cursor.setPosition(positions.to_qt(match.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
        cursor.endEditBlock()
        count = len(self.matches)
        self.refresh()
        self.status.setText(translate("find_bar", "استُبدل {count}").format(count=count))
        return count
