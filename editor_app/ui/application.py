"""Starting the window: the Qt application, fonts, the database, the main window."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from pathlib import Path

# The Qt-free core first, on purpose: once PySide6 is imported, it inspects the source of
# every module imported after it (its __feature__ support), which costs SQLAlchemy, Jinja2
# and Markdown about a tenth of a second more at each start.
from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.settings import Settings
from editor_app.core.storage import Database, StorageLocation
from editor_app.core.spelling import SpellChecker, newsroom_words
from editor_app.core.templates import ArticleTemplates
from editor_app.crash_log import log_unexpected_error

import shiboken6  # noqa: E402, I001
from PySide6.QtCore import QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor_app.ui import plain_text
from editor_app.ui.dialogs.error_dialog import ErrorDialog
from editor_app.ui.first_run import TOUR_DELAY_MS, welcome_on_first_run
from editor_app.ui.i18n import app_title, apply_language, translate, user_text
from editor_app.ui.preferences import apply_to_application
from editor_app.ui.icons import defer_icons, show_deferred_icons, use_icon_cache
from editor_app.ui.main_window import MainWindow
from editor_app.ui.qt_app import create_application  # noqa: F401 - where callers and tests look for it
from editor_app.ui.preview.factory import webengine_available
from editor_app.ui.recovery import open_or_recover
from editor_app.ui.services import AppServices
from editor_app.ui.single_instance import SingleInstance
from editor_app.ui.startup import after_first_paint, release_start_up_memory, trace
from editor_app.ui.window_state import WindowState


def prepare_webengine_if_available() -> None:
    if webengine_available():
        from editor_app.ui.preview.scheme import prepare_webengine

        prepare_webengine()


def create_main_window(database: Database, location: StorageLocation, settings: Settings | None = None, *,
                       spelling: SpellChecker | None = None, staged: bool = False) -> MainWindow:
    """settings None: this location's settings file (created by a test or a script).
    staged: what the first paint does not need comes after it (WindowHost.finish_start):
    the spelling dictionaries, and the password file's place (keyring's import)."""
    settings = settings or Settings(location.config_dir)
    if not staged:
        configure_credentials(location)
    preferences = settings.preferences
    if spelling is None and not staged:
        spelling = load_spelling(location, settings)
    window = MainWindow(
        AppServices(Library(database), settings, location.data_dir),
        WindowState(location.data_dir),
        ArticleTemplates(Path(preferences.template_folder) if preferences.template_folder else None,
                         digits=preferences.digits),
        spelling,
    )
    window.restore_session()
    return window


def load_spelling(location: StorageLocation, settings: Settings) -> SpellChecker:
    preferences = settings.preferences
    return SpellChecker((preferences.spell_arabic, preferences.spell_latin), data_dir=location.data_dir,
                        newsroom_words=newsroom_words(preferences.template_folder))


def configure_credentials(location: StorageLocation) -> None:
    from editor_app.core.publishing import credentials

    credentials.configure(location.data_dir)  # where an encrypted password file would live


class WindowHost(QObject):
    """Owns the one main window; a language change rebuilds it in the new language
    (every string, the mirroring, Qt's own dialogs), after saving what the writer typed."""


    def __init__(self, database: Database, location: StorageLocation, settings: Settings,
                 staged: bool = False) -> None:
        super().__init__()
        self.database = database
        self.location = location
        self.settings = settings
        self.window = self._build(staged=staged)

    def finish_start(self) -> None:
        """What a window built `staged` does after its first paint (the dictionaries: a fifth of a second)."""
        configure_credentials(self.location)
        if self.window.editor.spelling is None:
            spelling = load_spelling(self.location, self.settings)
            self.window.editor.set_spelling(spelling)
            self.window.report_missing_dictionaries(spelling)

    def _build(self, spelling: SpellChecker | None = None, staged: bool = False) -> MainWindow:
        window = create_main_window(self.database, self.location, self.settings, spelling=spelling, staged=staged)
        window.language_change_requested.connect(self.switch_language, Qt.ConnectionType.QueuedConnection)
        window.database_change_requested.connect(self.switch_database, Qt.ConnectionType.QueuedConnection)
        return window

    def switch_database(self, database: Database) -> MainWindow:
        """File › Connect to newsroom…: the same rebuild as for a language, on the server's library.
        The local database stays open (closed at exit): its backups keep running."""
        previous = self.database
        self.database = database
        self.switch_language(self.settings.preferences.language)
        if self.window.library.database is not database:
            self.database = previous  # the writer kept the old window: close the new connection
            database.close()
        return self.window

    def switch_language(self, language: str) -> MainWindow:
        old = self.window
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)  # the old window closes before the new one shows
        try:
            if not old.close():
                return old  # the writer chose to keep a window whose last edit could not be saved
            apply_language(language)
            self.window = self._build(spelling=old.editor.spelling)  # the same dictionaries
            self.window.show()
        finally:
            app.setQuitOnLastWindowClosed(True)
        # At once, not deleteLater: its web page must go while the browser profile exists.
        shiboken6.delete(old)
        return self.window


