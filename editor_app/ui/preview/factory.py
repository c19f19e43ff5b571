"""Picks the preview: QtWebEngine when it is there, the QTextBrowser fallback otherwise."""

from __future__ import annotations

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
AssetLoader = Callable[[int], ImageFile | None]


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
        from editor_app.ui.preview.scheme import ASSET_URL, FONT_URL, SCRIPT_URL
        from editor_app.ui.preview.web_preview import WebPreview

        preview = WebPreview(parent, asset_loader)
        preview.set_remote_media_allowed(allow_remote_media)
        options = PageOptions(
            font_url=lambda filename: FONT_URL + filename,
            asset_url=lambda asset_id: f"{ASSET_URL}{asset_id}",
            script_url=SCRIPT_URL,
            allow_remote_media=allow_remote_media,
        )
        return preview, options
    return TextPreview(parent), PageOptions(font_url=lambda filename: "")
