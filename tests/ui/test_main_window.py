"""The three-pane window: create, type Arabic, autosave, switch, trash, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.errors import StorageError
from editor_app.core.importers import read_article_file
from editor_app.core.library import Library
from editor_app.ui import autosave
from tests.conftest import SEED_ARTICLE
from tests.ui.typing import type_text

ARABIC = "قالت وزارة الخارجية إن التعاون مستمر"


def stored_body(window, article_id):
    return window.library.get(article_id).body


def test_an_empty_library_opens_on_a_fresh_draft(open_window):
    window = open_window()
    assert window.list_panel.model.rowCount() == 1
    assert window.editor.isEnabled()
    assert window.editor.article_id is not None


def test_the_window_is_laid_out_right_to_left(open_window):
    window = open_window()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # In a right-to-left window the article list (first pane) is on the right.
    list_x = window.list_panel.view.mapTo(window, window.list_panel.view.rect().topLeft()).x()
    editor_x = window.editor.mapTo(window, window.editor.rect().topLeft()).x()
    assert list_x > editor_x


def test_typed_arabic_is_autosaved_within_two_seconds(open_window, qtbot):
    window = open_window()
    article_id = window.editor.article_id
    window.editor.body_edit.setFocus()
    type_text(window.editor.body_edit, ARABIC)
    assert window.editor.body() == ARABIC
    qtbot.waitUntil(lambda: stored_body(window, article_id) == ARABIC, timeout=2000)
    assert window.save_label.text() == "محفوظ"


def test_title_edits_are_saved_and_shown_in_the_list(open_window, qtbot):
    window = open_window()
    type_text(window.editor.title_edit, "عنوان عاجل")
    qtbot.waitUntil(lambda: window.library.get(window.editor.article_id).title == "عنوان عاجل", timeout=2000)
    assert window.list_panel.model.index(0, 0).data() == "عنوان عاجل"


def test_switching_articles_saves_immediately(open_window, qtbot, library):
    first, second = library.import_drafts([read_article_file(SEED_ARTICLE), read_article_file(SEED_ARTICLE)])
    window = open_window()
    window.open_article(first.id)
    window.editor.body_edit.moveCursor(window.editor.body_edit.textCursor().MoveOperation.End)
    type_text(window.editor.body_edit, "سطر أخير")
    window.list_panel.select_article(second.id)
    assert window.editor.article_id == second.id
    assert library.get(first.id).body.endswith("سطر أخير")


def test_focus_loss_saves_immediately(open_window, qtbot):
    window = open_window()
    article_id = window.editor.article_id
    window.editor.body_edit.setFocus()
    type_text(window.editor.body_edit, ARABIC)
    window.editor.body_edit.focus_lost.emit()
    assert stored_body(window, article_id) == ARABIC


def test_closing_the_window_saves_and_reopening_restores_text_cursor_and_layout(open_window, qtbot):
    window = open_window()
    window.resize(760, 560)  # inside the offscreen screen (800x600), so geometry restores exactly
    article_id = window.editor.article_id
    type_text(window.editor.body_edit, "سطر أول\nسطر ثان")
    cursor = window.editor.body_edit.textCursor()
    cursor.setPosition(4)
    window.editor.body_edit.setTextCursor(cursor)
    window.splitter.setSizes([300, 500, 400])
    sizes = window.splitter.sizes()
    window.close()  # no wait: closing must save by itself

    reopened = open_window()
    assert reopened.size() == window.size()
    assert reopened.editor.article_id == article_id
    assert reopened.editor.body() == "سطر أول\nسطر ثان"
    assert reopened.editor.cursor_position() == 4
    assert reopened.splitter.sizes() == sizes


def test_trash_removes_the_article_from_the_list(open_window, library):
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    window = open_window()
    article_id = window.editor.article_id
    window.new_article()
    assert window.list_panel.model.rowCount() == 2
    window.trash_current()
    assert window.list_panel.model.rowCount() == 1
    assert window.editor.article_id == article_id
    assert len(library.summaries(trashed=True)) == 1


def test_a_failed_save_keeps_the_text_warns_and_retries(open_window, qtbot, monkeypatch):
    monkeypatch.setattr(autosave, "RETRY_DELAY_MS", 50)
    window = open_window()
    article_id = window.editor.article_id
    real_save = Library.save_text
    failures = []

    def failing_once(self, *args, **kwargs):
        if not failures:
            failures.append(1)
            raise StorageError("the database failed: disk I/O error")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Library, "save_text", failing_once)
    type_text(window.editor.body_edit, ARABIC)
    assert window.autosave.flush() is False
    assert "تعذّر الحفظ" in window.save_label.text()
    assert window.editor.body() == ARABIC
    qtbot.waitUntil(lambda: stored_body(window, article_id) == ARABIC, timeout=2000)
    assert window.save_label.text() == "محفوظ"


def block_layouts(editor):
    rtl = Qt.LayoutDirection.RightToLeft
    block = editor.document().firstBlock()
    found = []
    while block.isValid():
        option = block.layout().textOption()
        right_aligned = bool(option.alignment() & Qt.AlignmentFlag.AlignRight)
        found.append(("rtl" if option.textDirection() == rtl else "ltr", "right" if right_aligned else "left"))
        block = block.next()
    return found


def test_each_paragraph_is_laid_out_in_its_own_direction(open_window, qtbot):
    window = open_window()
    editor = window.editor.body_edit
    editor.setPlainText("فقرة عربية\nAn English paragraph\n**CNN** قالت إن\n\n")
    expected = [("rtl", "right"), ("ltr", "left"), ("rtl", "right"), ("rtl", "right"), ("rtl", "right")]
    qtbot.waitUntil(lambda: block_layouts(editor) == expected, timeout=2000)
    # Typing turns the Arabic paragraph into an English one: its layout follows.
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    type_text(editor, "Now English")
    qtbot.waitUntil(lambda: block_layouts(editor)[0] == ("ltr", "left"), timeout=2000)


def test_about_shows_the_one_version_and_the_font_licence(open_window):
    import editor_app
    from editor_app.ui.dialogs.about import AboutDialog

    window = open_window()
    assert window.commands.action("help.about").text() == "عن مداد"
    dialog = AboutDialog(window)
    summary = dialog.layout().itemAt(0).widget().text()
    assert f"مداد {editor_app.__version__}" in summary and "GPL-3.0-or-later" in summary and "Qt 6." in summary
    licence = [child for child in dialog.children() if child.objectName() == "font_licence"][0]
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence.toPlainText()


def test_a_writer_who_never_pauses_still_gets_autosaved(open_window, qtbot):
    """The 1 s debounce alone would never save while keys keep coming; the max wait does."""
    from PySide6.QtCore import QTimer

    from tests.ui.typing import type_text

    window = open_window()
    window.new_article()
    keys = QTimer()
    keys.timeout.connect(lambda: type_text(window.editor.body_edit, "ك"))
    keys.start(100)  # a key every 100 ms: never a one-second pause
    try:
        with qtbot.waitSignal(window.autosave.saved, timeout=5000) as saved:
            pass
        assert keys.isActive() and "ك" in saved.args[0].body
    finally:
        keys.stop()
