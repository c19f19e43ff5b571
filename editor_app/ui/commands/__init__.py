"""The window's commands, in one registry: menus, toolbar, command palette, the shortcuts
reference, the Settings shortcuts page and focus mode all read it.

Each command has a stable id ("file.save", "view.focus_mode"), an Arabic text marked for
translation (English comes from resources/translations/midad_en.ts like every other string),
an icon, a default shortcut, a `when(context)` rule (disabled when it does not apply:
"Restore from trash" on an article that is not in the trash), and `run(context)`. The
writer's own shortcuts are kept in the settings by command id (Settings › Keyboard shortcuts).

Adding a command from another module (the workflow's "Send to desk", say) takes a few lines:

    # editor_app/ui/workflow/commands.py
    from editor_app.ui.commands import COMMANDS, Command, Menu, with_article
    from editor_app.ui.i18n import QT_TRANSLATE_NOOP

    COMMANDS.add_menu(Menu("workflow", "workflow", QT_TRANSLATE_NOOP("workflow", "&سير العمل")), before="view")
    COMMANDS.add(Command(
        "workflow.send_to_desk", "workflow", QT_TRANSLATE_NOOP("workflow", "إرسال إلى المكتب…"),
        run=lambda context: context.window.workflow.send_to_desk(),  # or context.services.library…
        menu="workflow", shortcut="Ctrl+Alt+D", icon="mdi6.send",
        when=with_article))  # enabled only with an article open (and not in the trash)

then name the module in COMMAND_MODULES below (one line): it is imported when the first
window builds its actions, so nothing extra loads before that. `when` is asked again
whenever the open article changes (and when a signal named by `watch` fires); run the
translation update afterwards (scripts/build_translations.py --update) and fill in the English.
`tests/ui/test_commands.py` then checks the new command's menu, palette and shortcut entries
in both languages without being told about it.
"""

from __future__ import annotations

from importlib import import_module

from editor_app.ui.commands.registry import Command, CommandContext, CommandRegistry, Menu, always, with_article

__all__ = ["COMMANDS", "COMMAND_MODULES", "Command", "CommandContext", "CommandRegistry", "Menu", "always",
           "load_commands", "with_article"]

COMMANDS = CommandRegistry()

# Imported in this order: menus and commands appear in the order their modules register them.
COMMAND_MODULES = (
    "editor_app.ui.commands.file_commands",
    "editor_app.ui.commands.editing_commands",
    "editor_app.ui.commands.publishing_commands",
    "editor_app.ui.commands.view_commands",
    "editor_app.ui.commands.preview_commands",
    "editor_app.ui.workflow.commands",
    "editor_app.ui.commands.help_commands",
)


def load_commands() -> CommandRegistry:
    """The registry with every command module's commands in it (each module imports once)."""
    for name in COMMAND_MODULES:
        import_module(name)
    return COMMANDS
