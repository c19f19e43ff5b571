"""The command registry (issue 21): every command has its menu, palette and shortcut entries
in both languages, the writer's shortcuts are kept by command id and survive a restart,
conflicting ones are refused, and commands that do not apply are disabled."""

from __future__ import annotations

import json
import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from editor_app.core.records import ArticleDraft
from editor_app.core.settings import SETTINGS_FILENAME, Settings
from editor_app.ui import plain_text
from editor_app.ui.commands.shortcuts import NATIVE
from editor_app.ui.dialogs.command_palette import CommandPalette, plain_label
from editor_app.ui.dialogs.settings_dialog import SettingsDialog
from editor_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from editor_app.ui.dialogs.shortcuts_page import ShortcutsPage
from editor_app.ui.i18n import translate

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def menu_holding(window, action) -> QMenu | None:
    """The menu (or submenu) of the menu bar that shows this action, if any."""
    pending = [entry.menu() for entry in window.menuBar().actions() if entry.menu()]
    while pending:
        menu = pending.pop()
        if action in menu.actions():
            return menu
        pending.extend(entry.menu() for entry in menu.actions() if entry.menu())
    return None


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_command_has_its_menu_palette_and_shortcut_entries_in_both_languages(window_host, language):
    window = window_host.switch_language(language)
    palette = CommandPalette(window.commands, window)
    palette_rows = {id(action): palette.results.item(row).text() for row, action in enumerate(palette.actions_by_row)}
    reference = {command_id: keys for _label, keys, command_id in ShortcutsDialog(window.commands, window).rows}
    page = ShortcutsPage(window.settings.preferences.shortcuts)
    page.ensure_rows()  # (made when the page is first shown)
    assert page.shortcut_problems() == []  # the defaults share no key and type nothing
    page_rows = {page.table.cellWidget(row, 1).objectName(): page.table.item(row, 0).text()
                 for row in range(page.table.rowCount())}
    commands = window.commands.commands()
    assert len(commands) > 50 and len({command.id for command in commands}) == len(commands)

    for command in commands:
        action = window.commands.action(command.id)
        label = plain_label(action.text())
        source = command.text.format(**command.arguments()) if command.arguments else command.text
        # The text: the Arabic source in Arabic, its translation in English.
        assert action.text() == command.label(), command.id
        if language == "en":
            assert action.text() != source and not ARABIC_LETTER.search(re.sub(r"\(.*\)|[«»“”]", "", action.text())), command.id
        else:
            assert action.text() == source, command.id
        # The menu entry: the same action, in the menu the command names.
        menu = menu_holding(window, action)
        assert menu is not None and menu.objectName() == f"menu_{command.menu}", command.id
        # Its shortcut works where the menus are hidden (focus mode): the window holds the action.
        assert action in window.actions(), command.id
        # The palette entry: its name and shortcut as the menu shows them.
        keys = action.shortcut().toString(NATIVE)
        assert palette_rows[id(action)].startswith(label), command.id
        assert (keys in palette_rows[id(action)]) if keys else True, command.id
        # The shortcut entries: the reference lists it with the same keys, Settings lets it be changed.
        assert reference.get(command.id, "") == keys, command.id
        assert page_rows[command.id] == label and page.edits[command.id].keySequence() == action.shortcut(), command.id
        # The palette finds it by its own name, in either language.
        palette.query.setText(label)
        assert action in palette.actions_by_row, command.id
    assert window.commands.action("file.save").shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.commands.action("view.focus_mode").shortcut().toString() == "F11"


