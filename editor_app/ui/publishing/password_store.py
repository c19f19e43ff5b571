"""Where site passwords go on a computer without a system keyring: the writer is offered
an encrypted file protected by a passphrase (never plain text), and asked for that
passphrase once per run when the file is in use."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from editor_app.core.publishing import credentials
from editor_app.core.publishing.credentials import CredentialsUnavailable
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.theme import state_colour

MIN_PASSPHRASE = 8


class PasswordStoreDialog(QDialog):
    """creating: offer the encrypted file (passphrase twice); otherwise unlock it."""

    def __init__(self, creating: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_store_dialog")
        self.creating = creating
        self.setWindowTitle(translate("password_store", "كلمات مرور المواقع"))
        self.setMinimumWidth(440)
        explanation = QLabel(translate(
            "password_store",
            "لا توجد سلسلة مفاتيح للنظام على هذا الجهاز لحفظ كلمة مرور الموقع. يستطيع مداد حفظ كلمات مرور المواقع في ملف "
            "مشفّر داخل مجلد البيانات، تحميه عبارة مرور تختارها (لا تُحفظ كلمة مرور نصًّا مكشوفًا أبدًا). ستُسأل عنها مرة في كل تشغيل.")
            if creating else translate("password_store", "كلمات مرور المواقع في ملف مشفّر. اكتب عبارة المرور لفتحه."), self)
        explanation.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(translate("password_store", "عبارة المرور"))
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("passphrase_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(translate("password_store", "تأكيد عبارة المرور"))
        self.problem = QLabel(self)
        self.problem.setObjectName("passphrase_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {state_colour('error')};")
        form = QFormLayout()
        form.addRow(translate("password_store", "عبارة المرور:"), self.passphrase)
        if creating:
            form.addRow(translate("password_store", "تأكيدها:"), self.confirm)
        else:
            self.confirm.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("password_store", "استعمال ملف مشفّر") if creating else translate("password_store", "فتح"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        passphrase = self.passphrase.text()
        if self.creating and len(passphrase) < MIN_PASSPHRASE:
            self.problem.setText(translate("password_store", "اختر عبارة مرور من {count} أحرف على الأقل").format(count=MIN_PASSPHRASE))
            return
        if self.creating and passphrase != self.confirm.text():
            self.problem.setText(translate("password_store", "عبارتا المرور غير متطابقتين"))
            return
        try:
            with busy_cursor():  # Argon2 takes a few seconds, on purpose (it is what makes guessing slow)
                credentials.unlock(passphrase, create=self.creating)
        except CredentialsUnavailable as error:
            self.problem.setText(user_text(error))
            self.passphrase.selectAll()
            return
        super().accept()


@contextmanager
def busy_cursor():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def ensure_password_store(parent: QWidget) -> bool:
    """Before anything reads or stores a site password: True when there is somewhere to do it."""
    if not credentials.needs_passphrase():
        return True
    dialog = PasswordStoreDialog(not credentials.uses_encrypted_file(), parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
