"""Shortcut labels in menus read left to right in a right-to-left interface.

QMenu draws an action's shortcut beside its text in the menu's direction, and in a
right-to-left menu the neutral "+" and "," of "Ctrl+," move: it read «+,Ctrl». The
label is drawn by the style, not by QAction, so a proxy style wraps it in a
left-to-right isolate as it is drawn (the action's shortcut itself is untouched).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QProxyStyle, QStyle, QStyleOptionMenuItem

from editor_app.ui.text_direction import isolate_ltr


def isolated_menu_text(text: str) -> str:
    """"Text<TAB>Shortcut" (how QMenu passes an item to the style) with the shortcut isolated."""
    label, tab, keys = text.partition("\t")
    return f"{label}{tab}{isolate_ltr(keys)}" if tab and keys else text


class ShortcutLabelStyle(QProxyStyle):
    def __init__(self, parent=None) -> None:
        super().__init__("fusion")  # the application's style (ui/theme.py)
        if parent is not None:
            self.setParent(parent)

    def drawControl(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt API
        if element == QStyle.ControlElement.CE_MenuItem and "\t" in option.text:
            option = QStyleOptionMenuItem(option)
            option.text = isolated_menu_text(option.text)
        super().drawControl(element, option, painter, widget)


def isolate_shortcut_labels(menus: list[QMenu], owner) -> ShortcutLabelStyle:
    """Gives these menus (and their submenus) the isolating style; owner keeps it alive."""
    style = ShortcutLabelStyle(owner)
    pending = list(menus)
    while pending:
        menu = pending.pop()
        menu.setStyle(style)
        pending.extend(action.menu() for action in menu.actions() if action.menu() is not None)
    return style
