"""The app's icons, from qtawesome (scalable, so crisp on high-DPI screens).

qtawesome colours an icon with the palette's text colour when the icon is made, so each
action remembers its icon's name and the icons are made again when the theme changes.

qtawesome loads qtpy, whose star imports of Qt's modules cost about 0.2 s: the first window
is shown with blank icons of the right size (so nothing moves) and `show_deferred_icons`
paints them in right after the window's first paint."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QPalette, QPixmap
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
_deferred = False


def defer_icons() -> None:
    """Until show_deferred_icons: blank placeholders instead of qtawesome's icons."""
    global _deferred
    _deferred = True


def show_deferred_icons(root: QObject) -> None:
    global _deferred
    if not _deferred:
        return
    _deferred = False
    QApplication.setWindowIcon(icon("app"))
    if hasattr(root, "setWindowIcon"):
        root.setWindowIcon(icon("app"))
    recolour_icons(root)


def _placeholder() -> QIcon:
    blank = QPixmap(64, 64)
    blank.fill(Qt.GlobalColor.transparent)
    return QIcon(blank)


def icon(name: str) -> QIcon:
    """One of the names above, or any qtawesome name ("mdi6.monitor")."""
    if _deferred:
        return _placeholder()
    # qtpy (under qtawesome) would otherwise probe for PyQt5/PyQt6 before PySide6.
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

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
