"""The site-accurate preview: the article template in QtWebEngine, loaded once and patched.

Edits never reload the page (no flicker, scroll kept); content can run no script
(sanitised HTML plus the page's Content-Security-Policy); remote media is not
fetched unless the writer allows it; a clicked link opens the system browser.
"""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor_app.ui.preview.device_frame import DeviceFrame
from editor_app.ui.preview.problem_banner import TemplateProblemBanner
from editor_app.ui.preview.scheme import page_url
from editor_app.ui.preview.text_preview import TextPreview
from editor_app.ui.icons import set_icon
from editor_app.ui.startup import after_first_paint
from editor_app.ui.i18n import translate

log = logging.getLogger(__name__)


class WebPreview(QWidget):
    """The engine (profile, page, view, toolbar) starts after the window's first paint, so
    the window and the article's text are on screen before Chromium starts; anything that
    needs it earlier (view, page, frame, a test) starts it on the spot."""

    page_loaded = Signal()
    engine_ready = Signal()  # pages can be loaded now (the engine, or the simple fallback, is up)
    remote_media_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, asset_loader=None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self._asset_loader = asset_loader
        self._engine_parts = None  # (services, view, page, frame, remote_media_action) once started
        self._engine_scheduled = False
        self._fallback: TextPreview | None = None
        self._remote_allowed = False
        self._pending_page: str | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.template_problem = TemplateProblemBanner(self)  # above the view the engine adds later
        self._layout.addWidget(self.template_problem)

        self.load_count = 0
        self.patch_count = 0
        self._page_key = f"{id(self):x}"
        self._loading = False
        self._loaded = False
        self._pending_article: str | None = None

    # -- the engine, started late -------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._engine_parts is None and not self._engine_scheduled:
            self._engine_scheduled = True
            after_first_paint(self.window(), self.start_engine)

    def start_engine(self) -> None:
        if self._engine_parts is not None or self._fallback is not None:
            return
        try:
            from PySide6.QtWebEngineCore import QWebEngineSettings
            from PySide6.QtWebEngineWidgets import QWebEngineView

            from editor_app.ui.preview.web_engine import PreviewPage, PreviewServices
        except ImportError as error:  # installed but unable to load (a system library is missing)
            log.warning("QtWebEngine is not available (%s); using the simple preview", error)
            self._fallback = TextPreview(self)
            self._layout.addWidget(self._fallback)
            if self._pending_page is not None:
                self._fallback.load_page(self._pending_page)
            self.engine_ready.emit()
            return

        services = PreviewServices.get()
        if self._asset_loader is not None:
            services.handler.image_loader = self._asset_loader
        view = QWebEngineView(self)
        view.setAcceptDrops(False)  # a dropped file goes to the window (import, image), never opens in the page
        view.setAccessibleName(translate("web_preview", "معاينة المقال كما سيظهر في الموقع"))
        page = PreviewPage(services.profile, view)
        view.setPage(page)
        settings = page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        settings.setAttribute(QWebEngineSettings.WebAttribute.AutoLoadImages, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
        frame = DeviceFrame(view, self)
        frame.toolbar.addSeparator()
        remote_media_action = set_icon(
            frame.toolbar.addAction(translate("web_preview", "السماح بالصور والفيديو من الإنترنت")),
            "mdi6.image-off-outline")
        remote_media_action.setCheckable(True)
        remote_media_action.setToolTip(
            translate("web_preview", "المعاينة لا تحمّل شيئًا من الإنترنت ما لم تسمح بذلك (للعمل دون اتصال وللخصوصية)")
        )
        self._engine_parts = (services, view, page, frame, remote_media_action)
        self.set_remote_media_allowed(self._remote_allowed)
        remote_media_action.toggled.connect(self._on_remote_media_toggled)
        self._layout.addWidget(frame)
        page.loadFinished.connect(self._on_load_finished)
        if self._pending_page is not None:
            html, self._pending_page = self._pending_page, None
            self.load_page(html)
        self.engine_ready.emit()

    def _part(self, index: int):
        self.start_engine()
        return self._engine_parts[index]

    _services = property(lambda self: self._part(0))
    view = property(lambda self: self._part(1))
    page = property(lambda self: self._part(2))
    frame = property(lambda self: self._part(3))
    remote_media_action = property(lambda self: self._part(4))

    @property
    def engine_started(self) -> bool:
        return self._engine_parts is not None

    @property
    def waiting_for_engine(self) -> bool:
        return self._engine_parts is None and self._fallback is None

    @property
    def has_page(self) -> bool:
        return self.load_count > 0 or self._loading

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._engine_parts is not None:
            self._services.pages_html.pop(self._page_key, None)
        super().closeEvent(event)

    def set_remote_media_allowed(self, allowed: bool) -> None:
        self._remote_allowed = allowed
        if self._engine_parts is None:
            return  # applied when the engine starts
        self._services.blocker.allow_remote = allowed
        if self.remote_media_action.isChecked() != allowed:
            self.remote_media_action.setChecked(allowed)

    def _on_remote_media_toggled(self, allowed: bool) -> None:
        self._remote_allowed = allowed
        self._services.blocker.allow_remote = allowed
        set_icon(self.remote_media_action, "mdi6.image-outline" if allowed else "mdi6.image-off-outline")
        self.remote_media_changed.emit(allowed)

    def load_page(self, html: str) -> None:
        """Load the whole page: once, and again only when its head (CSP, fonts) changes."""
        if self._fallback is not None:
            self._fallback.load_page(html)
            return
        if self._engine_parts is None:  # the first render can finish before the first paint
            self._pending_page = html
            self._loading = True
            return
        self._services.pages_html[self._page_key] = html
        self._loading = True
        self._loaded = False
        self.page.load(QUrl(page_url(self._page_key)))

    def patch_article(self, article_html: str) -> None:
        if self._fallback is not None:
            self._fallback.patch_article(article_html)
            return
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

    def _on_patched(self, _result) -> None:
        self.patch_count += 1
