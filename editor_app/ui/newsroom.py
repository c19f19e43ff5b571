"""The window on a newsroom server: who I am and whether the server answers (status bar),
and File › Connect to newsroom…, which makes this desktop's own library the newsroom's offline
copy (core.sync) and syncs it from then on: the window keeps working on the local library,
with or without the network. (A window opened on the server itself, `--database-url
postgresql://…`, reopens on the server chosen.)

On the local SQLite library the label stays hidden: a writer alone has nothing to be told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from sqlalchemy import text

from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.server.people import People, PersonRecord
from editor_app.core.storage import Database
from editor_app.ui import plain_text
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.tasks import BackgroundRunner

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow

CHECK_INTERVAL_MS = 20_000  # how often the label asks the server whether it still answers


def role_label(role: str) -> str:
    return {
        "writer": translate("newsroom", "كاتب"),
        "editor": translate("newsroom", "محرر"),
        "chief": translate("newsroom", "رئيس تحرير"),
        "admin": translate("newsroom", "مدير"),
    }.get(role, role)


def is_newsroom(library: Library) -> bool:
    return library.database.engine.dialect.name == "postgresql"


def _who_am_i(library: Library) -> PersonRecord | None:
    with library.database.transaction() as session:
        session.execute(text("SELECT 1"))  # does the server answer at all?
    return People(library.database).me()


class NewsroomStatus(QLabel):
    """«غرفة الأخبار: server — name (role)», or that the server does not answer."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newsroom_status")
        self.library = library
        self.person: PersonRecord | None = None
        self.connected: bool | None = None
        self.setVisible(is_newsroom(library))
        if not is_newsroom(library):
            return
        self.runner = BackgroundRunner("newsroom-status", self)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.check()

    @property
    def server(self) -> str:
        url = self.library.database.engine.url
        return url.host or url.query.get("host") or "localhost"

    def check(self) -> None:
        self.runner.run(lambda: _who_am_i(self.library), self._answered, self._not_answering)

    def _answered(self, person: PersonRecord | None) -> None:
        self.person, self.connected = person, True
        who = (translate("newsroom", "{name} ({role})").format(name=person.display_name, role=role_label(person.role))
               if person else self.library.actor)
        self.setText(translate("newsroom", "غرفة الأخبار {server}: {who}").format(server=self.server, who=who))
        self.setToolTip(translate("newsroom", "متصل بخادم غرفة الأخبار"))

    def _not_answering(self, error: BaseException) -> None:
        self.connected = False
        self.setText(translate("newsroom", "غرفة الأخبار {server}: غير متصل").format(server=self.server))
        self.setToolTip(user_text(error) if isinstance(error, MidadError) else str(error))


def connect_to_newsroom(window: ArticleWindow) -> None:
    """File › Connect to newsroom…: on success this library becomes (or stays) the newsroom's copy."""
    from editor_app.core.server.profile import load_profile  # keyring: only when connecting
    from editor_app.ui.dialogs.newsroom_dialog import NewsroomDialog

    config_dir = window.settings.path.parent if window.settings.path is not None else None
    if config_dir is None:
        window.statusBar().showMessage(translate("newsroom", "لا مجلد للإعدادات لحفظ الاتصال فيه"), 8000)
        return
    dialog = NewsroomDialog(config_dir, load_profile(config_dir), window)
    if not dialog.exec() or dialog.database is None:
        return
    if not window.library.database.is_sqlite:
        window.database_change_requested.emit(dialog.database)
        return
    become_newsroom_copy(window, dialog.database)


def become_newsroom_copy(window: ArticleWindow, server: Database) -> bool:
    """Join this library to the newsroom (its articles not yet there are sent, once the writer
    agrees) and start syncing it. The server connection the dialog opened is handed over."""
    from editor_app.core.sync.engine import SyncEngine
    from editor_app.ui.sync_status import is_newsroom_copy

    url = server.engine.url.render_as_string(hide_password=False)
    name = server.engine.url.render_as_string(hide_password=True)
    server.close()
    library = window.library
    other = _copy_of_another_newsroom(library, name)
    if other:
        plain_text.warning(window, translate("newsroom", "نسخة من غرفة أخبار أخرى"), translate(
            "newsroom", "مكتبتك نسخة من غرفة أخبار أخرى ({other}): اتصل بها، أو افتح مجلد بيانات آخر لهذه.").format(
            other=other))
        return False
    if not is_newsroom_copy(library):
        with library.database.transaction() as session:
            articles = session.scalar(text("SELECT count(*) FROM articles")) or 0
        if articles and plain_text.question(window, translate("newsroom", "مشاركة مقالاتك مع غرفة الأخبار"), translate(
                "newsroom", "تصبح مكتبتك نسخة من غرفة الأخبار تعمل دون اتصال، وتُرسل مقالاتها ({count}) إلى الخادم "
                "ليقرأها زملاؤك حسب صلاحياتهم. أتتابع؟").format(count=articles)) != QMessageBox.StandardButton.Yes:
            return False
        joining = Database(url, migrate=False)  # (joining writes only here; the engine wants both ends)
        try:
            SyncEngine(library.database, joining).join(name)
        finally:
            joining.close()
    window.sync_status.start(url)
    window.statusBar().showMessage(translate(
        "newsroom", "مكتبتك الآن نسخة من غرفة الأخبار: تكتب فيها دائمًا، وتُزامن حين يتاح الخادم"), 10000)
    return True


def _copy_of_another_newsroom(library: Library, name: str) -> str:
    """The newsroom this library already copies, when it is another server or database ("" if none)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    with library.database.transaction() as session:
        stored = session.execute(text("SELECT value FROM sync_state WHERE key = 'server'")).scalar()
    if not stored:
        return ""
    try:
        before, now = make_url(stored), make_url(name)
    except ArgumentError:
        return ""  # (named by hand, not an address: nothing to compare)
    same = (before.host, before.port or 5432, before.database) == (now.host, now.port or 5432, now.database)
    return "" if same else f"{before.host}/{before.database}"

