"""The workflow on a desktop replica (core.sync + core.workflow.replica) against a real newsroom
server: sends made offline show at once, reach the server at the next sync under its rules, and a
refused one becomes a notification; what others did meanwhile arrives with the sync."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from editor_app.core.records import ArticleDraft
from editor_app.core.workflow.assignments import StoryBudget
from editor_app.core.workflow.service import Workflow
from editor_app.core.workflow.watch import NotificationWatcher
from tests.sync.replicas import Desktop


@pytest.fixture
def room(tmp_path, newsroom):
    writer = newsroom.add("writer", "سمير الكاتب")
    editor = newsroom.add("editor", "هدى المحررة")
    chief = newsroom.add("chief", "أمين رئيس التحرير")
    Workflow(newsroom.library(chief)).add_desk("أخبار")
    desktop = Desktop(tmp_path / "writer", newsroom.url(writer), "writer-laptop")
    yield newsroom, {"writer": writer, "editor": editor, "chief": chief}, desktop
    desktop.close()


def test_sends_made_offline_land_at_the_next_sync_and_a_refused_one_is_told(room):
    newsroom, people, desktop = room
    desktop.sync()  # the desks arrive
    mine = Workflow(desktop.library)
    assert [s.name for s in mine.desks()[0].stages] == ["كتابة", "تحرير", "تدقيق", "جاهز", "منشور"]
    editor = Workflow(newsroom.library(people["editor"]))
    editor_bell = NotificationWatcher(editor.database, people["editor"])

    # Offline: an article written here, filed to the desk editor, then (wrongly) to «جاهز».
    article = desktop.library.create(ArticleDraft(title="تحقيق الموانئ", body="مسودة من القطار"))
    mine.send(article.id, mine.find_stage("أخبار/تحرير").id, person=people["editor"], message="من دون اتصال")
    assert mine.placement(article.id).stage.name == "تحرير"  # the list shows it at once
    mine.send(article.id, mine.find_stage("أخبار/جاهز").id)
    assert mine.placement(article.id).stage.name == "جاهز"
    assert desktop.library.get(article.id).status == "draft"  # the status is the server's to give

    report = desktop.sync()
    assert not report.offline and report.workflow["sent"] == 1 and report.workflow["refused"] == 1
    assert editor_bell.wait(1.0)
    server_id = editor.library.id_for_uuid(article.uuid)
    assert editor.placement(server_id).stage.name == "تحرير"
    (told,) = editor.notifications()
    assert (told.event.actor, told.event.payload["message"]) == (people["writer"], "من دون اتصال")
    # Here: the server's word, and why the second send did not go.
    assert mine.placement(article.id).stage.name == "تحرير"
    assert desktop.library.get(article.id).status == "in_review"
    (refused,) = mine.notifications(unread_only=True)
    assert refused.event.kind == "send_refused" and refused.event.payload["stage"] == "جاهز"
    assert "only an editor" in refused.event.payload["reason"]

    # The desk editor sends it on while the writer is offline; the sync brings it and its history.
    editor.send(server_id, editor.find_stage("أخبار/تدقيق").id, message="إلى التدقيق")
    assert mine.placement(article.id).stage.name == "تحرير"
    desktop.sync()
    assert mine.placement(article.id).stage.name == "تدقيق"
    assert [(e.kind, e.payload.get("stage")) for e in mine.history(article.id)] == [
        ("sent", "تحرير"), ("send_refused", "جاهز"), ("sent", "تدقيق")]
    assert [n.event.payload.get("stage") for n in mine.notifications(unread_only=True)] == ["تدقيق", "جاهز"]
    # Read offline, read on the server after the sync (nothing sent twice).
    assert mine.mark_read() == 2
    desktop.sync()
    writer_on_server = Workflow(newsroom.library(people["writer"]))
    assert writer_on_server.unread_count() == 0
    assert len(writer_on_server.history(server_id)) == 2
    editor_bell.close()


def test_an_assignment_started_offline_reaches_the_server(room):
    newsroom, people, desktop = room
    planner = StoryBudget(Workflow(newsroom.library(people["editor"])))
    line = planner.add("حوار الوزير", desk="أخبار", person=people["writer"],
                       deadline=datetime.now(timezone.utc) - timedelta(hours=1))
    desktop.sync()
    mine = Workflow(desktop.library)
    budget = StoryBudget(mine)
    (today,) = budget.today(timezone.utc)
    assert (today.title, today.late) == ("حوار الوزير", True)
    assert [n.event.kind for n in mine.notifications()] == ["assigned"]
    article = budget.start(today.id)
    assert mine.placement(article.id).stage.name == "كتابة"
    desktop.sync()
    server_id = planner.workflow.library.id_for_uuid(article.uuid)
    assert planner.get(line.id).article_id == server_id
    assert [e.kind for e in planner.workflow.history(server_id)] == ["started"]
    assert budget.get(today.id).article_id == article.id
    assert [e.kind for e in mine.history(article.id)] == ["started"]


def test_desks_made_on_this_computer_before_it_joined_give_way_to_the_servers(room):
    newsroom, people, desktop = room
    from editor_app.core.workflow.local_rules import send_article
    from editor_app.core.workflow.tables import Desk, Stage

    with desktop.database.transaction() as session:  # as a library of one had them before joining
        session.add(Desk(id=1, name="رياضة", position=1))
        session.flush()
        session.add(Stage(id=1, desk_id=1, name="كتابة", position=1, required_role="writer"))
        session.flush()
    article = desktop.library.create(ArticleDraft(title="مباراة الأمس"))
    with desktop.database.transaction() as session:
        send_article(session, "me", article.id, 1, None, "", None)
    report = desktop.sync()
    assert not report.offline and "error" not in report.workflow
    mine = Workflow(desktop.library)
    assert [desk.name for desk in mine.desks()] == ["أخبار"]
    assert mine.placement(article.id) is None  # the server never had it there
    assert [e.kind for e in mine.history(article.id)] == ["sent"]  # what happened here stays in its history
