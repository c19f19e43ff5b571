"""The QApplication, set up as every Midad window (and the PDF export without one) needs it.

Apart from ui/application.py so that code which needs only a QApplication (the CLI's PDF
export) does not import the main window with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor_app import __version__
from editor_app.ui.fonts import interface_font, register_bundled_fonts
from editor_app.ui.i18n import app_title
from editor_app.ui.icons import icon


def create_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if existing is None:
        # QtWebEngine's one rule before the QApplication; the engine itself (and its URL
        # scheme) starts after the window's first paint (WebPreview.start_engine).
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = existing or QApplication(list(argv))
    app.setApplicationName("Midad")
    app.setOrganizationName("Midad")
    app.setApplicationDisplayName(app_title())
    app.setApplicationVersion(__version__)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    register_bundled_fonts()
    app.setFont(interface_font(app.font()))
    app.setWindowIcon(icon("app"))
    return app
