"""The window is shown, with the last article's text, before the libraries it does not need
yet are loaded; they follow right after its first paint. Checked on the real `midad` start
(app.main → run_window) in a fresh process, by what sys.modules holds at the first paint.

With a last article to show, the first window is the early one (ui/early_window.py): it is
painted before SQLAlchemy, the ORM, Jinja2 and Markdown are imported, and what is typed in
it before the library is open reaches the main window and the database."""

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
# With the last article shown early, the library and the preview's page come after the paint too.
NOT_BEFORE_THE_EARLY_PAINT = NOT_BEFORE_THE_FIRST_PAINT + (
    "sqlalchemy", "editor_app.core.models", "editor_app.core.library", "editor_app.core.storage",
    "jinja2", "markdown", "pygments", "editor_app.core.templates", "editor_app.ui.main_window",
)

WATCH_THE_START = """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from editor_app.app import main
    from editor_app.ui import application

    TYPED, CLOSE_EARLY = sys.argv[2], sys.argv[3] == "close"
    report = {"painted": []}
    start_steps = application.after_first_paint

    class AtFirstPaint(QObject):
        # notes what is loaded while the editor paints for the first time

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "modules" not in report:
                window = watched.window()
                report["modules"] = sorted(sys.modules)
                report["title"] = window.editor.title()
                report["body"] = window.editor.body()[:60]
                controller = getattr(window, "preview_controller", None)
                report["preview_rendering_at_paint"] = controller is not None and (
                    controller._busy or controller.renders > 0)
            return False

    def while_the_library_loads(window):
        # a writer types (and perhaps closes the window) before the library is open
        report["library_loaded_when_typing"] = "sqlalchemy" in sys.modules
        if TYPED:
            QTest.keyClicks(window.editor.body_edit, TYPED)
        if CLOSE_EARLY:
            window.close()

    def watching(widget, *steps):
        window = widget.window()
        report["painted"].append(type(window).__name__)
        if len(report["painted"]) == 1:
            watcher = AtFirstPaint(widget)
            widget.installEventFilter(watcher)
        if type(window).__name__ == "EarlyWindow":
            start_steps(widget, lambda: while_the_library_loads(window), *steps)
            return

        def when_preview_loaded(tries=[0]):
            tries[0] += 1
            if window.preview.load_count >= 1 or tries[0] > 600:
                report["preview_loads"] = window.preview.load_count
                report["spelling"] = window.editor.spelling is not None and window.editor.spelling.available
                report["qtawesome_loaded"] = "qtawesome" in sys.modules
                def drawn(icon):
                    image = icon.pixmap(24, 24).toImage()
                    return any(image.pixelColor(x, y).alpha() > 0
                               for x in range(image.width()) for y in range(image.height()))
                # an action's icon and a button's (the notification bell) are drawn after the start
                report["icon_drawn"] = drawn(window.commands.action("file.new").icon()) and \
                    drawn(window.workflow.bell.icon())
                window.publishing.retry_due()  # the outbox check: nothing waits in this library
                report["publishing_loaded"] = "httpx" in sys.modules or "bs4" in sys.modules
                report["main_body"] = window.editor.body()
                document = window.editor.body_edit.document()
                if document.isUndoAvailable():  # the typing came over as one step: undo gives the stored text
                    document.undo()
                    report["body_after_one_undo"] = window.editor.body()
                    document.redo()
                QApplication.quit()
            else:
                QTimer.singleShot(50, when_preview_loaded)

        start_steps(widget, *steps, when_preview_loaded)

    application.after_first_paint = watching
    # A library that cannot be opened: what the dialog said (offscreen, nobody clicks).
    application.plain_text.critical = lambda parent, title, text, *rest: report.update(critical=text)
    code = main(["--data-dir", sys.argv[1]])
    print(json.dumps({**report, "exit": code}))
"""


def library_with_the_seed_article(location, *, remembered: bool):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database
    from editor_app.ui.window_state import WindowState

    database = Database(location.database_url)
    [record] = Library(database).import_drafts([read_article_file(SEED_ARTICLE)])
    database.close()
    Settings(location.config_dir).update(welcomed=True)  # an ordinary start, not the first one
    if remembered:  # the writer had it open when Midad last closed
        WindowState(location.data_dir).remember_article(record.id, 0)
    return record


