"""Each setting takes effect in the open window and persists; the dialog's live date
example; themes and their contrast; a damaged settings file."""

from __future__ import annotations

import re

from datetime import datetime, timezone

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from editor_app.core.arabic import QuoteStyle
from editor_app.core.records import ArticleDraft
from editor_app.core.settings import Preferences, Settings
from editor_app.core.templates import article_context
from editor_app.ui.application import _settings_problem, create_main_window
from editor_app.ui.article_list.status_delegate import STATUS_COLOURS, SYNC_COLOURS
from editor_app.ui.dialogs.settings_dialog import SettingsDialog
from editor_app.ui.editor.highlighter import SYNTAX_COLOURS
from editor_app.ui.dialogs.revisions import DIFF_COLOURS, diff_html
from editor_app.ui.theme import CONTRAST_PAIRS, PALETTES, STATE_COLOURS, apply_theme, contrast_ratio
from tests.ui.typing import type_text

Role = QPalette.ColorRole


def test_each_setting_takes_effect_in_the_window_and_persists(open_window, library, location, tmp_path):
    templates = tmp_path / "newsroom-templates"
    templates.mkdir()
    (templates / "article.css").write_text("/* newsroom house style */ body { color: #111; }", encoding="utf-8")
    window = open_window()
    window.change_preferences(
        editor_font_family="DejaVu Sans", editor_font_size=20, line_height=2.0, autosave_delay_ms=3000,
        quote_style="guillemets", spell_arabic="", spell_latin="en_GB", digits="arab", date_locale="ar_DZ",
        default_author="أمين نشاط", default_category="أمن وعدالة", default_site="الموقع الرئيسي",
        template_folder=str(templates),
    )
    body = window.editor.body_edit
    assert body.font().families()[0] == "DejaVu Sans" and body.font().pointSize() == 20
    assert body.line_height == 2.0
    assert [action.objectName() for action in window.findChild(QMenu, "menu_view.line_height").actions() if action.isChecked()] == ["view.line_height_2"]
    assert window.autosave.delay_ms == 3000
    assert window.editor.commands.quote_style is QuoteStyle.GUILLEMETS
    assert window.editor.spelling.latin_language == "en_GB" and window.editor.spelling.misspellings("كلمةغلطكبيرة") == []
    assert window.publishing.last_site == "الموقع الرئيسي"
    assert "newsroom house style" in window.preview_controller.templates.stylesheet(window.preview_controller.page_options)

    window.new_article()  # the defaults for new articles
    record = window.current_record
    assert (record.author, record.category, record.locale) == ("أمين نشاط", "أمن وعدالة", "ar_DZ")
    type_text(body, '"مقال" من 2024')
    body.selectAll()
    window.commands.action("arabic.preferred_quotes").trigger()
    assert window.editor.body() == "«مقال» من 2024"
    window.counts_label.schedule(window.editor.body, immediately=True)
    assert "٣ كلمات" in window.counts_label.text()  # Eastern digits in the interface's numbers
    dated = library.create(ArticleDraft(title="ت", published_at=datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc),
                                        locale="ar"))
    page = window.preview_controller.templates.render_article(article_context(dated, zone=timezone.utc))
    assert "٩ أبريل ٢٠٢٤ - ٦:٢٣ م" in page  # the byline in the chosen digits

    stored = Settings(location.config_dir).preferences
    assert (stored.editor_font_size, stored.line_height, stored.autosave_delay_ms, stored.digits) == (20, 2.0, 3000, "arab")
    assert stored.template_folder == str(templates) and stored.spell_arabic == ""
    window.close()
    reopened = open_window()  # "restart": the settings come back
    assert reopened.editor.body_edit.font().pointSize() == 20 and reopened.autosave.delay_ms == 3000
    assert reopened.editor.body_edit.line_height == 2.0


def test_zooming_and_line_spacing_from_the_menus_are_remembered(open_window, location):
    window = open_window()
    size = window.editor.body_edit.font().pointSize()
    zoom_in = window.commands.action("view.zoom_in")
    zoom_in.trigger()
    spacing = window.commands.action("view.line_height_1_75")
    spacing.trigger()
    stored = Settings(location.config_dir).preferences
    assert stored.editor_font_size == size + 1 and stored.line_height == 1.75
    assert window.editor.body_edit.line_height == 1.75


