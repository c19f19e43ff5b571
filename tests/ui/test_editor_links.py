"""Markdown links in Arabic paragraphs are drawn in reading order (issue 15: the address
was split over two lines, each piece reordered on its own, brackets mirrored away)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextLine
from PySide6.QtWidgets import QApplication

from editor_app.core.records import ArticleDraft

LINK = "[التقرير الكامل](https://example.org/report?id=42&lang=ar)"
PARAGRAPH = f"- المحور الثاني: برامج التدريب المشتركة مع الشركاء (انظر {LINK})"
BODY = f"- **المحور الأول**: تبادل المعلومات مع FBI و DGST\n{PARAGRAPH}\n- 2024: سنة التحوّل"


def character_span(line: QTextLine, position: int) -> tuple[float, float]:
    """Where the character's glyphs are drawn, left and right (cursor x positions are
    ambiguous where the direction changes; the glyphs are not)."""
    rects = [run.boundingRect() for run in line.glyphRuns(position, 1)]
    rects = [rect for rect in rects if rect.width() > 0]
    assert rects, position
    return min(rect.left() for rect in rects), max(rect.right() for rect in rects)


def line_of(layout, position: int) -> QTextLine:
    return layout.lineForTextPosition(position)


def assert_link_in_reading_order(editor, block_number: int, text: str, link: str) -> bool:
    """Asserts the reading order; False when the address is longer than a line (it must break)."""
    block = editor.document().findBlockByNumber(block_number)
    editor.blockBoundingGeometry(block)  # laid out at the editor's width
    layout = block.layout()
    link_start = text.index(link)
    address_start = link_start + link.index("](") + 1  # the "("
    address_end = link_start + len(link)  # after the ")"
    line = line_of(layout, address_start)
    if line.textStart() == address_start and address_end > line.textStart() + line.textLength():
        return False  # an address longer than a line has to break somewhere
    # The whole "(address)" is on one line...
    assert line.textStart() <= address_start and address_end <= line.textStart() + line.textLength()
    url = [character_span(line, position) for position in range(address_start + 1, address_end - 1)]
    # ...its characters run left to right, one after the other...
    assert all(left[1] <= right[0] + 0.5 for left, right in zip(url, url[1:]))
    url_left, url_right = url[0][0], url[-1][1]
    # ...no other character is drawn among them...
    for position in range(line.textStart(), line.textStart() + line.textLength()):
        if not address_start + 1 <= position < address_end - 1:
            left, right = character_span(line, position)
            assert right <= url_left + 0.5 or left >= url_right - 0.5, (position, text[position])
    # ...and its brackets sit at its two ends.
    brackets = sorted([character_span(line, address_start), character_span(line, address_end - 1)])
    assert abs(brackets[0][1] - url_left) < 1 and abs(brackets[1][0] - url_right) < 1
    # The link's words keep their square brackets beside them.
    close_square = character_span(line_of(layout, address_start - 1), address_start - 1)
    opening = character_span(line, address_start)
    if line_of(layout, address_start - 1).lineNumber() == line.lineNumber():
        assert abs(close_square[0] - opening[1]) < 1 or abs(close_square[1] - opening[0]) < 1
    return True


@pytest.mark.parametrize("editor_width", [380, 430, 480, 560, 640, 760, 900])
def test_a_link_in_an_arabic_paragraph_reads_in_order_at_every_width(open_window, library, qtbot, editor_width):
    record = library.create(ArticleDraft(title="روابط", body=BODY))
    window = open_window()
    window.open_article(record.id)
    list_width, _, preview_width = window.splitter.sizes()
    window.splitter.setSizes([list_width, editor_width, sum(window.splitter.sizes()) - list_width - editor_width])
    QApplication.processEvents()
    editor = window.editor.body_edit
    whole = assert_link_in_reading_order(editor, 1, PARAGRAPH, LINK)
    assert whole or editor_width < 480  # wide enough for the address: it must be whole
    assert editor.toPlainText() == BODY  # the Markdown is drawn differently, never changed


def test_a_link_stays_editable_and_stored_as_written(open_window, library, qtbot):
    record = library.create(ArticleDraft(title="روابط", body=BODY))
    window = open_window()
    window.open_article(record.id)
    editor = window.editor.body_edit
    cursor = editor.textCursor()
    cursor.setPosition(BODY.index("&lang"))
    editor.setTextCursor(cursor)
    editor.insertPlainText("&page=2")
    edited_link = LINK.replace("&lang", "&page=2&lang")
    window.splitter.setSizes([200, 700, 300])
    QApplication.processEvents()
    assert assert_link_in_reading_order(editor, 1, PARAGRAPH.replace(LINK, edited_link), edited_link)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.autosave.flush()
    assert library.get(record.id).body == BODY.replace("&lang", "&page=2&lang")
