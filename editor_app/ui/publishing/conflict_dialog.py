"""The post changed on the site since it was last published from here: both versions
side by side, the differences, and the writer's choice. Nothing is lost either way: taking
the site's version keeps the writer's text as a revision."""

from __future__ import annotations

import difflib
from datetime import datetime, timezone


from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.publishing.publisher import ConflictChoice, RemoteVersion
from editor_app.core.records import ArticleRecord
from editor_app.ui import plain_text
from editor_app.ui.editor.markdown_editor import MarkdownEditor
from editor_app.ui.i18n import format_moment, translate


def _site_time(version: str) -> str:
    """The site's version stamp (WordPress's UTC modified_gmt, Ghost's updated_at "…Z") as the
    writer reads dates: local, in Arabic (an ISO string inside an Arabic sentence is
    reordered by the bidi algorithm)."""
    try:
        moment = datetime.fromisoformat(version)
    except ValueError:
        return version
    moment = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone()
    return format_moment(moment, translate("conflict_dialog", "d MMMM y، h:mm a"))


def _pane(title: str, body: str, parent: QWidget) -> MarkdownEditor:
    pane = MarkdownEditor(parent)  # each paragraph in its own direction, as in the editor
    pane.setReadOnly(True)
    pane.setPlainText(f"{title}\n\n{body}")
    pane.setAccessibleName(title)
    return pane


class ConflictDialog(QDialog):
    def __init__(self, site: str, local: ArticleRecord, remote: RemoteVersion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(translate("conflict_dialog", "تعارض مع الموقع"))
        self.choice: ConflictChoice | None = None
        explanation = QLabel(
            translate("conflict_dialog", "عُدّل هذا المقال على «{site}» في {when} بعد آخر نشر من هنا. "
                      "اختر النسخة التي تبقى. إن أخذت نسخة الموقع يبقى نصك في النسخ السابقة.").format(
                site=site, when=_site_time(remote.version)), self)
        explanation.setWordWrap(True)
        plain_text.plain(explanation)  # the site's name is the site's to choose
        self.remote_pane = _pane(remote.title, remote.body_markdown, self)
        self.local_pane = _pane(local.title, local.body, self)
        side_by_side = QWidget(self)
        columns = QHBoxLayout(side_by_side)
        for caption, pane in ((translate("conflict_dialog", "نسخة الموقع"), self.remote_pane), (translate("conflict_dialog", "نسختك"), self.local_pane)):
            column = QVBoxLayout()
            column.addWidget(QLabel(caption, side_by_side))
            column.addWidget(pane)
            columns.addLayout(column)
        self.diff = MarkdownEditor(self)
        self.diff.setReadOnly(True)
        self.diff.setObjectName("conflict_diff")
        self.diff.setPlainText("\n".join(difflib.unified_diff(
            [remote.title, *remote.body_markdown.splitlines()], [local.title, *local.body.splitlines()],
            translate("conflict_dialog", "نسخة الموقع"), translate("conflict_dialog", "نسختك"), lineterm="")))
        tabs = QTabWidget(self)
        tabs.addTab(side_by_side, translate("conflict_dialog", "النسختان"))
        tabs.addTab(self.diff, translate("conflict_dialog", "الفروق"))

        buttons = QDialogButtonBox(self)
        self.overwrite_button = QPushButton(translate("conflict_dialog", "نشر نسختي فوق نسخة الموقع"), self)
        self.take_site_button = QPushButton(translate("conflict_dialog", "أخذ نسخة الموقع"), self)
        cancel = buttons.addButton(translate("conflict_dialog", "إلغاء"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_site_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.overwrite_button.clicked.connect(lambda: self._choose(ConflictChoice.OVERWRITE))
        self.take_site_button.clicked.connect(lambda: self._choose(ConflictChoice.TAKE_SITE))
        cancel.clicked.connect(self.reject)
        cancel.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        self.accept()