def bring_to_front(window: MainWindow) -> None:
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()
    print("midad: brought to the front by a second launch", file=sys.stderr, flush=True)


def _start_backups(host: WindowHost, database: Database):
    from editor_app.core.backups import sqlite_path
    from editor_app.ui.backup_scheduler import BackupScheduler

    path = sqlite_path(database.url)
    if path is None:
        return None
    scheduler = BackupScheduler(path, before_backup=lambda: host.window.autosave.flush(), parent=host)
    scheduler.failed.connect(lambda message: host.window.statusBar().showMessage(translate("application", "تعذّرت النسخة الاحتياطية: {message}").format(message=message),
                                                                            30000))
    scheduler.start()
    return scheduler


def install_error_handler(location: StorageLocation) -> None:
    """An unexpected error is logged and reported in one sentence; the app keeps running."""

    def handle(kind, error, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log_file = log_unexpected_error(location.data_dir, error.with_traceback(trace))
        ErrorDialog(error, log_file, QApplication.activeWindow()).exec()

    sys.excepthook = handle


def _quit_cleanly_on_termination_signals(app: QApplication) -> QTimer:
    """SIGTERM/SIGINT close the window normally, so autosave flushes first."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        # Through the event loop: a signal that arrives before exec() still closes the window.
        signal.signal(signum, lambda *_: QTimer.singleShot(0, app.closeAllWindows))
    # Python only runs signal handlers when it holds the interpreter; a short timer
    # hands it control regularly while Qt's event loop runs.
    ticker = QTimer()
    ticker.start(300)
    ticker.timeout.connect(lambda: None)
    return ticker


def run_window(location: StorageLocation, argv: Sequence[str]) -> int:
    trace("imported")
    defer_icons()
    use_icon_cache(location.data_dir / "cache" / "icons")
    app = create_application(argv)
    trace("application-created")
    instance = SingleInstance(location.data_dir)
    if not instance.acquire():
        print("midad: already open on this data folder; its window was brought to the front", file=sys.stderr)
        return 0
    # The language first: a damaged database is explained in the writer's language too.
    settings = Settings(location.config_dir)
    apply_language(settings.preferences.language)
    apply_to_application(settings.preferences)
    try:
        database, restored = open_or_recover(location)
    except MidadError as error:
        plain_text.critical(None, app_title(), translate("application", "تعذّر فتح قاعدة البيانات:\n{error}").format(error=user_text(error)))
        return 1
    if database is None:
        return 1
    trace("database-open")
    install_error_handler(location)
    tour = welcome_on_first_run(Library(database), settings)
    host = WindowHost(database, location, settings, staged=True)
    window = host.window
    instance.activation_requested.connect(lambda: bring_to_front(host.window))
    window.show()
    trace("window-shown")
    started: dict[str, object] = {}
    after_first_paint(window.editor.body_edit.viewport(),
                      lambda: trace("editor-painted"),
                      lambda: show_deferred_icons(host.window),
                      host.finish_start,
                      lambda: started.update(backups=_start_backups(host, database)),
                      release_start_up_memory)
    if hasattr(window.preview, "page_loaded"):  # the last of the start's work: trim again after it
        window.preview.page_loaded.connect(lambda: (trace("preview-loaded"), release_start_up_memory()))
    if settings.problem:
        window.statusBar().showMessage(_settings_problem(settings), 30000)
    if tour:
        QTimer.singleShot(TOUR_DELAY_MS, lambda: host.window.start_tour())
    if restored is not None:
        message = translate("application", "استُعيدت النسخة الاحتياطية {backup}").format(backup=restored.restored.name)
        if restored.moved_aside:
            message = translate("application", "استُعيدت النسخة الاحتياطية {backup}؛ الملف التالف محفوظ باسم {damaged}").format(
                backup=restored.restored.name, damaged=restored.moved_aside.name)
        window.statusBar().showMessage(message, 30000)
    ticker = _quit_cleanly_on_termination_signals(app)
    try:
        return app.exec()
    finally:
        ticker.stop()
        backups = started.get("backups")
        if backups is not None:
            backups.shutdown()
        instance.release()
        # Delete the window (and its web pages) while the QApplication and the
        # preview's browser profile still exist, so the shutdown is clean.
        shiboken6.delete(host.window)
        if host.database is not database:
            host.database.close()  # the newsroom server's connection
        database.close()


def _settings_problem(settings: Settings) -> str:
    message = translate("application", "تعذّرت قراءة ملف الإعدادات، فاستُخدمت الإعدادات الافتراضية.")
    if settings.damaged_copy is not None:
        message += " " + translate("application", "حُفظ الملف التالف باسم {name}.").format(name=settings.damaged_copy.name)
    return message
