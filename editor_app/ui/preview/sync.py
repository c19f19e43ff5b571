"""Editor → preview: the preview follows the editor's scroll, and marks the cursor's block."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.core.snippets import visible_snippet
from editor_app.ui.timers import single_shot_timer

SYNC_DELAY_MS = 60


def _first_words_from(block: QTextBlock) -> str:
    """The snippet of this block, or of the next one with words (blank lines have none)."""
    for _ in range(50):
        if not block.isValid():
            return ""
        snippet = visible_snippet(block.text())
        if snippet:
            return snippet
        block = block.next()
    return ""


class PreviewSync(QObject):
    def __init__(self, editor: QPlainTextEdit, preview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.preview = preview
        self._scroll_timer = self._timer(self._sync_scroll)
        self._cursor_timer = self._timer(self._mark_cursor)
        editor.verticalScrollBar().valueChanged.connect(lambda _value: self._scroll_timer.start())
        editor.cursorPositionChanged.connect(self._cursor_timer.start)
        if hasattr(preview, "page_loaded"):
            preview.page_loaded.connect(self._follow_after_load)

    def _follow_after_load(self) -> None:
        """The page loads after the window opened the article at the writer's place (the end
        of a long one, on a restart): follow it once the page can. Through the timers, so the
        article patched in right after the load is there first; an editor at the top leaves
        a fresh page where it is."""
        if self.editor.verticalScrollBar().value():
            self._scroll_timer.start()
            self._cursor_timer.start()

    def _timer(self, slot) -> QTimer:
        timer = single_shot_timer(self, SYNC_DELAY_MS, slot)
        return timer

    def _sync_scroll(self) -> None:
        bar = self.editor.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        snippet = _first_words_from(self.editor.firstVisibleBlock()) if bar.value() else ""
        self.preview.sync_scroll(snippet, fraction)

    def _mark_cursor(self) -> None:
        self.preview.mark_block(_first_words_from(self.editor.textCursor().block()))
