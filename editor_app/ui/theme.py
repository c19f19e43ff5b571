"""Light and dark themes: explicit Fusion palettes, so every platform (and every test)
sees the same colours, and their contrast can be checked (tests/ui/test_settings.py).

"system" follows the desktop's colour scheme and changes with it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Text on background pairs all reach WCAG AA (4.5:1); see CONTRAST_PAIRS.
PALETTES = {
    "light": {
        Role.Window: "#f4f4f6", Role.WindowText: "#1c1c1f", Role.Base: "#ffffff", Role.AlternateBase: "#f0f0f3",
        Role.Text: "#1c1c1f", Role.Button: "#e9e9ed", Role.ButtonText: "#1c1c1f", Role.Highlight: "#1d5fc2",
        Role.HighlightedText: "#ffffff", Role.ToolTipBase: "#ffffe8", Role.ToolTipText: "#1c1c1f",
        Role.PlaceholderText: "#6b6b72", Role.Link: "#1a56b0", Role.BrightText: "#ffffff", Role.Mid: "#c4c4cc",
        Role.Dark: "#9a9aa3", Role.Light: "#ffffff", Role.Midlight: "#f7f7f9", Role.Shadow: "#5a5a60",
    },
    "dark": {
        Role.Window: "#232428", Role.WindowText: "#e8e8ec", Role.Base: "#1a1b1e", Role.AlternateBase: "#26272b",
        Role.Text: "#e8e8ec", Role.Button: "#303136", Role.ButtonText: "#e8e8ec", Role.Highlight: "#2f66c4",
        Role.HighlightedText: "#ffffff", Role.ToolTipBase: "#303136", Role.ToolTipText: "#e8e8ec",
        Role.PlaceholderText: "#9d9da6", Role.Link: "#8ab4f8", Role.BrightText: "#ffffff", Role.Mid: "#45464c",
        Role.Dark: "#141518", Role.Light: "#3a3b41", Role.Midlight: "#34353a", Role.Shadow: "#000000",
    },
}
DISABLED_TEXT = {"light": "#8a8a92", "dark": "#7d7d86"}
# Colours the widgets use for states, per theme (error, success, muted hints).
STATE_COLOURS = {
    "light": {"error": "#b00020", "ok": "#15703a", "muted": "#5f5f66"},
    "dark": {"error": "#ff7b7b", "ok": "#6fdc8c", "muted": "#a9a9b2"},
}
CONTRAST_PAIRS = (
    (Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight), (Role.ToolTipText, Role.ToolTipBase), (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base), (Role.Text, Role.AlternateBase),
)

_current = "light"
_choice = "system"


class ThemeEvents(QObject):
    """Says when the theme in use changed by itself (the desktop switched to dark while
    "follow the system" is chosen): windows recolour what the palette does not cover."""

    changed = Signal(str)


_events: ThemeEvents | None = None


def theme_events() -> ThemeEvents:
    global _events
    if _events is None:
        _events = ThemeEvents()
        QApplication.styleHints().colorSchemeChanged.connect(_system_scheme_changed)
    return _events


def system_is_dark() -> bool:
    return QApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(choice: str) -> str:
    if choice in PALETTES:
        return choice
    return "dark" if system_is_dark() else "light"


def _system_scheme_changed(_scheme=None) -> None:
    if _choice == "system" and resolve_theme("system") != _current:
        apply_theme("system")
        theme_events().changed.emit(_current)


def palette_for(theme: str) -> QPalette:
    palette = QPalette()
    for role, colour in PALETTES[theme].items():
        palette.setColor(role, QColor(colour))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(DISABLED_TEXT[theme]))
    return palette


def apply_theme(choice: str) -> str:
    """Sets the application's style and palette; returns the theme used ("light"/"dark")."""
    global _current, _choice
    theme_events()  # starts following the desktop's colour scheme
    _choice = choice
    app = QApplication.instance()
    if app.style().name().lower() != "fusion":  # setStyle re-polishes every widget: once is enough
        app.setStyle("Fusion")
    _current = resolve_theme(choice)
    app.setPalette(palette_for(_current))
    return _current


def current_theme() -> str:
    return _current


def state_colour(name: str) -> str:
    return STATE_COLOURS[_current][name]


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
