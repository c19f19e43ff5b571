"""The window is shown, with the last article's text, before the libraries it does not need
yet are loaded; they follow right after its first paint. Checked on the real `midad` start
(app.main → run_window) in a fresh process, by what sys.modules holds at the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from editor_app.core.importers import read_article_file
from editor_app.core.settings import Settings
from tests.conftest import SEED_ARTICLE

# Not needed to show the window: loaded when used, or after the first paint.
NOT_BEFORE_THE_FIRST_PAINT = (
    "alembic", "mako",  # the schema is up to date
    "docx", "bs4", "html5lib", "markdownify", "yaml", "pypdf",  # importers, exporters, paste
    "httpx", "keyring",  # publishing
    "enchant",  # spelling dictionaries
    "qtawesome", "qtpy",  # icons
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",  # the preview's browser
)

WATCH_THE_START = """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from editor_app.app import main
    from editor_app.ui import application

    report = {}
    start_steps = application.after_first_paint

    class AtFirstPaint(QObject):
        # notes what is loaded while the editor paints for the first time

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "modules" not in report:
                window = watched.window()
                report["modules"] = sorted(sys.modules)
                report["title"] = window.editor.title()
                report["body"] = window.editor.body()[:60]
                controller = window.preview_controller
                report["preview_rendering_at_paint"] = controller._busy or controller.renders > 0
            return False

    def watching(widget, *steps):
        window = widget.window()
        watcher = AtFirstPaint(widget)
        widget.installEventFilter(watcher)

        def when_preview_loaded(tries=[0]):
            tries[0] += 1
            if window.preview.load_count >= 1 or tries[0] > 600:
                report["preview_loads"] = window.preview.load_count
                report["spelling"] = window.editor.spelling is not None and window.editor.spelling.available
                report["qtawesome_loaded"] = "qtawesome" in sys.modules
                image = window.commands.action("file.new").icon().pixmap(24, 24).toImage()
                report["icon_drawn"] = any(image.pixelColor(x, y).alpha() > 0
                                           for x in range(image.width()) for y in range(image.height()))
                window.publishing.retry_due()  # the outbox check: nothing waits in this library
                report["publishing_loaded"] = "httpx" in sys.modules or "bs4" in sys.modules
                QApplication.quit()
            else:
                QTimer.singleShot(50, when_preview_loaded)

        start_steps(widget, *steps, when_preview_loaded)

    application.after_first_paint = watching
    code = main(["--data-dir", sys.argv[1]])
    print(json.dumps({**report, "exit": code}))
"""


def test_the_window_shows_the_last_article_before_loading_what_it_does_not_need(location):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database

    database = Database(location.database_url)
    Library(database).import_drafts([read_article_file(SEED_ARTICLE)])
    database.close()
    Settings(location.config_dir).update(welcomed=True)  # an ordinary start, not the first one

    trace = location.data_dir.parent / "start-trace.txt"

    def start() -> dict:
        trace.unlink(missing_ok=True)
        result = subprocess.run([sys.executable, "-c", textwrap.dedent(WATCH_THE_START), str(location.data_dir)],
                                capture_output=True, text=True, encoding="utf-8", timeout=120,
                                env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "MIDAD_STARTUP_TRACE": str(trace)})
        assert result.returncode == 0, result.stderr[-3000:]
        return json.loads(result.stdout.strip().splitlines()[-1])

    report = start()
    loaded = set(report["modules"])
    early = [name for name in NOT_BEFORE_THE_FIRST_PAINT if name in loaded or any(
        module.startswith(name + ".") for module in loaded)]
    assert early == []
    assert report["title"].startswith("العلاقات المغربية-الأمريكية")
    assert report["body"].strip()
    assert not report["preview_rendering_at_paint"]  # its Python would compete with the paint
    # What waited came right after: the icons, the dictionaries, the preview's page.
    assert report["icon_drawn"] and report["spelling"] and report["preview_loads"] >= 1
    assert not report["publishing_loaded"]  # loaded when something waits in the outbox, or to publish
    assert report["exit"] == 0
    # The benchmark's trace, in the order things happen; the start's spare heap is handed back.
    events = [line.split()[0] for line in trace.read_text().splitlines()]
    assert events[:5] == ["imported", "application-created", "database-open", "window-shown", "editor-painted"]
    assert "memory-trimmed" in events and "preview-loaded" in events

    # The icons were made once (qtawesome) and kept: the next start draws them from the cache.
    assert report["qtawesome_loaded"]
    again = start()
    assert again["icon_drawn"] and not again["qtawesome_loaded"]


def test_building_the_window_reads_the_article_list_once(qtbot, location, monkeypatch):
    """The view's sort indicator and the filters set the list's request while the window is
    built; only restore_session's reload reads it (three reads before)."""
    from editor_app.core.library import Library
    from editor_app.core.storage import Database
    from editor_app.ui.application import create_application, create_main_window

    database = Database(location.database_url)
    Library(database).import_drafts([read_article_file(SEED_ARTICLE)])
    counted = []
    real_count = Library.count
    monkeypatch.setattr(Library, "count", lambda self, *args, **kwargs: counted.append(args) or real_count(
        self, *args, **kwargs))
    create_application([])
    window = create_main_window(database, location)
    qtbot.addWidget(window)
    assert len(counted) == 1
    assert window.list_panel.model.rowCount() == 1
    window.close()
    database.close()
