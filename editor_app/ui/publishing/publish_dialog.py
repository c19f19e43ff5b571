"""Article › Publish to site…: which site and which status on it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from editor_app.core.publishing.sites import SiteRecord
from editor_app.ui import plain_text
from editor_app.core.publishing.targets import STATUSES, WORDPRESS
from editor_app.ui.publishing.labels import status_labels
from editor_app.ui.article_list.list_model import untitled
from editor_app.ui.i18n import translate


KEEP_STATUS = ""


class PublishDialog(QDialog):
    def __init__(self, sites: list[SiteRecord], article_title: str, preferred_site: str | None = None,
                 parent: QWidget | None = None, linked_sites: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.linked_sites = linked_sites  # sites where the article already is a post: its status is kept
        self.setObjectName("publish_dialog")
        self.setWindowTitle(translate("publish_dialog", "النشر على الموقع"))
        self.site = QComboBox(self)
        self.site.setAccessibleName(translate("publish_dialog", "الموقع"))
        for site in sites:
            self.site.addItem(f"{site.name} — {site.url}", site)
        if preferred_site:
            self.site.setCurrentIndex(max(0, next((i for i, s in enumerate(sites) if s.name == preferred_site), 0)))
        self.status = QComboBox(self)
        self.status.setAccessibleName(translate("publish_dialog", "الحالة على الموقع"))
        # A post that exists keeps its own status unless the writer picks another: the site's
        # default ("draft") would take a live post offline.
        self.site.currentIndexChanged.connect(self._site_default_status)
        self._site_default_status()

        title = QLabel(translate("publish_dialog", "«{title}»").format(title=article_title.strip() or untitled()), self)
        title.setWordWrap(True)
        plain_text.plain(title)  # a title is shown as written, never as HTML
        form = QFormLayout()
        form.addRow(translate("publish_dialog", "الموقع"), self.site)
        form.addRow(translate("publish_dialog", "الحالة"), self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("publish_dialog", "نشر"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("publish_dialog", "إلغاء"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(QLabel(translate("publish_dialog", "إن تعذّر الوصول إلى الموقع يُحفظ الطلب في صندوق الإرسال ويُعاد تلقائيًا."), self))
        layout.addWidget(buttons)

    def _site_default_status(self) -> None:
        """The statuses the chosen site's kind offers (Ghost has no "pending review"), its default chosen."""
        site: SiteRecord | None = self.site.currentData()
        self.status.clear()
        self.status.addItem(translate("publish_dialog", "كما هي على الموقع الآن"), KEEP_STATUS)
        for key, label in status_labels(STATUSES.get(site.kind if site else WORDPRESS, STATUSES[WORDPRESS])):
            self.status.addItem(label, key)
        if site is not None:
            status = KEEP_STATUS if site.name in self.linked_sites else site.default_status
            self.status.setCurrentIndex(max(0, self.status.findData(status)))

    def chosen(self) -> tuple[str, str | None]:
        """The site, and the status to send (None: the post's own, or the site's default for a new post)."""
        return self.site.currentData().name, self.status.currentData() or None