def test_a_changed_shortcut_survives_a_restart_and_works(open_window, qtbot, location, library):
    record = library.create(ArticleDraft(title="مقال", body="نص"))
    window = open_window()
    window.open_article(record.id)

    def change_in_settings():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        dialog.tabs.setCurrentWidget(dialog.shortcuts)  # the page's rows are made as it is shown
        dialog.shortcuts.edits["file.duplicate"].setKeySequence(QKeySequence("Ctrl+Alt+K"))
        dialog.shortcuts.edits["help.about"].setKeySequence(QKeySequence("Ctrl+Alt+A"))
        dialog.accept()

    QTimer.singleShot(0, change_in_settings)
    window.commands.action("file.settings").trigger()
    assert window.commands.action("file.duplicate").shortcut().toString() == "Ctrl+Alt+K"
    stored = json.loads((location.config_dir / SETTINGS_FILENAME).read_text(encoding="utf-8"))
    assert stored["shortcuts"] == {"file.duplicate": "Ctrl+Alt+K", "help.about": "Ctrl+Alt+A"}  # by id, only what changed
    window.close()

    again = open_window()
    duplicate = again.commands.action("file.duplicate")
    assert duplicate.shortcut().toString() == "Ctrl+Alt+K"
    assert again.commands.action("file.new").shortcut() == QKeySequence(QKeySequence.StandardKey.New)  # the others: defaults
    assert dict((label, keys) for label, keys, _id in ShortcutsDialog(again.commands, again).rows)["نسخ المقال"] == "Ctrl+Alt+K"
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow, timeout=2000)
    again.open_article(record.id)
    again.editor.body_edit.setFocus()
    before = library.count()
    with qtbot.waitSignal(duplicate.triggered, timeout=2000):
        qtbot.keyClick(again.editor.body_edit, Qt.Key.Key_K,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert library.count() == before + 1


def test_a_shortcut_given_to_two_commands_is_refused_and_named(open_window, location, monkeypatch):
    window = open_window()
    warnings = []
    monkeypatch.setattr(plain_text, "warning", lambda _parent, _title, text, *args: warnings.append(text))
    dialog = SettingsDialog(window.settings.preferences, [], window)
    dialog.shortcuts.ensure_rows()
    dialog.shortcuts.edits["file.duplicate"].setKeySequence(QKeySequence("Ctrl+S"))
    problem = dialog.shortcuts.problem.text()
    assert "Ctrl+S" in problem and "«حفظ» و«نسخ المقال»" in problem and not dialog.shortcuts.problem.isHidden()
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert warnings and "نسخ المقال" in warnings[0] and "حفظ" in warnings[0]
    assert dialog.tabs.currentWidget() is dialog.shortcuts
    # Saved by another way (a script): refused as well, nothing written, the shortcuts unchanged.
    window.change_preferences(shortcuts={"file.duplicate": "Ctrl+S"})
    assert len(warnings) == 2 and "Ctrl+S" in warnings[1]
    assert Settings(location.config_dir).preferences.shortcuts == {}
    assert window.commands.action("file.duplicate").shortcut().toString() == "Ctrl+Shift+D"
    # Resolved (save moves elsewhere): accepted.
    dialog.shortcuts.edits["file.save"].setKeySequence(QKeySequence("Ctrl+Alt+S"))
    assert dialog.shortcuts.problem.text() == ""
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.changes()["shortcuts"] == {"file.duplicate": "Ctrl+S", "file.save": "Ctrl+Alt+S"}


def test_restore_from_trash_is_disabled_on_an_article_that_is_not_in_the_trash(open_window, library):
    record = library.create(ArticleDraft(title="مقال", body="نص"))
    window = open_window()
    window.open_article(record.id)
    restore, trash = window.commands.action("file.restore_from_trash"), window.commands.action("file.trash")
    assert not restore.isEnabled() and trash.isEnabled()
    window.commands.run("file.restore_from_trash")  # even asked for directly (a stale menu): nothing happens
    assert window.statusBar().currentMessage() != translate("main_window", "أُعيد المقال من المهملات")
    palette = CommandPalette(window.commands, window)
    palette.query.setText("استعادة من المهملات")
    row = palette.actions_by_row.index(restore)
    assert not palette.results.item(row).flags() & Qt.ItemFlag.ItemIsEnabled  # greyed out
    palette.results.setCurrentRow(row)
    palette.run_current()  # Enter on it does not run it
    assert palette.result() != CommandPalette.DialogCode.Accepted and library.get(record.id).trashed_at is None

    library.trash(record.id)
    window.open_article(record.id)  # from the trash list
    assert restore.isEnabled() and not trash.isEnabled()
    restore.trigger()
    assert library.get(record.id).trashed_at is None
    assert window.statusBar().currentMessage() == translate("main_window", "أُعيد المقال من المهملات")
    assert not restore.isEnabled() and trash.isEnabled()  # refreshed with the article


def test_article_commands_wait_for_an_article(open_window):
    window = open_window()
    window.trash_current()  # the first start's article
    window.editor.clear()
    window.current_record = None
    window.commands.refresh()
    for command_id in ("file.duplicate", "file.trash", "publish.publish", "format.bold", "edit.find"):
        assert not window.commands.action(command_id).isEnabled(), command_id
    for command_id in ("file.new", "file.settings", "help.command_palette", "view.focus_mode"):
        assert window.commands.action(command_id).isEnabled(), command_id


def test_preview_commands_wait_for_the_preview_engine_and_follow_its_toolbar(open_window, qtbot):
    window = open_window()
    phone, fit = window.commands.action("preview.phone"), window.commands.action("preview.fit")
    assert phone.isVisible()  # the web preview (the text one hides them)
    qtbot.waitUntil(phone.isEnabled, timeout=20000)  # enabled by the engine's start, not before
    assert window.preview.engine_started and fit.isChecked()
    phone.trigger()
    assert window.preview.frame.preset.key == "phone" and phone.isChecked() and not fit.isChecked()
    window.preview.frame.preset_actions["fit"].trigger()  # the preview's own toolbar
    view_menu = window.findChild(QMenu, "menu_view")
    view_menu.aboutToShow.emit()  # a menu shows what is true when it opens
    assert fit.isChecked() and not phone.isChecked()


def test_a_shortcut_that_types_is_refused(open_window, location, monkeypatch):
    """A plain letter (or Space, Enter) as a shortcut would stop it being typed anywhere."""
    window = open_window()
    warnings = []
    monkeypatch.setattr(plain_text, "warning", lambda _parent, _title, text, *args: warnings.append(text))
    dialog = SettingsDialog(window.settings.preferences, [], window)
    dialog.shortcuts.ensure_rows()
    dialog.shortcuts.edits["file.duplicate"].setKeySequence(QKeySequence("D"))
    assert "نسخ المقال" in dialog.shortcuts.problem.text() and "F1" in dialog.shortcuts.problem.text()
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted and warnings
    for allowed in ("F9", "Alt+D", "Ctrl+Alt+D"):
        dialog.shortcuts.edits["file.duplicate"].setKeySequence(QKeySequence(allowed))
        assert dialog.shortcuts.problem.text() == "", allowed
    window.change_preferences(shortcuts={"file.new": "Space"})
    assert len(warnings) == 2 and Settings(location.config_dir).preferences.shortcuts == {}
