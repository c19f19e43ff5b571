"""Picks the preview: QtWebEngine when it is there, the QTextBrowser fallback otherwise."""

from __future__ import annotations

import base64
import importlib.util
import logging
import os

from PySide6.QtWidgets import QWidget

from collections.abc import Callable

from editor_app.core.assets import ImageFile
from editor_app.core.templates import PageOptions
from editor_app.ui.preview.text_preview import TextPreview

log = logging.getLogger(__name__)
FORCE_TEXT_PREVIEW_ENV = "MIDAD_TEXT_PREVIEW"
AssetLoader = Callable[[int, int], ImageFile | None]  # (article id, asset id): Library.article_image


def webengine_installed() -> bool:
    """Whether the QtWebEngine module is there, without loading it (a twentieth of a second):
    the window chooses its preview before its first paint. A module present but unable to
    load (missing system libraries) is found when the preview starts its engine."""
    if os.environ.get(FORCE_TEXT_PREVIEW_ENV):
        return False
    return importlib.util.find_spec("PySide6.QtWebEngineWidgets") is not None


def webengine_available() -> bool:
    if os.environ.get(FORCE_TEXT_PREVIEW_ENV):
        return False
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401
    except ImportError as error:
        log.warning("QtWebEngine is not available (%s); using the simple preview", error)
        return False
    return True


def create_preview(
    parent: QWidget | None, asset_loader: AssetLoader | None = None, allow_remote_media: bool = False
) -> tuple[QWidget, PageOptions]:
    if webengine_installed():
        from editor_app.ui.preview.scheme import FONT_URL, SCRIPT_URL, article_asset_url
        from editor_app.ui.preview.web_preview import WebPreview

        preview = WebPreview(parent, asset_loader)
        preview.set_remote_media_allowed(allow_remote_media)
        options = PageOptions(
            font_url=lambda filename: FONT_URL + filename,
            article_asset_url=article_asset_url,
            script_url=SCRIPT_URL,
            allow_remote_media=allow_remote_media,
        )
        return preview, options
    def embedded(article_id: int, asset_id: int) -> str:
        """The simple preview has no URL scheme: the article's images travel inside the page."""
        image = asset_loader(article_id, asset_id) if asset_loader is not None else None
        return f"data:{image.mime_type};base64,{base64.b64encode(image.data).decode('ascii')}" if image else ""

    return TextPreview(parent), PageOptions(font_url=lambda filename: "", article_asset_url=embedded)
