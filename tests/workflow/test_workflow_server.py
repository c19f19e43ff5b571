"""The editorial workflow on a real private PostgreSQL, with people logged in as themselves:
a writer files, the desk editor sends on, the copy editor sends to «جاهز», the chief publishes.
Every rule is the server's (also against raw SQL), and each step reaches the others' sessions
through LISTEN/NOTIFY: `wait(1.0)` returns as soon as the notice arrives (no sleeping loop)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from editor_app.core.records import ArticleDraft
from editor_app.core.server.faults import NotAllowed
from editor_app.core.workflow.assignments import StoryBudget
from editor_app.core.workflow.refusals import WorkflowRefused
from editor_app.core.workflow.service import Workflow
from editor_app.core.workflow.watch import NotificationWatcher
from tests.postgres.fixtures import PASSWORD


@pytest.fixture
def room(newsroom):
    people = {
        "writer": newsroom.add("writer", "سمير الكاتب"),
        "desk": newsroom.add("editor", "هدى محررة المكتب"),
        "copy": newsroom.add("editor", "ليلى المدققة"),
        "chief": newsroom.add("chief", "أمين رئيس التحرير"),
    }
    flows = {role: Workflow(newsroom.library(login)) for role, login in people.items()}
    flows["chief"].add_desk("أخبار")
    watchers = {role: NotificationWatcher(flows[role].database, login) for role, login in people.items()}
    yield newsroom, people, flows, watchers
    for watcher in watchers.values():
        watcher.close()


def raw(newsroom, login: str) -> psycopg.Connection:
    cluster = newsroom.cluster
    return psycopg.connect(host=cluster.host, port=cluster.port, dbname=newsroom.name, user=login, password=PASSWORD,
                           sslmode="verify-full", sslrootcert=str(cluster.ca_file))


def stage(flow: Workflow, name: str) -> int:
    return flow.find_stage(f"أخبار/{name}").id


def test_a_story_goes_from_writer_to_published_each_step_heard_by_the_others(room):
    newsroom, people, flows, watchers = room
    writer, desk, copy, chief = (flows[r] for r in ("writer", "desk", "copy", "chief"))
    article = writer.library.create(ArticleDraft(title="الموانئ المغربية", body="مسودة"))

    writer.send(article.id, stage(writer, "تحرير"), person=people["desk"], message="جاهزة للتحرير")
    assert watchers["desk"].wait(1.0)
    (told,) = desk.notifications(unread_only=True)
    assert (told.event.actor_name, told.event.payload["stage"], told.event.payload["message"], told.article_title) == (
        "سمير الكاتب", "تحرير", "جاهزة للتحرير", "الموانئ المغربية")
    assert desk.library.get(article.id).status == "in_review"

    # The writer cannot move it to «جاهز»: refused by the server, through Midad and through raw SQL.
    with pytest.raises(WorkflowRefused, match="جاهز"):
        writer.send(article.id, stage(writer, "جاهز"))
    with raw(newsroom, people["writer"]) as connection:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="into the stage جاهز needs the role editor"):
            connection.execute("SELECT midad_send_article(%s, %s, NULL, '', NULL)", (article.id, stage(writer, "جاهز")))
        connection.rollback()
        for statement in ("UPDATE article_workflow SET stage_id = %s" % stage(writer, "جاهز"),
                          "INSERT INTO article_workflow (article_id, stage_id, sent_by, sent_at, message) "
                          f"VALUES ({article.id}, {stage(writer, 'جاهز')}, 'x', now(), '')",
                          "UPDATE articles SET status = 'ready'",
                          "INSERT INTO notifications (event_id, person) VALUES (1, 'x')",
                          "SELECT midad_post_event(NULL, 'sent', NULL, '{}', NULL)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(statement)
            connection.rollback()
    assert writer.placement(article.id).stage.name == "تحرير"

    desk.send(article.id, stage(desk, "تدقيق"), person=people["copy"], message="دقّقي الأرقام")
    assert watchers["copy"].wait(1.0)
    assert watchers["writer"].wait(1.0)  # their article moved on
    copy.send(article.id, stage(copy, "جاهز"), message="سليم")
    assert watchers["writer"].wait(1.0) and watchers["desk"].wait(1.0)
    assert writer.library.get(article.id).status == "ready"
    with pytest.raises(WorkflowRefused, match="منشور"):
        copy.send(article.id, stage(copy, "منشور"))  # an editor, not a chief
    with pytest.raises(WorkflowRefused, match="جاهز"):
        writer.send(article.id, stage(writer, "كتابة"))  # nor may a writer take it back out of «جاهز»

    chief.send(article.id, stage(chief, "منشور"))
    assert watchers["writer"].wait(1.0)
    assert writer.library.get(article.id).status == "published"
    history = writer.history(article.id)
    assert [(e.actor, e.payload["stage"]) for e in history] == [
        (people["writer"], "تحرير"), (people["desk"], "تدقيق"), (people["copy"], "جاهز"), (people["chief"], "منشور")]
    kinds = [(n.event.actor, n.event.payload["stage"]) for n in writer.notifications()]
    assert kinds == [(people["chief"], "منشور"), (people["copy"], "جاهز"), (people["desk"], "تدقيق")]
    assert writer.unread_count() == 3 and writer.mark_read() == 3 and writer.unread_count() == 0
    assert copy.unread_count() == 2  # sent to them, then moved on by the chief: their read marks are their own
    # Who changed the status is the server's word.
    assert [c.changed_by for c in writer.library.status_history(article.id)][-2:] == [
        "ليلى المدققة", "أمين رئيس التحرير"]


def test_a_writer_reads_only_their_own_notifications_and_cannot_manage_desks(room):
    newsroom, people, flows, watchers = room
    writer = flows["writer"]
    article = writer.library.create(ArticleDraft(title="خبر"))
    writer.send(article.id, stage(writer, "تحرير"), person=people["desk"])
    with raw(newsroom, people["writer"]) as connection:
        assert connection.execute("SELECT count(*) FROM notifications").fetchone() == (0,)
        assert connection.execute("UPDATE notifications SET read_at = now()").rowcount == 0
    with pytest.raises(NotAllowed):
        writer.add_desk("رياضة")
    with pytest.raises(NotAllowed):
        flows["desk"].add_desk("رياضة")  # an editor neither: chief editors and admins
    assert [d.name for d in writer.desks()] == ["أخبار"]


def test_the_budget_on_the_server_tells_the_writer_who_starts_the_story(room):
    newsroom, people, flows, watchers = room
    deadline = datetime.now(timezone.utc) + timedelta(hours=3)
    line = StoryBudget(flows["desk"]).add("حوار مع الوزير", desk="أخبار", person=people["writer"], deadline=deadline,
                                          expected_words=800)
    assert watchers["writer"].wait(1.0)
    (told,) = flows["writer"].notifications()
    assert (told.event.kind, told.event.payload["title"]) == ("assigned", "حوار مع الوزير")
    budget = StoryBudget(flows["writer"])
    assert [(l.title, l.late) for l in budget.today(timezone.utc)] == [("حوار مع الوزير", False)]
    with pytest.raises(NotAllowed):
        budget.add("خطتي الخاصة")  # the budget is the editors'
    with pytest.raises(NotAllowed):
        budget.update(line.id, deadline=deadline + timedelta(days=2))  # their own line, still the editors'
    with pytest.raises(NotAllowed):
        budget.remove(line.id)
    article = budget.start(line.id)
    assert watchers["desk"].wait(1.0)
    assert flows["desk"].placement(article.id).stage.name == "كتابة"
    assert flows["desk"].placement(article.id).person == people["writer"]
    assert budget.get(line.id).article_id == article.id
    assert [e.kind for e in flows["desk"].history(article.id)] == ["started"]


def test_sent_to_a_stage_the_desks_members_who_may_take_it_from_there_hear_of_it(room):
    newsroom, people, flows, watchers = room
    colleague = newsroom.add("writer", "ليلى الصحفية")
    desk = flows["chief"].set_member("أخبار", people["copy"])
    desk = flows["chief"].set_member("أخبار", colleague)
    assert set(desk.members) == {people["copy"], colleague}
    with pytest.raises(NotAllowed):
        flows["writer"].set_member("أخبار", people["writer"])  # chief editors and admins decide
    colleague_flow = Workflow(newsroom.library(colleague))
    writer = flows["writer"]
    article = writer.library.create(ArticleDraft(title="خبر"))
    writer.send(article.id, stage(writer, "تحرير"))  # to the stage, nobody named
    assert watchers["copy"].wait(1.0)
    assert colleague_flow.unread_count() == 1  # a writer may take it from «تحرير»
    flows["desk"].send(article.id, stage(writer, "تدقيق"))
    assert watchers["copy"].wait(1.0)
    assert flows["copy"].unread_count() == 2
    assert colleague_flow.unread_count() == 1  # «تدقيق» is the editors': the writer is not told
