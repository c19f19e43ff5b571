"""Ctrl+Shift+P: find any command by typing part of its name, in Arabic or English
(diacritics and letter forms ignored, as in search), or its id, and run it with Enter.
Commands that do not apply now are listed greyed out, so the writer learns they exist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor_app.core.arabic import normalise
from editor_app.ui.commands.registry import Command
from editor_app.ui.commands.shortcuts import NATIVE
from editor_app.ui.commands.window_commands import WindowCommands
from editor_app.ui.i18n import names_in_every_language, translate
from editor_app.ui.text_direction import isolate_ltr


def plain_label(text: str) -> str:
    return text.replace("&", "").replace("…", "").strip()


def command_names(command: Command) -> list[str]:
    """The command's name in every language the interface speaks."""
    names = names_in_every_language(translate(command.context, command.text))
    arguments = command.arguments() if command.arguments else {}
    return [name.format(**arguments) if arguments else name for name in names]


class CommandPalette(QDialog):
    def __init__(self, commands: WindowCommands, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("command_palette")
        self.setWindowTitle(translate("command_palette", "الأوامر"))
        commands.refresh()
        self.entries = [(command, action) for command, action in commands.entries() if action.isVisible()]
        self.entries.sort(key=lambda entry: plain_label(entry[1].text()))
        self.actions_by_row: list[QAction] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(translate("command_palette", "اكتب اسم الأمر…"))
        self.query.setAccessibleName(translate("command_palette", "البحث عن أمر"))
        self.results = QListWidget(self)
        self.results.setAccessibleName(translate("command_palette", "الأوامر المطابقة"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.query.textChanged.connect(self.filter)
        self.query.returnPressed.connect(self.run_current)
        self.results.itemActivated.connect(lambda _item: self.run_current())
        self.resize(520, 420)
        self.filter("")

    def filter(self, text: str) -> None:
        wanted = normalise(text).split()
        self.results.clear()
        self.actions_by_row = []
        found = []
        for command, action in self.entries:
            names = [plain_label(name) for name in command_names(command)]
            by_name = normalise(" ".join(names))
            described = normalise(" ".join([command.id, action.statusTip()]))
            if all(word in by_name for word in wanted):
                found.append((not action.isEnabled(), 0, command, action, names))
            elif all(word in by_name + " " + described for word in wanted):
                found.append((not action.isEnabled(), 1, command, action, names))
        # What applies now first (Enter runs the first row), then what matched by name, not by description.
        found.sort(key=lambda match: match[:2])
        for _disabled, _by_description, command, action, names in found:
            label = plain_label(action.text())
            shortcut = action.shortcut().toString(NATIVE)
            item = QListWidgetItem(f"{label}    {isolate_ltr(shortcut)}" if shortcut else label, self.results)
            item.setToolTip(" · ".join(dict.fromkeys(names)))
            if not action.isEnabled():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.actions_by_row.append(action)
        if self.results.count():
            self.results.setCurrentRow(0)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.query.hasFocus():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.results.setCurrentRow(max(0, min(self.results.count() - 1, self.results.currentRow() + step)))
            return
        super().keyPressEvent(event)

    def run_current(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.actions_by_row) and self.actions_by_row[row].isEnabled():
            action = self.actions_by_row[row]
            self.accept()
            action.trigger()
