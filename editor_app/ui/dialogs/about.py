"""Help › About: the version (the one in editor_app.__version__), the licence, the fonts' licence."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor_app import __version__
from editor_app.resources import resource_path
from editor_app.ui.i18n import app_title, translate


def about_text() -> str:
    versions = translate("about", "الإصدار {version} · Qt {qt} · PySide6 {pyside} · Python {python}").format(
        version=__version__, qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version())
    lines = [
        f"<h2>{html.escape(app_title())} {html.escape(__version__)}</h2>",
        f"<p>{html.escape(versions)}</p>",
        "<p>" + html.escape(translate("about", "محرر مقالات للأقسام الإخبارية العربية، يعمل دون اتصال.")) + "</p>",
        "<p>" + html.escape(translate("about", "الرخصة: GNU GPL الإصدار 3 أو أحدث (GPL-3.0-or-later).")) + "</p>",
        "<p>" + html.escape(translate("about", "الخط المضمّن Noto Naskh Arabic مرخّص بموجب SIL Open Font License 1.1 "
                                               "(النص أدناه).")) + "</p>",
    ]
    return "".join(lines)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("about", "عن مداد"))
        self.setObjectName("about_dialog")
        self.resize(560, 520)
        summary = QLabel(about_text(), self)
        summary.setObjectName("about_summary")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        licence = QTextBrowser(self)
        licence.setObjectName("font_licence")
        licence.setAccessibleName(translate("about", "نص رخصة الخط"))
        licence.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        licence.setPlainText(resource_path("fonts", "OFL.txt").read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(licence, 1)
        layout.addWidget(buttons)
