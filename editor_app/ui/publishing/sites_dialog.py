"""Settings › Sites…: the WordPress and Ghost sites, their defaults, and "Test connection".

The fields follow the site's kind: WordPress asks for a username and an application
password, Ghost for an Admin API key (and, rarely, an admin address of its own); Ghost has
no categories and no "pending review". The password or key field is never filled from
storage: it goes straight to the OS keyring and, when left empty while editing, the stored
one is kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import MidadError
from editor_app.core.publishing import credentials
from editor_app.core.publishing.sites import SiteRecord, SiteRegistry
from editor_app.core.publishing.target import SiteIdentity
from editor_app.core.publishing.targets import GHOST, STATUSES, open_target
from editor_app.ui import plain_text
from editor_app.ui.publishing.labels import SITE_KIND_LABELS, status_labels
from editor_app.ui.publishing.password_store import busy_cursor, ensure_password_store
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.theme import state_colour
from editor_app.ui.i18n import translate, user_text


class SitesDialog(QDialog):
    def __init__(self, registry: SiteRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sites_dialog")
        self.setWindowTitle(translate("sites_dialog", "المواقع"))
        self.registry = registry
        self.runner = BackgroundRunner("site-test", self)
        self.editing: SiteRecord | None = None

        self.sites = QListWidget(self)
        self.sites.setAccessibleName(translate("sites_dialog", "المواقع المضافة"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("site_kind")
        self.kind.setAccessibleName(translate("sites_dialog", "نوع الموقع"))
        for key, label in SITE_KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.name = QLineEdit(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://example.com")
        self.url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.username = QLineEdit(self)
        self.username.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.password.setAccessibleName(translate("sites_dialog", "كلمة مرور التطبيق"))
        self.date_locale = QLineEdit("ar", self)
        self.date_locale.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.admin_url = QLineEdit(self)  # Ghost only: an admin address other than the site's
        self.admin_url.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.admin_url.setPlaceholderText(translate("sites_dialog", "فارغ: عنوان الموقع نفسه"))
        self.default_status = QComboBox(self)
        self.default_category = QLineEdit(self)
        self.time_zone = QLineEdit(self)  # an IANA name; empty: the zone set in Settings
        self.time_zone.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.time_zone.setPlaceholderText(translate("sites_dialog", "مثل Africa/Casablanca؛ فارغة: منطقة الإعدادات"))
        self.result = QLabel(self)
        plain_text.plain(self.result)  # the site's own words ("<h1>…") are quoted, never rendered
        self.result.setObjectName("site_test_result")
        self.result.setWordWrap(True)

        self.form = form = QFormLayout()
        form.addRow(translate("sites_dialog", "النوع"), self.kind)
        form.addRow(translate("sites_dialog", "الاسم"), self.name)
        form.addRow(translate("sites_dialog", "عنوان الموقع"), self.url)
        form.addRow(translate("sites_dialog", "اسم المستخدم"), self.username)
        self.password_label = QLabel(translate("sites_dialog", "كلمة مرور التطبيق"), self)
        form.addRow(self.password_label, self.password)
        form.addRow(translate("sites_dialog", "عنوان الإدارة"), self.admin_url)
        form.addRow(translate("sites_dialog", "لغة التواريخ"), self.date_locale)
        form.addRow(translate("sites_dialog", "الحالة الافتراضية"), self.default_status)
        form.addRow(translate("sites_dialog", "التصنيف الافتراضي"), self.default_category)
        form.addRow(translate("sites_dialog", "المنطقة الزمنية"), self.time_zone)
        self.new_button = QPushButton(translate("sites_dialog", "موقع جديد"), self)
        self.save_button = QPushButton(translate("sites_dialog", "حفظ الموقع"), self)
        self.test_button = QPushButton(translate("sites_dialog", "اختبار الاتصال"), self)
        self.remove_button = QPushButton(translate("sites_dialog", "حذف"), self)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.test_button, self.remove_button):
            # Enter must not press whichever button focus lands on (after a test, focus moved
            # to Remove, and two Enters deleted the site and its password).
            button.setAutoDefault(False)
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.result)
        right.addStretch()
        columns = QHBoxLayout()
        columns.addWidget(self.sites, 1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(close)

        self.kind.currentIndexChanged.connect(self._show_kind_fields)
        self._show_kind_fields()
        self.sites.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.test_button.clicked.connect(self.test_connection)
        self.remove_button.clicked.connect(self.remove)
        self.reload()

    def _show_kind_fields(self) -> None:
        """The fields the chosen kind of site asks for."""
        kind = self.kind.currentData()
        ghost = kind == GHOST
        self.form.setRowVisible(self.username, not ghost)
        self.form.setRowVisible(self.admin_url, ghost)
        self.form.setRowVisible(self.default_category, not ghost)  # Ghost has tags, no categories
        self.password_label.setText(translate("sites_dialog", "مفتاح Admin API") if ghost
                                    else translate("sites_dialog", "كلمة مرور التطبيق"))
        self.password.setAccessibleName(self.password_label.text())
        if self.editing is None or self.editing.kind != kind:
            self.password.setPlaceholderText(self._secret_hint(kind))
        chosen = self.default_status.currentData()
        self.default_status.clear()
        for key, label in status_labels(STATUSES[kind]):
            self.default_status.addItem(label, key)
        self.default_status.setCurrentIndex(max(0, self.default_status.findData(chosen)))

    @staticmethod
    def _secret_hint(kind: str) -> str:
        if kind == GHOST:
            return translate("sites_dialog", "من Ghost › الإعدادات › التكاملات: المعرّف:السر")
        return translate("sites_dialog", "من ووردبريس › المستخدمون › الملف الشخصي › كلمات مرور التطبيقات")

    def reload(self, select: str | None = None) -> None:
        self.sites.clear()
        for site in self.registry.list():
            item = QListWidgetItem(site.name, self.sites)
            item.setData(Qt.ItemDataRole.UserRole, site)
            if site.name == select:
                self.sites.setCurrentItem(item)
        if self.sites.currentItem() is None:
            if self.sites.count():
                self.sites.setCurrentRow(0)
            else:
                self.start_new()

    def _on_current(self, item: QListWidgetItem | None, _previous=None) -> None:
        site = item.data(Qt.ItemDataRole.UserRole) if item else None
        if site is None:
            return
        self.editing = site
        self.kind.setCurrentIndex(max(0, self.kind.findData(site.kind)))
        self.admin_url.setText(site.options.get("admin_url", ""))
        self.name.setText(site.name)
        self.url.setText(site.url)
        self.username.setText(site.username)
        self.password.clear()
        self.password.setPlaceholderText(translate("sites_dialog", "محفوظة في سلسلة مفاتيح النظام؛ اتركها فارغة لإبقائها"))
        self.date_locale.setText(site.date_locale)
        self.default_status.setCurrentIndex(max(0, self.default_status.findData(site.default_status)))
        self.default_category.setText(site.default_category)
        self.time_zone.setText(site.time_zone)
        self.result.clear()

    def start_new(self) -> None:
        self.editing = None
        self.sites.setCurrentRow(-1)  # choosing the same site again then loads it again
        for field in (self.name, self.url, self.username, self.password, self.default_category, self.time_zone,
                      self.admin_url):
            field.clear()
        self.password.setPlaceholderText(self._secret_hint(self.kind.currentData()))
        self.date_locale.setText("ar")
        self.default_status.setCurrentIndex(0)
        self.name.setFocus()

    def save(self) -> SiteRecord | None:
        if not ensure_password_store(self):
            self._show_result(False, translate("sites_dialog", "لم يُحفظ الموقع: لا مكان لحفظ كلمة المرور"))
            return None
        try:
            kind = self.kind.currentData()
            ghost = kind == GHOST
            options = {"admin_url": self.admin_url.text().strip()} if ghost and self.admin_url.text().strip() else {}
            with busy_cursor():  # the encrypted password file takes seconds to write (Argon2)
                site = self.registry.add(
                    self.name.text(), self.url.text(), "" if ghost else self.username.text(), self.password.text() or None,
                    kind=kind, options=options, date_locale=self.date_locale.text().strip() or "ar",
                    default_status=self.default_status.currentData(),
                    default_category="" if ghost else self.default_category.text().strip(),
                    time_zone=self.time_zone.text().strip())
        except MidadError as error:
            self._show_result(False, user_text(error))
            return None
        self.password.clear()
        self.reload(select=site.name)
        self._show_result(True, translate("sites_dialog", "حُفظ الموقع؛ كلمة المرور في الملف المشفّر") if credentials.is_unlocked()
                          else translate("sites_dialog", "حُفظ الموقع؛ كلمة المرور في سلسلة مفاتيح النظام"))
        return site

    def test_connection(self) -> None:
        site = self.save()
        if site is None:
            return
        self.test_button.setEnabled(False)
        self.result.setText(translate("sites_dialog", "جارٍ الاتصال…"))

        def check() -> SiteIdentity:
            with open_target(site, self.registry.secret(site)) as target:
                return target.check()

        self.runner.run(check, self._tested, self._test_failed)

    def _tested(self, found: SiteIdentity) -> None:
        self.test_button.setEnabled(True)
        self._show_result(True, translate("sites_dialog", "الاتصال يعمل: «{site}» باسم {user}").format(site=found.site, user=found.user))

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._show_result(False, user_text(error) if isinstance(error, MidadError) else translate("sites_dialog", "خطأ غير متوقع: {kind}").format(kind=type(error).__name__))

    def _show_result(self, ok: bool, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {state_colour('ok' if ok else 'error')};")

    def remove(self) -> None:
        if self.editing is None:
            return
        answer = plain_text.question(self, translate("sites_dialog", "المواقع"), translate("sites_dialog", "حذف الموقع «{site}» وكلمة مروره؟").format(site=self.editing.name),
                                     default=QMessageBox.StandardButton.No)  # Enter keeps the site
        if answer == QMessageBox.StandardButton.Yes:
            self.registry.remove(self.editing.name)
            self.editing = None
            self.reload()

    def done(self, result: int) -> None:
        self.runner.shutdown(wait=False)
        super().done(result)
