"""The plain-text Markdown editor with per-paragraph direction.

QPlainTextEdit lays every block out with the document's one default text option
(QTBUG-7516), so an English paragraph in an Arabic article would be laid out and
aligned like the Arabic around it. Before painting, each visible block gets its own
direction (core.bidi) and matching alignment, and is re-laid out when that changed.
Only visible blocks are touched, so a long article costs nothing extra.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QTextBlock, QTextLayout, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.core.bidi import Direction, paragraph_direction
from editor_app.ui.fonts import editor_font

_QT_DIRECTION = {Direction.RTL: Qt.LayoutDirection.RightToLeft, Direction.LTR: Qt.LayoutDirection.LeftToRight}
_ALIGNMENT = {
    Direction.RTL: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute,
    Direction.LTR: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
}


MIN_POINT_SIZE, MAX_POINT_SIZE = 9, 40


# Beyond this, a text is formatted after it arrives, not while (see MarkdownHighlighter.deferred).
HUGE_TEXT_CHARACTERS = 200_000


class MarkdownEditor(QPlainTextEdit):
    focus_lost = Signal()
    context_menu_requested = Signal(object, object)  # (QMenu, QTextCursor at the click)
    huge_insert = Signal(bool)  # True before a huge paste goes in, False after

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
        self.line_height = 1.0  # multiple of the font's natural line spacing

    # -- appearance ---------------------------------------------------------

    def set_point_size(self, size: int) -> None:
        font = self.font()
        font.setPointSize(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)))
        self.setFont(font)

    def zoom_by(self, steps: int) -> None:
        self.set_point_size(self.font().pointSize() + steps)

    def set_line_height(self, factor: float) -> None:
        self.line_height = max(1.0, min(3.0, factor))
        self.viewport().update()

    def _extra_spacing(self) -> float:
        return round((self.line_height - 1.0) * self.fontMetrics().lineSpacing(), 1)

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
        extra = self._extra_spacing()
        spaced = layout.lineCount() == 0 or abs(layout.lineAt(0).y() - extra) < 0.05
        if option.textDirection() == wanted_direction and option.alignment() == wanted_alignment and spaced:
            return
        option.setTextDirection(wanted_direction)
        option.setAlignment(wanted_alignment)
        layout.setTextOption(option)
        _relayout_lines(layout, self.document().documentMargin(), extra)

    # -- input ----------------------------------------------------------------

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """Rich text (a word processor, a web page) arrives as clean Markdown; a huge
        paste is inserted without formatting, which comes afterwards a little at a time."""
        huge = len(source.text()) > HUGE_TEXT_CHARACTERS or len(source.html()) > 4 * HUGE_TEXT_CHARACTERS
        if huge:
            self.huge_insert.emit(True)
        try:
            if source.hasHtml():
                from editor_app.core.paste import html_to_markdown  # BeautifulSoup: 0.2 s, so at the first paste

                markdown = html_to_markdown(source.html())
                if markdown.strip():
                    self.textCursor().insertText(markdown)
                    return
            super().insertFromMimeData(source)
        finally:
            if huge:
                self.huge_insert.emit(False)

    def event(self, event) -> bool:
        """Tab indents (Markdown lists); Ctrl+Tab and Ctrl+Shift+Tab leave the editor, so the
        keyboard reaches every pane (the usual convention for text areas)."""
        if event.type() == QEvent.Type.KeyPress and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # QPlainTextEdit refuses to pass focus on unless Tab changes focus: allow it for this move.
                self.setTabChangesFocus(True)
                try:
                    self.focusNextPrevChild(event.key() == Qt.Key.Key_Tab)
                finally:
                    self.setTabChangesFocus(False)
                return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        menu = self.createStandardContextMenu(event.pos())
        self.context_menu_requested.emit(menu, self.cursorForPosition(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.focus_lost.emit()


def _relayout_lines(layout: QTextLayout, margin: float, extra: float = 0.0) -> None:
    """Break the block into lines again, as QPlainTextDocumentLayout does, plus line spacing.

    The direction changes the visual order, not the logical line breaks, so the line
    count stays the one the document layout computed (QPlainTextEdit scrolls by lines).
    The extra spacing goes above each line: QPlainTextDocumentLayout measures a
    block from its top-left corner to its last line, so the block grows to match.
    """
    if layout.lineCount() == 0:
        return
    width = layout.lineAt(0).width()
    layout.beginLayout()
    top = extra
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLeadingIncluded(True)
        line.setLineWidth(width)
        line.setPosition(QPointF(margin, top))
        top += line.height() + extra
    layout.endLayout()
