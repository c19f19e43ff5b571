from __future__ import annotations

import pytest
import shiboken6

from editor_app.core.storage import Database
from editor_app.ui.application import create_application, create_main_window


@pytest.fixture
def window_database_url(location) -> str:
    """The library the window opens: the data folder's (a module may override it with another engine's)."""
    return location.database_url


@pytest.fixture
def open_window(qtbot, location, window_database_url):
    """Opens a main window on the test's data folder; call again to 'restart the app'."""
    opened = []

    def open_():
        create_application([])
        database = Database(window_database_url)
        window = create_main_window(database, location)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, database))
        return window

    yield open_
    for window, database in opened:
        if shiboken6.isValid(window):
            window.close()
            shiboken6.delete(window)  # pages go before the browser profile does
        database.close()


@pytest.fixture(autouse=True)
def interface_defaults():
    """Tests that switch the language, theme or digits put the application back as it was."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from editor_app.ui import i18n, theme

    app = QApplication.instance()
    translators = list(i18n._installed)
    direction = app.layoutDirection() if app else None
    before = (i18n.current_language(), i18n._digits, QLocale(), app.palette() if app else None,
              app.style().name() if app else None, theme.current_theme(), theme._choice)
    yield
    language, digits, locale, palette, style, current, choice = before
    app = QApplication.instance()
    if i18n._installed != translators and app is not None:  # back to exactly the translators before
        for translator in i18n._installed:
            app.removeTranslator(translator)
        for translator in translators:
            app.installTranslator(translator)
        i18n._installed[:] = translators
        app.setLayoutDirection(direction)
    i18n._current = language
    i18n._digits = digits
    QLocale.setDefault(locale)
    app = QApplication.instance()
    if app is not None and palette is not None:
        app.setStyle(style)
        app.setPalette(palette)
    theme._current = current
    theme._choice = choice


@pytest.fixture
def window_host(qtbot, location):
    """The application's window owner (it rebuilds the window for a new language)."""
    from editor_app.core.settings import Settings
    from editor_app.ui.application import WindowHost

    create_application([])
    database = Database(location.database_url)
    host = WindowHost(database, location, Settings(location.config_dir))
    host.window.show()
    qtbot.waitExposed(host.window)
    yield host
    if shiboken6.isValid(host.window):
        host.window.close()
        shiboken6.delete(host.window)
    database.close()
