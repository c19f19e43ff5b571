"""Completion for a comma-separated tag field: completes the tag being typed, keeps the others."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from editor_app.ui.i18n import translate

_SEPARATOR = re.compile(r"[,،]\s*")


class TagCompleter(QCompleter):
    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self.field = field
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setWidget(field)
        self.activated.connect(self._insert)
        field.textEdited.connect(self._complete)

    def set_tags(self, tags: list[str]) -> None:
        self.model().setStringList(tags)

    def _complete(self, text: str) -> None:
        current = _SEPARATOR.split(text)[-1].strip()
        if not current:
            self.popup().hide()
            return
        self.setCompletionPrefix(current)
        self.complete()

    def _insert(self, tag: str) -> None:
        parts = _SEPARATOR.split(self.field.text())
        parts[-1] = tag
        separator = translate("panel", "، ")  # the list separator of the interface's language
        self.field.setText(separator.join(part.strip() for part in parts if part.strip()) + separator)
