"""Line spacing is part of the editor's layout: the end of a long article can be reached,
the cursor is seen where it is, pages and clicks land where the text is drawn, at every
spacing and zoom (issue 15: the end was unreachable at the default 1.5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleDraft
from editor_app.resources import resource_path
from tests.ui.typing import type_text

SIXTY_PARAGRAPHS = "\n".join(f"الفقرة رقم {number} من المقال، وهي فقرة قصيرة." for number in range(1, 61))
LONG_PARAGRAPH = " ".join(["وقال المتحدث باسم الوزارة إن عدد الحوادث انخفض بنسبة 12 في المئة خلال سنة 2024"] * 3)


def open_article(open_window, library, body, spacing, zoom=0):
    record = library.create(ArticleDraft(title="اختبار التمرير", body=body))
    window = open_window()
    window.change_preferences(line_height=spacing)
    editor = window.editor.body_edit
    if zoom:
        editor.zoom_by(zoom)
    window.open_article(record.id)
    editor.setFocus()
    QApplication.processEvents()
    return window, editor


def viewport_rect(editor) -> QRectF:
    return QRectF(editor.viewport().rect())


def last_line_rect(editor) -> QRectF:
    """The last line of text as drawn, in viewport coordinates."""
    block = editor.document().lastBlock()
    layout = block.layout()
    line = layout.lineAt(layout.lineCount() - 1)
    top_left = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).topLeft()
    return line.naturalTextRect().translated(top_left)


def inside(editor, rect) -> bool:
    """Wholly inside the viewport (a caret or an empty line is a rectangle without width)."""
    rect, view = QRectF(rect), viewport_rect(editor)
    return view.top() <= rect.top() and rect.bottom() <= view.bottom() and view.left() <= rect.left() <= rect.right() <= view.right()


@pytest.mark.parametrize("spacing", [1.0, 1.5, 2.0, 3.0])
@pytest.mark.parametrize("zoom", [0, 8])
def test_ctrl_end_shows_the_last_paragraph_and_what_is_typed_there(open_window, library, qtbot, spacing, zoom):
    window, editor = open_article(open_window, library, SIXTY_PARAGRAPHS, spacing, zoom)
    assert editor.line_height == spacing
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert inside(editor, editor.cursorRect())
    assert inside(editor, last_line_rect(editor))

    before = editor.viewport().grab().toImage()
    type_text(editor, " نهاية")
    QApplication.processEvents()
    assert editor.toPlainText().endswith("وهي فقرة قصيرة. نهاية")
    assert inside(editor, editor.cursorRect())
    assert inside(editor, last_line_rect(editor))
    # What was typed is painted: the last line's pixels changed.
    after = editor.viewport().grab().toImage()
    line = last_line_rect(editor).toRect().intersected(editor.viewport().rect())
    assert before.copy(line) != after.copy(line)


@pytest.mark.parametrize("spacing", [1.0, 1.5, 2.0])
def test_the_scroll_bar_reaches_the_end_of_long_wrapped_paragraphs(open_window, library, qtbot, spacing):
    body = "\n\n".join(f"{number}. {LONG_PARAGRAPH}" for number in range(1, 25))
    window, editor = open_article(open_window, library, body + "\n\nEND", spacing)
    bar = editor.verticalScrollBar()
    for _ in range(3):  # Qt learns the line counts of wrapped blocks as it lays them out
        bar.setValue(bar.maximum())
        QApplication.processEvents()
    assert inside(editor, last_line_rect(editor))


@pytest.mark.parametrize("spacing", [1.0, 1.5, 2.0])
def test_page_down_reaches_the_end_with_the_cursor_in_view(open_window, library, qtbot, spacing):
    body = "\n\n".join(f"{number}. {LONG_PARAGRAPH}" for number in range(1, 13)) + "\n\n" + SIXTY_PARAGRAPHS
    window, editor = open_article(open_window, library, body, spacing)
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    last = editor.document().blockCount() - 1
    for _ in range(200):
        qtbot.keyClick(editor, Qt.Key.Key_PageDown)
        assert inside(editor, editor.cursorRect())
        if editor.textCursor().blockNumber() == last:
            break
    assert editor.textCursor().blockNumber() == last
    for _ in range(200):
        qtbot.keyClick(editor, Qt.Key.Key_PageUp)
        assert inside(editor, editor.cursorRect())
        if editor.textCursor().blockNumber() == 0:
            break
    assert editor.textCursor().blockNumber() == 0


@pytest.mark.parametrize("spacing", [1.5, 2.0])
def test_arrowing_down_through_wrapped_paragraphs_keeps_the_cursor_line_whole(open_window, library, qtbot, spacing):
    body = "\n\n".join(f"{number}. {LONG_PARAGRAPH}" for number in range(1, 8))
    window, editor = open_article(open_window, library, body, spacing, zoom=6)
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    while not editor.textCursor().atEnd():
        position = editor.textCursor().position()
        qtbot.keyClick(editor, Qt.Key.Key_Down)
        assert inside(editor, editor.cursorRect())
        if editor.textCursor().position() == position:
            break


def test_the_welcome_articles_last_paragraph_is_reachable(open_window, library, qtbot):
    draft = read_article_file(resource_path("welcome", "welcome.md"))
    window, editor = open_article(open_window, library, draft.body, 1.5)
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert inside(editor, editor.cursorRect())
    assert inside(editor, last_line_rect(editor))
    bar = editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    assert inside(editor, last_line_rect(editor))


def test_spacing_is_not_an_edit_and_new_paragraphs_get_it(open_window, library, qtbot):
    window, editor = open_article(open_window, library, "سطر أول\nسطر ثان", 1.0)
    document = editor.document()
    undo_steps = document.availableUndoSteps()
    single = editor.blockBoundingGeometry(document.firstBlock()).height()
    window.change_preferences(line_height=2.0)
    assert document.availableUndoSteps() == undo_steps and not document.isModified()
    assert not window.autosave.has_unsaved_changes
    double = editor.blockBoundingGeometry(document.firstBlock()).height()
    assert double > single * 1.5

    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    type_text(editor, "\nسطر ثالث")  # Enter and typing
    editor.insertPlainText("\nسطر ملصوق")  # a paste
    heights = {round(editor.blockBoundingGeometry(block).height())
               for block in (document.findBlockByNumber(n) for n in range(document.blockCount() - 1))}
    assert len(heights) == 1 and heights.pop() >= round(double)
    while document.isUndoAvailable():
        editor.undo()
    assert editor.toPlainText() == "سطر أول\nسطر ثان"


@pytest.mark.parametrize("spacing", [1.5, 3.0])
def test_a_click_in_the_spacing_below_a_line_lands_on_that_line(open_window, library, qtbot, spacing):
    window, editor = open_article(open_window, library, "كلمة أولى ثم كلمة ثانية ثم كلمة ثالثة\nسطر تال", spacing)
    block = editor.document().firstBlock()
    line = block.layout().lineAt(0)
    top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
    gap_y = top + line.y() + line.height() + editor.spaced_layout.extra / 2
    middle_x = line.naturalTextRect().center().x()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(middle_x), round(gap_y)))
    expected = line.xToCursor(middle_x)
    assert editor.textCursor().blockNumber() == 0
    assert abs(editor.textCursor().positionInBlock() - expected) <= 1


def test_a_pasted_mixed_paragraph_is_drawn_whole_after_ctrl_home(open_window, library, qtbot):
    """After a paste and Ctrl+Home, every visible line lies inside its block and blocks do not overlap."""
    window, editor = open_article(open_window, library, SIXTY_PARAGRAPHS, 1.5)
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    mixed = ("وقال المتحدث إن الوزير صرح للصحافة الأجنبية: The plan will save thousands of lives every year. "
             "وأكد أن التنفيذ سيبدأ في 15 يناير المقبل. ") * 3
    editor.insertPlainText("\n" + mixed + "\n")
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    editor.insertPlainText(mixed + "\n")
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.editor.spell_pass.running, timeout=5000)  # it re-formats blocks
    editor.viewport().repaint()
    block, offset = editor.firstVisibleBlock(), editor.contentOffset()
    previous_bottom = None
    while block.isValid():
        geometry = editor.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > editor.viewport().height():
            break
        if previous_bottom is not None:
            assert abs(geometry.top() - previous_bottom) < 0.5
        layout = block.layout()
        for index in range(layout.lineCount()):
            line = layout.lineAt(index).naturalTextRect().translated(geometry.topLeft())
            assert geometry.top() - 0.5 <= line.top() and line.bottom() <= geometry.bottom() + 0.5
        previous_bottom = geometry.bottom()
        block = block.next()
    assert QPointF(editor.cursorRect().topLeft()).y() >= 0


def test_a_selection_covers_the_spacing_between_its_lines(open_window, library, qtbot):
    """Not a striped selection: the spacing under each selected line is highlighted too."""
    window, editor = open_article(open_window, library, f"{LONG_PARAGRAPH}\nسطر أخير", 2.0)
    editor.setFocus()
    editor.selectAll()
    editor.viewport().repaint()
    picture = editor.viewport().grab().toImage()
    block = editor.document().firstBlock()
    top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
    layout = block.layout()
    assert layout.lineCount() >= 2
    highlight = editor.palette().color(editor.palette().ColorGroup.Active, editor.palette().ColorRole.Highlight)
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        gap = QPoint(round(line.naturalTextRect().center().x()), round(top + line.y() + line.height() + editor.spaced_layout.extra / 2))
        assert picture.pixelColor(gap * picture.devicePixelRatio()) == highlight, index
