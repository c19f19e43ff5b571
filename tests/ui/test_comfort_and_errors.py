"""Writing comfort (focus mode, typewriter scrolling, outline, word goal), the command
palette, the shortcuts reference, and the friendly error dialog."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.crash_log import log_path
from editor_app.ui.application import install_error_handler
from editor_app.ui.dialogs.command_palette import CommandPalette
from editor_app.ui.dialogs.error_dialog import ErrorDialog
from editor_app.ui.dialogs.shortcuts_dialog import shortcut_rows
from editor_app.ui.writing_comfort import headings
from tests.ui.typing import type_text


def test_focus_mode_leaves_only_the_editor_and_comes_back(open_window, qtbot):
    window = open_window()
    assert window.list_panel.isVisible() and window.preview.isVisible()
    window.commands.action("view.focus_mode").trigger()
    assert window.isFullScreen() or window.windowState() & window.windowState().WindowFullScreen
    assert not window.list_panel.isVisible() and not window.preview.isVisible()
    assert not window.menuBar().isVisible() and not window.metadata_dock.isVisible()
    assert window.editor.body_edit.isVisible()
    # A readable column in the middle, not lines from one edge of the screen to the other.
    column = window.comfort.column_width()
    window.resize(column + 600, 700)  # wider than the column, whatever the test screen's size
    qtbot.waitUntil(lambda: window.editor.layout().contentsMargins().left() == max(0, (window.editor.width() - column) // 2))
    margins = window.editor.layout().contentsMargins()
    assert margins.left() == margins.right() > 0
    window.commands.action("view.focus_mode").trigger()
    assert window.editor.layout().contentsMargins().left() == 0
    assert window.list_panel.isVisible() and window.preview.isVisible() and window.menuBar().isVisible()
    assert window.commands.action("view.focus_mode").shortcut().toString() == "F11"


def test_the_outline_lists_headings_and_jumps_to_them(open_window, qtbot):
    window = open_window()
    window.new_article()
    type_text(window.editor.body_edit, "مقدمة\n# العنوان الأول\nنص\n```\n# ليس عنوانا\n```\n## فرع من العنوان\nنهاية")
    window.comfort.refresh_outline()
    items = [window.comfort.outline.item(i).text().strip() for i in range(window.comfort.outline.count())]
    assert items == ["العنوان الأول", "فرع من العنوان"]
    window.comfort.outline.itemClicked.emit(window.comfort.outline.item(1))
    assert window.editor.body_edit.textCursor().block().text() == "## فرع من العنوان"
    assert headings("# a\n~~~\n# b\n~~~\n### c") == [(0, 1, "a"), (4, 3, "c")]
    assert headings("#وسم_عربي في أول الفقرة\n# عنوان") == [(1, 1, "عنوان")]  # a hashtag is no heading


def test_typewriter_scrolling_keeps_the_line_being_written_centred(open_window, qtbot):
    window = open_window()
    window.new_article()
    editor = window.editor.body_edit
    window.commands.action("view.typewriter").trigger()
    type_text(editor, "سطر\n" * 80)
    qtbot.wait(50)
    line = editor.cursorRect()
    assert abs(line.center().y() - editor.viewport().height() / 2) < editor.viewport().height() / 4
    window.commands.action("view.typewriter").trigger()
    assert not editor.centerOnScroll()


def test_the_session_word_goal_counts_only_what_was_written_since_the_app_started(open_window, qtbot, library):
    from editor_app.core.records import ArticleDraft

    existing = library.create(ArticleDraft(title="قديم", body="خمس كلمات كتبت في جلسة سابقة"))
    window = open_window()
    window.open_article(existing.id)
    window.comfort.set_goal(3)
    assert "0 / 3" in window.comfort.goal_label.text() and not window.comfort.goal_label.text().startswith("✓")
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor.body_edit, " كلمتان جديدتان")
    window.autosave.flush()
    assert "2 / 3" in window.comfort.goal_label.text()
    type_text(window.editor.body_edit, " وثالثة")
    window.autosave.flush()
    assert window.comfort.goal_label.text().startswith("✓") and "3 / 3" in window.comfort.goal_label.text()


def test_the_command_palette_finds_an_action_by_a_loosely_typed_name_and_runs_it(open_window, qtbot):
    window = open_window()
    palette = CommandPalette(window.commands, window)
    qtbot.addWidget(palette)
    type_text(palette.query, "وضع التركيز")
    assert palette.results.count() >= 1 and palette.results.item(0).text().startswith("وضع التركيز")
    palette.run_current()
    assert window.commands.action("view.focus_mode").isChecked()
    window.commands.action("view.focus_mode").trigger()
    palette = CommandPalette(window.commands, window)
    palette.query.setText("مقال جديد")  # typed without the shadda/hamza variants would match too
    assert palette.actions_by_row[0] is window.commands.action("file.new")


def test_the_shortcuts_reference_lists_actions_in_the_platforms_notation(open_window):
    window = open_window()
    rows = {label: keys for label, keys, _command_id in shortcut_rows(window.commands)}
    assert rows["حفظ"] == "Ctrl+S" and rows["لوحة الأوامر"] == "Ctrl+Shift+P" and rows["وضع التركيز"] == "F11"
    assert rows["نشر على الموقع"] == "Ctrl+Shift+U"


def test_an_unexpected_error_is_logged_shown_kindly_and_copyable(open_window, qtbot, location, monkeypatch):
    window = open_window()
    shown = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    previous = sys.excepthook
    install_error_handler(location)
    try:
        try:
            raise RuntimeError("something broke deep inside")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    dialog = shown[0]
    assert "Traceback" not in dialog.text() + dialog.informativeText()
    assert str(log_path(location.data_dir)) in dialog.informativeText()
    assert "something broke deep inside" in log_path(location.data_dir).read_text(encoding="utf-8")
    dialog.copy_button.click()
    assert "RuntimeError: something broke deep inside" in QApplication.clipboard().text()
    assert window.isVisible()
