"""File › Restore from backup…: the backups, newest first; restoring is itself reversible."""

from __future__ import annotations

from babel.dates import format_datetime
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.backups import Backup

REASON_LABELS = {
    "start": "عند بدء التشغيل",
    "scheduled": "دورية (كل 30 دقيقة)",
    "before-migration": "قبل تحديث قاعدة البيانات",
    "before-restore": "قبل استعادة نسخة",
    "manual": "يدوية",
}


class BackupsDialog(QDialog):
    restore_requested = Signal(object)  # Backup
    backup_requested = Signal()

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle("النسخ الاحتياطية")
        self.backups = backups
        self.table = QTableWidget(len(backups), 3, self)
        self.table.setHorizontalHeaderLabels(["التاريخ", "السبب", "الحجم"])
        self.table.setAccessibleName("النسخ الاحتياطية")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(backups):
            cells = (format_datetime(backup.created_at, "d MMMM y، h:mm:ss a", locale="ar"),
                     REASON_LABELS.get(backup.reason, backup.reason), f"{backup.size / 1024 / 1024:.1f} MB")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(backup.name)
                self.table.setItem(row, column, item)
        if backups:
            self.table.setCurrentCell(0, 0)
        self.restore_button = QPushButton("استعادة النسخة المختارة…", self)
        self.restore_button.setEnabled(bool(backups))
        self.backup_now_button = QPushButton("نسخة احتياطية الآن", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_now_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.backup_now_button.clicked.connect(self.backup_requested)
        note = QLabel("تُحفظ آخر 10 نسخ ونسخة عن كل يوم من الأسبوع الماضي. قبل الاستعادة تُحفظ نسخة من الحالة "
                      "الراهنة، فيمكن التراجع عنها.", self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def selected(self) -> Backup | None:
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def _restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        when = self.table.item(self.table.currentRow(), 0).text()
        answer = QMessageBox.question(self, "استعادة", f"استعادة المكتبة كما كانت في {when}؟ تُحفظ الحالة الراهنة "
                                                       "في نسخة احتياطية أولًا.")
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(backup)
            self.accept()
