"""File: articles (new, save, duplicate, history, import, export), the trash, backups, the
newsroom, settings, quit. The texts keep the translation contexts they had before the registry."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from editor_app.ui.commands import COMMANDS
from editor_app.ui.commands.registry import Command, CommandContext, Menu, with_article
from editor_app.ui.i18n import QT_TRANSLATE_NOOP


def _quit_shortcut() -> QKeySequence:
    """The platform's; Ctrl+Q where the platform theme names none (a bare X11 session, offscreen)."""
    standard = QKeySequence(QKeySequence.StandardKey.Quit)
    return standard if not standard.isEmpty() else QKeySequence("Ctrl+Q")


def _preferences_shortcut() -> QKeySequence:
    """The platform's (Cmd+, on macOS); Ctrl+, where the platform has none (Linux, Windows)."""
    standard = QKeySequence(QKeySequence.StandardKey.Preferences)
    return standard if not standard.isEmpty() else QKeySequence("Ctrl+,")


def _connect_to_newsroom(context: CommandContext) -> None:
    from editor_app.ui.newsroom import connect_to_newsroom

    connect_to_newsroom(context.window)


def _import(context: CommandContext) -> None:
    context.window.media_intake.importer.choose()


COMMANDS.add_menu(Menu("file", "menus", QT_TRANSLATE_NOOP("menus", "&ملف")))
COMMANDS.add(
    Command("file.new", "main_window", QT_TRANSLATE_NOOP("main_window", "مقال جديد"),
            lambda c: c.window.new_article(), "file", "article", QKeySequence.StandardKey.New, "new", toolbar=10),
    Command("file.save", "main_window", QT_TRANSLATE_NOOP("main_window", "حفظ"),
            lambda c: c.window.save_now(), "file", "article", QKeySequence.StandardKey.Save, "save",
            when=lambda c: c.has_article, toolbar=20),
    Command("file.duplicate", "main_window", QT_TRANSLATE_NOOP("main_window", "نسخ المقال"),
            lambda c: c.window.duplicate_current(), "file", "article", "Ctrl+Shift+D", "duplicate",
            when=with_article, toolbar=30),
    Command("file.revisions", "main_window", QT_TRANSLATE_NOOP("main_window", "النسخ السابقة…"),
            lambda c: c.window.show_revisions(), "file", "article", "Ctrl+Shift+H", "history",
            when=lambda c: c.has_article, toolbar=40),
    Command("file.import", "drops", QT_TRANSLATE_NOOP("drops", "استيراد…"), _import, "file", "article",
            icon="mdi6.file-import-outline",
            tip=QT_TRANSLATE_NOOP("drops", "استيراد ملفات ‎.md‎ و‎.txt‎ و‎.docx‎ مقالاتٍ جديدة")),
    Command("file.export", "main_window", QT_TRANSLATE_NOOP("main_window", "تصدير…"),
            lambda c: c.window.show_export(), "file", "article", "Ctrl+E", "export", toolbar=50),
    Command("file.trash", "main_window", QT_TRANSLATE_NOOP("main_window", "نقل إلى المهملات"),
            lambda c: c.window.trash_current(), "file", "trash", "Ctrl+Shift+Delete", "trash",
            when=with_article, toolbar=70),
    Command("file.restore_from_trash", "main_window", QT_TRANSLATE_NOOP("main_window", "استعادة من المهملات"),
            lambda c: c.window.restore_current(), "file", "trash", when=lambda c: c.in_trash),
    Command("file.empty_trash", "main_window", QT_TRANSLATE_NOOP("main_window", "إفراغ المهملات…"),
            lambda c: c.window.empty_trash(), "file", "trash"),
    Command("file.backups", "main_window", QT_TRANSLATE_NOOP("main_window", "استعادة من نسخة احتياطية…"),
            lambda c: c.window.show_backups(), "file", "backups"),
    Command("file.connect_newsroom", "menus", QT_TRANSLATE_NOOP("menus", "الاتصال بغرفة الأخبار…"),
            _connect_to_newsroom, "file", "backups"),
    Command("file.settings", "menus", QT_TRANSLATE_NOOP("menus", "الإعدادات…"),
            lambda c: c.window.show_settings(), "file", "settings", _preferences_shortcut),
    Command("file.quit", "menus", QT_TRANSLATE_NOOP("menus", "خروج"),
            lambda c: c.window.close(), "file", "quit", _quit_shortcut),
)
