"""The Markdown editor in the window: formatting, Arabic tools, find/replace, counts,
spelling, paste, zoom and line height, each as a writer uses them."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from editor_app.core.records import ArticleDraft
from editor_app.ui.editor.spelling_menu import add_spelling_actions
from tests.ui.typing import type_text


def open_with(open_window, library, body, title="مقال"):
    record = library.create(ArticleDraft(title=title, body=body))
    window = open_window()
    window.open_article(record.id)
    return window, window.editor.body_edit


def select(editor, start, end):
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_bold_is_one_undo_step_and_toggles(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "قال إن الأمن مهم")
    select(editor, 4, 6)
    window.commands.action("format.bold").trigger()
    assert editor.toPlainText() == "قال **إن** الأمن مهم"
    assert editor.textCursor().selectedText() == "إن"
    window.commands.action("format.bold").trigger()
    assert editor.toPlainText() == "قال إن الأمن مهم"
    editor.undo()
    assert editor.toPlainText() == "قال **إن** الأمن مهم"
    editor.undo()
    assert editor.toPlainText() == "قال إن الأمن مهم"


def test_shortcuts_reach_the_commands(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "عنوان")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "## عنوان"


def arabic_tools(window):
    """The Arabic menu's tools by their names."""
    return {action.text(): action for action in window.findChild(QMenu, "menu_arabic").actions()}


def test_arabic_tool_on_the_whole_article_is_one_undo_step(open_window, library):
    body = 'قال المسؤول, إن "التعاون" مستمر? انظر https://example.com/?a=1,2'
    window, editor = open_with(open_window, library, body)
    tools = arabic_tools(window)
    tools["علامات الترقيم العربية (، ؛ ؟)"].trigger()
    assert editor.toPlainText() == 'قال المسؤول، إن "التعاون" مستمر؟ انظر https://example.com/?a=1,2'
    tools["علامات التنصيص “ ”"].trigger()
    assert "“التعاون”" in editor.toPlainText()
    editor.undo()
    assert "\"التعاون\"" in editor.toPlainText()
    editor.undo()
    assert editor.toPlainText() == body


def test_arabic_tool_on_a_selection_touches_only_the_selection(open_window, library):
    window, editor = open_with(open_window, library, "عام 2024 وعام 2025")
    select(editor, 0, 8)
    tools = arabic_tools(window)
    tools["الأرقام المشرقية (٠١٢٣)"].trigger()
    assert editor.toPlainText() == "عام ٢٠٢٤ وعام 2025"


def test_find_ignores_diacritics_highlights_all_and_replaces_exactly(open_window, library, qtbot):
    body = "في مُكافحة الإرهاب، وفي مكافحـــة الارهاب.\nالمكافحة مستمرة."
    window, editor = open_with(open_window, library, body)
    find = window.editor.find_bar
    window.commands.action("edit.replace").trigger()
    assert find.isVisible() and find.replacement.isVisible()
    find.query.setText("مكافحه")
    find.refresh()
    assert len(find.matches) == 3
    assert len(editor.extraSelections()) == 3
    assert "من 3" in find.status.text()
    find.replacement.setText("محاربة")
    assert find.replace_all() == 3
    assert editor.toPlainText() == "في محاربة الإرهاب، وفي محاربة الارهاب.\nالمحاربة مستمرة."
    editor.undo()
    assert editor.toPlainText() == body


def test_find_next_selects_the_original_characters(open_window, library):
    window, editor = open_with(open_window, library, "أ مُكافحة ب مكافحة")
    find = window.editor.find_bar
    find.open_find()
    find.query.setText("مكافحه")
    find.refresh()
    find.find_next()
    assert editor.textCursor().selectedText() in ("مُكافحة", "مكافحة")
    find.find_next()
    find.find_next()
    assert editor.textCursor().selectedText() in ("مُكافحة", "مكافحة")


def test_invalid_regex_is_reported_not_raised(open_window, library):
    window, _editor = open_with(open_window, library, "نص")
    find = window.editor.find_bar
    find.open_find()
    find.regex.setChecked(True)
    find.query.setText("([")
    find.refresh()
    assert "invalid regular expression" in find.status.text()


