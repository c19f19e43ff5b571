"""The app's icons, from qtawesome (scalable, so crisp on high-DPI screens).

qtawesome colours an icon with the palette's text colour when the icon is made, so each
action remembers its icon's name and the icons are made again when the theme changes."""

from __future__ import annotations

import qtawesome
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QIcon, QPalette
from PySide6.QtWidgets import QApplication

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
ICON_PROPERTY = "midad_icon"


def icon(name: str) -> QIcon:
    """One of the names above, or any qtawesome name ("mdi6.monitor")."""
    # The colours are named explicitly: qtawesome caches an icon by its arguments, so an icon
    # asked for with the same name after a theme change would come back in the old colour.
    palette = QApplication.palette()
    return qtawesome.icon(_NAMES.get(name, name),
                          color=palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).name(),
                          color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name())


def set_icon(action: QAction, name: str) -> QAction:
    action.setIcon(icon(name))
    action.setProperty(ICON_PROPERTY, name)
    return action


def recolour_icons(root: QObject) -> None:
    for action in root.findChildren(QAction):
        name = action.property(ICON_PROPERTY)
        if name:
            action.setIcon(icon(name))
