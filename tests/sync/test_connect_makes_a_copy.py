"""File › Connect to newsroom… on the desktop's own library makes it the newsroom's offline copy
(instead of opening the server directly): the window stays on the local SQLite library, its
articles go to the server once the writer agrees, the newsroom's come here, and sync runs."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from editor_app.ui import plain_text
from editor_app.core.records import ArticleDraft
from editor_app.ui.dialogs.newsroom_dialog import NewsroomDialog
from editor_app.ui.newsroom import connect_to_newsroom
from editor_app.ui.sync_status import is_newsroom_copy
from tests.postgres.fixtures import PASSWORD
from tests.ui.conftest import open_window, window_database_url  # noqa: F401 - the fixtures
from tests.ui.test_newsroom_window import fill


def _connect_through_the_dialog(window, newsroom, login: str, qtbot) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewsroomDialog):
            QTimer.singleShot(50, answer)
            return
        fill(dialog, newsroom, login, PASSWORD)
        dialog.try_connect()

    QTimer.singleShot(0, answer)
    connect_to_newsroom(window)


def test_connecting_makes_this_library_the_newsrooms_offline_copy(newsroom, open_window, monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    on_server = newsroom.library(editor).create(ArticleDraft(title="من غرفة الأخبار", body="نص"))
    window = open_window()
    mine = window.library.create(ArticleDraft(title="مسودتي", body="كتبتها وحدي"))
    asked = []
    monkeypatch.setattr(plain_text, "question", lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    assert not window.sync_status.isVisible()
    count = len(window.library.summaries())  # the first start's welcome article, and mine
    _connect_through_the_dialog(window, newsroom, editor, qtbot)
    assert len(asked) == 1 and f"({count})" in asked[0]  # the writer was told how many articles go
    assert window.library.database.is_sqlite and is_newsroom_copy(window.library)
    status = window.sync_status
    assert status.isVisible()
    qtbot.waitUntil(lambda: status.last_report is not None and status.last_report.waiting == 0, timeout=30_000)
    assert status.online
    assert window.library.id_for_uuid(on_server.uuid) is not None  # the newsroom's came here
    server = newsroom.library(editor)
    assert server.get(server.id_for_uuid(mine.uuid)).body == "كتبتها وحدي"  # mine went there


def test_declining_to_share_leaves_the_library_alone(newsroom, open_window, monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    window = open_window()
    mine = window.library.create(ArticleDraft(title="مسودتي", body="كتبتها وحدي"))
    monkeypatch.setattr(plain_text, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    _connect_through_the_dialog(window, newsroom, editor, qtbot)
    assert not is_newsroom_copy(window.library) and window.sync_status.engine is None
    assert newsroom.library(editor).id_for_uuid(mine.uuid) is None


def test_a_copy_of_another_newsroom_is_not_mixed_with_this_one(newsroom, open_window, monkeypatch, qtbot):
    from sqlalchemy import text

    editor = newsroom.add("editor", "هدى")
    window = open_window()
    with window.library.database.transaction() as session:
        session.execute(text("INSERT INTO sync_state (key, value) VALUES "
                             "('server', 'postgresql+psycopg://samir@db.other.example:5432/midad')"))
    warned = []
    monkeypatch.setattr(plain_text, "warning", lambda *args, **kwargs: warned.append(args[2]))
    _connect_through_the_dialog(window, newsroom, editor, qtbot)
    assert len(warned) == 1 and "db.other.example/midad" in warned[0]
    assert window.sync_status.engine is None  # nothing synced with the wrong newsroom