def test_status_bar_counts_and_title_counter(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "والمغرب وبالولايات **للأمن**\n\nفقرة ثانية")
    assert window.counts_label.text().startswith("5 كلمات · ")
    assert "فقرتان" in window.counts_label.text()
    type_text(editor, "كلمة ")
    qtbot.waitUntil(lambda: window.counts_label.text().startswith("6 كلمات"), timeout=2000)
    assert window.editor.title_counter.text() == "96 / 100 (عدد الأحرف المتبقية)"  # «مقال»


def spell_underlined_words(editor):
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if fmt_range.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[fmt_range.start : fmt_range.start + fmt_range.length])
        block = block.next()
    return words


def test_misspellings_get_a_wavy_underline_with_suggestions_in_the_menu(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "قالت الوزاره إن التعاون مستمر and we recieve it")
    qtbot.waitUntil(lambda: "الوزاره" in "".join(spell_underlined_words(editor)), timeout=3000)
    assert "".join(spell_underlined_words(editor)).count("recieve") == 1
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("الوزاره") + 2)
    menu = QMenu()
    add_spelling_actions(menu, editor, window.editor.spelling, cursor, window.editor.spell_pass.start)
    texts = [action.text() for action in menu.actions()]
    assert "الوزارة" in texts
    next(action for action in menu.actions() if action.text() == "الوزارة").trigger()
    assert editor.toPlainText().startswith("قالت الوزارة إن")


def test_add_to_dictionary_removes_the_underline(open_window, library, qtbot, location):
    window, editor = open_with(open_window, library, "ومع التطورات الجيوسياسية السريعة")
    qtbot.waitUntil(lambda: "الجيوسياسية" in "".join(spell_underlined_words(editor)), timeout=3000)
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("الجيوسياسية") + 3)
    menu = QMenu()
    add_spelling_actions(menu, editor, window.editor.spelling, cursor, window.editor.spell_pass.start)
    next(a for a in menu.actions() if a.text().startswith("إضافة")).trigger()
    qtbot.waitUntil(lambda: spell_underlined_words(editor) == [], timeout=3000)
    assert "الجيوسياسية" in (location.data_dir / "personal-dictionary.txt").read_text(encoding="utf-8")


def test_pasting_rich_text_inserts_markdown(open_window, library):
    window, editor = open_with(open_window, library, "")
    mime = QMimeData()
    mime.setHtml("<p><b>عاجل:</b> وصل <i>الوفد</i> إلى <a href='https://example.com'>الرباط</a></p>")
    mime.setText("عاجل: وصل الوفد إلى الرباط")
    editor.insertFromMimeData(mime)
    assert editor.toPlainText() == "**عاجل:** وصل *الوفد* إلى [الرباط](https://example.com)\n"


def test_caret_of_an_empty_paragraph_sits_on_the_right(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "فقرة عربية\n\n")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    editor.viewport().update()
    qtbot.waitUntil(lambda: editor.cursorRect().x() > editor.viewport().width() * 0.8, timeout=2000)


def test_font_size_and_line_height(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "سطر\nسطر\nسطر")
    size = editor.font().pointSize()
    editor.zoom_by(2)
    assert editor.font().pointSize() == size + 2
    second = editor.document().findBlockByNumber(1)
    editor.set_line_height(1.0)
    top_before = editor.blockBoundingGeometry(second).top()
    editor.set_line_height(1.5)
    # The spacing is in the layout itself: no paint needed for the geometry to know it.
    assert editor.blockBoundingGeometry(second).top() > top_before + 5


def test_the_spelling_pass_is_not_an_edit(open_window, library, qtbot):
    window, editor = open_with(open_window, library, "قالت الوزاره إن التعاون مستمر\n\nفقرة ثانية")
    edits = []
    window.editor.edited.connect(lambda: edits.append(1))
    window.editor.spell_pass.start()
    qtbot.waitUntil(lambda: not window.editor.spell_pass.running, timeout=3000)
    assert edits == []
    assert not window.autosave.has_unsaved_changes
