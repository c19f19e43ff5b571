"""The menu bar: File, Edit, Format, Arabic, View. Actions live with the widgets they act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from editor_app.ui.dialogs.about import AboutDialog
from editor_app.ui.dialogs.command_palette import CommandPalette, palette_actions
from editor_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from editor_app.ui.i18n import format_number, translate
from editor_app.ui.newsroom import connect_to_newsroom
from editor_app.ui.shortcut_labels import isolate_shortcut_labels

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow


LINE_HEIGHTS = (1.0, 1.25, 1.5, 1.75, 2.0)


def _action(window: MainWindow, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def install_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    editor = window.editor
    body = editor.body_edit

    file_menu = bar.addMenu(translate("menus", "&ملف"))
    file_menu.addActions([window.new_action, window.save_action, window.duplicate_action, window.revisions_action,
                          window.import_action, window.export_action])
    file_menu.addSeparator()
    file_menu.addActions([window.trash_action, window.restore_action, window.empty_trash_action])
    file_menu.addSeparator()
    file_menu.addAction(window.backups_action)
    window.newsroom_action = _action(window, translate("menus", "الاتصال بغرفة الأخبار…"),
                                     lambda: connect_to_newsroom(window))
    file_menu.addAction(window.newsroom_action)
    file_menu.addSeparator()
    window.settings_action = _action(window, translate("menus", "الإعدادات…"), window.show_settings,
                                     _preferences_shortcut())
    file_menu.addAction(window.settings_action)
    file_menu.addSeparator()
    file_menu.addAction(_action(window, translate("menus", "خروج"), window.close, _quit_shortcut()))

    edit_menu = bar.addMenu(translate("menus", "&تحرير"))
    edit_menu.addAction(_action(window, translate("menus", "تراجع"), body.undo, QKeySequence.StandardKey.Undo))
    edit_menu.addAction(_action(window, translate("menus", "إعادة"), body.redo, QKeySequence.StandardKey.Redo))
    edit_menu.addSeparator()
    window.find_action = _action(window, translate("menus", "بحث…"), lambda: editor.find_bar.open_find(False), QKeySequence.StandardKey.Find)
    window.replace_action = _action(window, translate("menus", "بحث واستبدال…"), lambda: editor.find_bar.open_find(True), "Ctrl+H")
    edit_menu.addActions([window.find_action, window.replace_action])

    format_menu = bar.addMenu(translate("menus", "&تنسيق"))
    format_menu.addActions(editor.commands.formatting_actions)

    arabic_menu = bar.addMenu(translate("menus", "&عربية"))
    arabic_menu.setToolTipsVisible(True)
    arabic_menu.addActions(editor.commands.arabic_actions)

    publish_menu = bar.addMenu(translate("menus", "&نشر"))
    publish_menu.addActions([window.publishing.publish_action, window.publishing.outbox_action])
    publish_menu.addSeparator()
    publish_menu.addAction(window.publishing.sites_action)

    view_menu = bar.addMenu(translate("menus", "&عرض"))
    view_menu.addAction(window.metadata_dock.toggleViewAction())
    comfort = window.comfort
    view_menu.addActions([comfort.focus_action, comfort.typewriter_action, comfort.outline_action, comfort.goal_action])
    view_menu.addSeparator()
    window.next_pane_action = _action(window, translate("menus", "الجزء التالي"), lambda: window.navigation.focus_pane(1), "F6")
    window.previous_pane_action = _action(window, translate("menus", "الجزء السابق"), lambda: window.navigation.focus_pane(-1),
                                          "Shift+F6")
    view_menu.addActions([window.next_pane_action, window.previous_pane_action])
    window.search_action = _action(window, translate("menus", "البحث في المقالات"), _focus_search(window), "Ctrl+Shift+F")
    view_menu.addAction(window.search_action)
    view_menu.addAction(_action(window, translate("menus", "تكبير الخط"), lambda: _zoom(window, 1), QKeySequence.StandardKey.ZoomIn))
    view_menu.addAction(_action(window, translate("menus", "تصغير الخط"), lambda: _zoom(window, -1), QKeySequence.StandardKey.ZoomOut))
    spacing_menu = view_menu.addMenu(translate("menus", "تباعد الأسطر"))
    window.line_height_group = QActionGroup(window)
    for factor in LINE_HEIGHTS:
        spacing = _action(window, format_number(factor),  # 1.5 or ١٫٥, as the settings say
                          lambda _checked=False, f=factor: window.change_preferences(line_height=f))
        spacing.setCheckable(True)
        spacing.setData(factor)
        window.line_height_group.addAction(spacing)
        spacing_menu.addAction(spacing)

    help_menu = bar.addMenu(translate("menus", "&مساعدة"))
    window.palette_action = _action(window, translate("menus", "لوحة الأوامر…"), lambda: CommandPalette(palette_actions(window), window).exec(),
                                    "Ctrl+Shift+P")
    window.shortcuts_action = _action(window, translate("menus", "اختصارات لوحة المفاتيح"),
                                      lambda: ShortcutsDialog(palette_actions(window), window).exec())
    window.about_action = _action(window, translate("menus", "عن مداد"), lambda: AboutDialog(window).exec())
    window.tour_action = _action(window, translate("menus", "جولة في الواجهة"), window.start_tour)
    help_menu.addActions([window.palette_action, window.shortcuts_action, window.tour_action, window.about_action])
    _attach_to_window(window, bar.actions())
    window.shortcut_label_style = isolate_shortcut_labels([action.menu() for action in bar.actions() if action.menu()], window)


def _attach_to_window(window: MainWindow, actions) -> None:
    """Shortcuts of actions that only sit in the menu bar die with it when it is hidden
    (focus mode): the window holds every menu action too, so they work everywhere."""
    for action in actions:
        if action.menu() is not None:
            _attach_to_window(window, action.menu().actions())
        elif not action.isSeparator() and not action.shortcut().isEmpty():
            window.addAction(action)


def _focus_search(window: MainWindow):
    def focus() -> None:
        window.list_panel.search.setFocus()
        window.list_panel.search.selectAll()

    return focus


def _zoom(window: MainWindow, steps: int) -> None:
    """Zooming is remembered: it is the editor font size setting."""
    body = window.editor.body_edit
    body.zoom_by(steps)
    window.change_preferences(editor_font_size=body.font().pointSize())


def _quit_shortcut() -> QKeySequence:
    """The platform's; Ctrl+Q where the platform theme names none (a bare X11 session, offscreen)."""
    standard = QKeySequence(QKeySequence.StandardKey.Quit)
    return standard if not standard.isEmpty() else QKeySequence("Ctrl+Q")


def _preferences_shortcut() -> QKeySequence:
    """The platform's (Cmd+, on macOS); Ctrl+, where the platform has none (Linux, Windows)."""
    standard = QKeySequence(QKeySequence.StandardKey.Preferences)
    return standard if not standard.isEmpty() else QKeySequence("Ctrl+,")
