"""What the Format and Arabic commands do to the editor's text (their menu entries, names and
shortcuts are in ui/commands/editing_commands.py). Each command is one undo step."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal
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
        self.quote_style = arabic.QuoteStyle.CURLY

    def run_edit(self, operation: Callable[[str, int, int], Edit]) -> None:
        """A formatting operation on the selection (or the word or line at the cursor)."""
        text = self.editor.toPlainText()
        start, end = selection_range(self.editor, text)
        apply_edit(self.editor, text, operation(text, start, end))

    def transform(self, transform: Callable[[str], str]) -> None:
        """An Arabic text tool on the selection, or on the whole article without one."""
        transform_selection_or_all(self.editor, transform)

    def preferred_quotes(self) -> None:
        self.transform(partial(arabic.smart_quotes, style=self.quote_style))

    def insert_link(self) -> None:
        url, accepted = QInputDialog.getText(self.editor, translate("commands", "إدراج رابط"), translate("commands", "عنوان الرابط (URL):"), text="https://")
        if accepted and url.strip() and url.strip() != "https://":
            self.run_edit(lambda t, s, e: formatting.insert_link(t, s, e, url.strip()))


def heading(level: int) -> Callable[[str, int, int], Edit]:
    return lambda text, start, end: formatting.set_heading(text, start, end, level)


def inline(marker) -> Callable[[str, int, int], Edit]:
    return lambda text, start, end: formatting.toggle_inline(text, start, end, marker)


def normalise_letters(text: str) -> str:
    return arabic.normalise_for_matching(text, fold_teh_marbuta=False, fold_case=False).text
