"""Arabic and English interface: switching rebuilds the window translated and mirrored,
the catalog covers every string, the palette finds actions in both languages."""

from __future__ import annotations

import re

import pytest
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMenu

from editor_app.ui import i18n

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_translations  # noqa: E402 - the build step's own lupdate command
from editor_app.ui.dialogs.command_palette import CommandPalette
from tests.ui.typing import type_text

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "resources" / "translations" / "midad_en.ts"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
ENGLISH_MENUS = ["&File", "&Edit", "F&ormat", "&Arabic", "&Publish", "&View", "&Workflow", "&Help"]
ARABIC_MENUS = ["&ملف", "&تحرير", "&تنسيق", "&عربية", "&نشر", "&عرض", "&سير العمل", "&مساعدة"]


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _x(window, widget) -> int:
    return widget.mapTo(window, widget.rect().center()).x()


def _messages(path: Path) -> dict[tuple[str, str], ElementTree.Element]:
    root = ElementTree.parse(path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


def test_switching_to_english_rebuilds_the_window_translated_and_mirrored(window_host, qtbot):
    arabic = window_host.window
    assert _menu_titles(arabic) == ARABIC_MENUS and arabic.isRightToLeft()
    assert _x(arabic, arabic.list_panel) > _x(arabic, arabic.editor) > _x(arabic, arabic.metadata)
    type_text(arabic.editor.body_edit, "نص كُتب قبل تبديل اللغة مع Apple و2024")
    typed = arabic.editor.body()

    english = window_host.switch_language("en")
    assert english is not arabic and english.isVisible()
    assert _menu_titles(english) == ENGLISH_MENUS
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight and not english.isRightToLeft()
    assert _x(english, english.list_panel) < _x(english, english.editor) < _x(english, english.metadata)
    assert english.editor.body() == typed  # saved by the old window, reopened by the new one
    assert english.commands.action("file.new").text() == "New article" and english.metadata_dock.windowTitle() == "Article details"
    qtbot.waitUntil(lambda: "words" in english.counts_label.text())
    assert english.windowTitle().endswith("Midad") or english.windowTitle() == "Midad"
    # The article's own fields keep reading right to left inside the English window.
    assert english.editor.title_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert english.metadata.column.layoutDirection() == Qt.LayoutDirection.RightToLeft

    back = window_host.switch_language("ar")
    assert _menu_titles(back) == ARABIC_MENUS and back.isRightToLeft()
    assert _x(back, back.list_panel) > _x(back, back.editor) > _x(back, back.metadata)
    assert back.editor.body() == typed


def test_the_language_setting_rebuilds_the_window_and_is_remembered(window_host, qtbot, location):
    from editor_app.core.settings import Settings

    first = window_host.window
    first.change_preferences(language="en")
    qtbot.waitUntil(lambda: window_host.window is not first)
    assert _menu_titles(window_host.window) == ENGLISH_MENUS
    assert Settings(location.config_dir).preferences.language == "en"


def test_the_system_language_decides_when_none_is_chosen():
    assert i18n.system_language(["en-US", "ar"]) == "en"
    assert i18n.system_language(["ar-MA", "en"]) == "ar"
    assert i18n.system_language(["fr-FR", "en-GB"]) == "en"
    assert i18n.system_language(["fr-FR"]) == "ar"  # an Arabic newsroom's machine in French
    assert i18n.system_language(["C"]) == "ar"


@pytest.mark.parametrize("catalog, expected", [("midad_en.ts", 350), ("midad_ar.ts", 60)])
def test_the_catalog_has_every_string_of_the_code_translated_with_its_placeholders(tmp_path, catalog, expected):
    """Re-extracts the strings from the code: a new string without a translation, or a
    translation that drops a {placeholder} or a mnemonic, fails here."""
    committed_file = ROOT / "resources" / "translations" / catalog
    fresh = tmp_path / catalog
    shutil.copy(committed_file, fresh)
    subprocess.run(build_translations.lupdate_command(committed_file, fresh), check=True)
    committed, extracted = _messages(committed_file), _messages(fresh)
    assert set(extracted) == set(committed), "run: python scripts/build_translations.py --update, then translate"
    assert len(extracted) > expected
    for (context, source), translation in extracted.items():
        assert translation.get("type") != "unfinished" and translation.text, f"untranslated in {context}: {source}"
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", translation.text)), source
        assert source.count("&") == translation.text.count("&"), f"mnemonic lost: {source}"


def test_the_english_window_shows_no_arabic_interface_text(window_host):
    english = window_host.switch_language("en")
    allowed = {text for text in (message.text for message in _messages(CATALOG).values()) if text}
    texts: list[str] = []

    def menu_texts(menu: QMenu) -> None:
        for action in menu.actions():
            texts.extend([action.text(), action.toolTip(), action.statusTip()])
            if action.menu() is not None:
                menu_texts(action.menu())

    for action in english.menuBar().actions():
        texts.append(action.text())
        menu_texts(action.menu())
    for widget in english.findChildren(QLabel) + english.findChildren(QAbstractButton):
        if widget.isVisible() and widget is not english.counts_label:
            texts.append(widget.text())
    for edit in english.findChildren(QLineEdit):
        texts.append(edit.placeholderText())
    model = english.list_panel.model
    texts += [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    for widget in english.findChildren(type(english.metadata)) + english.findChildren(QLineEdit):
        texts.append(widget.accessibleName())
    untranslated = [text for text in texts if text and ARABIC_LETTER.search(text) and text not in allowed
                    and not any(text.startswith(ok) or ok in text for ok in allowed if ARABIC_LETTER.search(ok))]
    # What may stay Arabic: the article itself and the Arabic tools' sample characters.
    assert untranslated == []


def test_the_palette_finds_an_action_by_its_english_name_in_the_arabic_window(open_window, library):
    window = open_window()
    before = library.count()
    palette = CommandPalette(window.commands, window)
    palette.query.setText("new article")
    assert palette.actions_by_row and palette.actions_by_row[0] is window.commands.action("file.new")
    assert "New article" in palette.results.item(0).toolTip()
    palette.run_current()
    assert library.count() == before + 1


def test_the_palette_finds_an_action_by_its_arabic_name_in_the_english_window(window_host):
    english = window_host.switch_language("en")
    palette = CommandPalette(english.commands, english)
    palette.query.setText("وضع التركيز")
    assert palette.actions_by_row[0] is english.commands.action("view.focus_mode")
    assert palette.results.item(0).text().startswith("Focus mode")
    palette.run_current()
    assert english.isFullScreen()
    english.commands.action("view.focus_mode").trigger()


def test_the_dialogs_speak_english_too(window_host, library):
    from editor_app.core.publishing.sites import SiteRegistry
    from editor_app.core.settings import Preferences
    from editor_app.ui.dialogs.about import AboutDialog
    from editor_app.ui.dialogs.backups_dialog import BackupsDialog
    from editor_app.ui.dialogs.export_dialog import ExportDialog
    from editor_app.ui.dialogs.settings_dialog import SettingsDialog
    from editor_app.ui.dialogs.shortcuts_dialog import ShortcutsDialog
    from editor_app.ui.publishing.sites_dialog import SitesDialog

    english = window_host.switch_language("en")
    allowed = [text for text in (message.text for message in _messages(CATALOG).values()) if text]
    dialogs = [AboutDialog(english), SettingsDialog(Preferences(), [], english), ShortcutsDialog(english.commands, english),
               ExportDialog(library, english.editor.article_id, english), BackupsDialog([], english),
               SitesDialog(SiteRegistry(library.database), english)]
    for dialog in dialogs:
        texts = [dialog.windowTitle()]
        # The date example is in the articles' date locale (Arabic) whatever the interface's language.
        texts += [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
                  if w.objectName() != "date_example"]
        texts += [w.placeholderText() for w in dialog.findChildren(QLineEdit)]
        arabic = [text for text in texts if ARABIC_LETTER.search(text)
                  and not any(ok in text for ok in allowed if ARABIC_LETTER.search(ok))
                  and "العربية" not in text]
        assert arabic == [], type(dialog).__name__
        dialog.deleteLater()


def test_an_empty_list_says_why_it_is_empty(open_window, library):
    window = open_window()
    panel = window.list_panel
    window.trash_current()  # the blank article restore_session made: now nothing is left
    assert panel.model.rowCount() == 0 and panel.empty_state.isVisible()
    assert panel.empty_state.text().startswith("لا مقالات بعد") and "Ctrl+N" in panel.empty_state.text()
    panel.trash_toggle.click()
    assert panel.empty_state.text() == "المهملات فارغة." or panel.model.rowCount() > 0
    panel.trash_toggle.click()
    window.new_article()
    assert not panel.empty_state.isVisible()


def test_without_a_compiled_catalog_the_interface_stays_wholly_arabic(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "_catalogs", {})
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.apply_language("en") == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.translate("menus", "&ملف") == "&ملف"


def test_the_cores_english_messages_reach_the_window_in_its_language(qtbot):
    from editor_app.core.errors import DatabaseLocked, QT_TRANSLATE_NOOP, Text
    from editor_app.core.files import reason
    from editor_app.core.publishing.errors import SiteRefused

    locked = DatabaseLocked(Text(QT_TRANSLATE_NOOP(
        "errors", "the database {where} is locked by another program (another Midad on the same folder, a sync or "
                  "backup tool): close it and try again"), where="/data/midad.db"))
    assert str(locked).startswith("the database /data/midad.db is locked")  # the CLI's words stay English
    import errno
    full = Text(QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"), path="/tmp/a.html",
                reason=reason(OSError(errno.ENOSPC, "No space left on device")))
    refused = SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} refused ({status}){said}{advice}"),
                               url="https://site.example", status=401, said="",
                               advice=Text(QT_TRANSLATE_NOOP("errors", "; check the username and the application "
                                                             "password (WordPress › Users › Profile › Application "
                                                             "Passwords)"))), 401)
    i18n.apply_language("ar")
    assert i18n.user_text(locked) == ("قاعدة البيانات /data/midad.db مقفلة من برنامج آخر (مداد آخر على المجلد نفسه، "
                                      "أو أداة مزامنة أو نسخ احتياطي): أغلقه وحاول من جديد")
    assert i18n.user_text(full) == "تعذّرت كتابة /tmp/a.html: القرص ممتلئ"
    assert i18n.user_text(refused).startswith("رفض https://site.example الطلب (401)؛ تحقّق من اسم المستخدم")
    assert i18n.user_text(ValueError("plain")) == "plain"
    i18n.apply_language("en")
    assert i18n.user_text(full) == "cannot write /tmp/a.html: the disk is full"


def test_the_find_bar_reports_a_bad_pattern_in_arabic(open_window):
    i18n.apply_language("ar")
    window = open_window()
    bar = window.editor.find_bar
    bar.open_find(False)
    bar.regex.setChecked(True)
    bar.query.setText("(")
    bar.refresh()
    assert "تعبير نمطي غير صالح" in bar.status.text()
