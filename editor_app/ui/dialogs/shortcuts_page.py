"""Settings › Keyboard shortcuts: every command with its shortcut, each one editable.

Two commands on one key are named in red under the table as soon as they happen, and the
dialog refuses to save them (Qt would run neither: an ambiguous shortcut). The rows (sixty
key editors) are made when the page is first shown: they would double the dialog's opening."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.commands import load_commands
from editor_app.ui.commands.registry import Command
from editor_app.ui.commands.shortcuts import effective_shortcuts, key_text, overrides, problems
from editor_app.ui.dialogs.command_palette import plain_label
from editor_app.ui.i18n import translate
from editor_app.ui.theme import state_colour


class ShortcutsPage(QWidget):
    def __init__(self, stored: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_page")
        self.commands: list[Command] = load_commands().commands()
        self.labels = {command.id: plain_label(command.label()) for command in self.commands}
        self.table = QTableWidget(len(self.commands), 2, self)
        self.table.setAccessibleName(translate("shortcuts_page", "الأوامر واختصاراتها"))
        self.table.setHorizontalHeaderLabels([translate("shortcuts_page", "الأمر"), translate("shortcuts_page", "الاختصار")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.edits: dict[str, QKeySequenceEdit] = {}
        self.problem = QLabel(self)
        self.problem.setObjectName("shortcut_conflicts")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {state_colour('error')};")
        self.problem.hide()
        hint = QLabel(translate("shortcuts_page", "انقر خانة الاختصار واضغط المفاتيح الجديدة؛ زر المسح يترك الأمر بلا اختصار."), self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        self._shown: dict[str, QKeySequence] = effective_shortcuts(self.commands, stored)  # until the rows exist

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.ensure_rows()
        super().showEvent(event)

    def ensure_rows(self) -> None:
        if self.edits:
            return
        for row, command in enumerate(self.commands):
            self.table.setItem(row, 0, QTableWidgetItem(self.labels[command.id]))
            edit = QKeySequenceEdit(self.table)
            edit.setObjectName(command.id)
            edit.setMaximumSequenceLength(1)  # one key combination, as every default is
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # «Ctrl+,», not «+,Ctrl»
            edit.setClearButtonEnabled(True)
            edit.setAccessibleName(translate("shortcuts_page", "اختصار «{command}»").format(command=self.labels[command.id]))
            edit.keySequenceChanged.connect(self._check)
            self.table.setCellWidget(row, 1, edit)
            self.edits[command.id] = edit
        self.show_shortcuts({command_id: key_text(keys) for command_id, keys in self._shown.items()})

    def show_shortcuts(self, stored: Mapping[str, str]) -> None:
        self._shown = effective_shortcuts(self.commands, stored)
        for command_id, keys in self._shown.items():
            if command_id in self.edits:
                self.edits[command_id].setKeySequence(keys)
        self._check()

    def chosen(self) -> dict[str, QKeySequence]:
        if not self.edits:
            return dict(self._shown)
        return {command_id: edit.keySequence() for command_id, edit in self.edits.items()}

    def stored(self) -> dict[str, str]:
        """What the settings keep: the shortcuts that differ from the defaults, by command id."""
        return overrides(self.commands, self.chosen())

    def shortcut_problems(self) -> list[str]:
        return problems(self.chosen(), self.labels)

    def _check(self, *_changed) -> None:
        messages = self.shortcut_problems()
        self.problem.setText("\n".join(messages))
        self.problem.setVisible(bool(messages))
