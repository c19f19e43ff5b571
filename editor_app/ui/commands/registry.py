"""Commands and menus as data: what a command is called, where it sits, when it applies, what it does.

Qt-light on purpose (QKeySequence only): the settings dialog reads the commands' names and
default shortcuts without a window, and no command module is imported before a window is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence

from editor_app.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from editor_app.core.records import ArticleRecord
    from editor_app.ui.services import AppServices

# A default shortcut: a key text ("Ctrl+Shift+D"), the platform's standard key, or a function
# giving one (for a standard key some platforms leave empty), or none.
DefaultShortcut = str | QKeySequence.StandardKey | Callable[[], QKeySequence] | None


class CommandContext:
    """What a command's `when`, `checked` and `run` are given: the window and its services.

    Read when asked (a property each), so a refresh costs only what the rules use."""

    def __init__(self, window: Any, services: AppServices) -> None:
        self.window = window  # the main window (see ui/window_parts.py for what it offers)
        self.services = services

    @property
    def record(self) -> ArticleRecord | None:
        """The open article as last loaded or saved (None: no article open)."""
        return self.window.current_record

    @property
    def has_article(self) -> bool:
        return self.window.editor.article_id is not None

    @property
    def in_trash(self) -> bool:
        record = self.record
        return record is not None and record.trashed_at is not None

    @property
    def article_in_use(self) -> bool:
        """An article is open and not in the trash: the article commands apply."""
        return self.has_article and not self.in_trash


def always(_context: CommandContext) -> bool:
    return True


def with_article(context: CommandContext) -> bool:
    return context.article_in_use


@dataclass(frozen=True)
class Command:
    id: str  # stable: settings store shortcuts by it ("file.save", "view.focus_mode")
    context: str  # the translation context of text and tip
    text: str  # in Arabic, marked with QT_TRANSLATE_NOOP(context, …); {placeholders} filled by `arguments`
    run: Callable[[CommandContext], object]
    menu: str  # the id of the menu (or submenu) that shows it
    section: str = ""  # commands of one section sit together; a separator between sections
    shortcut: DefaultShortcut = None
    icon: str | None = None  # a name ui.icons knows, or a qtawesome name
    when: Callable[[CommandContext], bool] = always  # enabled
    visible: Callable[[CommandContext], bool] = always
    checked: Callable[[CommandContext], bool] | None = None  # a toggle, checked when this says so
    tip: str | None = None  # a status tip, in the same context
    arguments: Callable[[], dict[str, str]] | None = None
    toolbar: int | None = None  # its place on the main toolbar (lowest first); None: not there
    watch: Callable[[Any], Iterable[SignalInstance]] | None = None  # window signals that change when/checked

    def label(self) -> str:
        """The text in the interface's language."""
        text = translate(self.context, self.text)
        return text.format(**self.arguments()) if self.arguments else text

    def status_tip(self) -> str:
        return translate(self.context, self.tip) if self.tip else ""

    def default_keys(self) -> QKeySequence:
        if self.shortcut is None:
            return QKeySequence()
        if callable(self.shortcut):
            return self.shortcut()
        return QKeySequence(self.shortcut)


@dataclass(frozen=True)
class Menu:
    id: str
    context: str
    title: str  # marked with QT_TRANSLATE_NOOP(context, …), with its & mnemonic
    parent: str | None = None  # a submenu of that menu; None: on the menu bar

    def label(self) -> str:
        return translate(self.context, self.title)


class CommandRegistry:
    """Every command by id, in the order registered (menus show them in that order)."""

    def __init__(self) -> None:
        self._commands: dict[str, Command] = {}
        self._menus: list[Menu] = []

    def add(self, *commands: Command) -> None:
        for command in commands:
            if command.id in self._commands:
                raise ValueError(f"a command {command.id!r} is registered already")
            self._commands[command.id] = command

    def add_menu(self, menu: Menu, before: str | None = None) -> None:
        """before: the id of a menu this one goes in front of; at the end otherwise."""
        if any(existing.id == menu.id for existing in self._menus):
            raise ValueError(f"a menu {menu.id!r} is registered already")
        ids = [existing.id for existing in self._menus]
        self._menus.insert(ids.index(before) if before in ids else len(ids), menu)

    def commands(self) -> list[Command]:
        return list(self._commands.values())

    def get(self, command_id: str) -> Command:
        return self._commands[command_id]

    def __contains__(self, command_id: str) -> bool:
        return command_id in self._commands

    def menus(self) -> list[Menu]:
        return list(self._menus)

    def in_menu(self, menu_id: str) -> list[Command]:
        return [command for command in self._commands.values() if command.menu == menu_id]
