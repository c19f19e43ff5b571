"""Another desktop's change reaches this window when the server says so (NOTIFY), not at the
next poll: the poll is set to an hour here, so only the notice can have started the round."""

from __future__ import annotations

import threading
from datetime import timedelta

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from editor_app.core.sync.engine import SyncEngine
from editor_app.core.sync.wakeups import ServerWakeups
from editor_app.ui.article_list.list_model import ARTICLE_ID_ROLE
from tests.sync.replicas import Desktop
from tests.ui.conftest import open_window, window_database_url  # noqa: F401 - the fixtures

AN_HOUR_MS = 3_600_000


def test_a_change_on_the_server_wakes_the_listener(newsroom):
    editor = newsroom.add("editor", "هدى")
    server = Database(newsroom.url(editor), migrate=False)
    woken = threading.Event()
    wakeups = ServerWakeups(server, woken.set)
    wakeups.start()
    try:
        assert wakeups.listening.wait(20)
        assert not woken.is_set()
        newsroom.library(editor).create(ArticleDraft(title="خبر عاجل", body="نص"))
        assert woken.wait(20)
    finally:
        wakeups.stop()
        server.close()


def test_another_desktops_change_arrives_after_the_notice_without_a_poll(tmp_path, newsroom, location, open_window,
                                                                        monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    office = Desktop(tmp_path / "office", newsroom.url(editor), "office")
    here = Database(location.database_url)
    engine = SyncEngine(here, Database(newsroom.url(editor), migrate=False), backoff=lambda attempts: timedelta(0))
    engine.join("newsroom")
    Library(here).create(ArticleDraft(title="من هنا", body="نص"))
    engine.sync_round()
    engine.server.database.close()
    here.close()
    monkeypatch.setattr("editor_app.ui.sync_status.ROUND_INTERVAL_MS", AN_HOUR_MS)
    monkeypatch.setattr("editor_app.ui.main_window.saved_server_url", lambda window: newsroom.url(editor))

    window = open_window()
    status = window.sync_status
    qtbot.waitUntil(lambda: status.last_report is not None and status.wakeups.listening.is_set(), timeout=20_000)
    assert dict(status.rounds) == {"start": 1}

    office.sync()
    created = office.library.create(ArticleDraft(title="من المكتب", body="خبر كتبه المكتب"))
    assert office.sync().pushed == 1

    def listed() -> bool:
        local_id = window.library.id_for_uuid(created.uuid)
        model = window.list_panel.model
        return local_id is not None and any(model.index(row, 0).data(ARTICLE_ID_ROLE) == local_id
                                            for row in range(model.rowCount()))

    qtbot.waitUntil(listed, timeout=20_000)
    assert status.rounds["notice"] >= 1
    assert status.rounds["timer"] == 0 and status.rounds["change"] == 0  # nothing but the notice started it
    office.close()

