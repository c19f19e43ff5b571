from __future__ import annotations

import pytest

from editor_app.core.storage import Database
from editor_app.ui.application import create_application, create_main_window


@pytest.fixture
def open_window(qtbot, location):
    """Opens a main window on the test's data folder; call again to 'restart the app'."""
    opened = []

    def open_() :
        create_application([])
        database = Database(location.database_url)
        window = create_main_window(database, location)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, database))
        return window

    yield open_
    for window, database in opened:
        window.close()
        database.close()
