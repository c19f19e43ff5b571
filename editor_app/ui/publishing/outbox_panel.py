"""The outbox: publishes waiting for their site, with their last error, retry and cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui import plain_text
from editor_app.ui.publishing.labels import OUTBOX_STATE_LABELS, WORDPRESS_STATUS_LABELS
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, format_moment, translate, user_text

if TYPE_CHECKING:
    from editor_app.core.publishing.outbox import OutboxEntry

HEADERS = (QT_TRANSLATE_NOOP("outbox_panel", "المقال"), QT_TRANSLATE_NOOP("outbox_panel", "الموقع"),
           QT_TRANSLATE_NOOP("outbox_panel", "الحالة"), QT_TRANSLATE_NOOP("outbox_panel", "المحاولات"),
           QT_TRANSLATE_NOOP("outbox_panel", "المحاولة التالية"), QT_TRANSLATE_NOOP("outbox_panel", "آخر خطأ"))


class OutboxPanel(QWidget):
    retry_requested = Signal(int)  # job id
    cancel_requested = Signal(int)
    retry_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_panel")
        self.entries: list[OutboxEntry] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([translate("outbox_panel", header) for header in HEADERS])
        self.table.setAccessibleName(translate("outbox_panel", "صندوق الإرسال"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.empty_label = QLabel(translate("outbox_panel", "لا شيء ينتظر النشر."), self)
        self.retry_button = QPushButton(translate("outbox_panel", "إعادة المحاولة الآن"), self)
        self.cancel_button = QPushButton(translate("outbox_panel", "إلغاء الطلب"), self)
        self.retry_all_button = QPushButton(translate("outbox_panel", "إعادة المحاولة للكل"), self)
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.cancel_button, self.retry_all_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retry_button.clicked.connect(lambda: self._emit_for_selected(self.retry_requested))
        self.cancel_button.clicked.connect(lambda: self._emit_for_selected(self.cancel_requested))
        self.retry_all_button.clicked.connect(self.retry_all_requested)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.show_entries([])

    def show_entries(self, entries: list[OutboxEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            status = WORDPRESS_STATUS_LABELS.get(entry.requested_status, "")
            cells = (
                entry.article_title.strip() or translate("outbox_panel", "مقال بلا عنوان"),
                entry.site,
                OUTBOX_STATE_LABELS.get(entry.state, entry.state) + (f" · {status}" if status else ""),
                str(entry.attempts),
                format_moment(entry.next_attempt_at, "h:mm:ss a") if entry.state == "pending" else "—",
                user_text(entry.last_error_text),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_text.plain_tooltip(text))  # site messages, shown literally
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not entries)
        self.table.setVisible(bool(entries))
        self.retry_all_button.setEnabled(bool(entries))
        self._update_buttons()

    def selected_job(self) -> int | None:
        row = self.table.currentRow()
        return self.entries[row].id if 0 <= row < len(self.entries) else None

    def _emit_for_selected(self, signal) -> None:
        job = self.selected_job()
        if job is not None:
            signal.emit(job)

    def _update_buttons(self) -> None:
        selected = self.selected_job() is not None
        self.retry_button.setEnabled(selected)
        self.cancel_button.setEnabled(selected)
