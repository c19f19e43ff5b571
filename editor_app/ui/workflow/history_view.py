"""An article's history: a timeline of where it went, who sent it to whom with what
message, and what others recorded (comments resolved, suggestions accepted), oldest first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor_app.core.workflow.records import EventRecord
from editor_app.ui import plain_text
from editor_app.ui.i18n import format_moment, translate
from editor_app.ui.workflow.labels import describe


def history_lines(events: list[EventRecord]) -> list[str]:
    pattern = translate("workflow", "d MMM y، h:mm a")
    return [f"{format_moment(event.created_at, pattern)} — {describe(event)}" for event in events]


class HistoryDialog(QDialog):
    def __init__(self, title: str, events: list[EventRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workflow_history")
        self.setWindowTitle(translate("workflow", "مسار المقال"))
        heading = QLabel(title or translate("workflow", "مقال بلا عنوان"), self)
        plain_text.plain(heading)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.timeline = QListWidget(self)
        self.timeline.setObjectName("history_timeline")
        self.timeline.setAccessibleName(translate("workflow", "مسار المقال"))
        self.timeline.setWordWrap(True)
        for line in history_lines(events) or [translate("workflow", "لم يُرسل المقال إلى أي مرحلة بعد.")]:
            self.timeline.addItem(QListWidgetItem(line))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)
