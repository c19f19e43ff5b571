"""QtWebEngine's side of the preview: the page, the private profile, the request blocker.

Imported only when a preview starts its engine (after the window's first paint): creating
the browser profile starts Chromium, a third of a second the writer should not wait for.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWidgets import QApplication

from editor_app.ui.preview.scheme import SCHEME, PreviewSchemeHandler, prepare_webengine

log = logging.getLogger("editor_app.ui.preview.web_preview")
_REMOTE_SCHEMES = {"http", "https", "ws", "wss", "ftp"}


class RemoteRequestBlocker(QWebEngineUrlRequestInterceptor):
    """Second line of defence behind the CSP: no network request unless allowed."""

    allow_remote = False

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt API
        if info.requestUrl().scheme() in _REMOTE_SCHEMES and not self.allow_remote:
            info.block(True)


class PreviewPage(QWebEnginePage):
    def acceptNavigationRequest(self, url: QUrl, kind, is_main_frame: bool) -> bool:  # noqa: N802
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.scheme() in ("http", "https", "mailto"):
                QDesktopServices.openUrl(url)
            return False
        # Only our own page may load in the main frame; embeds (allow-listed) in frames.
        return url.scheme() == SCHEME.decode() or not is_main_frame

    def createWindow(self, _kind):  # noqa: N802 - Qt API: no pop-ups, ever
        return None

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802
        log.debug("preview console (%s:%s): %s", source, line, message)


class PreviewServices:
    """One private, off-the-record browser profile for all previews: no disk cache, no cookies."""

    _instance: PreviewServices | None = None

    def __init__(self) -> None:
        prepare_webengine()  # before the first profile: later registrations are ignored
        app = QApplication.instance()
        self.profile = QWebEngineProfile(app)  # no storage name: off the record
        self.blocker = RemoteRequestBlocker(self.profile)
        self.profile.setUrlRequestInterceptor(self.blocker)
        self.pages_html: dict[str, str] = {}
        self.handler = PreviewSchemeHandler(self.pages_html.get, self.profile)
        self.profile.installUrlSchemeHandler(SCHEME, self.handler)

    @classmethod
    def get(cls) -> PreviewServices:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance
