"""Where each character of a text is drawn, from Qt's own layout: tests of bidi order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication


def glyph_lefts(text: str, right_to_left: bool = True, font: QFont | None = None) -> dict[int, float]:
    """Character index -> left edge of its glyphs, for characters that draw something."""
    layout = QTextLayout(text, font or QApplication.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    lefts = {}
    for index in range(len(text)):
        rects = [run.boundingRect() for run in line.glyphRuns(index, 1)]
        rects = [rect for rect in rects if rect.width() > 0]
        if rects and not text[index].isspace():
            lefts[index] = min(rect.left() for rect in rects)
    return lefts


def reads_left_to_right(text: str, part: str, right_to_left: bool = True) -> bool:
    """True when `part` (found in `text`) is drawn in order from left to right, with
    no other character among its glyphs."""
    lefts = glyph_lefts(text, right_to_left)
    start = text.index(part)
    inside = [lefts[i] for i in range(start, start + len(part)) if i in lefts]
    if inside != sorted(inside) or len(set(inside)) != len(inside):
        return False
    low, high = min(inside), max(inside)
    return not any(low < left < high for i, left in lefts.items() if not start <= i < start + len(part))
