"""The editor's commands: Markdown formatting and the Arabic text tools, as QActions.

Each command is one undo step; formatting follows the platform's usual shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit

from editor_app.core import arabic, formatting
from editor_app.core.formatting import Edit
from editor_app.ui.editor.text_edits import apply_edit, selection_range, transform_selection_or_all
from editor_app.ui.i18n import translate


class EditorCommands(QObject):
    image_requested = Signal()  # Format › Image: the window opens its image dialog

    def __init__(self, editor: QPlainTextEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.formatting_actions: list[QAction] = []
        self.arabic_actions: list[QAction] = []
        self.quote_style = arabic.QuoteStyle.CURLY

        def fmt(text: str, shortcut: str | QKeySequence.StandardKey | None, operation: Callable[[str, int, int], Edit]) -> QAction:
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(partial(self._run_edit, operation))
            self.formatting_actions.append(action)
            return action

        self.bold = fmt(translate("commands", "عريض"), QKeySequence.StandardKey.Bold, lambda t, s, e: formatting.toggle_inline(t, s, e, formatting.BOLD))
        self.italic = fmt(translate("commands", "مائل"), QKeySequence.StandardKey.Italic, lambda t, s, e: formatting.toggle_inline(t, s, e, formatting.ITALIC))
        self.code = fmt(translate("commands", "شيفرة"), "Ctrl+`", lambda t, s, e: formatting.toggle_inline(t, s, e, formatting.CODE))
        self.headings = [
            fmt(translate("commands", "عنوان من المستوى {level}").format(level=level), f"Ctrl+{level}", partial(_heading, level=level)) for level in (1, 2, 3)
        ]
        self.quote = fmt(translate("commands", "اقتباس"), "Ctrl+'", formatting.toggle_quote)
        self.bullets = fmt(translate("commands", "قائمة نقطية"), "Ctrl+Shift+8", formatting.toggle_bullets)
        self.numbering = fmt(translate("commands", "قائمة مرقمة"), "Ctrl+Shift+7", formatting.toggle_numbering)
        self.link = QAction(translate("commands", "رابط…"), self)
        self.link.setShortcut(QKeySequence("Ctrl+K"))
        self.link.triggered.connect(self.insert_link)
        self.image = QAction(translate("commands", "صورة…"), self)
        self.image.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.image.triggered.connect(self.image_requested)  # the window's image dialog (ui/images)
        self.formatting_actions += [self.link, self.image]

        def tool(text: str, transform: Callable[[str], str], tip: str) -> QAction:
            action = QAction(text, self)
            action.setStatusTip(tip)
            action.triggered.connect(lambda: transform_selection_or_all(self.editor, transform))
            self.arabic_actions.append(action)
            return action

        tool(translate("commands", "علامات الترقيم العربية (، ؛ ؟)"), arabic.arabic_punctuation,
             translate("commands", "تحويل , ; ? إلى ، ؛ ؟ بعد الكلمات العربية، دون المساس بالجمل اللاتينية والأرقام والروابط"))
        self.preferred_quotes = QAction(translate("commands", "علامات التنصيص المختارة في الإعدادات"), self)
        self.preferred_quotes.setShortcut(QKeySequence("Ctrl+Shift+'"))
        self.preferred_quotes.setStatusTip(translate("commands", "تحويل \" إلى “ ” أو « » حسب الإعدادات"))
        self.preferred_quotes.triggered.connect(
            lambda: transform_selection_or_all(self.editor, partial(arabic.smart_quotes, style=self.quote_style)))
        self.arabic_actions.append(self.preferred_quotes)
        tool(translate("commands", "علامات التنصيص “ ”"), partial(arabic.smart_quotes, style=arabic.QuoteStyle.CURLY), translate("commands", "تحويل \" إلى “ ”"))
        tool(translate("commands", "علامات التنصيص « »"), partial(arabic.smart_quotes, style=arabic.QuoteStyle.GUILLEMETS), translate("commands", "تحويل \" إلى « »"))
        tool(translate("commands", "الأرقام المشرقية (٠١٢٣)"), arabic.to_eastern_digits, translate("commands", "تحويل 0-9 إلى ٠-٩ خارج الروابط والشيفرة"))
        tool(translate("commands", "الأرقام الغربية (0123)"), arabic.to_western_digits, translate("commands", "تحويل ٠-٩ إلى 0-9"))
        tool(translate("commands", "حذف التطويل (ـ)"), arabic.remove_tatweel, translate("commands", "حذف حرف التطويل"))
        tool(translate("commands", "حذف التشكيل"), arabic.remove_diacritics, translate("commands", "حذف الحركات والتنوين والشدة والسكون"))
        tool(translate("commands", "توحيد أشكال الحروف"), _normalise_letters, translate("commands", "أ إ آ ← ا، ى ← ي، ؤ ← و، ئ ← ي، مع حذف التشكيل والتطويل"))

    def _run_edit(self, operation: Callable[[str, int, int], Edit]) -> None:
        text = self.editor.toPlainText()
        start, end = selection_range(self.editor, text)
        apply_edit(self.editor, text, operation(text, start, end))

    def insert_link(self) -> None:
        url, accepted = QInputDialog.getText(self.editor, translate("commands", "إدراج رابط"), translate("commands", "عنوان الرابط (URL):"), text="https://")
        if accepted and url.strip() and url.strip() != "https://":
            self._run_edit(lambda t, s, e: formatting.insert_link(t, s, e, url.strip()))


def _heading(text: str, start: int, end: int, level: int) -> Edit:
    return formatting.set_heading(text, start, end, level)


def _normalise_letters(text: str) -> str:
    return arabic.normalise_for_matching(text, fold_teh_marbuta=False, fold_case=False).text
