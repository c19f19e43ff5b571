"""Help: the command palette, the keyboard shortcuts, the tour, about. Dialogs are imported when opened."""

from __future__ import annotations

from editor_app.ui.commands import COMMANDS
from editor_app.ui.commands.registry import Command, CommandContext, Menu
from editor_app.ui.i18n import QT_TRANSLATE_NOOP


def _palette(context: CommandContext) -> None:
    from editor_app.ui.dialogs.command_palette import CommandPalette

    CommandPalette(context.window.commands, context.window).exec()


def _shortcuts(context: CommandContext) -> None:
    from editor_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog

    ShortcutsDialog(context.window.commands, context.window).exec()


def _tour(context: CommandContext) -> None:
    context.window.start_tour()


def _about(context: CommandContext) -> None:
    from editor_app.ui.dialogs.about import AboutDialog

    AboutDialog(context.window).exec()


COMMANDS.add_menu(Menu("help", "menus", QT_TRANSLATE_NOOP("menus", "&مساعدة")))
COMMANDS.add(
    Command("help.command_palette", "menus", QT_TRANSLATE_NOOP("menus", "لوحة الأوامر…"), _palette, "help",
            shortcut="Ctrl+Shift+P"),
    Command("help.shortcuts", "menus", QT_TRANSLATE_NOOP("menus", "اختصارات لوحة المفاتيح"), _shortcuts, "help"),
    Command("help.tour", "menus", QT_TRANSLATE_NOOP("menus", "جولة في الواجهة"), _tour, "help"),
    Command("help.about", "menus", QT_TRANSLATE_NOOP("menus", "عن مداد"), _about, "help"),
)
