"""Edit (undo, find), Format (Markdown) and Arabic (text tools): commands on the open article's text."""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QKeySequence

from editor_app.core import arabic, formatting
from editor_app.ui.commands import COMMANDS
from editor_app.ui.commands.registry import Command, CommandContext, Menu
from editor_app.ui.editor.commands import heading, inline, normalise_letters
from editor_app.ui.i18n import QT_TRANSLATE_NOOP


def _editing(context: CommandContext) -> bool:
    return context.has_article


def _edit(operation):
    return lambda context: context.window.editor.commands.run_edit(operation)


def _tool(transform):
    return lambda context: context.window.editor.commands.transform(transform)


def _format(command_id: str, text: str, shortcut, operation, **options) -> Command:
    return Command(command_id, "commands", text, _edit(operation), "format", shortcut=shortcut, when=_editing, **options)


def _arabic(command_id: str, text: str, transform, tip: str, shortcut=None) -> Command:
    return Command(command_id, "commands", text, _tool(transform), "arabic", shortcut=shortcut, when=_editing, tip=tip)


COMMANDS.add_menu(Menu("edit", "menus", QT_TRANSLATE_NOOP("menus", "&تحرير")))
COMMANDS.add(
    Command("edit.undo", "menus", QT_TRANSLATE_NOOP("menus", "تراجع"), lambda c: c.window.editor.body_edit.undo(),
            "edit", "history", QKeySequence.StandardKey.Undo, when=_editing),
    Command("edit.redo", "menus", QT_TRANSLATE_NOOP("menus", "إعادة"), lambda c: c.window.editor.body_edit.redo(),
            "edit", "history", QKeySequence.StandardKey.Redo, when=_editing),
    Command("edit.find", "menus", QT_TRANSLATE_NOOP("menus", "بحث…"), lambda c: c.window.editor.find_bar.open_find(False),
            "edit", "find", QKeySequence.StandardKey.Find, when=_editing),
    Command("edit.replace", "menus", QT_TRANSLATE_NOOP("menus", "بحث واستبدال…"),
            lambda c: c.window.editor.find_bar.open_find(True), "edit", "find", "Ctrl+H", when=_editing),
)

COMMANDS.add_menu(Menu("format", "menus", QT_TRANSLATE_NOOP("menus", "&تنسيق")))
COMMANDS.add(
    _format("format.bold", QT_TRANSLATE_NOOP("commands", "عريض"), QKeySequence.StandardKey.Bold, inline(formatting.BOLD)),
    _format("format.italic", QT_TRANSLATE_NOOP("commands", "مائل"), QKeySequence.StandardKey.Italic,
            inline(formatting.ITALIC)),
    _format("format.code", QT_TRANSLATE_NOOP("commands", "شيفرة"), "Ctrl+`", inline(formatting.CODE)),
    *[_format(f"format.heading_{level}", QT_TRANSLATE_NOOP("commands", "عنوان من المستوى {level}"), f"Ctrl+{level}",
              heading(level), arguments=partial(dict, level=str(level))) for level in (1, 2, 3)],
    _format("format.quote", QT_TRANSLATE_NOOP("commands", "اقتباس"), "Ctrl+'", formatting.toggle_quote),
    _format("format.bullets", QT_TRANSLATE_NOOP("commands", "قائمة نقطية"), "Ctrl+Shift+8", formatting.toggle_bullets),
    _format("format.numbering", QT_TRANSLATE_NOOP("commands", "قائمة مرقمة"), "Ctrl+Shift+7", formatting.toggle_numbering),
    Command("format.link", "commands", QT_TRANSLATE_NOOP("commands", "رابط…"),
            lambda c: c.window.editor.commands.insert_link(), "format", shortcut="Ctrl+K", when=_editing),
    Command("format.image", "commands", QT_TRANSLATE_NOOP("commands", "صورة…"),
            lambda c: c.window.editor.commands.image_requested.emit(), "format", shortcut="Ctrl+Shift+I", when=_editing),
)

COMMANDS.add_menu(Menu("arabic", "menus", QT_TRANSLATE_NOOP("menus", "&عربية")))
COMMANDS.add(
    _arabic("arabic.punctuation", QT_TRANSLATE_NOOP("commands", "علامات الترقيم العربية (، ؛ ؟)"), arabic.arabic_punctuation,
            QT_TRANSLATE_NOOP("commands", "تحويل , ; ? إلى ، ؛ ؟ بعد الكلمات العربية، دون المساس بالجمل اللاتينية والأرقام والروابط")),
    Command("arabic.preferred_quotes", "commands", QT_TRANSLATE_NOOP("commands", "علامات التنصيص المختارة في الإعدادات"),
            lambda c: c.window.editor.commands.preferred_quotes(), "arabic", shortcut="Ctrl+Shift+'", when=_editing,
            tip=QT_TRANSLATE_NOOP("commands", "تحويل \" إلى “ ” أو « » حسب الإعدادات")),
    _arabic("arabic.curly_quotes", QT_TRANSLATE_NOOP("commands", "علامات التنصيص “ ”"),
            partial(arabic.smart_quotes, style=arabic.QuoteStyle.CURLY), QT_TRANSLATE_NOOP("commands", "تحويل \" إلى “ ”")),
    _arabic("arabic.guillemets", QT_TRANSLATE_NOOP("commands", "علامات التنصيص « »"),
            partial(arabic.smart_quotes, style=arabic.QuoteStyle.GUILLEMETS), QT_TRANSLATE_NOOP("commands", "تحويل \" إلى « »")),
    _arabic("arabic.eastern_digits", QT_TRANSLATE_NOOP("commands", "الأرقام المشرقية (٠١٢٣)"), arabic.to_eastern_digits,
            QT_TRANSLATE_NOOP("commands", "تحويل 0-9 إلى ٠-٩ خارج الروابط والشيفرة")),
    _arabic("arabic.western_digits", QT_TRANSLATE_NOOP("commands", "الأرقام الغربية (0123)"), arabic.to_western_digits,
            QT_TRANSLATE_NOOP("commands", "تحويل ٠-٩ إلى 0-9")),
    _arabic("arabic.remove_tatweel", QT_TRANSLATE_NOOP("commands", "حذف التطويل (ـ)"), arabic.remove_tatweel,
            QT_TRANSLATE_NOOP("commands", "حذف حرف التطويل")),
    _arabic("arabic.remove_diacritics", QT_TRANSLATE_NOOP("commands", "حذف التشكيل"), arabic.remove_diacritics,
            QT_TRANSLATE_NOOP("commands", "حذف الحركات والتنوين والشدة والسكون")),
    _arabic("arabic.normalise_letters", QT_TRANSLATE_NOOP("commands", "توحيد أشكال الحروف"), normalise_letters,
            QT_TRANSLATE_NOOP("commands", "أ إ آ ← ا، ى ← ي، ؤ ← و، ئ ← ي، مع حذف التشكيل والتطويل")),
)