def test_the_dark_theme_changes_the_window_and_the_editor_colours(open_window, location):
    window = open_window()
    window.change_preferences(theme="dark")
    palette = QApplication.palette()
    assert palette.color(Role.Window) == QColor(PALETTES["dark"][Role.Window])
    assert palette.color(Role.Base) == QColor(PALETTES["dark"][Role.Base])
    heading = window.editor.highlighter.formats["heading"].foreground().color().name()
    assert heading == SYNTAX_COLOURS["dark"]["heading"]
    assert Settings(location.config_dir).preferences.theme == "dark"
    window.change_preferences(theme="light")
    assert QApplication.palette().color(Role.Window) == QColor(PALETTES["light"][Role.Window])


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_colour_reaches_wcag_aa_contrast(theme):
    colours = PALETTES[theme]
    for text, background in CONTRAST_PAIRS:
        ratio = contrast_ratio(QColor(colours[text]), QColor(colours[background]))
        assert ratio >= 4.5, f"{theme}: {text.name} on {background.name} is {ratio:.2f}:1"
    base, window = QColor(colours[Role.Base]), QColor(colours[Role.Window])
    syntax = SYNTAX_COLOURS[theme]
    for name in ("heading", "marker", "quote", "link", "image", "html", "front_matter"):
        assert contrast_ratio(QColor(syntax[name]), base) >= 4.5, f"{theme}: {name}"
    assert contrast_ratio(QColor(syntax["code"]), QColor(syntax["code_bg"])) >= 4.5
    for name, colour in STATE_COLOURS[theme].items():
        assert contrast_ratio(QColor(colour), window) >= 4.5, f"{theme}: state {name}"
    for state, colour in SYNC_COLOURS[theme].items():
        assert contrast_ratio(QColor(colour), base) >= 4.5, f"{theme}: sync mark {state}"
    for background, foreground in STATUS_COLOURS.values():  # badges carry their own background
        assert contrast_ratio(QColor(foreground), QColor(background)) >= 4.5
    for kind, (foreground, background) in DIFF_COLOURS[theme].items():  # the revisions dialog's diff
        assert contrast_ratio(QColor(foreground), QColor(background)) >= 4.5, f"{theme}: diff {kind!r}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_revisions_diff_is_readable_in_both_themes(qapp, theme):
    """Every line of the diff states its text and background colours, and they contrast
    (grey lines on the dark theme's background were unreadable)."""
    apply_theme(theme)
    html = diff_html("سطر قديم\nسطر باق", "سطر باق\nسطر جديد")
    styles = re.findall(r'style="([^"]*)"', html)
    assert len(styles) == 3
    for style in styles:
        colours = dict(re.findall(r"(color|background):(#[0-9a-f]{6})", style))
        assert set(colours) == {"color", "background"}, style
        assert contrast_ratio(QColor(colours["color"]), QColor(colours["background"])) >= 4.5, style


def test_the_dialog_shows_a_live_date_example_and_returns_only_changes(qtbot):
    dialog = SettingsDialog(Preferences(), ["الموقع الرئيسي"])
    qtbot.addWidget(dialog)
    assert dialog.example.text() == "9 أبريل 2024 - 6:23 م"
    dialog.date_locale.setCurrentIndex(dialog.date_locale.findData("ar_DZ"))
    assert dialog.example.text() == "9 أفريل 2024 - 6:23 م"
    dialog.digits.setCurrentIndex(dialog.digits.findData("arab"))
    assert dialog.example.text() == "٩ أفريل ٢٠٢٤ - ٦:٢٣ م"
    dialog.date_locale.setCurrentIndex(dialog.date_locale.findData("ar_LB"))
    assert "نيسان" in dialog.example.text()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.default_site.setCurrentIndex(dialog.default_site.findData("الموقع الرئيسي"))
    dialog.autosave.setValue(2.5)
    assert dialog.changes() == {"date_locale": "ar_LB", "digits": "arab", "theme": "dark",
                                "default_site": "الموقع الرئيسي", "autosave_delay_ms": 2500}
    dialog.findChild(type(dialog.tabs)).setCurrentIndex(0)
    from PySide6.QtWidgets import QDialogButtonBox

    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.changes() == {} and dialog.example.text() == "9 أبريل 2024 - 6:23 م"


