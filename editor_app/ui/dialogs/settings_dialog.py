"""File › Settings…: the writer's preferences, in five tabs (the last: keyboard shortcuts).
Returns only what changed."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timezone
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.arabic import to_eastern_digits
from editor_app.core.dates import format_byline_date, is_time_zone, site_timezone
from editor_app.core.settings import (
    AUTOSAVE_RANGE_MS,
    DATE_LOCALES,
    FONT_SIZE_RANGE,
    LINE_HEIGHT_RANGE,
    Preferences,
)
from editor_app.core.spelling import installed_dictionaries
from editor_app.ui import plain_text
from editor_app.ui.dialogs.shortcuts_page import ShortcutsPage
from editor_app.ui.i18n import LANGUAGES, translate
from editor_app.ui.number_fields import DecimalField

# The Arab world's zones first (scanning all 600 IANA names takes 150 ms on opening).
NEWSROOM_ZONES = ["Africa/Casablanca", "Africa/Algiers", "Africa/Tunis", "Africa/Tripoli", "Africa/Cairo",
                  "Africa/Khartoum", "Africa/Nouakchott", "Asia/Riyadh", "Asia/Dubai", "Asia/Qatar", "Asia/Bahrain",
                  "Asia/Kuwait", "Asia/Muscat", "Asia/Aden", "Asia/Baghdad", "Asia/Amman", "Asia/Damascus",
                  "Asia/Beirut", "Asia/Gaza", "Europe/London", "Europe/Paris", "America/New_York", "UTC"]
# The seed article's byline moment: the example reads "9 أبريل 2024 - 6:23 م".
SAMPLE_MOMENT = datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)


def _combo(parent: QWidget, name: str, items: list[tuple[str, Any]], current: Any) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for label, value in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def date_example(locale: str, digits: str, zone: str | None = None) -> str:
    example = format_byline_date(SAMPLE_MOMENT, locale, site_timezone(zone) if zone else timezone.utc)
    return to_eastern_digits(example) if digits == "arab" else example


class SettingsDialog(QDialog):
    def __init__(self, preferences: Preferences, site_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(translate("settings_dialog", "الإعدادات"))
        self.original = preferences
        self.site_names = site_names
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("settings_dialog", "أقسام الإعدادات"))
        self.tabs.addTab(self._interface_tab(), translate("settings_dialog", "الواجهة"))
        self.tabs.addTab(self._editor_tab(), translate("settings_dialog", "المحرر"))
        self.tabs.addTab(self._dates_tab(), translate("settings_dialog", "التواريخ والأرقام"))
        self.tabs.addTab(self._articles_tab(), translate("settings_dialog", "المقالات الجديدة والنشر"))
        self.shortcuts = ShortcutsPage(preferences.shortcuts, self)
        self.tabs.addTab(self.shortcuts, translate("settings_dialog", "اختصارات لوحة المفاتيح"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_preferences(Preferences(welcomed=preferences.welcomed)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.show_preferences(preferences)
        self.resize(560, 440)

    # -- tabs ------------------------------------------------------------------

    def _interface_tab(self) -> QWidget:
        page = QWidget(self)
        self.language = _combo(page, translate("settings_dialog", "لغة الواجهة"),
                               [(translate("settings_dialog", "لغة النظام"), "system"),
                                *[(name, code) for code, name in LANGUAGES.items()]], "system")
        self.theme = _combo(page, translate("settings_dialog", "السمة"),
                            [(translate("settings_dialog", "حسب النظام"), "system"),
                             (translate("settings_dialog", "فاتحة"), "light"),
                             (translate("settings_dialog", "داكنة"), "dark")], "system")
        form = QFormLayout(page)
        form.addRow(translate("settings_dialog", "لغة الواجهة"), self.language)
        form.addRow(translate("settings_dialog", "السمة"), self.theme)
        self.desktop_notifications = QCheckBox(translate(
            "settings_dialog", "إشعارات سطح المكتب حين لا تكون النافذة نشطة (سير العمل)"), page)
        self.desktop_notifications.setObjectName("desktop_notifications")
        form.addRow(self.desktop_notifications)
        note = QLabel(translate("settings_dialog", "تغيير اللغة يعيد بناء النافذة فورًا؛ لا يضيع شيء مما كتبت."), page)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _editor_tab(self) -> QWidget:
        page = QWidget(self)
        self.font_family = QFontComboBox(page)
        self.font_family.setAccessibleName(translate("settings_dialog", "خط المحرر"))
        self.font_size = QSpinBox(page)
        self.font_size.setRange(*FONT_SIZE_RANGE)
        self.font_size.setAccessibleName(translate("settings_dialog", "حجم الخط"))
        self.line_height = DecimalField(page)
        self.line_height.setRange(*LINE_HEIGHT_RANGE)
        self.line_height.setSingleStep(0.25)
        self.line_height.setAccessibleName(translate("settings_dialog", "تباعد الأسطر"))
        self.autosave = DecimalField(page)
        self.autosave.setRange(AUTOSAVE_RANGE_MS[0] / 1000, AUTOSAVE_RANGE_MS[1] / 1000)
        self.autosave.setSingleStep(0.5)
        self.autosave.setDecimals(1)
        self.autosave.setSuffix(translate("settings_dialog", " ث"))
        self.autosave.setAccessibleName(translate("settings_dialog", "الحفظ التلقائي بعد التوقف عن الكتابة"))
        self.quote_style = _combo(page, translate("settings_dialog", "علامات التنصيص"),
                                  [("“ ”", "curly"), ("« »", "guillemets")], "curly")
        dictionaries = installed_dictionaries()
        off = translate("settings_dialog", "دون تدقيق")
        self.spell_arabic = _combo(page, translate("settings_dialog", "قاموس العربية"),
                                   [(off, ""), *[(name, name) for name in dictionaries if name.startswith("ar")]], "ar")
        self.spell_latin = _combo(page, translate("settings_dialog", "قاموس اللغات اللاتينية"),
                                  [(off, ""), *[(name, name) for name in dictionaries if not name.startswith("ar")]],
                                  "en_US")
        form = QFormLayout(page)
        form.addRow(translate("settings_dialog", "خط المحرر"), self.font_family)
        form.addRow(translate("settings_dialog", "حجم الخط"), self.font_size)
        form.addRow(translate("settings_dialog", "تباعد الأسطر"), self.line_height)
        form.addRow(translate("settings_dialog", "الحفظ التلقائي بعد"), self.autosave)
        form.addRow(translate("settings_dialog", "علامات التنصيص"), self.quote_style)
        form.addRow(translate("settings_dialog", "قاموس العربية"), self.spell_arabic)
        form.addRow(translate("settings_dialog", "قاموس اللغات اللاتينية"), self.spell_latin)
        return page

    def _dates_tab(self) -> QWidget:
        page = QWidget(self)
        self.date_locale = _combo(page, translate("settings_dialog", "لغة التاريخ ومنطقته"),
                                  [(code, code) for code in DATE_LOCALES], "ar")
        self.digits = _combo(page, translate("settings_dialog", "الأرقام"),
                             [(translate("settings_dialog", "غربية (0123)"), "latn"),
                              (translate("settings_dialog", "مشرقية (٠١٢٣)"), "arab")], "latn")
        # Bylines are printed in the site's zone, not this machine's (each site may have its own).
        self.time_zone = QComboBox(page)
        self.time_zone.setEditable(True)
        self.time_zone.setAccessibleName(translate("settings_dialog", "المنطقة الزمنية للموقع"))
        self.time_zone.addItems(NEWSROOM_ZONES)  # any other IANA name can be typed
        self.time_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.example = QLabel(page)
        self.example.setObjectName("date_example")
        self.example.setAccessibleName(translate("settings_dialog", "مثال على التاريخ"))
        example_font = QFont(self.example.font())
        example_font.setPointSize(example_font.pointSize() + 3)
        self.example.setFont(example_font)
        form = QFormLayout(page)
        form.addRow(translate("settings_dialog", "لغة التاريخ ومنطقته"), self.date_locale)
        form.addRow(translate("settings_dialog", "الأرقام"), self.digits)
        form.addRow(translate("settings_dialog", "المنطقة الزمنية للموقع"), self.time_zone)
        form.addRow(translate("settings_dialog", "مثال"), self.example)
        hint = QLabel(translate("settings_dialog", "لغة التاريخ هي لغة المقالات الجديدة؛ ولكل مقال لغته في بياناته."), page)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.date_locale.currentIndexChanged.connect(self._update_example)
        self.digits.currentIndexChanged.connect(self._update_example)
        self.time_zone.currentTextChanged.connect(self._update_example)
        return page

    def _articles_tab(self) -> QWidget:
        page = QWidget(self)
        self.default_author = QLineEdit(page)
        self.default_author.setAccessibleName(translate("settings_dialog", "الكاتب الافتراضي"))
        self.default_category = QLineEdit(page)
        self.default_category.setPlaceholderText(translate("settings_dialog", "مثال: أمن وعدالة"))
        self.default_category.setAccessibleName(translate("settings_dialog", "التصنيف الافتراضي"))
        self.default_site = _combo(page, translate("settings_dialog", "الموقع الافتراضي"),
                                   [(translate("settings_dialog", "آخر موقع نُشر إليه"), ""),
                                    *[(name, name) for name in self.site_names]], "")
        self.template_folder = QLineEdit(page)
        self.template_folder.setPlaceholderText(translate("settings_dialog", "القالب المضمّن"))
        self.template_folder.setAccessibleName(translate("settings_dialog", "مجلد القوالب"))
        browse = QPushButton(translate("settings_dialog", "اختيار…"), page)
        browse.setAccessibleName(translate("settings_dialog", "اختيار مجلد القوالب"))
        browse.clicked.connect(self._choose_template_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.template_folder, 1)
        folder_row.addWidget(browse)
        # Body images are read only from here (and the article's own images): core.image_sources.
        self.image_folder = QLineEdit(page)
        self.image_folder.setPlaceholderText(translate("settings_dialog", "لا مجلد: صور المقال المحفوظة فقط"))
        self.image_folder.setAccessibleName(translate("settings_dialog", "مجلد الصور"))
        browse_images = QPushButton(translate("settings_dialog", "اختيار…"), page)
        browse_images.setAccessibleName(translate("settings_dialog", "اختيار مجلد الصور"))
        browse_images.clicked.connect(self._choose_image_folder)
        image_row = QHBoxLayout()
        image_row.addWidget(self.image_folder, 1)
        image_row.addWidget(browse_images)
        form = QFormLayout(page)
        form.addRow(translate("settings_dialog", "الكاتب الافتراضي"), self.default_author)
        form.addRow(translate("settings_dialog", "التصنيف الافتراضي"), self.default_category)
        form.addRow(translate("settings_dialog", "الموقع الافتراضي"), self.default_site)
        form.addRow(translate("settings_dialog", "مجلد القوالب"), folder_row)
        form.addRow(translate("settings_dialog", "مجلد الصور"), image_row)
        return page

    # -- values ----------------------------------------------------------------

    def show_preferences(self, preferences: Preferences) -> None:
        for combo, value in ((self.language, preferences.language), (self.theme, preferences.theme),
                             (self.quote_style, preferences.quote_style), (self.spell_arabic, preferences.spell_arabic),
                             (self.spell_latin, preferences.spell_latin), (self.date_locale, preferences.date_locale),
                             (self.digits, preferences.digits), (self.default_site, preferences.default_site)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.font_family.setCurrentFont(QFont(preferences.editor_font_family))
        self.font_size.setValue(preferences.editor_font_size)
        self.desktop_notifications.setChecked(preferences.desktop_notifications)
        self.line_height.setValue(preferences.line_height)
        self.autosave.setValue(preferences.autosave_delay_ms / 1000)
        self.default_author.setText(preferences.default_author)
        self.default_category.setText(preferences.default_category)
        self.template_folder.setText(preferences.template_folder)
        self.time_zone.setCurrentText(preferences.time_zone)
        self.image_folder.setText(preferences.image_folder)
        self.shortcuts.show_shortcuts(preferences.shortcuts)
        self._update_example()

    def values(self) -> dict[str, Any]:
        return {
            "language": self.language.currentData(), "theme": self.theme.currentData(),
            "editor_font_family": self.font_family.currentFont().family(), "editor_font_size": self.font_size.value(),
            "line_height": round(self.line_height.value(), 2), "autosave_delay_ms": round(self.autosave.value() * 1000),
            "quote_style": self.quote_style.currentData(), "spell_arabic": self.spell_arabic.currentData(),
            "spell_latin": self.spell_latin.currentData(), "date_locale": self.date_locale.currentData(),
            "digits": self.digits.currentData(), "default_author": self.default_author.text().strip(),
            "default_category": self.default_category.text().strip(), "default_site": self.default_site.currentData(),
            "template_folder": self.template_folder.text().strip(), "image_folder": self.image_folder.text().strip(),
            "time_zone": self._chosen_zone() or self.original.time_zone, "shortcuts": self.shortcuts.stored(),
            "desktop_notifications": self.desktop_notifications.isChecked(),
        }

    def accept(self) -> None:
        """Two commands on one key are not saved: the writer is told which, and the dialog stays open."""
        problems = self.shortcuts.shortcut_problems()
        if problems:
            self.tabs.setCurrentWidget(self.shortcuts)
            plain_text.warning(self, self.windowTitle(), "\n".join(
                [translate("settings_dialog", "لم تُحفظ الإعدادات: صحّح الاختصارات أولًا."), *problems]))
            return
        super().accept()

    def _chosen_zone(self) -> str | None:
        name = self.time_zone.currentText().strip()
        return name if is_time_zone(name) else None

    def changes(self) -> dict[str, Any]:
        original = asdict(self.original)
        return {name: value for name, value in self.values().items() if original[name] != value}

    def _update_example(self) -> None:
        self.example.setText(date_example(self.date_locale.currentData() or "ar", self.digits.currentData() or "latn",
                                          self._chosen_zone()))

    def _choose_template_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("settings_dialog", "مجلد القوالب"),
                                                  self.template_folder.text())
        if folder:
            self.template_folder.setText(folder)

    def _choose_image_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("settings_dialog", "مجلد الصور"), self.image_folder.text())
        if folder:
            self.image_folder.setText(folder)
