"""Help › About: the version (the one in editor_app.__version__), the licence, the fonts' licence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor_app import __version__
from editor_app.resources import resource_path
from editor_app.ui.i18n import translate


def about_text() -> str:
    return (
        f"<h2>مداد — Midad {__version__}</h2>"
        "<p>محرر مقالات للأقسام الإخبارية العربية، يعمل دون اتصال.<br>"
        "An offline-first editor for Arabic newsrooms.</p>"
        "<p>الرخصة: GNU GPL الإصدار 3 أو أحدث — Licence: GPL-3.0-or-later.</p>"
        "<p>الخط المضمّن Noto Naskh Arabic مرخّص بموجب SIL Open Font License 1.1 (النص أدناه).</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("about", "عن مداد"))
        self.setObjectName("about_dialog")
        self.resize(560, 520)
        summary = QLabel(about_text(), self)
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licence = QTextBrowser(self)
        licence.setObjectName("font_licence")
        licence.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        licence.setPlainText(resource_path("fonts", "OFL.txt").read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(licence, 1)
        layout.addWidget(buttons)
