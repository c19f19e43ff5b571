"""The fallback preview where QtWebEngine is missing: QTextBrowser, with a notice.

It shows the same template's article block (QTextBrowser ignores most of the
site's CSS, so it is not site-accurate). It never runs scripts, never fetches
from the network, and never follows links.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor_app.ui.fonts import editor_font
from editor_app.ui.i18n import translate
from editor_app.ui.preview.problem_banner import TemplateProblemBanner

PREVIEW_POINT_SIZE = 14


class TextPreview(QWidget):
    def __init__(self, parent: QWidget | None = None, notice: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.notice = QLabel(notice or translate("text_preview", "المعاينة مبسّطة: مكوّن QtWebEngine غير متوفر على هذا الجهاز."), self)
        self.notice.setObjectName("preview_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("padding: 4px 8px; background: #fff4ce; color: #4d3b00;")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(translate("text_preview", "معاينة المقال"))
        self.browser.setFont(editor_font(PREVIEW_POINT_SIZE))
        self.browser.document().setDefaultStyleSheet(
            "h1.title { font-size: 22pt; } .kicker, .breadcrumb, .byline { color: #6b6b70; }"
            "pre, code { font-family: monospace; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        self.template_problem = TemplateProblemBanner(self)
        layout.addWidget(self.template_problem)
        layout.addWidget(self.browser, 1)

    has_page = True  # nothing to load once: every update replaces the content

    def load_page(self, html: str) -> None:
        self.browser.setHtml(html)

    def patch_article(self, article_html: str) -> None:
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(article_html)
        self.browser.verticalScrollBar().setValue(scroll)

    def sync_scroll(self, _snippet: str, fraction: float) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(bar.maximum() * fraction))

    def mark_block(self, _snippet: str) -> None:
        """QTextBrowser cannot mark blocks by text reliably; the scroll sync suffices."""

    def toPlainText(self) -> str:  # noqa: N802 - mirrors QTextBrowser for tests and tools
        return self.browser.toPlainText()
