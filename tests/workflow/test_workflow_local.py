"""The workflow on a local library (SQLite, one writer who holds every role)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from editor_app.core.errors import ArticleNotFound, InvalidField
from editor_app.core.records import ArticleDraft
from editor_app.core.workflow.assignments import StoryBudget
from editor_app.core.workflow.refusals import UnknownName
from editor_app.core.workflow.service import Workflow

UTC = timezone.utc


@pytest.fixture
def workflow(library):
    return Workflow(library)


def test_a_desk_gets_the_usual_stages_in_order(workflow):
    desk = workflow.add_desk("أخبار")
    assert [stage.name for stage in desk.stages] == ["كتابة", "تحرير", "تدقيق", "جاهز", "منشور"]
    assert [stage.required_role for stage in desk.stages] == ["writer", "writer", "editor", "editor", "chief"]
    assert workflow.find_stage("أخبار/جاهز").sets_status == "ready"
    with pytest.raises(InvalidField):
        workflow.add_desk("أخبار")
    with pytest.raises(UnknownName):
        workflow.find_stage("أخبار/غير موجودة")
    assert workflow.add_stage("أخبار", "أرشيف", "chief").position == 6


def test_sending_moves_the_article_sets_the_stage_status_and_keeps_the_history(library, workflow):
    workflow.add_desk("أخبار")
    article = library.create(ArticleDraft(title="الموانئ", body="نص"))
    workflow.send(article.id, workflow.find_stage("أخبار/تحرير").id, message="للمراجعة")
    workflow.send(article.id, workflow.find_stage("أخبار/جاهز").id, person="huda", message="جاهز للنشر")
    placement = workflow.placement(article.id)
    assert (placement.stage.path, placement.person, placement.message) == ("أخبار/جاهز", "huda", "جاهز للنشر")
    assert library.get(article.id).status == "ready"
    history = workflow.history(article.id)
    assert [(event.kind, event.payload["stage"], event.payload["from_stage"]) for event in history] == [
        ("sent", "تحرير", None), ("sent", "جاهز", "تحرير")]
    assert [change.to_status for change in library.status_history(article.id)][-1] == "ready"
    with pytest.raises(ArticleNotFound):
        workflow.history(9999)


def test_a_person_is_told_and_marks_notifications_read(library, workflow):
    workflow.add_desk("أخبار")
    article = library.create(ArticleDraft(title="الموانئ"))
    workflow.send(article.id, workflow.find_stage("أخبار/تدقيق").id, person="huda")
    assert workflow.unread_count() == 0  # nobody tells themselves
    library.actor = "huda"
    assert workflow.unread_count() == 1
    (notification,) = workflow.notifications()
    assert (notification.event.kind, notification.event.target, notification.article_title) == ("sent", "huda", "الموانئ")
    assert workflow.mark_read() == 1
    assert workflow.unread_count() == 0 and workflow.notifications()[0].read


def test_posted_events_of_other_parts_reach_their_target(library, workflow):
    article = library.create(ArticleDraft(title="الموانئ"))
    workflow.post_event(article.id, "mentioned", "samir", {"comment": 3, "excerpt": "@samir انظر"})
    library.actor = "samir"
    (notification,) = workflow.notifications(unread_only=True)
    assert notification.event.payload == {"comment": 3, "excerpt": "@samir انظر"}
    assert [event.kind for event in workflow.history(article.id)] == ["mentioned"]


def test_the_budget_lists_today_marks_late_ones_and_starts_articles(library, workflow):
    workflow.add_desk("اقتصاد")
    budget = StoryBudget(workflow)
    now = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    late = budget.add("أسعار القمح", desk="اقتصاد", person="samir", deadline=now - timedelta(hours=20))
    today = budget.add("الميزانية", desk="اقتصاد", person="samir", deadline=now + timedelta(hours=6),
                       expected_words=600, notes="أرقام الوزارة")
    budget.add("غدًا", deadline=now + timedelta(days=1))
    lines = budget.today(UTC, now=now)
    assert [(line.title, line.late) for line in lines] == [("أسعار القمح", True), ("الميزانية", False)]
    article = budget.start(today.id)
    assert article.title == "الميزانية" and budget.get(today.id).article_id == article.id
    assert budget.start(today.id).id == article.id  # started once
    assert workflow.placement(article.id).stage.path == "اقتصاد/كتابة"
    assert [event.kind for event in workflow.history(article.id)] == ["started"]
    started = budget.start(late.id)
    workflow.send(started.id, workflow.find_stage("اقتصاد/جاهز").id)
    assert not budget.get(late.id).late  # ready: no longer late
    with pytest.raises(InvalidField):
        budget.add("  ")


def test_a_desks_members_hear_of_what_is_sent_to_its_stages(library, workflow):
    workflow.add_desk("أخبار")
    assert workflow.set_member("أخبار", "nadia").members == ("nadia",)
    article = library.create(ArticleDraft(title="خبر"))
    workflow.send(article.id, workflow.find_stage("أخبار/تدقيق").id)
    library.actor = "nadia"
    assert [n.event.payload["stage"] for n in workflow.notifications()] == ["تدقيق"]
    library.actor = "someone"
    assert workflow.set_member("أخبار", "nadia", member=False).members == ()


def test_an_assignment_is_changed_and_removed_and_a_new_person_is_told(library, workflow):
    workflow.add_desk("رياضة")
    budget = StoryBudget(workflow)
    line = budget.add("نهائي الكأس", person="samir")
    changed = budget.update(line.id, title="نهائي كأس العرش", desk="رياضة", person="layla", expected_words=900)
    assert (changed.title, changed.desk, changed.person, changed.expected_words) == ("نهائي كأس العرش", "رياضة",
                                                                                    "layla", 900)
    library.actor = "layla"
    assert [n.event.payload["title"] for n in workflow.notifications()] == ["نهائي كأس العرش"]
    with pytest.raises(InvalidField):
        budget.update(line.id, colour="أحمر")
    budget.remove(line.id)
    assert budget.list() == []
    with pytest.raises(UnknownName):
        budget.remove(line.id)