def start_midad(location, typed: str = "", close_early: bool = False) -> tuple[dict, list[str]]:
    """One real start in a fresh process: what it reported, and its trace's events in order."""
    trace = location.data_dir.parent / "start-trace.txt"
    trace.unlink(missing_ok=True)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(WATCH_THE_START), str(location.data_dir), typed,
                             "close" if close_early else "stay"],
                            capture_output=True, text=True, encoding="utf-8", timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "MIDAD_STARTUP_TRACE": str(trace)})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), [line.split()[0] for line in trace.read_text().splitlines()]


def loaded_too_early(report: dict, names: tuple[str, ...]) -> list[str]:
    loaded = set(report["modules"])
    return [name for name in names if name in loaded or any(module.startswith(name + ".") for module in loaded)]


def test_the_window_shows_the_last_article_before_loading_what_it_does_not_need(location):
    library_with_the_seed_article(location, remembered=False)

    # No article remembered (a library just imported): the library opens first, then the window.
    report, events = start_midad(location)
    assert report["painted"] == ["MainWindow"]
    assert loaded_too_early(report, NOT_BEFORE_THE_FIRST_PAINT) == []
    assert report["title"].startswith("العلاقات المغربية-الأمريكية")
    assert report["body"].strip()
    assert not report["preview_rendering_at_paint"]  # its Python would compete with the paint
    # What waited came right after: the icons, the dictionaries, the preview's page.
    assert report["icon_drawn"] and report["spelling"] and report["preview_loads"] >= 1
    assert not report["publishing_loaded"]  # loaded when something waits in the outbox, or to publish
    assert report["exit"] == 0
    # The benchmark's trace, in the order things happen; the start's spare heap is handed back.
    assert events[:5] == ["imported", "application-created", "database-open", "main-window-shown",
                          "main-window-painted"]
    assert "memory-trimmed" in events and "preview-loaded" in events
    # The icons were made once (qtawesome) and kept: the next start draws them from the cache.
    assert report["qtawesome_loaded"]

    # The next start (the article is remembered now): the early window paints it before the
    # library, the ORM, Jinja2 and Markdown are imported; the main window follows.
    again, events = start_midad(location)
    assert again["painted"] == ["EarlyWindow", "MainWindow"]
    assert loaded_too_early(again, NOT_BEFORE_THE_EARLY_PAINT) == []
    assert again["title"].startswith("العلاقات المغربية-الأمريكية")
    assert again["body"] == report["body"]
    assert again["icon_drawn"] and again["spelling"] and again["preview_loads"] >= 1
    assert not again["qtawesome_loaded"] and not again["publishing_loaded"]
    assert events[:7] == ["imported", "application-created", "window-shown", "editor-painted", "database-open",
                          "main-window-shown", "main-window-painted"]
    assert again["exit"] == 0


def test_what_is_typed_while_the_library_loads_is_kept_and_saved(location):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database

    stored = library_with_the_seed_article(location, remembered=True)
    typed = "Breaking: "

    report, _events = start_midad(location, typed=typed)
    assert report["painted"] == ["EarlyWindow", "MainWindow"]
    assert report["library_loaded_when_typing"] is False  # typed into the early window
    assert report["main_body"] == typed + stored.body  # the caret was at the start
    assert report["body_after_one_undo"] == stored.body
    database = Database(location.database_url)
    try:
        assert Library(database).get(stored.id).body == typed + stored.body  # saved at the hand-over
    finally:
        database.close()


def test_closing_the_early_window_saves_what_was_typed_then_quits(location):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database

    stored = library_with_the_seed_article(location, remembered=True)
    report, events = start_midad(location, typed="Late news ", close_early=True)
    assert report["exit"] == 0
    assert "main-window-shown" in events  # the main window took the text, saved it and closed
    database = Database(location.database_url)
    try:
        assert Library(database).get(stored.id).body == "Late news " + stored.body
    finally:
        database.close()


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


def test_a_library_that_cannot_open_keeps_what_was_typed_in_a_file(location):
    """A database written by a newer Midad: the early window showed the article (read-only
    read), the writer typed, the open failed; the text is in a file the message names."""
    import sqlite3

    stored = library_with_the_seed_article(location, remembered=True)
    connection = sqlite3.connect(location.data_dir / "midad.db")
    connection.execute("UPDATE alembic_version SET version_num = 'f00dcafe'")
    connection.commit()
    connection.close()
    report, events = start_midad(location, typed="Kept ")
    assert report["painted"] == ["EarlyWindow"] and report["exit"] == 1
    assert "main-window-shown" not in events
    [kept] = location.data_dir.glob("typed-while-opening-*.md")
    assert str(kept) in report["critical"]
    assert "Kept " + stored.body in kept.read_text(encoding="utf-8")
