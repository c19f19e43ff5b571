"""Focus mode (F11) can always be left, keeps every shortcut, and never becomes the
window's normal layout (issue 15: F11 could not be left and the next start came back
full screen without title bar, toolbar or details)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolBar

from editor_app.core.records import ArticleDraft
from editor_app.ui.dialogs.command_palette import CommandPalette
from editor_app.ui.window_state import STATE_FILENAME
from editor_app.ui.writing_comfort import FOCUS_COLUMN_CHARACTERS


def focused_window(open_window, qtbot):
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor = window.editor.body_edit
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert window.commands.action("view.focus_mode").isChecked() and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.list_panel.isVisible()
    return window, editor


def assert_normal(window) -> None:
    assert not window.commands.action("view.focus_mode").isChecked()
    assert not window.isFullScreen()
    assert window.menuBar().isVisible() and window.statusBar().isVisible()
    assert window.findChild(QToolBar, "main_toolbar").isVisible()
    assert window.metadata_dock.isVisible()
    assert window.list_panel.isVisible() and window.preview.isVisible()
    assert window.editor.layout().contentsMargins().left() == 0
    assert all(size > 0 for size in window.splitter.sizes())  # no pane collapsed to nothing


def test_f11_again_leaves_focus_mode(open_window, qtbot):
    window, editor = focused_window(open_window, qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert_normal(window)


def test_esc_leaves_focus_mode_after_closing_the_find_bar(open_window, qtbot):
    window, editor = focused_window(open_window, qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert_normal(window)

    qtbot.keyClick(editor, Qt.Key.Key_F11)
    window.editor.find_bar.open_find(False)
    assert window.editor.find_bar.isVisible()
    qtbot.keyClick(window.editor.find_bar.query, Qt.Key.Key_Escape)  # the first Esc is the find bar's
    assert not window.editor.find_bar.isVisible() and window.commands.action("view.focus_mode").isChecked()
    window.editor.body_edit.setFocus()
    qtbot.keyClick(window.editor.body_edit, Qt.Key.Key_Escape)
    assert_normal(window)


def test_shortcuts_work_inside_focus_mode(open_window, qtbot, library):
    record = library.create(ArticleDraft(title="مقال", body="نص"))
    window, editor = focused_window(open_window, qtbot)
    window.open_article(record.id)
    editor.setFocus()
    with qtbot.waitSignal(window.commands.action("file.save").triggered, timeout=2000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    opened = []

    def close_palette():
        dialog = QApplication.activeModalWidget()
        opened.append(type(dialog))
        dialog.reject()

    QTimer.singleShot(100, close_palette)
    qtbot.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert opened == [CommandPalette]

    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # quit works too
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_a_restart_after_quitting_in_focus_mode_shows_the_normal_window(open_window, qtbot):
    window, editor = focused_window(open_window, qtbot)
    window.close()
    again = open_window()
    assert_normal(again)


def test_a_layout_saved_in_focus_mode_by_an_older_version_still_starts_usable(open_window, qtbot, location):
    window, editor = focused_window(open_window, qtbot)
    bare = (window.saveGeometry(), window.saveState(), window.splitter.saveState())
    window.close()
    # What the older version wrote on quitting from focus mode: no layout version, bare layout.
    settings = QSettings(str(location.data_dir / STATE_FILENAME), QSettings.Format.IniFormat)
    settings.remove("window/layout_version")
    for key, value in zip(("window/geometry", "window/state", "window/splitter"), bare):
        settings.setValue(key, value)
    settings.sync()
    again = open_window()
    assert_normal(again)


def test_the_focus_column_holds_a_readable_line(open_window, qtbot, library):
    paragraph = " ".join(["وقال المتحدث باسم الوزارة إن عدد الحوادث انخفض بنسبة كبيرة خلال السنة الماضية"] * 6)
    record = library.create(ArticleDraft(title="مقال", body=paragraph))
    window, editor = focused_window(open_window, qtbot)
    window.open_article(record.id)
    QApplication.processEvents()
    column = window.comfort.column_width()
    window.resize(column + 800, 700)  # wider than the column, whatever the test screen
    qtbot.waitUntil(lambda: abs(editor.width() - column) <= 2 and window.editor.layout().contentsMargins().left() > 100)
    block = editor.document().firstBlock()
    editor.blockBoundingGeometry(block)  # laid out at the column's width
    first_line = block.layout().lineAt(0)
    assert 60 <= first_line.textLength() <= 80 + 10  # the line ends at a word: a word more at most
    assert FOCUS_COLUMN_CHARACTERS in range(60, 81)
