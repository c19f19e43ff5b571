"""The window on a newsroom copy: the status bar says it is offline and how many changes wait,
and the list marks what waits to be sent and what is in conflict."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from editor_app.core.sync.engine import SyncEngine
from editor_app.ui.article_list.list_model import ARTICLE_ID_ROLE, SYNC_ROLE
from tests.sync.replicas import Desktop
from tests.ui.conftest import open_window, window_database_url  # noqa: F401 - the fixtures
from tests.wordpress.server import free_port

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "sync-offline.png"


def test_offline_window_shows_waiting_changes_and_conflicts(tmp_path, newsroom, location, open_window, monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    office = Desktop(tmp_path / "office", newsroom.url(editor), "office")
    here = Database(location.database_url)
    library = Library(here)
    server = Database(newsroom.url(editor), migrate=False)
    engine = SyncEngine(here, server, backoff=lambda attempts: timedelta(0))
    engine.join("newsroom")
    titles = ("الحكومة تعلن خطة النقل الجديدة", "افتتاح معرض الكتاب في الرباط", "نتائج الانتخابات البلدية",
              "موجة حر تضرب المنطقة")
    made = [library.create(ArticleDraft(title=title, body=f"الفقرة الأولى من «{title}».\n\nالفقرة الثانية."))
            for title in titles]
    engine.sync_round()
    office.sync()
    # Written here offline: one edit waits; one sentence the office changed too: a conflict.
    theirs = office.library.id_for_uuid(made[2].uuid)
    office.library.save_text(theirs, title=titles[2], body="الفقرة الأولى كما كتبها المكتب.\n\nالفقرة الثانية.")
    office.sync()
    library.save_text(made[2].id, title=titles[2], body="الفقرة الأولى كما كتبتها أنا.\n\nالفقرة الثانية.")
    assert engine.sync_round().conflicts == 1
    library.save_text(made[1].id, title=titles[1], body="الفقرة الأولى، وقد عدّلتها في القطار.\n\nالفقرة الثانية.")
    library.save_text(made[3].id, title=titles[3], body="الفقرة الأولى، أُضيف إليها سطر.\n\nالفقرة الثانية.")
    server.close()
    office.close()
    here.close()
    down = newsroom.url(editor).replace(f":{newsroom.cluster.port}/", f":{free_port()}/")
    monkeypatch.setattr("editor_app.ui.main_window.saved_server_url", lambda window: down)

    window = open_window()
    status = window.sync_status
    qtbot.waitUntil(lambda: status.online is False, timeout=20_000)
    assert status.isVisible()
    assert status.text() == "غير متصل بغرفة الأخبار: 3 تغييرات تنتظر الإرسال"
    window.commands.refresh()
    assert window.commands.action("file.sync_now").isEnabled()  # a copy that syncs: File offers a round now
    model = window.list_panel.model
    marks = {model.index(row, 0).data(ARTICLE_ID_ROLE): model.index(row, 1).data(SYNC_ROLE)
             for row in range(model.rowCount())}
    assert marks == {made[0].id: "", made[1].id: "queued", made[2].id: "refused", made[3].id: "queued"}
    if os.environ.get("MIDAD_SYNC_SCREENSHOT"):
        qtbot.wait(300)
        window.grab().save(str(SCREENSHOT))
