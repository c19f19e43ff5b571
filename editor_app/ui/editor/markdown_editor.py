"""The plain-text Markdown editor with per-paragraph direction and line spacing.

Both are part of the document's layout (SpacedPlainTextLayout), so scrolling, paging,
the cursor, clicks and selections all see the same geometry that is painted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (QContextMenuEvent, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPalette, QTextBlock,
                           QTextDocument, QTextOption)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.core.bidi import Direction
from editor_app.ui.editor.spaced_layout import ABSOLUTE_ALIGNMENT, QT_DIRECTION, SpacedPlainTextLayout
from editor_app.ui.fonts import editor_font
from editor_app.ui.timers import single_shot_timer


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
        document = QTextDocument(self)
        self.spaced_layout = SpacedPlainTextLayout(document, default_direction)
        document.setDocumentLayout(self.spaced_layout)
        self.setDocument(document)
        self.setFont(editor_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        # Most paragraphs of an Arabic article are Arabic: make that the default layout,
        # so only the exceptions need re-laying out.
        option = self.document().defaultTextOption()
        option.setTextDirection(QT_DIRECTION[default_direction])
        option.setAlignment(ABSOLUTE_ALIGNMENT[default_direction])
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(12)
        # After Qt's own scrolling for a cursor move (a key press does it at once, below).
        self._reveal_timer = single_shot_timer(self, 0, self.reveal_cursor_line)
        self.cursorPositionChanged.connect(self._reveal_timer.start)
        self._center_when_shown = False
        self._selection_layers: dict[str, list] = {}

    def set_extra_selection_layer(self, name: str, selections: list) -> None:
        """Extra selections of one source (the find bar's matches, the comments and suggestions
        of ui.annotations): each replaces only its own, so they do not erase each other."""
        self._selection_layers[name] = list(selections)
        self.setExtraSelections([selection for layer in self._selection_layers.values() for selection in layer])

    # -- appearance ---------------------------------------------------------

    def set_point_size(self, size: int) -> None:
        font = self.font()
        font.setPointSize(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size)))
        self.setFont(font)

    def zoom_by(self, steps: int) -> None:
        self.set_point_size(self.font().pointSize() + steps)

    @property
    def line_height(self) -> float:
        """A multiple of the font's natural line spacing."""
        return self.spaced_layout.line_height

    def set_line_height(self, factor: float) -> None:
        self.spaced_layout.set_line_height(factor)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.spaced_layout.update_spacing()  # spacing is a multiple of the font's line

    def block_direction(self, block: QTextBlock) -> Direction:
        """The direction of a block; empty blocks follow the paragraph above them."""
        return self.spaced_layout.block_direction(block)

    # -- geometry Qt computes by whole lines ----------------------------------------

    def center_cursor(self) -> None:
        """centerCursor, in the viewport the writer will see.

        The window loads an article before it is shown, when the editor is a few pixels
        high; Qt centres in the viewport it has, and in one shorter than two lines it put
        the first line of the article above the top. So a hidden editor centres when shown."""
        if self.isVisible():
            self.centerCursor()
        else:
            self._center_when_shown = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._center_when_shown:
            self._center_when_shown = False
            self.centerCursor()

    def reveal_cursor_line(self) -> None:
        """Scroll on until the cursor's line is whole, when Qt left it short of the bottom edge.

        QPlainTextEdit scrolls by lines and takes a line's top for the top of what shows
        above it; with spacing between the lines of a paragraph, the cursor's line can end
        up to one spacing lower than Qt meant: cut, or just below the edge. Only a line
        within that distance is revealed, so a writer who scrolled away is not pulled back."""
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        reach = height + self.spaced_layout.extra
        while bar.value() < bar.maximum():
            rect = self.cursorRect()
            if rect.top() < 0 or rect.top() >= reach or rect.bottom() < height:
                break
            bar.setValue(bar.value() + 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A line in view stays in view: Qt keeps the top line when the editor changes size,
        so focus mode (taller, narrower) and leaving it (shorter) put the line being typed
        below the edge."""
        old_height = self.viewport().height() - (event.size().height() - event.oldSize().height())
        cursor = self.cursorRect()
        in_view = event.oldSize().isValid() and cursor.top() >= 0 and cursor.bottom() <= old_height
        super().resizeEvent(event)
        if in_view and not self.viewport().rect().contains(self.cursorRect()):
            self.ensureCursorVisible()
            self.reveal_cursor_line()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._paint_selection_in_spacing(event.rect())
        super().paintEvent(event)

    def _paint_selection_in_spacing(self, area) -> None:
        """Qt highlights a selection line by line, text high: with line spacing the
        selection would be striped. The spacing under each selected line is filled too,
        before Qt paints (the viewport's background is already drawn)."""
        cursor = self.textCursor()
        extra = self.spaced_layout.extra
        if not extra or not cursor.hasSelection():
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        painter = QPainter(self.viewport())
        colour = self.palette().color(QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive,
                                      QPalette.ColorRole.Highlight)
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > area.bottom():
                break
            layout = block.layout()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                line_start = block.position() + line.textStart()
                line_end = line_start + line.textLength()
                if not _selection_spans_spacing(start, end, line_end, last=index + 1 == layout.lineCount()):
                    continue
                if start <= line_start:
                    text = line.naturalTextRect()
                    left, right = text.left(), text.right()
                else:
                    from_x = line.cursorToX(start - block.position())[0]
                    to_x = line.cursorToX(line.textStart() + line.textLength())[0]
                    left, right = sorted((from_x, to_x))
                top = geometry.top() + line.y() + line.height()
                painter.fillRect(QRectF(left, top, max(1.0, right - left), extra), colour)
            block = block.next()
        painter.end()

    def snapped_to_line(self, position: QPointF) -> QPointF:
        """A point in the spacing below a line, moved onto that line: Qt's hit test would
        take it for the end of the line rather than the place under the pointer."""
        extra = self.spaced_layout.extra
        if not extra:
            return position
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > position.y():
                break
            if position.y() < geometry.bottom():
                layout = block.layout()
                y = position.y() - geometry.top()
                for index in range(layout.lineCount()):
                    bottom = layout.lineAt(index).y() + layout.lineAt(index).height()
                    if y < bottom:
                        return position
                    if y < bottom + extra:
                        return QPointF(position.x(), geometry.top() + bottom - 1)
                return position
            block = block.next()
        return position

    def _with_snapped_position(self, event: QMouseEvent) -> QMouseEvent:
        position = self.snapped_to_line(event.position())
        if position == event.position():
            return event
        return QMouseEvent(event.type(), position, event.globalPosition(), event.button(), event.buttons(),
                           event.modifiers(), event.pointingDevice())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mousePressEvent(self._with_snapped_position(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseMoveEvent(self._with_snapped_position(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(self._with_snapped_position(event))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        super().mouseDoubleClickEvent(self._with_snapped_position(event))

    # -- input ----------------------------------------------------------------

    media_intake = None  # the window's MediaIntake (ui/drops.py): pictures and article files

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt API
        return (self.media_intake is not None and self.media_intake.wants(source)) or super().canInsertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        super().keyPressEvent(event)
        self.reveal_cursor_line()  # before this key's paint, not after

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt API
        """Rich text (a word processor, a web page) arrives as clean Markdown; a huge
        paste is inserted without formatting, which comes afterwards a little at a time.
        A picture or a dropped file goes to the window's media intake."""
        if self.media_intake is not None and self.media_intake.take(source):
            return
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
        self.context_menu_requested.emit(menu, self.cursorForPosition(self.snapped_to_line(QPointF(event.pos())).toPoint()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.focus_lost.emit()


def _selection_spans_spacing(start: int, end: int, line_end: int, last: bool) -> bool:
    """Whether the spacing under a line (ending at line_end) is inside the selection: the
    selection goes on past the line; under a paragraph's last line, also when it ends
    with the paragraph (a whole paragraph reads as one highlighted box)."""
    if not last:
        return start < line_end < end
    return (start <= line_end < end) or (start < line_end == end)
