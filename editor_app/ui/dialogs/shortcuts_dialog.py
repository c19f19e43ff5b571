"""Help › Keyboard shortcuts: every action that has one, in the platform's own notation."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor_app.ui.dialogs.command_palette import action_label
from editor_app.ui.i18n import translate
from editor_app.ui.text_direction import isolate_ltr


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    rows = {}
    for action in actions:
        if not action.shortcut().isEmpty() and action_label(action):
            rows[action_label(action)] = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return sorted(rows.items())


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(translate("shortcuts_dialog", "اختصارات لوحة المفاتيح"))
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([translate("shortcuts_dialog", "الأمر"), translate("shortcuts_dialog", "الاختصار")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, (label, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(label))
            self.table.setItem(row, 1, QTableWidgetItem(isolate_ltr(keys)))  # «Ctrl+,», not «+,Ctrl»
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 560)
