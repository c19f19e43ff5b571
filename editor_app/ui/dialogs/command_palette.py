"""Ctrl+Shift+P: find any action by typing part of its name (diacritics and letter forms
ignored, as in search) and run it with Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor_app.core.arabic import normalise
from editor_app.ui.i18n import names_in_every_language, translate
from editor_app.ui.text_direction import isolate_ltr


def action_label(action: QAction) -> str:
    return action.text().replace("&", "").replace("…", "").strip()


def palette_actions(window: QWidget) -> list[QAction]:
    """Every named, enabled action of the window, once each, by name."""
    seen: dict[str, QAction] = {}
    for action in window.findChildren(QAction):
        label = action_label(action)
        if label and action.isEnabled() and not action.menu() and label not in seen:
            seen[label] = action
    return sorted(seen.values(), key=action_label)


class CommandPalette(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("command_palette")
        self.setWindowTitle(translate("command_palette", "الأوامر"))
        self.actions_by_row: list[QAction] = []
        self.all_actions = actions
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
        for action in self.all_actions:
            label = action_label(action)
            # Arabic or English, whichever the interface is in: names in every language match.
            names = [name.replace("&", "") for name in names_in_every_language(action.text())]
            haystack = normalise(" ".join([*names, action.toolTip()]))
            if all(word in haystack for word in wanted):
                shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                item = QListWidgetItem(f"{label}    {isolate_ltr(shortcut)}" if shortcut else label, self.results)
                item.setData(Qt.ItemDataRole.UserRole, len(self.actions_by_row))
                item.setToolTip(" · ".join(dict.fromkeys(name.replace("…", "") for name in names)))
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
        if 0 <= row < len(self.actions_by_row):
            action = self.actions_by_row[row]
            self.accept()
            action.trigger()
