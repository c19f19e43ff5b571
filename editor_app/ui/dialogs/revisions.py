"""Revisions of an article: when, why, how many words changed; a diff; restore."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.records import RevisionRecord
from editor_app.core.revisions import line_diff
from editor_app.ui.article_list.list_model import STATUS_LABELS
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, translate
from editor_app.ui.theme import current_theme

REASON_LABELS = TranslatedLabels("revisions", {
    "save": QT_TRANSLATE_NOOP("revisions", "حفظ يدوي"),
    "autosave": QT_TRANSLATE_NOOP("revisions", "حفظ تلقائي"),
    "status": QT_TRANSLATE_NOOP("revisions", "تغيير الحالة"),
    "publish": QT_TRANSLATE_NOOP("revisions", "نشر"),
    "restore": QT_TRANSLATE_NOOP("revisions", "استعادة"),
    "conflict": QT_TRANSLATE_NOOP("revisions", "تعديل متزامن"),
    "takeover": QT_TRANSLATE_NOOP("revisions", "قبل تولّي التحرير"),
})
# (text, background) per theme: each line carries both, so no pair depends on the palette
# around it (grey on dark was unreadable); every pair reaches 4.5:1 (tests/ui/test_settings_ui.py).
DIFF_COLOURS = {
    "light": {"+": ("#14532d", "#dcfce7"), "-": ("#7f1d1d", "#fee2e2"), " ": ("#4b5563", "#ffffff")},
    "dark": {"+": ("#c8f7d4", "#17452a"), "-": ("#ffd4d4", "#5a1f22"), " ": ("#b4b8c0", "#1a1b1e")},
}
_STRIKE = {"-": "text-decoration:line-through;"}


def diff_html(old: str, new: str) -> str:
    """The revision (old) against the current text (new), one paragraph a line, RTL."""
    rows = []
    for kind, line in line_diff(old, new):
        if kind == " " and not line.strip():
            continue
        text, background = DIFF_COLOURS[current_theme()][kind]
        style = f"margin:2px 0;color:{text};background:{background};{_STRIKE.get(kind, '')}"
        rows.append(f'<p dir="rtl" style="{style}">{escape(line) or "&nbsp;"}</p>')
    return "".join(rows) or translate("revisions", '<p dir="rtl">لا فرق بين هذه النسخة والنص الحالي.</p>')


class RevisionsDialog(QDialog):
    restore_requested = Signal(int)

    def __init__(self, revisions: list[RevisionRecord], current_body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("revisions", "النسخ السابقة"))
        self.setObjectName("revisions_dialog")
        self.resize(900, 600)
        self.revisions = revisions
        self.current_body = current_body
        self.table = QTableWidget(len(revisions), 6, self)
        self.table.setHorizontalHeaderLabels([translate("revisions", "الوقت"), translate("revisions", "السبب"), translate("revisions", "الحالة"), translate("revisions", "الكلمات"), translate("revisions", "الفرق"), translate("revisions", "بواسطة")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, revision in enumerate(revisions):
            values = (
                revision.created_at.astimezone().strftime("%Y/%m/%d %H:%M"),
                REASON_LABELS.get(revision.reason, revision.reason),
                STATUS_LABELS.get(revision.status, revision.status),
                str(revision.word_count),
                f"{revision.word_delta:+d}",
                revision.author,  # who saved it: a display name on a newsroom server
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.diff = QTextBrowser(self)
        self.diff.setObjectName("revision_diff")
        # The pane's own background is the diff's unchanged-line colour, whatever the theme.
        self.diff.setStyleSheet(f"QTextBrowser#revision_diff {{ background: {DIFF_COLOURS[current_theme()][' '][1]}; }}")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.diff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(translate("revisions", "استعادة هذه النسخة"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(buttons)
        # The current cell, not selectRow(): in a right-to-left table Qt's selectRow looks
        # for a column one pixel past the viewport's edge and selects nothing.
        self.table.currentCellChanged.connect(lambda row, *_: self.show_revision(row))
        if revisions:
            self.table.setCurrentCell(0, 0)
        else:
            self.diff.setHtml(translate("revisions", '<p dir="rtl">لا نسخ سابقة لهذا المقال بعد. تُحفظ نسخة عند Ctrl+S وعند تغيير الحالة، وكل عشر دقائق أثناء الكتابة.</p>'))

    def show_revision(self, row: int) -> None:
        if 0 <= row < len(self.revisions):
            self.diff.setHtml(diff_html(self.revisions[row].body, self.current_body))
            self.restore_button.setEnabled(True)

    def selected_revision(self) -> RevisionRecord | None:
        row = self.table.currentRow()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def _restore(self) -> None:
        revision = self.selected_revision()
        if revision is not None:
            self.restore_requested.emit(revision.id)
            self.accept()
