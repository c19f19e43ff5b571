"""The midad: URL scheme: how the preview page, its script and fonts reach QtWebEngine.

Loading the page from a scheme (instead of setHtml) lifts the 2 MB limit, and
gives the page an origin that its Content-Security-Policy can name.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlScheme, QWebEngineUrlSchemeHandler

from editor_app.resources import resource_path

SCHEME = b"midad"
HOST = "preview"
SCRIPT_URL = f"midad://{HOST}/preview.js"
FONT_URL = f"midad://{HOST}/fonts/"
ASSET_URL = f"midad://{HOST}/article/"  # + ARTICLE_ID/ASSET_ID: an image the article owns

_registered = False
_PAGE_PREFIX = "/page/"


def article_asset_url(article_id: int, asset_id: int) -> str:
    return f"{ASSET_URL}{article_id}/{asset_id}"


def page_url(page_key: str) -> str:
    return f"midad://{HOST}{_PAGE_PREFIX}{page_key}"


def prepare_webengine() -> None:
    """Must run before the QApplication exists (Qt reads schemes and flags at start-up)."""
    global _registered
    if _registered:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (containers, CI machines).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Secure (a trusted origin for the page's own script); the page's CSP still applies.
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    _registered = True


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
