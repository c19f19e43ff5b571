"""Registers the bundled fonts, so Arabic never depends on what the system has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from editor_app.resources import font_files

ARABIC_FONT_FAMILY = "Noto Naskh Arabic"
EDITOR_POINT_SIZE = 15


def register_bundled_fonts() -> list[str]:
    families: list[str] = []
    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def editor_font(point_size: int = EDITOR_POINT_SIZE) -> QFont:
    font = QFont()
    # The bundled Arabic face first, so Arabic never falls back to a system font
    # with poor shaping; Latin runs fall back to the system's UI font.
    font.setFamilies([ARABIC_FONT_FAMILY])
    font.setPointSize(point_size)
    return font


def interface_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setFamilies([*base.families(), ARABIC_FONT_FAMILY])
    return font
