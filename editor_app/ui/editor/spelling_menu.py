"""Spelling suggestions, "add to dictionary" and "ignore" in the editor's context menu."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor_app.core.spelling import SpellChecker
from editor_app.ui.i18n import translate

_WORD = re.compile(r"[^\W\d_][\w\u064B-\u065F\u0670\u0640'’]*")


def word_under(cursor: QTextCursor) -> tuple[int, int, str] | None:
    """(start, end, word) in document positions for the word at the cursor, if any."""
    block = cursor.block()
    column = cursor.positionInBlock()
    for match in _WORD.finditer(block.text()):
        if match.start() <= column <= match.end():
            return block.position() + match.start(), block.position() + match.end(), match.group()
    return None


def add_spelling_actions(
    menu: QMenu,
    editor: QPlainTextEdit,
    checker: SpellChecker | None,
    cursor: QTextCursor,
    dictionary_changed: Callable[[], None],
) -> None:
    if checker is None or not checker.available:
        return
    found = word_under(cursor)
    if found is None or checker.is_correct(found[2]):
        return
    start, end, word = found
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    suggestions = checker.suggestions(word)  # on demand only: suggestions are slow
    for suggestion in suggestions:
        action = QAction(suggestion, menu)
        action.triggered.connect(lambda _checked=False, text=suggestion: _replace(editor, start, end, text))
        actions.append(action)
    if not suggestions:
        none = QAction(translate("spelling_menu", "لا اقتراحات"), menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(translate("spelling_menu", "إضافة «{word}» إلى القاموس").format(word=word), menu)
    add.triggered.connect(lambda: (checker.add_to_personal(word), dictionary_changed()))
    ignore = QAction(translate("spelling_menu", "تجاهل في هذه الجلسة"), menu)
    ignore.triggered.connect(lambda: (checker.ignore(word), dictionary_changed()))
    actions += [add, ignore]
    for action in actions:
        menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(first)


def _replace(editor: QPlainTextEdit, start: int, end: int, text: str) -> None:
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    cursor.endEditBlock()
