"""Articles older than the copy's window stay on the server until opened: found by a search on
the server, fetched when opened (then kept in step), and a clear refusal when offline."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from editor_app.core.records import ArticleDraft
from editor_app.core.sync.engine import ServerOffline
from tests.sync.replicas import Desktop, server_checksums
from tests.wordpress.server import free_port
from tests.ui.conftest import open_window, window_database_url  # noqa: F401 - the fixtures


def make_old(newsroom, uuid: str, days: int = 90) -> None:
    database = newsroom.open(newsroom.owner_url)
    with database.transaction() as session:
        session.execute(text("UPDATE articles SET updated_at = now() - make_interval(days => :days) WHERE uuid = :u"),
                        {"days": days, "u": uuid})
    database.close()


def test_an_old_article_is_found_on_the_server_and_fetched_when_opened(tmp_path, newsroom):
    writer, editor = newsroom.add("writer", "سعاد"), newsroom.add("editor", "هدى")
    archive = newsroom.library(writer)
    old = archive.create(ArticleDraft(title="أرشيف الانتخابات البلدية", body="نتائج الدورة السابقة.\n\nتحليل."))
    archive.save_text(old.id, title=old.title, body="نتائج الدورة السابقة.\n\nتحليل مفصل.", explicit=True)
    recent = archive.create(ArticleDraft(title="الانتخابات البلدية اليوم", body="تغطية مباشرة."))
    make_old(newsroom, old.uuid)
    desk = Desktop(tmp_path / "desk", newsroom.url(editor), "desk")
    try:
        desk.sync()
        assert desk.library.id_for_uuid(recent.uuid) is not None
        assert desk.library.id_for_uuid(old.uuid) is None  # outside the 30 days
        hits = desk.engine.search_server("الانتخابات")
        assert [hit.uuid for hit in hits] == [old.uuid]  # the recent one is here already
        assert hits[0].title == "أرشيف الانتخابات البلدية"
        local_id = desk.engine.fetch(old.uuid)
        fetched = desk.library.get(local_id)
        assert fetched.body == "نتائج الدورة السابقة.\n\nتحليل مفصل."
        assert [r.body for r in desk.library.revisions(local_id)] == [r.body for r in archive.revisions(old.id)]
        assert desk.engine.waiting_count() == 0
        # From now on it is kept in step both ways.
        desk.library.save_text(local_id, title=fetched.title, body=fetched.body + "\n\nإضافة من المحرر.")
        assert desk.sync().pushed == 1
        archive.save_text(old.id, title="أرشيف الانتخابات البلدية (محدّث)", body=archive.get(old.id).body)
        desk.sync()
        assert desk.library.get(local_id).title == "أرشيف الانتخابات البلدية (محدّث)"
        assert desk.checksums() == {uuid: value for uuid, value in server_checksums(newsroom).items()
                                    if uuid in desk.checksums()}
        assert desk.engine.search_server("الانتخابات") == []
    finally:
        desk.close()


def test_offline_the_server_search_and_fetch_say_so(tmp_path, newsroom):
    editor = newsroom.add("editor", "هدى")
    down = newsroom.url(editor).replace(f":{newsroom.cluster.port}/", f":{free_port()}/")
    desk = Desktop(tmp_path / "desk", down, "desk")
    try:
        with pytest.raises(ServerOffline):
            desk.engine.search_server("الانتخابات")
        with pytest.raises(ServerOffline):
            desk.engine.fetch("00000000-0000-0000-0000-000000000000")
    finally:
        desk.close()


def _window_on_copy(tmp_path, newsroom, location, monkeypatch, open_window, login: str, server_url: str):
    from datetime import timedelta

    from editor_app.core.storage import Database
    from editor_app.core.sync.engine import SyncEngine

    here = Database(location.database_url)
    engine = SyncEngine(here, Database(newsroom.url(login), migrate=False), backoff=lambda attempts: timedelta(0))
    engine.join("newsroom")
    engine.sync_round()
    engine.server.database.close()
    here.close()
    monkeypatch.setattr("editor_app.ui.main_window.saved_server_url", lambda window: server_url)
    return open_window()


def test_the_window_finds_an_old_article_on_the_server_and_opens_it(tmp_path, newsroom, location, open_window,
                                                                   monkeypatch, qtbot):
    writer, editor = newsroom.add("writer", "سعاد"), newsroom.add("editor", "هدى")
    archive = newsroom.library(writer)
    old = archive.create(ArticleDraft(title="أرشيف معرض الكتاب", body="دورة العام الماضي."))
    make_old(newsroom, old.uuid)
    window = _window_on_copy(tmp_path, newsroom, location, monkeypatch, open_window, editor, newsroom.url(editor))
    status = window.sync_status
    qtbot.waitUntil(lambda: status.online is True, timeout=20_000)
    assert window.library.id_for_uuid(old.uuid) is None
    status.find_older_action.trigger()
    dialog = status.search_dialog
    dialog.query.setText("معرض")
    dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=20_000)
    assert dialog.results.item(0).text() == "أرشيف معرض الكتاب"
    dialog.open_button.click()
    qtbot.waitUntil(lambda: window.editor.body() == "دورة العام الماضي.", timeout=20_000)
    local_id = window.library.id_for_uuid(old.uuid)
    assert window.editor.article_id == local_id
    assert window.list_panel.model.row_of(local_id) is not None


def test_offline_the_window_says_older_articles_wait_for_the_connection(tmp_path, newsroom, location, open_window,
                                                                       monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    down = newsroom.url(editor).replace(f":{newsroom.cluster.port}/", f":{free_port()}/")
    window = _window_on_copy(tmp_path, newsroom, location, monkeypatch, open_window, editor, down)
    status = window.sync_status
    qtbot.waitUntil(lambda: status.online is False, timeout=20_000)
    status.find_older_action.trigger()
    dialog = status.search_dialog
    dialog.query.setText("معرض")
    dialog.search_button.click()
    qtbot.waitUntil(lambda: "غير متاحة الآن" in dialog.message.text(), timeout=20_000)
    assert dialog.results.count() == 0 and dialog.isVisible()
