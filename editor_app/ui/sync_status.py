"""The window's side of offline-first sync (core.sync): a worker that runs sync rounds off
the UI thread (on a timer, a few seconds after each local change, and at once when the
server's NOTIFY says someone else changed something: core.sync.wakeups), the status bar's
connection state with the count of changes waiting, and each article's state in the list.

Shown only when this library is a newsroom copy (`midad sync` joined it) and the newsroom's
address is known (File › Connect to newsroom… saved it, its password in the keyring)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget
from sqlalchemy import text

from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.storage import Database
from editor_app.core.sync.engine import SyncEngine, SyncReport
from editor_app.ui.i18n import translate
from editor_app.ui.tasks import BackgroundRunner

if TYPE_CHECKING:
    from editor_app.ui.article_list.list_model import ArticleListModel

ROUND_INTERVAL_MS = 60_000  # a round a minute when nothing happens (a change here starts one sooner)
AFTER_CHANGE_MS = 3_000  # a burst of autosaves makes one round
AFTER_NOTICE_MS = 150  # the notices of one commit (an article and its revision) make one round


def is_newsroom_copy(library: Library) -> bool:
    if not library.database.is_sqlite:
        return False
    with library.database.transaction() as session:
        return session.execute(text("SELECT 1 FROM sync_state WHERE key = 'server'")).first() is not None


def saved_server_url(window) -> str | None:
    """The newsroom saved by File › Connect to newsroom… (None: none saved, or no password stored)."""
    from editor_app.core.sync.newsroom import saved_newsroom_url

    if window.settings.path is None:
        return None
    try:
        return saved_newsroom_url(window.settings.path.parent)
    except MidadError:
        return None


class SyncStatus(QLabel):
    """«متصل بغرفة الأخبار» / «غير متصل: ٣ تغييرات تنتظر الإرسال» in the status bar."""

    round_finished = Signal()  # a sync round ended (the list's marks are up to date)

    def __init__(self, library: Library, server_url: str | None, model: ArticleListModel | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.library, self.model = library, model
        self.engine: SyncEngine | None = None
        self.online: bool | None = None
        self.last_report: SyncReport | None = None
        self.rounds: Counter[str] = Counter()  # why rounds were started: start, timer, change, notice
        self.wakeups = None
        # Clicking the status offers these (the command registry may list them too).
        self.sync_now_action = QAction(translate("sync_status", "زامن الآن"), self)
        self.sync_now_action.triggered.connect(lambda: self.sync_now("asked"))
        self.find_older_action = QAction(translate("sync_status", "ابحث في أرشيف غرفة الأخبار…"), self)
        self.find_older_action.triggered.connect(self._find_older)
        self.setVisible(False)
        if server_url is not None and is_newsroom_copy(library):
            self.start(server_url)

    def start(self, server_url: str) -> None:
        """Sync this library (a newsroom copy) with the server at `server_url` from now on."""
        if self.engine is not None:
            self.shutdown()
        library = self.library
        self.server = Database(server_url, migrate=False)
        self.engine = SyncEngine(library.database, self.server)
        self.runner = BackgroundRunner("sync", self)
        self._timer = QTimer(self)
        self._timer.setInterval(ROUND_INTERVAL_MS)
        self._timer.timeout.connect(lambda: self.sync_now("timer"))
        self._timer.start()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(AFTER_CHANGE_MS)
        self._soon.timeout.connect(lambda: self.sync_now("change"))
        self._noticed = QTimer(self)
        self._noticed.setSingleShot(True)
        self._noticed.setInterval(AFTER_NOTICE_MS)
        self._noticed.timeout.connect(lambda: self.sync_now("notice"))
        # Listeners run in the thread that made the change: the timer is started from the UI thread.
        self._unsubscribe = library.changes.subscribe(lambda change: None if change.external else
                                                      QMetaObject.invokeMethod(self._soon, "start",
                                                                               Qt.ConnectionType.QueuedConnection))
        self.setVisible(True)
        self._show(None, self.engine.waiting_count())
        self.sync_now("start")
        self._start_listening()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.engine is None:
            return super().mousePressEvent(event)
        menu = QMenu(self)
        menu.addActions([self.sync_now_action, self.find_older_action])
        menu.popup(event.globalPosition().toPoint())
        return None

    def _find_older(self) -> None:
        from editor_app.ui.newsroom_search import open_newsroom_search

        window = self.window()
        self.search_dialog = open_newsroom_search(window)

    def _start_listening(self) -> None:
        """Someone else's change on the server starts a round at once (called in the listening thread)."""
        from editor_app.core.sync.wakeups import ServerWakeups

        if self.server.engine.dialect.name != "postgresql":
            return
        noticed = self._noticed
        self.wakeups = ServerWakeups(self.server, lambda: QMetaObject.invokeMethod(
            noticed, "start", Qt.ConnectionType.QueuedConnection))
        self.wakeups.start()

    def sync_now(self, reason: str = "asked") -> None:
        if self.engine is not None:
            self.rounds[reason] += 1
            engine = self.engine
            self.runner.run(lambda: (engine.sync_round(), engine.article_states()), self._finished, self._failed)

    def _finished(self, result: tuple[SyncReport, dict[int, str]]) -> None:
        report, states = result
        self.last_report = report
        self._show(not report.offline, report.waiting, report.offline)
        if self.model is not None:
            self.model.set_newsroom_sync(states)
        self.round_finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._show(False, self.engine.waiting_count() if self.engine else 0,
                   str(error) if isinstance(error, MidadError) else type(error).__name__)

    def _show(self, online: bool | None, waiting: int, reason: str = "") -> None:
        self.online = online
        if online is False:
            state = translate("sync_status", "غير متصل بغرفة الأخبار")
        elif online:
            state = translate("sync_status", "متزامن مع غرفة الأخبار")
        else:
            state = translate("sync_status", "غرفة الأخبار: جارٍ الاتصال…")
        if waiting:
            state = translate("sync_status", "{state}: {count} تغييرات تنتظر الإرسال").format(state=state, count=waiting)
        self.setText(state)
        self.setToolTip(reason or translate("sync_status", "نسختك المحلية تُحفظ دائمًا، وتُرسل التغييرات حين يتاح الخادم"))

    def shutdown(self) -> None:
        if self.engine is not None:
            self.runner.shutdown(wait=False)  # a round in flight ends with the process; its transaction with it
            if self.wakeups is not None:
                self.wakeups.stop()
                self.wakeups = None
            self._timer.stop()
            self._soon.stop()
            self._noticed.stop()
            self._unsubscribe()
            self.server.close()
            self.engine = None
