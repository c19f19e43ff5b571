"""File › Connect to newsroom…: the server's address, the person, the password (to the OS
keyring), how TLS is checked. Connecting runs off the UI thread; a failure is the core's one
sentence (wrong password, unknown host, certificate for another name…), and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import MidadError
from editor_app.core.server.profile import NewsroomProfile, save_profile, store_password, stored_password
from editor_app.core.storage import Database
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.theme import state_colour


def _ltr(widget: QWidget) -> QWidget:
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # addresses, logins and paths are Latin
    return widget


class NewsroomDialog(QDialog):
    def __init__(self, config_dir: Path, profile: NewsroomProfile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsroom_dialog")
        self.setWindowTitle(translate("newsroom_dialog", "الاتصال بغرفة الأخبار"))
        self.config_dir = config_dir
        self.database: Database | None = None
        self.runner = BackgroundRunner("newsroom-connect", self)

        self.host = _ltr(QLineEdit(self))
        self.host.setPlaceholderText("newsroom.example.com")
        self.host.setAccessibleName(translate("newsroom_dialog", "عنوان الخادم"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database_name = _ltr(QLineEdit("midad", self))
        self.login = _ltr(QLineEdit(self))
        self.login.setAccessibleName(translate("newsroom_dialog", "اسم الدخول"))
        self.password = _ltr(QLineEdit(self))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("newsroom_dialog", "كلمة السر"))
        self.sslmode = QComboBox(self)
        for mode, label in (("verify-full", translate("newsroom_dialog", "تحقق كامل من الشهادة والاسم (موصى به)")),
                            ("verify-ca", translate("newsroom_dialog", "تحقق من الشهادة فقط")),
                            ("require", translate("newsroom_dialog", "تشفير دون تحقق"))):
            self.sslmode.addItem(label, mode)
        self.certificate = _ltr(QLineEdit(self))
        self.certificate.setPlaceholderText(translate("newsroom_dialog", "ملف شهادة غرفة الأخبار (.crt)"))
        browse = QPushButton(translate("newsroom_dialog", "اختيار…"), self)
        browse.clicked.connect(self._choose_certificate)
        certificate_row = QHBoxLayout()
        certificate_row.addWidget(self.certificate, 1)
        certificate_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(translate("newsroom_dialog", "الخادم"), self.host)
        form.addRow(translate("newsroom_dialog", "المنفذ"), self.port)
        form.addRow(translate("newsroom_dialog", "قاعدة البيانات"), self.database_name)
        form.addRow(translate("newsroom_dialog", "اسم الدخول"), self.login)
        form.addRow(translate("newsroom_dialog", "كلمة السر"), self.password)
        form.addRow(translate("newsroom_dialog", "التشفير (TLS)"), self.sslmode)
        form.addRow(translate("newsroom_dialog", "الشهادة"), certificate_row)
        self.message = QLabel(self)
        self.message.setObjectName("newsroom_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton(translate("newsroom_dialog", "اتصال"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if profile is not None:
            self._fill(profile)

    def _fill(self, profile: NewsroomProfile) -> None:
        self.host.setText(profile.host)
        self.port.setValue(profile.port)
        self.database_name.setText(profile.database)
        self.login.setText(profile.login)
        self.sslmode.setCurrentIndex(max(0, self.sslmode.findData(profile.sslmode)))
        self.certificate.setText(profile.sslrootcert)
        self.password.setText(stored_password(profile) or "")

    def _choose_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("newsroom_dialog", "شهادة غرفة الأخبار"), "",
                                              translate("newsroom_dialog", "الشهادات (*.crt *.pem);;كل الملفات (*)"))
        if path:
            self.certificate.setText(path)

    def profile(self) -> NewsroomProfile:
        return NewsroomProfile(host=self.host.text(), login=self.login.text(), database=self.database_name.text(),
                               port=self.port.value(), sslmode=self.sslmode.currentData(),
                               sslrootcert=self.certificate.text()).validated()

    def try_connect(self) -> None:
        try:
            profile = self.profile()
        except MidadError as error:
            self._show_error(error)
            return
        password = self.password.text()
        self.connect_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(translate("newsroom_dialog", "جارٍ الاتصال…"))
        self.runner.run(lambda: Database(profile.url(password)), lambda database: self._connected(profile, password, database),
                        self._show_error)

    def _connected(self, profile: NewsroomProfile, password: str, database: Database) -> None:
        try:
            store_password(profile, password)
        except MidadError as error:  # connected, but the password cannot be kept: say so, still connect
            self.message.setText(user_text(error))
        save_profile(self.config_dir, profile)
        self.database = database
        self.accept()

    def _show_error(self, error: BaseException) -> None:
        self.connect_button.setEnabled(True)
        self.message.setStyleSheet(f"color: {state_colour('error')}")
        self.message.setText(user_text(error))
