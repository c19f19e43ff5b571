"""A window's actions, one QAction per registered command, kept in step with the registry's rules.

Every action is added to the window itself, not only to a menu: focus mode hides the menu
bar and the toolbar, and an action's shortcut only works while a widget holding it is visible.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from editor_app.ui.commands import load_commands
from editor_app.ui.commands.registry import Command, CommandContext, CommandRegistry
from editor_app.ui.commands.shortcuts import effective_shortcuts, problems
from editor_app.ui.icons import set_icon

COMMAND_ID_PROPERTY = "midad_command"


class WindowCommands(QObject):
    def __init__(self, window: Any, services, registry: CommandRegistry | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.registry = registry or load_commands()
        self.context = CommandContext(window, services)
        self._actions: dict[str, QAction] = {}
        for command in self.registry.commands():
            self._actions[command.id] = self._make_action(command)
        self.apply_shortcuts(services.settings.preferences.shortcuts)

    def _make_action(self, command: Command) -> QAction:
        action = QAction(command.label(), self.window)
        action.setObjectName(command.id)
        action.setProperty(COMMAND_ID_PROPERTY, command.id)
        if command.icon:
            set_icon(action, command.icon)
        if command.tip:
            action.setStatusTip(command.status_tip())
            action.setToolTip(command.status_tip())
        action.setCheckable(command.checked is not None)
        action.triggered.connect(lambda _checked=False, command_id=command.id: self.run(command_id))
        self.window.addAction(action)  # its shortcut works in focus mode too (see the module's docstring)
        return action

    def connect_watched(self) -> None:
        """Call once the window's parts exist: the signals commands named in `watch` refresh them."""
        for command in self.registry.commands():
            if command.watch is not None:
                for signal in command.watch(self.window):
                    signal.connect(self.refresh)

    # -- reading -------------------------------------------------------------------------------

    def action(self, command_id: str) -> QAction:
        return self._actions[command_id]

    def commands(self) -> list[Command]:
        return self.registry.commands()

    def entries(self) -> list[tuple[Command, QAction]]:
        return [(command, self._actions[command.id]) for command in self.registry.commands()]

    def command_of(self, action: QAction) -> Command | None:
        command_id = action.property(COMMAND_ID_PROPERTY)
        return self.registry.get(command_id) if command_id in self.registry else None

    # -- doing ---------------------------------------------------------------------------------

    def run(self, command_id: str) -> None:
        command = self.registry.get(command_id)
        if not (command.visible(self.context) and command.when(self.context)):
            self.refresh()  # the state it was shown in is stale: show the right one, do nothing
            return
        command.run(self.context)
        self.refresh()

    def refresh(self, *_signal_arguments) -> None:
        """Enabled, visible and checked, asked of every command again (the open article changed,
        a command ran, a dock was shown)."""
        if not shiboken6.isValid(self.window):
            return  # a command that closed and replaced the window (a new language)
        for command in self.registry.commands():
            action = self._actions[command.id]
            action.setVisible(command.visible(self.context))
            action.setEnabled(command.when(self.context))
            if command.checked is not None:
                action.setChecked(command.checked(self.context))

    def set_text(self, command_id: str, text: str) -> None:
        """A live label (the outbox's count); the palette and the menus show it."""
        self._actions[command_id].setText(text)

    def apply_shortcuts(self, stored: Mapping[str, str]) -> None:
        for command_id, keys in effective_shortcuts(self.registry.commands(), stored).items():
            self._actions[command_id].setShortcut(keys)

    def shortcut(self, command_id: str) -> QKeySequence:
        return self._actions[command_id].shortcut()

    def shortcut_problems(self, stored: Mapping[str, str]) -> list[str]:
        """What is wrong with these stored shortcuts (shared keys, typing keys): one sentence each."""
        labels = {command.id: command.label().replace("&", "") for command in self.registry.commands()}
        return problems(effective_shortcuts(self.registry.commands(), stored), labels)
