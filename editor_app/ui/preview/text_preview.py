"""A light preview of the rendered article (title and body).

QTextBrowser never runs scripts and never fetches from the network, and links
are not followed inside it: the sanitised HTML is only displayed.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTextBrowser, QWidget

from editor_app.core.render import render_markdown
from editor_app.ui.fonts import editor_font

PREVIEW_DEBOUNCE_MS = 250
PREVIEW_POINT_SIZE = 14


class TextPreview(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("معاينة المقال")
        self.setFont(editor_font(PREVIEW_POINT_SIZE))
        self.document().setDefaultStyleSheet(
            "h1.title { font-size: 22pt; } pre, code { font-family: monospace; }"
        )
        self._pending: tuple[str, str] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._timer.timeout.connect(self._render_pending)

    def show_article(self, title: str, body: str, *, immediately: bool = False) -> None:
        """Repeated calls within the debounce window collapse into one render."""
        self._pending = (title, body)
        if immediately:
            self._render_pending()
        else:
            self._timer.start()

    def _render_pending(self) -> None:
        self._timer.stop()
        if self._pending is None:
            return
        title, body = self._pending
        self._pending = None
        scroll = self.verticalScrollBar().value()
        self.setHtml(f'<h1 class="title">{escape(title)}</h1>{render_markdown(body)}')
        self.verticalScrollBar().setValue(scroll)
