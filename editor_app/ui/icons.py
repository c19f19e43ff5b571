"""The app's icons, from qtawesome (scalable, so crisp on high-DPI screens)."""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QIcon

_NAMES = {
    "app": "mdi6.fountain-pen-tip",
    "new": "mdi6.file-document-plus-outline",
    "save": "mdi6.content-save-outline",
    "trash": "mdi6.trash-can-outline",
    "duplicate": "mdi6.content-copy",
    "history": "mdi6.history",
    "export": "mdi6.export-variant",
    "publish": "mdi6.cloud-upload-outline",
}


def icon(name: str) -> QIcon:
    return qtawesome.icon(_NAMES[name])
