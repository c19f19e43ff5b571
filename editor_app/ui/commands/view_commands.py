"""View: the details pane, writing comfort (focus mode, typewriter scrolling, outline, word
goal), moving between panes, the article search, the editor's size and line spacing."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QKeySequence

from editor_app.ui.commands import COMMANDS
from editor_app.ui.commands.registry import Command, CommandContext, Menu
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, format_number

LINE_HEIGHTS = (1.0, 1.25, 1.5, 1.75, 2.0)


def _focus_search(context: CommandContext) -> None:
    search = context.window.list_panel.search
    search.setFocus()
    search.selectAll()


def _zoom(steps: int, context: CommandContext) -> None:
    """Zooming is remembered: it is the editor font size setting."""
    body = context.window.editor.body_edit
    body.zoom_by(steps)
    context.window.change_preferences(editor_font_size=body.font().pointSize())


def _line_height(factor: float) -> Command:
    return Command(
        "view.line_height_" + f"{factor:g}".replace(".", "_"), "menus",
        QT_TRANSLATE_NOOP("menus", "تباعد الأسطر {value}"), lambda c: c.window.change_preferences(line_height=factor),
        "view.line_height", checked=lambda c: c.services.settings.preferences.line_height == factor,
        arguments=lambda: {"value": format_number(factor)})  # 1.5 or ١٫٥, as the settings say


def _dock_toggle(dock_of):
    """run, checked and watch for a command that shows and hides a dock (Qt's own toggle, so
    it agrees with the dock's close button)."""
    return dict(run=lambda c: dock_of(c.window).toggleViewAction().trigger(),
                checked=lambda c: dock_of(c.window).toggleViewAction().isChecked(),
                watch=lambda window: [dock_of(window).toggleViewAction().toggled])


COMMANDS.add_menu(Menu("view", "menus", QT_TRANSLATE_NOOP("menus", "&عرض")))
COMMANDS.add_menu(Menu("view.line_height", "menus", QT_TRANSLATE_NOOP("menus", "تباعد الأسطر"), parent="view"))
COMMANDS.add(
    Command("view.details", "main_window", QT_TRANSLATE_NOOP("main_window", "بيانات المقال"), menu="view",
            section="panes", **_dock_toggle(lambda window: window.metadata_dock)),
    # F11, not StandardKey.FullScreen: on X11 that also means Ctrl+Shift+F (library search).
    Command("view.focus_mode", "writing_comfort", QT_TRANSLATE_NOOP("writing_comfort", "وضع التركيز"),
            lambda c: c.window.comfort.set_focus_mode(not c.window.comfort.in_focus_mode), "view", "panes", "F11",
            checked=lambda c: c.window.comfort.in_focus_mode,
            watch=lambda window: [window.comfort.focus_mode_changed]),
    Command("view.typewriter", "writing_comfort", QT_TRANSLATE_NOOP("writing_comfort", "التمرير على طريقة الآلة الكاتبة"),
            lambda c: c.window.comfort.set_typewriter(not c.window.comfort.typewriter), "view", "panes",
            checked=lambda c: c.window.comfort.typewriter),
    Command("view.outline", "writing_comfort", QT_TRANSLATE_NOOP("writing_comfort", "المخطط"), menu="view",
            section="panes", **_dock_toggle(lambda window: window.comfort.outline_dock)),
    Command("view.word_goal", "writing_comfort", QT_TRANSLATE_NOOP("writing_comfort", "هدف الكلمات لهذه الجلسة…"),
            lambda c: c.window.comfort.ask_goal(), "view", "panes"),
    Command("view.next_pane", "menus", QT_TRANSLATE_NOOP("menus", "الجزء التالي"),
            lambda c: c.window.navigation.focus_pane(1), "view", "navigation", "F6"),
    Command("view.previous_pane", "menus", QT_TRANSLATE_NOOP("menus", "الجزء السابق"),
            lambda c: c.window.navigation.focus_pane(-1), "view", "navigation", "Shift+F6"),
    Command("view.search_articles", "menus", QT_TRANSLATE_NOOP("menus", "البحث في المقالات"), _focus_search, "view",
            "navigation", "Ctrl+Shift+F"),
    Command("view.zoom_in", "menus", QT_TRANSLATE_NOOP("menus", "تكبير الخط"), partial(_zoom, 1), "view", "navigation",
            QKeySequence.StandardKey.ZoomIn),
    Command("view.zoom_out", "menus", QT_TRANSLATE_NOOP("menus", "تصغير الخط"), partial(_zoom, -1), "view", "navigation",
            QKeySequence.StandardKey.ZoomOut),
    *[_line_height(factor) for factor in LINE_HEIGHTS],
)
