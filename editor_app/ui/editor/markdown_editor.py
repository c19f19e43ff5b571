"""The plain-text Markdown editor with per-paragraph direction.

QPlainTextEdit lays every block out with the document's one default text option
(QTBUG-7516), so an English paragraph in an Arabic article would be laid out and
aligned like the Arabic around it. Before painting, each visible block gets its own
direction (core.bidi) and matching alignment, and is re-laid out when that changed.
Only visible blocks are touched, so a long article costs nothing extra.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QTextBlock, QTextLayout, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.core.bidi import Direction, paragraph_direction
from editor_app.ui.fonts import editor_font

_QT_DIRECTION = {Direction.RTL: Qt.LayoutDirection.RightToLeft, Direction.LTR: Qt.LayoutDirection.LeftToRight}
_ALIGNMENT = {
    Direction.RTL: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute,
    Direction.LTR: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
}


class MarkdownEditor(QPlainTextEdit):
    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None, default_direction: Direction = Direction.RTL) -> None:
        super().__init__(parent)
        self.default_direction = default_direction
        self.setFont(editor_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        # Most paragraphs of an Arabic article are Arabic: make that the default layout,
        # so only the exceptions need re-laying out.
        option = self.document().defaultTextOption()
        option.setTextDirection(_QT_DIRECTION[default_direction])
        option.setAlignment(_ALIGNMENT[default_direction])
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(12)

    def block_direction(self, block: QTextBlock) -> Direction:
        """The direction of a block; empty blocks follow the paragraph above them."""
        while block.isValid():
            direction = paragraph_direction(block.text())
            if direction is not None:
                return direction
            block = block.previous()
        return self.default_direction

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.apply_paragraph_directions()
        super().paintEvent(event)

    def apply_paragraph_directions(self) -> None:
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            if block.isVisible():
                self._lay_out_in_direction(block, self.block_direction(block))
            block = block.next()

    def _lay_out_in_direction(self, block: QTextBlock, direction: Direction) -> None:
        layout = block.layout()
        option = layout.textOption()
        wanted_direction = _QT_DIRECTION[direction]
        wanted_alignment = _ALIGNMENT[direction]
        if option.textDirection() == wanted_direction and option.alignment() == wanted_alignment:
            return
        option.setTextDirection(wanted_direction)
        option.setAlignment(wanted_alignment)
        layout.setTextOption(option)
        _relayout_lines(layout, self.document().documentMargin())

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.focus_lost.emit()


def _relayout_lines(layout: QTextLayout, margin: float) -> None:
    """Break the block into lines again, exactly as QPlainTextDocumentLayout does.

    The direction changes the visual order, not the logical line breaks, so the
    block keeps the height the document layout gave it.
    """
    if layout.lineCount() == 0:
        return
    width = layout.lineAt(0).width()
    layout.beginLayout()
    top = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLeadingIncluded(True)
        line.setLineWidth(width)
        line.setPosition(QPointF(margin, top))
        top += line.height()
    layout.endLayout()
