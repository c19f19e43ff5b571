"""The app's icons, from qtawesome (scalable, so crisp on high-DPI screens).

qtawesome colours an icon with the palette's text colour when the icon is made, so each
action remembers its icon's name and the icons are made again when the theme changes.

qtawesome loads qtpy, whose star imports of Qt's modules cost about 0.2 s and 10 MB: the
first window is shown with blank icons of the right size (so nothing moves) and
`show_deferred_icons` paints them in right after the window's first paint; and icons made
once are kept as PNG files (`use_icon_cache`), so an ordinary start, in the same theme,
never loads qtawesome at all."""

from __future__ import annotations

import os
import re
import importlib.util
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractButton, QApplication

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
CACHED_SIZES = (16, 20, 24, 32, 48, 64)  # toolbars, menus and buttons, at 1× and 2×
_deferred = False
_cache_folder: Path | None = None
_made: dict[tuple[str, str, str], QIcon] = {}


def use_icon_cache(folder: Path) -> None:
    """Keep rendered icons as PNG files in `folder` (the window's start sets it)."""
    global _cache_folder
    _cache_folder = folder / f"qtawesome-{_qtawesome_release()}"


def _qtawesome_release() -> str:
    """QtAwesome's version, from its dist-info folder's name beside the package: importlib.metadata
    (which reads every installed distribution's metadata) costs 40–70 ms before the first paint."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is not None and spec.origin:
        for info in Path(spec.origin).parent.parent.glob("[Qq][Tt][Aa]wesome-*.dist-info"):
            return info.name[len("qtawesome-"):-len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("QtAwesome")
    except PackageNotFoundError:
        return "unknown"


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
    # The colours are named explicitly: qtawesome caches an icon by its arguments, so an icon
    # asked for with the same name after a theme change would come back in the old colour.
    palette = QApplication.palette()
    key = (_NAMES.get(name, name), palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text).name(),
           palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).name())
    if key not in _made:
        _made[key] = _from_cache(key) or _rendered(key)
    return _made[key]


def _cache_files(key: tuple[str, str, str]) -> dict[tuple[QIcon.Mode, int], Path]:
    stem = re.sub(r"[^A-Za-z0-9.-]", "_", "-".join(key))
    return {(mode, size): _cache_folder / f"{stem}-{label}-{size}.png"
            for mode, label in ((QIcon.Mode.Normal, "normal"), (QIcon.Mode.Disabled, "disabled"))
            for size in CACHED_SIZES}


def _from_cache(key: tuple[str, str, str]) -> QIcon | None:
    if _cache_folder is None:
        return None
    files = _cache_files(key)
    if not all(path.is_file() for path in files.values()):
        return None
    made = QIcon()
    for (mode, size), path in files.items():
        made.addFile(str(path), QSize(size, size), mode)
    return made


def _rendered(key: tuple[str, str, str]) -> QIcon:
    # qtpy (under qtawesome) would otherwise probe for PyQt5/PyQt6 before PySide6.
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

    name, colour, disabled = key
    made = qtawesome.icon(name, color=colour, color_disabled=disabled)
    if _cache_folder is not None:
        try:
            _cache_folder.mkdir(parents=True, exist_ok=True)
            for (mode, size), path in _cache_files(key).items():
                made.pixmap(QSize(size, size), mode).save(str(path), "PNG")  # a failed save: made again next time
        except OSError:
            pass  # a read-only cache folder only costs the next start qtawesome's import
    return made


def set_icon(item: QAction | QAbstractButton, name: str) -> QAction | QAbstractButton:
    """Sets an action's or a button's icon, named so that it is drawn again after the start
    (icons asked for before the first paint are blank placeholders) and after a theme change."""
    item.setIcon(icon(name))
    item.setProperty(ICON_PROPERTY, name)
    return item


def recolour_icons(root: QObject) -> None:
    for item in (*root.findChildren(QAction), *root.findChildren(QAbstractButton)):
        name = item.property(ICON_PROPERTY)
        if name:
            item.setIcon(icon(name))
