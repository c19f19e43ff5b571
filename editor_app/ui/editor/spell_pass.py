"""Adds spelling to a freshly opened article a few blocks at a time, visible blocks first.

Each tick checks a small chunk and yields back to the event loop, so the window
stays responsive while a 20,000-word article is checked in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.ui.editor.highlighter import MarkdownHighlighter

BLOCKS_PER_TICK = 25


class SpellPass(QObject):
    def __init__(self, editor: QPlainTextEdit, highlighter: MarkdownHighlighter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.highlighter = highlighter
        self._queue: list[int] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.highlighter.spell_everything = False
        if self.highlighter.spelling is None or not self.highlighter.spelling.available:
            self._timer.stop()
            return
        visible = self._visible_block_numbers()
        seen = set(visible)
        rest = [number for number in range(self.editor.document().blockCount()) if number not in seen]
        self._queue = visible + rest
        self._queue.reverse()  # pop() from the end: visible blocks come out first
        self._timer.start()

    def _visible_block_numbers(self) -> list[int]:
        numbers = []
        block = self.editor.firstVisibleBlock()
        offset = self.editor.contentOffset()
        height = self.editor.viewport().height()
        while block.isValid() and self.editor.blockBoundingGeometry(block).translated(offset).top() <= height:
            numbers.append(block.blockNumber())
            block = block.next()
        return numbers

    def _tick(self) -> None:
        chunk = [self._queue.pop() for _ in range(min(BLOCKS_PER_TICK, len(self._queue)))]
        if chunk:
            self.highlighter.spell_blocks(chunk)
        if not self._queue:
            self._timer.stop()
            self.highlighter.spell_everything = True
