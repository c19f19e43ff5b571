"""The interface language: Midad's Qt translators, Qt's own, and the layout direction.

The interface is written in Arabic (the newsroom's language) and `midad_en.ts` translates
it; the Qt-free core writes its messages in English (the CLI's) and `midad_ar.ts`
translates those (`user_text`). Both live in resources/translations and are compiled to
`.qm` at build time by `scripts/build_translations.py` (PySide6's lrelease). Strings are
marked with `translate(context, text)` so that pyside6-lupdate finds them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from editor_app.core import wording
from editor_app.core.arabic import to_eastern_digits
from editor_app.core.errors import Text
from editor_app.resources import resource_path
from editor_app.ui.qt_strings import QT_STRINGS_AR, QtStringsTranslator

# QT_TRANSLATE_NOOP is re-exported: widgets take every translation helper from this module.
__all__ = ["QT_TRANSLATE_NOOP", "TranslatedLabels", "translate"]

SOURCE_LANGUAGE = "ar"
# Each language's name is written in that language, as language menus do.
LANGUAGES = {"ar": "العربية", "en": "English"}
RIGHT_TO_LEFT = {"ar"}

_log = logging.getLogger(__name__)
_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
_digits = "latn"
_catalogs: dict[str, QTranslator] = {}
# What each shown text was translated from, so the palette can match an action by its
# name in every language (an action only knows the text it shows).
_origins: dict[str, tuple[str, str]] = {}


def translate(context: str, source: str) -> str:
    """QCoreApplication.translate, remembering the source (lupdate finds this name)."""
    text = QCoreApplication.translate(context, source)
    _origins[text] = (context, source)
    return text


def translations_dir() -> Path:
    return resource_path("translations")


def system_language(ui_languages: Iterable[str] | None = None) -> str:
    """The first of the system's preferred languages Midad speaks; Arabic otherwise
    (a machine set to the C locale, or to French, is still an Arabic newsroom's)."""
    for name in ui_languages if ui_languages is not None else QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def resolve_language(chosen: str) -> str:
    return chosen if chosen in LANGUAGES else system_language()


def _catalog(language: str) -> QTranslator | None:
    """Midad's compiled catalog for a language, loaded once: midad_en has the interface,
    midad_ar the core's messages (written in English for the CLI)."""
    if language not in _catalogs:
        translator = QTranslator()
        if not translator.load(f"midad_{language}", str(translations_dir())):
            _log.warning("no compiled translation midad_%s.qm in %s (run scripts/build_translations.py)",
                         language, translations_dir())
            return None
        _catalogs[language] = translator
    return _catalogs[language]


def apply_language(language: str) -> str:
    """Installs the language's translators and direction on the running application.

    Widgets created afterwards use it; the window is rebuilt to switch a running app."""
    global _current
    app = QCoreApplication.instance()
    language = resolve_language(language)
    if language != SOURCE_LANGUAGE and _catalog(language) is None:
        # A build without compiled catalogs stays wholly Arabic rather than showing
        # Arabic words in a left-to-right window.
        language = SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_translator = QTranslator(app)  # Qt's own strings: standard buttons, context menus
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    if language == "ar":  # installed after qtbase_ar, so asked before it
        qt_fixes = QtStringsTranslator(QT_STRINGS_AR, app)
        app.installTranslator(qt_fixes)
        _installed.append(qt_fixes)
    catalog = _catalog(language)
    if catalog is not None:
        app.installTranslator(catalog)
        _installed.append(catalog)
    _current = language
    _set_qt_locale()
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(layout_direction(language))
        app.setApplicationDisplayName(app_title())
    return language


def current_language() -> str:
    return _current


def layout_direction(language: str | None = None) -> Qt.LayoutDirection:
    rtl = (language or _current) in RIGHT_TO_LEFT
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def set_digits(numbering: str) -> None:
    global _digits
    _digits = numbering
    _set_qt_locale()


def _set_qt_locale() -> None:
    """Qt's own widgets (date and number fields) write digits as the settings say: in Qt's
    locale data plain Arabic (and ar_EG) uses the Eastern digits, ar_LY the Western ones
    with the same month names ("أبريل")."""
    if _current != "ar":
        QLocale.setDefault(QLocale("en_US"))
    else:
        QLocale.setDefault(QLocale("ar_EG" if _digits == "arab" else "ar_LY"))


def format_number(value: int) -> str:
    """A number in the interface's language and the digits chosen in the settings."""
    return wording.format_number(value, babel_locale(), _digits)


def counted(count: int, noun: wording.CountedNoun) -> str:
    """"3 كلمات" / "3 words": the plural form the language's CLDR rules choose."""
    return wording.count_phrase(count, noun, babel_locale(), _digits)


def babel_locale() -> str:
    """The CLDR locale for numbers and plurals in the interface."""
    return "ar" if _current == "ar" else "en"


def user_text(message: object) -> str:
    """An error (or a core Text) in the interface's language; anything else as str() says it."""
    text = message if isinstance(message, Text) else getattr(message, "text", None)
    if not isinstance(text, Text):
        return str(message)
    values = {name: user_text(value) if isinstance(value, Text) else str(value) for name, value in text.values.items()}
    try:
        return translate("errors", text.template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)  # a translation that lost a placeholder must not hide the message


def failure_text(error: BaseException) -> str:
    """Why something failed, in the interface's language: a MidadError says it itself; anything
    else is a fault of Midad's (logged by the caller), named in a translated sentence, not in
    Python's English words."""
    if isinstance(getattr(error, "text", None), Text):
        return user_text(error)
    return translate("i18n", "خطأ غير متوقع في مداد ({kind})").format(kind=type(error).__name__)


def names_in_every_language(shown: str) -> list[str]:
    """A shown text as each language says it: the command palette finds an action by any of them."""
    if shown not in _origins:
        return [shown]
    context, source = _origins[shown]
    names = [shown] + ([source] if source != shown else [])
    for language in LANGUAGES:
        catalog = _catalog(language)
        if catalog is not None:
            translated = catalog.translate(context, source)
            if translated and translated not in names:
                names.append(translated)
    return names


class TranslatedLabels(Mapping[str, str]):
    """Labels marked with QT_TRANSLATE_NOOP at import time and translated when read,
    so a module-level table follows the language chosen later."""

    def __init__(self, context: str, sources: dict[str, str]) -> None:
        self.context = context
        self.sources = sources

    def __getitem__(self, key: str) -> str:
        return translate(self.context, self.sources[key])

    def __iter__(self):
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)


def app_title() -> str:
    return translate("app", "مداد")


def format_moment(moment, pattern: str) -> str:
    """A date in the interface's language (CLDR month names) and the chosen digits."""
    from babel.dates import format_datetime  # (its import: a few tens of ms, not before the first paint)

    formatted = format_datetime(moment, pattern, locale=babel_locale())
    return to_eastern_digits(formatted) if _digits == "arab" and _current == "ar" else formatted