def test_settings_accepted_in_the_dialog_are_applied(open_window, location):
    window = open_window()

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.font_size.setValue(22)
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.accept()

    QTimer.singleShot(0, choose)
    window.commands.action("file.settings").trigger()
    assert window.editor.body_edit.font().pointSize() == 22
    assert QApplication.palette().color(Role.Window) == QColor(PALETTES["dark"][Role.Window])
    assert Settings(location.config_dir).changed_values() == {"editor_font_size": 22, "theme": "dark"}


def test_a_damaged_settings_file_opens_with_defaults_and_says_so(qtbot, location):
    from editor_app.core.storage import Database
    from editor_app.ui.application import create_application

    location.config_dir.mkdir(parents=True, exist_ok=True)
    (location.config_dir / "settings.json").write_bytes(b"\x00\xff not json")
    settings = Settings(location.config_dir)
    create_application([])
    database = Database(location.database_url)
    window = create_main_window(database, location, settings)
    try:
        assert window.editor.body_edit.font().pointSize() == Preferences().editor_font_size
        message = _settings_problem(settings)
        assert "الإعدادات الافتراضية" in message and settings.damaged_copy.name in message
        assert settings.damaged_copy.read_bytes() == b"\x00\xff not json"
    finally:
        window.close()
        shiboken6.delete(window)  # its web page before the browser profile
        database.close()


def test_following_the_system_recolours_when_the_desktop_turns_dark(open_window, monkeypatch):
    from editor_app.ui import theme

    window = open_window()
    window.change_preferences(theme="system")
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    theme._system_scheme_changed()  # what the desktop's colorSchemeChanged signal calls
    assert QApplication.palette().color(Role.Window) == QColor(PALETTES["dark"][Role.Window])
    assert window.editor.highlighter.formats["link"].foreground().color().name() == SYNTAX_COLOURS["dark"]["link"]
    window.change_preferences(theme="light")  # a fixed choice ignores the desktop
    theme._system_scheme_changed()
    assert QApplication.palette().color(Role.Window) == QColor(PALETTES["light"][Role.Window])


def test_icons_take_the_new_themes_colour(open_window):
    from PySide6.QtCore import QSize

    window = open_window()

    def ink(action) -> QColor:
        image = action.icon().pixmap(QSize(32, 32)).toImage()
        colours = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
        opaque = [c for c in colours if c.alpha() > 200]
        return max(opaque, key=lambda c: c.alpha()) if opaque else QColor()

    light_ink = ink(window.commands.action("file.new"))
    window.change_preferences(theme="dark")
    dark_ink = ink(window.commands.action("file.new"))
    dark_base = QColor(PALETTES["dark"][Role.Button])
    assert contrast_ratio(dark_ink, dark_base) >= 4.5 > contrast_ratio(light_ink, dark_base)
    assert ink(window.preview.frame.zoom_in_action if hasattr(window.preview, "frame") else window.commands.action("file.new")) == dark_ink


def test_the_time_zone_setting_changes_the_example_and_is_returned(qtbot):
    dialog = SettingsDialog(Preferences(), [])
    qtbot.addWidget(dialog)
    assert dialog.time_zone.currentText() == "Africa/Casablanca"
    dialog.time_zone.setCurrentText("Asia/Riyadh")
    assert dialog.example.text() == "9 أبريل 2024 - 9:23 م"
    assert dialog.changes() == {"time_zone": "Asia/Riyadh"}
    dialog.time_zone.setCurrentText("Not/AZone")  # typed nonsense keeps the stored zone
    assert dialog.changes() == {}


@pytest.mark.parametrize(("digits", "line_height", "autosave"), [("latn", "1.5", "3.5"), ("arab", "١٫٥", "٣٫٥")])
def test_decimals_in_the_settings_are_written_as_cldr_writes_them(qtbot, digits, line_height, autosave):
    """«1,50» with Western digits and a Latin comma beside Eastern ones were both wrong."""
    from editor_app.ui.i18n import set_digits

    set_digits(digits)
    dialog = SettingsDialog(Preferences(line_height=1.5, autosave_delay_ms=3500), [])
    qtbot.addWidget(dialog)
    assert dialog.line_height.text() == line_height
    assert dialog.autosave.text().startswith(autosave)
    dialog.line_height.lineEdit().selectAll()
    type_text(dialog.line_height.lineEdit(), "١٫٧٥" if digits == "arab" else "1.75")
    dialog.line_height.interpretText()
    assert dialog.line_height.value() == 1.75
    assert dialog.changes()["line_height"] == 1.75
