"""Mixed-direction labels keep their order in the right-to-left interface (issue 15:
«+,Ctrl» in menus and the shortcuts dialog, a scrambled date-locale combo and export path)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from editor_app.core.records import ArticleDraft
from editor_app.ui.dialogs.export_dialog import ExportDialog
from editor_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from editor_app.ui.shortcut_labels import ShortcutLabelStyle, isolated_menu_text
from tests.ui.visual_order import glyph_lefts, reads_left_to_right


def test_shortcuts_read_left_to_right_in_the_shortcuts_dialog(open_window, qtbot):
    window = open_window()
    assert window.isRightToLeft()
    dialog = ShortcutsDialog(window.commands, window)
    qtbot.addWidget(dialog)
    cells = {dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())}
    shortcuts = list(cells.values())
    assert reads_left_to_right(next(keys for keys in shortcuts if keys.strip("\u2066\u2069") == "Ctrl+,"), "Ctrl+,")
    assert reads_left_to_right(next(keys for keys in shortcuts if "Ctrl+Shift+P" in keys), "Ctrl+Shift+P")
    assert not reads_left_to_right("Ctrl+,", "Ctrl+,")  # what the cell showed before: «+,Ctrl»


def test_menu_shortcut_labels_are_drawn_isolated(open_window):
    window = open_window()
    menus = [action.menu() for action in window.menuBar().actions() if action.menu()]
    menus += [action.menu() for menu in menus for action in menu.actions() if action.menu()]
    assert menus and all(isinstance(menu.style(), ShortcutLabelStyle) for menu in menus)
    drawn = isolated_menu_text("الإعدادات…\tCtrl+,")  # QMenu hands the style "text<TAB>shortcut"
    assert reads_left_to_right(drawn.split("\t")[1], "Ctrl+,")
    assert isolated_menu_text("بلا اختصار") == "بلا اختصار"
    assert isinstance(window.findChild(QMenu), QMenu)


def test_the_date_locale_choices_keep_code_and_example_in_order(open_window):
    window = open_window()
    combo = window.metadata.locale
    text = combo.itemText(combo.findData("ar_MA"))
    assert reads_left_to_right(text, "ar_MA")
    assert reads_left_to_right(text, "2024") and reads_left_to_right(text, "6:23")
    # The code leads the line (it is drawn rightmost in the right-to-left combo).
    lefts = glyph_lefts(text)
    code = [lefts[i] for i in range(text.index("ar_MA"), text.index("ar_MA") + 5)]
    assert min(code) > max(left for i, left in lefts.items() if i > text.index("ar_MA") + 5)


def test_the_export_dialog_shows_paths_left_to_right(open_window, library, qtbot, tmp_path):
    record = library.create(ArticleDraft(title="مقال للتصدير", body="نص"))
    window = open_window()
    window.open_article(record.id)
    dialog = ExportDialog(library, record.id, window)
    qtbot.addWidget(dialog)
    assert dialog.destination.layoutDirection() == dialog.destination.layoutDirection().LeftToRight
    path = tmp_path / "مقالات" / "article-1.html"
    dialog._done(path)
    message = dialog.message.text()
    shown = str(Path(path))
    start = message.index(shown)
    lefts = glyph_lefts(message)
    # The folders follow each other left to right (an Arabic folder name reads right to
    # left inside its own place): every slash is right of the one before, and each
    # name lies between its two slashes.
    slashes = [start + i for i, character in enumerate(shown) if character == "/"]
    assert [lefts[i] for i in slashes] == sorted(lefts[i] for i in slashes)
    for before, after in zip(slashes, slashes[1:]):
        assert all(lefts[before] < lefts[i] < lefts[after] for i in range(before + 1, after) if i in lefts)
    assert reads_left_to_right(message, "article-1.html")
