"""QtWebEngine's side of the preview: the page, the private profile, the request blocker.

Imported only when a preview starts its engine (after the window's first paint): creating
the browser profile starts Chromium, a third of a second the writer should not wait for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWidgets import QApplication

from editor_app.resources import resource_path
from editor_app.ui.preview.scheme import _PAGE_PREFIX, HOST, SCHEME, prepare_webengine

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


_MIME = {".ttf": b"font/ttf", ".js": b"text/javascript"}


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the current page, the preview script, the bundled fonts and the open
    article's stored images (checked by the library: owned by the article, raster bytes); nothing else."""

    def __init__(self, page_html: Callable[[str], str | None], parent=None) -> None:
        super().__init__(parent)
        self._page_html = page_html
        self.image_loader: Callable[[int, int], object] | None = None  # set by the window: Library.article_image

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt API
        url = job.requestUrl()
        if url.host() != HOST:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        path = url.path()
        if path.startswith(_PAGE_PREFIX):
            html = self._page_html(path[len(_PAGE_PREFIX):])
            if html is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            else:
                self._reply(job, b"text/html; charset=utf-8", html.encode("utf-8"))
        elif path == "/preview.js":
            self._reply(job, _MIME[".js"], resource_path("templates", "preview.js").read_bytes())
        elif (ids := _article_asset_ids(path)) is not None and self.image_loader is not None:
            image = self.image_loader(*ids)
            if image is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            else:
                self._reply(job, image.mime_type.encode("ascii"), image.data)
        elif path.startswith("/fonts/") and "/" not in path[len("/fonts/"):]:
            font = resource_path("fonts", path[len("/fonts/"):])
            if font.suffix == ".ttf" and font.is_file():
                self._reply(job, _MIME[".ttf"], font.read_bytes())
            else:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        buffer = QBuffer(job)  # owned by the job: lives exactly as long as the reply
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(mime), buffer)


def _article_asset_ids(path: str) -> tuple[int, int] | None:
    """(article id, asset id) from /article/ARTICLE/ASSET, both plain numbers."""
    parts = path.split("/")
    if len(parts) == 4 and parts[1] == "article" and parts[2].isdecimal() and parts[3].isdecimal():
        return int(parts[2]), int(parts[3])
    return None
