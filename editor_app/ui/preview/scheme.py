"""The midad: URL scheme: how the preview page, its script and fonts reach QtWebEngine.

Loading the page from a scheme (instead of setHtml) lifts the 2 MB limit, and
gives the page an origin that its Content-Security-Policy can name.
"""

from __future__ import annotations

import os

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
    """Must run before the first QtWebEngine object is made (later registrations are ignored):
    before the QApplication, or, as the window does, just before the preview's profile."""
    global _registered
    if _registered:
        return
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (containers, CI machines).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Secure (a trusted origin for the page's own script); the page's CSP still applies.
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    _registered = True
