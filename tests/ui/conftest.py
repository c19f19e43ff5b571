from __future__ import annotations

import pytest
import shiboken6

from editor_app.core.storage import Database
from editor_app.ui.application import create_application, create_main_window


@pytest.fixture
def open_window(qtbot, location):
    """Opens a main window on the test's data folder; call again to 'restart the app'."""
    opened = []

    def open_():
        create_application([])
        database = Database(location.database_url)
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
