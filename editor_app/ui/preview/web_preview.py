"""The site-accurate preview: the article template in QtWebEngine, loaded once and patched.

Edits never reload the page (no flicker, scroll kept); content can run no script
(sanitised HTML plus the page's Content-Security-Policy); remote media is not
fetched unless the writer allows it; a clicked link opens the system browser.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from editor_app.ui.preview.device_frame import DeviceFrame
from editor_app.ui.preview.scheme import SCHEME, PreviewSchemeHandler, page_url
from editor_app.ui.icons import set_icon
from editor_app.ui.i18n import translate

log = logging.getLogger(__name__)
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


class _PreviewServices:
    """One private, off-the-record browser profile for all previews: no disk cache, no cookies."""

    _instance: _PreviewServices | None = None

    def __init__(self) -> None:
        app = QApplication.instance()
        self.profile = QWebEngineProfile(app)  # no storage name: off the record
        self.blocker = RemoteRequestBlocker(self.profile)
        self.profile.setUrlRequestInterceptor(self.blocker)
        self.pages_html: dict[str, str] = {}
        self.handler = PreviewSchemeHandler(self.pages_html.get, self.profile)
        self.profile.installUrlSchemeHandler(SCHEME, self.handler)

    @classmethod
    def get(cls) -> _PreviewServices:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance


class WebPreview(QWidget):
    page_loaded = Signal()
    article_patched = Signal(int)  # how many patches the loaded page has taken
    remote_media_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, asset_loader=None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        services = _PreviewServices.get()
        self._services = services
        if asset_loader is not None:
            services.handler.image_loader = asset_loader
        self.view = QWebEngineView(self)
        self.view.setAcceptDrops(False)  # a dropped file goes to the window (import, image), never opens in the page
        self.view.setAccessibleName(translate("web_preview", "معاينة المقال كما سيظهر في الموقع"))
        self.page = PreviewPage(services.profile, self.view)
        self.view.setPage(self.page)
        settings = self.page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        self.frame = DeviceFrame(self.view, self)
        self.frame.toolbar.addSeparator()
        self.remote_media_action = set_icon(
            self.frame.toolbar.addAction(translate("web_preview", "السماح بالصور والفيديو من الإنترنت")),
            "mdi6.image-off-outline")
        self.remote_media_action.setCheckable(True)
        self.remote_media_action.setToolTip(
            translate("web_preview", "المعاينة لا تحمّل شيئًا من الإنترنت ما لم تسمح بذلك (للعمل دون اتصال وللخصوصية)")
        )
        self.remote_media_action.toggled.connect(self._on_remote_media_toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame)

        self.load_count = 0
        self.patch_count = 0
        self._page_key = f"{id(self):x}"
        self._loading = False
        self._loaded = False
        self._pending_article: str | None = None
        self.page.loadFinished.connect(self._on_load_finished)

    @property
    def has_page(self) -> bool:
        return self.load_count > 0 or self._loading

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._services.pages_html.pop(self._page_key, None)
        super().closeEvent(event)

    def set_remote_media_allowed(self, allowed: bool) -> None:
        self._services.blocker.allow_remote = allowed
        if self.remote_media_action.isChecked() != allowed:
            self.remote_media_action.setChecked(allowed)

    def _on_remote_media_toggled(self, allowed: bool) -> None:
        self._services.blocker.allow_remote = allowed
        set_icon(self.remote_media_action, "mdi6.image-outline" if allowed else "mdi6.image-off-outline")
        self.remote_media_changed.emit(allowed)

    def load_page(self, html: str) -> None:
        """Load the whole page: once, and again only when its head (CSP, fonts) changes."""
        self._services.pages_html[self._page_key] = html
        self._loading = True
        self._loaded = False
        self.page.load(QUrl(page_url(self._page_key)))

    def patch_article(self, article_html: str) -> None:
        if not self._loaded:
            self._pending_article = article_html
            return
        self.page.runJavaScript(
            f"window.midad && window.midad.update({json.dumps(article_html)})", 0, self._on_patched
        )

    def sync_scroll(self, snippet: str, fraction: float) -> None:
        if self._loaded:
            self.page.runJavaScript(f"window.midad && window.midad.scrollTo({json.dumps(snippet)}, {fraction:.4f})", 0)

    def mark_block(self, snippet: str) -> None:
        if self._loaded:
            self.page.runJavaScript(f"window.midad && window.midad.mark({json.dumps(snippet)})", 0)

    def _on_load_finished(self, ok: bool) -> None:
        self._loading = False
        if not ok:
            log.warning("the preview page failed to load")
            return
        self._loaded = True
        self.load_count += 1
        self.page_loaded.emit()
        if self._pending_article is not None:
            pending, self._pending_article = self._pending_article, None
            self.patch_article(pending)

    def _on_patched(self, result) -> None:
        self.patch_count += 1
        self.article_patched.emit(int(result or 0))
