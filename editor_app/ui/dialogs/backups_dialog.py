"""File › Restore from backup…: the backups, newest first; restoring is itself reversible."""

from __future__ import annotations

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
from editor_app.ui import plain_text
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, format_moment, translate

REASON_LABELS = TranslatedLabels("backups_dialog", {
    "start": QT_TRANSLATE_NOOP("backups_dialog", "عند بدء التشغيل"),
    "scheduled": QT_TRANSLATE_NOOP("backups_dialog", "دورية (كل 30 دقيقة)"),
    "before-migration": QT_TRANSLATE_NOOP("backups_dialog", "قبل تحديث قاعدة البيانات"),
    "before-restore": QT_TRANSLATE_NOOP("backups_dialog", "قبل استعادة نسخة"),
    "manual": QT_TRANSLATE_NOOP("backups_dialog", "يدوية"),
})


class BackupsDialog(QDialog):
    restore_requested = Signal(object)  # Backup
    backup_requested = Signal()

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(translate("backups_dialog", "النسخ الاحتياطية"))
        self.backups = backups
        self.table = QTableWidget(len(backups), 3, self)
        self.table.setHorizontalHeaderLabels([translate("backups_dialog", "التاريخ"), translate("backups_dialog", "السبب"), translate("backups_dialog", "الحجم")])
        self.table.setAccessibleName(translate("backups_dialog", "النسخ الاحتياطية"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(backups):
            cells = (format_moment(backup.created_at, translate("backups_dialog", "d MMMM y، h:mm:ss a")),
                     REASON_LABELS.get(backup.reason, backup.reason), f"{backup.size / 1024 / 1024:.1f} MB")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(backup.name)
                self.table.setItem(row, column, item)
        if backups:
            self.table.setCurrentCell(0, 0)
        self.restore_button = QPushButton(translate("backups_dialog", "استعادة النسخة المختارة…"), self)
        self.restore_button.setEnabled(bool(backups))
        self.backup_now_button = QPushButton(translate("backups_dialog", "نسخة احتياطية الآن"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_now_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.backup_now_button.clicked.connect(self.backup_requested)
        note = QLabel(translate("backups_dialog", "تُحفظ آخر 10 نسخ ونسخة عن كل يوم من الأسبوع الماضي. قبل الاستعادة تُحفظ نسخة من الحالة "
                      "الراهنة، فيمكن التراجع عنها."), self)
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
        answer = plain_text.question(self, translate("backups_dialog", "استعادة"), translate(
            "backups_dialog", "استعادة المكتبة كما كانت في {when}؟ تُحفظ الحالة الراهنة في نسخة احتياطية أولًا.").format(when=when))
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(backup)
            self.accept()
