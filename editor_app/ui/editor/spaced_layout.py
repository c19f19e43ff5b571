"""The editor's document layout: QPlainTextDocumentLayout plus line spacing and each
paragraph's own direction, both decided when a block is laid out.

Why a layout and not painting: QPlainTextEdit scrolls, pages, places the cursor,
answers clicks and sizes its scroll bar from the document layout's block rectangles
and the block's QTextLines. Spacing added while painting is unknown to all of them
(the end of a long article could not be reached). QPlainTextDocumentLayout ignores
QTextBlockFormat.lineHeight (checked on Qt 6.11), and block formats would live in
the undo stack anyway, so the spacing is applied here, where every one of those
readers gets its geometry: blockBoundingRect, which Qt calls (virtually) before it
reads a block's lines.

QPlainTextDocumentLayout lays every block out with the document's one default text
option (QTBUG-7516), so an English paragraph in an Arabic article would be laid out
like the Arabic around it: each block gets its direction from core.bidi here too.

Where the spacing goes: below each line. QPlainTextEdit scrolls by lines and assumes
a block's first line starts at the block's top (its scroll bar range and
ensureCursorVisible compare line tops with block tops), so nothing may go above it.

A block laid out by Qt carries the document's default option, whose alignment has
the AlignAbsolute flag; a block laid out here has the same alignment without it.
QTextLayout applies the alignment literally (AlignAbsolute only matters to widgets
that mirror alignment), so the flag tells the two apart without any state per block.

Addresses are never broken across lines: a URL is a left-to-right run inside an Arabic
paragraph, and split over two lines each piece is reordered on its own line, with the
brackets mirrored away from it (issue 15: a link drawn scrambled). Whole on one line,
the Unicode bidi algorithm (with its bracket pairs) already draws `[نص](url)` in order.
QTextLayout has no isolates for a range of a block, and the Markdown must stay as
written, so keeping the run whole is the layout's part.
"""

from __future__ import annotations

import functools
import math
import re

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QTextBlock, QTextDocument, QTextLayout, QTextLine
from PySide6.QtWidgets import QPlainTextDocumentLayout

from editor_app.core.bidi import Direction, paragraph_direction

# Qt asks for the bounding rectangle of every block it paints, on every paint: reading each
# paragraph's direction word by word each time was milliseconds per keystroke. The
# direction is a function of the text alone, so it is remembered (one entry per paragraph
# text seen lately; an edited paragraph is a new text).
_paragraph_direction = functools.lru_cache(maxsize=8192)(paragraph_direction)

QT_DIRECTION = {Direction.RTL: Qt.LayoutDirection.RightToLeft, Direction.LTR: Qt.LayoutDirection.LeftToRight}
ABSOLUTE_ALIGNMENT = {
    Direction.RTL: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute,
    Direction.LTR: Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
}
LAID_OUT_ALIGNMENT = {
    Direction.RTL: Qt.AlignmentFlag.AlignRight,
    Direction.LTR: Qt.AlignmentFlag.AlignLeft,
}

# The address part of a link or image "(…)", an autolink "<…>", a bare address.
_ADDRESS = re.compile(r"(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)|<(?:https?|mailto|ftp):[^<>\s]+>|(?:https?|ftp)://[^\s()<>]+")

MIN_LINE_HEIGHT, MAX_LINE_HEIGHT = 1.0, 3.0
# An empty paragraph takes the direction of the nearest one above with letters; beyond
# this many empty lines it takes the article's.
EMPTY_LOOKBACK = 50


class SpacedPlainTextLayout(QPlainTextDocumentLayout):
    def __init__(self, document: QTextDocument, default_direction: Direction = Direction.RTL) -> None:
        super().__init__(document)
        self.default_direction = default_direction
        self.line_height = 1.0
        self.extra = 0.0  # pixels added below every line

    # -- settings ---------------------------------------------------------------

    def set_line_height(self, factor: float) -> None:
        self.line_height = max(MIN_LINE_HEIGHT, min(MAX_LINE_HEIGHT, factor))
        self.update_spacing()

    def update_spacing(self) -> None:
        """Spacing in pixels for the current factor and font; lays the document out again when it changed."""
        natural = QFontMetricsF(self.document().defaultFont()).lineSpacing()
        extra = float(round((self.line_height - 1.0) * natural))  # whole pixels: no drift while scrolling
        if extra == self.extra:
            return
        self.extra = extra
        self.relayout_all()

    def relayout_all(self) -> None:
        document = self.document()
        # Clears every block's lines (QPlainTextDocumentLayout lays them out again on demand);
        # it is neither an edit nor an undo step.
        document.markContentsDirty(0, document.characterCount())
        # The size in lines did not change, so Qt would not re-measure its scroll bar: ask it to.
        self.documentSizeChanged.emit(self.documentSize())

    # -- layout -----------------------------------------------------------------

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:  # noqa: N802 - Qt API
        if not block.isValid():
            return QRectF()
        layout = block.layout()
        if layout.lineCount() == 0:
            self.ensureBlockLayout(block)
        if block.isVisible() and layout.lineCount() > 0:
            direction = self.block_direction(block)
            option = layout.textOption()
            if option.alignment() != LAID_OUT_ALIGNMENT[direction] or option.textDirection() != QT_DIRECTION[direction]:
                self._lay_out(layout, direction, block.text())
                if block.lineCount() != layout.lineCount():  # an address moved to the next line
                    block.setLineCount(layout.lineCount())
                    self.documentSizeChanged.emit(self.documentSize())  # the scroll bar counts lines
        rect = super().blockBoundingRect(block)
        if block.isVisible() and self.extra:
            rect.setBottom(rect.bottom() + self.extra)  # the spacing below the last line
        return rect

    def block_direction(self, block: QTextBlock) -> Direction:
        """A block's direction; empty blocks follow the paragraph above them."""
        for _ in range(EMPTY_LOOKBACK):
            if not block.isValid():
                break
            if block.length() > 1:
                direction = _paragraph_direction(block.text(), self.default_direction)
                if direction is not None:
                    return direction
            block = block.previous()
        return self.default_direction

    def _lay_out(self, layout: QTextLayout, direction: Direction, text: str) -> None:
        """Break the block into lines again, as QPlainTextDocumentLayout does, in the block's
        direction, with the spacing, and without breaking an address (which can add a line:
        the caller tells the document, QPlainTextEdit scrolls by lines)."""
        width = layout.lineAt(0).width()
        option = layout.textOption()
        option.setTextDirection(QT_DIRECTION[direction])
        option.setAlignment(LAID_OUT_ALIGNMENT[direction])
        layout.setTextOption(option)
        addresses = [match.span() for match in _ADDRESS.finditer(text)] if text else []
        margin = self.document().documentMargin()
        layout.beginLayout()
        top = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(width)
            if addresses:
                _keep_addresses_whole(line, addresses, width)
            line.setPosition(QPointF(margin, top))
            top += line.height() + self.extra
            if line.leading() < 0:  # as Qt does
                top += math.ceil(line.leading())
        layout.endLayout()


def _keep_addresses_whole(line: QTextLine, addresses: list[tuple[int, int]], width: float) -> None:
    """End the line before an address it would cut, unless the line starts with it (an
    address longer than a line has to break somewhere)."""
    start, end = line.textStart(), line.textStart() + line.textLength()
    for address_start, address_end in addresses:
        if start < address_start < end < address_end:
            line.setNumColumns(address_start - start, width)  # the width keeps the alignment
            return
