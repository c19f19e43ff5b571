"""The one place an unexpected error reaches the writer: a sentence they can act on, the
work they can be sure of, and "Copy details" for whoever fixes it. Never a raw traceback
on screen: the details are behind a button and in the log file."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from editor_app.ui.i18n import app_title, translate



class ErrorDialog(QMessageBox):
    def __init__(self, error: BaseException, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, app_title(), translate("error_dialog", "حدث خطأ غير متوقع، وما زال مداد يعمل."), parent=parent)
        self.setObjectName("error_dialog")
        self.setTextFormat(Qt.TextFormat.PlainText)  # the log path is shown as written
        advice = translate("error_dialog", "نصك محفوظ آليًا؛ يمكنك متابعة العمل. إن تكرر الخطأ فانسخ التفاصيل "
                           "وأرسلها إلى الدعم الفني.")
        if log_file:
            advice += "\n" + translate("error_dialog", "التفاصيل محفوظة في: {path}").format(path=log_file)
        self.setInformativeText(advice)
        self.details = "".join(traceback.format_exception(error))
        self.copy_button = self.addButton(translate("error_dialog", "نسخ التفاصيل"), QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # keep the dialog open after copying
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(translate("error_dialog", "متابعة"), QMessageBox.ButtonRole.AcceptRole)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(translate("error_dialog", "نُسخت التفاصيل"))
