"""The menu bar and the main toolbar, laid out from the command registry (ui/commands):
each menu shows its commands in the order registered, a separator between sections,
its submenus last."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from editor_app.ui.commands.window_commands import WindowCommands
from editor_app.ui.i18n import translate
from editor_app.ui.shortcut_labels import ShortcutLabelStyle, isolate_shortcut_labels

TOOLTIPS_SHOWN = {"arabic"}  # the Arabic tools' tooltips say what each one changes


def install_menus(window: QMainWindow, commands: WindowCommands) -> ShortcutLabelStyle:
    """Fills the window's menu bar; returns the style that keeps shortcut labels left to right."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for menu in commands.registry.menus():
        parent = menus.get(menu.parent) if menu.parent else None
        made = QMenu(menu.label(), parent or bar)
        made.setObjectName(f"menu_{menu.id}")
        made.setToolTipsVisible(menu.id in TOOLTIPS_SHOWN)
        made.aboutToShow.connect(commands.refresh)  # check marks changed elsewhere (the preview's own toolbar)
        menus[menu.id] = made
    for menu in commands.registry.menus():
        _fill(menus[menu.id], menu.id, commands)
        if menu.parent is None:
            bar.addMenu(menus[menu.id])
    for menu in commands.registry.menus():
        if menu.parent is not None:
            menus[menu.parent].addMenu(menus[menu.id])
    return isolate_shortcut_labels([menus[menu.id] for menu in commands.registry.menus() if menu.parent is None], window)


def _fill(menu: QMenu, menu_id: str, commands: WindowCommands) -> None:
    section = None
    for command in commands.registry.in_menu(menu_id):
        if section is not None and command.section != section:
            menu.addSeparator()
        section = command.section
        menu.addAction(commands.action(command.id))


def install_toolbar(window: QMainWindow, commands: WindowCommands) -> QToolBar:
    toolbar = QToolBar(translate("main_window", "الأدوات"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    placed = sorted((command for command in commands.commands() if command.toolbar is not None),
                    key=lambda command: command.toolbar)
    for command in placed:
        toolbar.addAction(commands.action(command.id))
    window.addToolBar(toolbar)
    return toolbar
