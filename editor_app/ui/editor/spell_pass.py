"""Adds spelling to a freshly opened article a few blocks at a time, visible blocks first.

Each tick checks a small chunk and yields back to the event loop, so the window
stays responsive while a 20,000-word article is checked in the background.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from editor_app.ui.editor.highlighter import MarkdownHighlighter

BLOCKS_PER_TICK = 25
TICK_BUDGET_SECONDS = 0.015  # a block can be a whole 5 MB paragraph: stop a tick early


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

    def start(self, *, formats_pending: bool = False) -> None:
        """Check every block, visible ones first; formats_pending: the blocks were only given
        their state (a huge text arrived) and need their formats even without a dictionary."""
        self.highlighter.spell_everything = False
        no_spelling = self.highlighter.spelling is None or not self.highlighter.spelling.available
        if no_spelling and not formats_pending:
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
        deadline = time.perf_counter() + TICK_BUDGET_SECONDS
        done = 0
        while self._queue and done < BLOCKS_PER_TICK and time.perf_counter() < deadline:
            self.highlighter.spell_blocks([self._queue.pop()])
            done += 1
        if not self._queue:
            self._timer.stop()
            self.highlighter.spell_everything = True
