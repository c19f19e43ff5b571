"""Help › Keyboard shortcuts: every command that has one, in the platform's own notation
(Settings › Keyboard shortcuts changes them)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor_app.ui.commands.shortcuts import NATIVE
from editor_app.ui.commands.window_commands import WindowCommands
from editor_app.ui.dialogs.command_palette import plain_label
from editor_app.ui.i18n import translate
from editor_app.ui.text_direction import isolate_ltr


def shortcut_rows(commands: WindowCommands | None) -> list[tuple[str, str, str]]:
    """(label, keys, command id) of every command with a shortcut, by label."""
    if commands is None:
        return []
    rows = [(plain_label(action.text()), action.shortcut().toString(NATIVE), command.id)
            for command, action in commands.entries() if not action.shortcut().isEmpty()]
    return sorted(rows)


class ShortcutsDialog(QDialog):
    def __init__(self, commands: WindowCommands | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("shortcuts_dialog", "اختصارات لوحة المفاتيح"))
        self.rows = shortcut_rows(commands)
        self.table = QTableWidget(len(self.rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("shortcuts_dialog", "الأمر"), translate("shortcuts_dialog", "الاختصار")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (label, keys, _command_id) in enumerate(self.rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(isolate_ltr(keys)))  # «Ctrl+,», not «+,Ctrl»
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 560)
