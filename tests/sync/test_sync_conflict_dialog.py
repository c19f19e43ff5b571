"""A sync conflict in the window: the article changed on the server and here offline in the same
sentence. The list marks it; opening it offers the merge dialog; the writer's choice is saved
here and sent at the next round, and another desktop receives it. Both texts stay in revisions."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from editor_app.core.sync.engine import SyncEngine
from editor_app.ui.article_list.list_model import ARTICLE_ID_ROLE, SYNC_ROLE
from tests.sync.replicas import Desktop
from tests.ui.conftest import open_window, window_database_url  # noqa: F401 - the fixtures

TITLE = "افتتاح معرض الكتاب في الرباط"
THEIRS = "الفقرة الأولى كما كتبها المكتب.\n\nالفقرة الثانية."
MINE = "الفقرة الأولى كما كتبتها في القطار.\n\nالفقرة الثانية."
BY_HAND = "الفقرة الأولى كما اتفقنا عليها.\n\nالفقرة الثانية."


def _conflict_offline(tmp_path, newsroom, location, editor):
    """This desktop and the office change the same sentence; this one syncs second."""
    office = Desktop(tmp_path / "office", newsroom.url(editor), "office")
    here = Database(location.database_url)
    library = Library(here)
    server = Database(newsroom.url(editor), migrate=False)
    engine = SyncEngine(here, server, backoff=lambda attempts: timedelta(0))
    engine.join("newsroom")
    made = library.create(ArticleDraft(title=TITLE, body="الفقرة الأولى.\n\nالفقرة الثانية."))
    library.create(ArticleDraft(title="مقال آخر", body="نص"))
    engine.sync_round()
    office.sync()
    office.library.save_text(office.library.id_for_uuid(made.uuid), title=TITLE, body=THEIRS)
    office.sync()
    library.save_text(made.id, title=TITLE, body=MINE)
    assert engine.sync_round().conflicts == 1
    server.close()
    here.close()
    return office, made


def test_opening_a_conflicted_article_offers_the_merge_dialog(tmp_path, newsroom, location, open_window,
                                                               monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    office, made = _conflict_offline(tmp_path, newsroom, location, editor)
    monkeypatch.setattr("editor_app.ui.main_window.saved_server_url", lambda window: newsroom.url(editor))

    window = open_window()
    status = window.sync_status
    qtbot.waitUntil(lambda: status.online is True, timeout=20_000)
    model = window.list_panel.model
    marks = {model.index(row, 0).data(ARTICLE_ID_ROLE): model.index(row, 1).data(SYNC_ROLE)
             for row in range(model.rowCount())}
    assert marks[made.id] == "refused"  # the conflict mark; the other article is in step
    assert sorted(marks.values()) == ["", "refused"]
    conflicts = window.follower.sync_conflicts
    window.open_article(made.id)
    assert conflicts.banner.isVisible()
    assert window.editor.body() == MINE  # mine stays on screen until the writer chooses

    offered = []

    def merge_by_hand():
        dialog = conflicts.dialog
        [choice] = dialog.body_choices
        offered.append((choice.hunk.mine, choice.hunk.theirs))
        choice.by_hand.setChecked(True)
        choice.hand_pane.setPlainText("الفقرة الأولى كما اتفقنا عليها.")
        dialog.save_button.click()

    QTimer.singleShot(0, merge_by_hand)
    conflicts.banner.settle_button.click()
    assert offered == [("الفقرة الأولى كما كتبتها في القطار.\n", "الفقرة الأولى كما كتبها المكتب.\n")]
    assert window.editor.body() == BY_HAND
    assert not conflicts.banner.isVisible()
    # The next round sends it over theirs; the office receives it.
    qtbot.waitUntil(lambda: status.last_report is not None and status.last_report.pushed == 1, timeout=20_000)
    assert status.last_report.waiting == 0 and status.last_report.conflicts == 0
    qtbot.waitUntil(lambda: model.index(model.row_of(made.id), 1).data(SYNC_ROLE) == "", timeout=5_000)
    office.sync()
    on_office = office.library.get(office.library.id_for_uuid(made.uuid))
    assert on_office.body == BY_HAND
    kept = {r.body for r in window.library.revisions(made.id) if r.reason == "conflict"}
    assert kept == {THEIRS, MINE}
    office.close()


def test_closing_the_dialog_without_choosing_keeps_the_conflict(tmp_path, newsroom, location, open_window,
                                                                 monkeypatch, qtbot):
    editor = newsroom.add("editor", "هدى")
    office, made = _conflict_offline(tmp_path, newsroom, location, editor)
    monkeypatch.setattr("editor_app.ui.main_window.saved_server_url", lambda window: newsroom.url(editor))
    window = open_window()
    qtbot.waitUntil(lambda: window.sync_status.online is True, timeout=20_000)
    conflicts = window.follower.sync_conflicts
    window.open_article(made.id)
    QTimer.singleShot(0, lambda: conflicts.dialog.reject())
    conflicts.banner.settle_button.click()
    assert conflicts.banner.isVisible() and window.editor.body() == MINE
    before = window.sync_status.last_report
    window.sync_status.sync_now()
    qtbot.waitUntil(lambda: window.sync_status.last_report is not before, timeout=20_000)
    assert window.sync_status.last_report.pushed == 0 and window.sync_status.last_report.waiting == 1
    assert conflicts.banner.isVisible()
    office.sync()
    assert office.library.get(office.library.id_for_uuid(made.uuid)).body == THEIRS
    office.close()
