"""Starting the window: the Qt application, fonts, the database, the main window."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# Light on purpose: the window shows the last article (ui/early_window.py) before SQLAlchemy,
# the ORM, Jinja2, Markdown and the main window's modules are imported; those are imported
# in the functions below, right after that first paint.
from editor_app.core.errors import MidadError
from editor_app.core.settings import Settings
from editor_app.crash_log import log_unexpected_error

import shiboken6  # noqa: E402, I001
from PySide6.QtCore import QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor_app.ui import plain_text
from editor_app.ui.i18n import app_title, apply_language, translate, user_text
from editor_app.ui.preferences import apply_to_application
from editor_app.ui.icons import defer_icons, show_deferred_icons, use_icon_cache
from editor_app.ui.qt_app import create_application  # noqa: F401 - where callers and tests look for it
from editor_app.ui.single_instance import SingleInstance
from editor_app.ui.startup import after_first_paint, early_window_for, plain_imports, release_start_up_memory, trace

if TYPE_CHECKING:
    from editor_app.core.locations import StorageLocation
    from editor_app.core.spelling import SpellChecker
    from editor_app.core.storage import Database
    from editor_app.ui.main_window import MainWindow


def prepare_webengine_if_available() -> None:
    from editor_app.ui.preview.factory import webengine_available

    if webengine_available():
        from editor_app.ui.preview.scheme import prepare_webengine

        prepare_webengine()


def create_main_window(database: Database, location: StorageLocation, settings: Settings | None = None, *,
                       spelling: SpellChecker | None = None, staged: bool = False) -> MainWindow:
    """settings None: this location's settings file (created by a test or a script).
    staged: what the first paint does not need comes after it (WindowHost.finish_start):
    the spelling dictionaries, and the password file's place (keyring's import)."""
    with plain_imports():
        from editor_app.core.library import Library
        from editor_app.core.templates import ArticleTemplates
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.services import AppServices
    from editor_app.ui.window_state import WindowState

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
    from editor_app.core.spelling import SpellChecker, newsroom_words

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
        from editor_app.ui.dialogs.error_dialog import ErrorDialog

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
    start = WindowStart(location, settings)
    instance.activation_requested.connect(start.bring_to_front)
    early = early_window_for(location, settings)
    if early is None:  # no article to show yet, or a newsroom server: the library first
        if not start.open_library() or not start.show_main_window():
            instance.release()
            return 1
    else:
        start.early = early
        early.show()
        trace("window-shown")
        after_first_paint(early.editor.body_edit.viewport(), lambda: trace("editor-painted"),
                          start.open_library, start.take_over_from_early_window)
    ticker = _quit_cleanly_on_termination_signals(app)
    try:
        return app.exec()
    finally:
        ticker.stop()
        start.shut_down()
        instance.release()


class WindowStart:
    """The start after the language is set: the library, the main window, what follows its paint.
    With an early window (the last article, shown before the library loads), the two first
    steps run right after that window's first paint and the main window takes its place."""

    def __init__(self, location: StorageLocation, settings: Settings) -> None:
        self.location = location
        self.settings = settings
        self.early = None
        self.database: Database | None = None
        self.restored = None
        self.host: WindowHost | None = None
        self.backups = None

    def bring_to_front(self) -> None:
        window = self.host.window if self.host is not None else self.early
        if window is not None:
            bring_to_front(window)

    def open_library(self) -> bool:
        with plain_imports():  # (Qt-free: PySide6's per-import source check is not needed)
            from editor_app.core import library, storage, templates  # noqa: F401 - the heavy part, at once
        from editor_app.ui.recovery import open_or_recover

        try:
            self.database, self.restored = open_or_recover(self.location)
        except MidadError as error:
            message = translate("application", "تعذّر فتح قاعدة البيانات:\n{error}").format(error=user_text(error))
            kept = self.early.keep_typed_text(self.location.data_dir) if self.early is not None else None
            if kept is not None:
                message += "\n" + translate("application", "ما كتبته في أثناء الفتح محفوظ في {path}").format(path=kept)
            plain_text.critical(None, app_title(), message)
        if self.database is None:
            self._give_up()
            return False
        trace("database-open")
        return True

    def _give_up(self) -> None:
        if self.early is not None:
            self.early.keep_typed_text(self.location.data_dir)  # (once: a second call finds it kept)
            self.early.deleteLater()
            self.early = None
            QApplication.exit(1)

    def take_over_from_early_window(self) -> None:
        try:
            self.show_main_window()
        except BaseException:
            # The main window could not be built (the error handler says why): what was typed
            # goes to a file, and the early window may be closed again.
            if self.early is not None:
                self.early.keep_typed_text(self.location.data_dir)
                self.early.loading = False
            raise

    def show_main_window(self) -> bool:
        if self.database is None:
            return False
        from editor_app.core.library import Library
        from editor_app.ui.first_run import TOUR_DELAY_MS, welcome_on_first_run

        install_error_handler(self.location)
        tour = welcome_on_first_run(Library(self.database), self.settings)
        self.host = host = WindowHost(self.database, self.location, self.settings, staged=True)
        window = host.window
        if self.early is not None:
            self.early.hand_over(window)
            self.early = None
        else:
            window.show()
        trace("main-window-shown")
        after_first_paint(window.editor.body_edit.viewport(),
                          lambda: trace("main-window-painted"),
                          lambda: show_deferred_icons(host.window),
                          host.finish_start,
                          lambda: setattr(self, "backups", _start_backups(host, self.database)),
                          release_start_up_memory)
        if hasattr(window.preview, "page_loaded"):  # the last of the start's work: trim again after it
            window.preview.page_loaded.connect(lambda: (trace("preview-loaded"), release_start_up_memory()))
        if self.settings.problem:
            window.statusBar().showMessage(_settings_problem(self.settings), 30000)
        if tour:
            QTimer.singleShot(TOUR_DELAY_MS, lambda: host.window.start_tour())
        restored = self.restored
        if restored is not None:
            message = translate("application", "استُعيدت النسخة الاحتياطية {backup}").format(backup=restored.restored.name)
            if restored.moved_aside:
                message = translate("application", "استُعيدت النسخة الاحتياطية {backup}؛ الملف التالف محفوظ باسم {damaged}").format(
                    backup=restored.restored.name, damaged=restored.moved_aside.name)
            window.statusBar().showMessage(message, 30000)
        return True

    def shut_down(self) -> None:
        if self.backups is not None:
            self.backups.shutdown()
        if self.host is not None:
            # Delete the window (and its web pages) while the QApplication and the
            # preview's browser profile still exist, so the shutdown is clean.
            shiboken6.delete(self.host.window)
            if self.host.database is not self.database:
                self.host.database.close()  # the newsroom server's connection
        if self.database is not None:
            self.database.close()


def _settings_problem(settings: Settings) -> str:
    message = translate("application", "تعذّرت قراءة ملف الإعدادات، فاستُخدمت الإعدادات الافتراضية.")
    if settings.damaged_copy is not None:
        message += " " + translate("application", "حُفظ الملف التالف باسم {name}.").format(name=settings.damaged_copy.name)
    return message
