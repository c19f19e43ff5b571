"""Comments and suggested edits made on desktop replicas, offline, reach the newsroom server at
the next sync round and the other desktops after theirs (core.annotations.replica), on a
private PostgreSQL; the server's rules still decide what a replica pushes."""

from __future__ import annotations

import pytest

from editor_app.core.annotations.store import Annotations
from editor_app.core.records import ArticleDraft
from editor_app.core.workflow.service import Workflow
from tests.sync.replicas import Desktop

BODY = ("في تقييمها الدوري لعلاقات التعاون الأمني، أكدت وزارة الخارجية الأمريكية موقع المغرب كحليف رئيسي.\n\n"
        "هذا الإقرار يعكس عمق العلاقات بين البلدين.")


@pytest.fixture
def people(newsroom):
    return {"writer": newsroom.add("writer", "سمير الكاتب"), "desk": newsroom.add("editor", "هدى المحررة"),
            "copy": newsroom.add("editor", "نادية المدققة")}


@pytest.fixture
def desktops(tmp_path, newsroom, people):
    made = {}
    for who, login in people.items():
        desktop = Desktop(tmp_path / who, newsroom.url(login), who)
        desktop.library.actor = desktop.database.actor = login  # the person at that desktop
        made[who] = desktop
    yield made
    for desktop in made.values():
        desktop.close()


def rounds(*desktops, times: int = 2) -> None:
    for _ in range(times):
        for desktop in desktops:
            report = desktop.sync()
            assert not report.offline, report.offline


def view(annotations: Annotations, article_id: int):
    """What every copy must agree on (ids differ from copy to copy; logins and words do not)."""
    threads = [(t.anchor.quote, t.resolved, t.resolved_by, t.created_by,
                [(m.author, m.body) for m in t.messages]) for t in annotations.threads(article_id)]
    suggestions = sorted((s.kind, s.text, s.author, s.state, s.decided_by)
                         for s in annotations.suggestions(article_id, pending_only=False))
    return threads, suggestions


def kinds(desktop: Desktop) -> list[str]:
    return [n.event.kind for n in Workflow(desktop.library).notifications()]


def test_offline_comments_and_decisions_reach_every_copy_under_the_servers_rules(newsroom, people, desktops):
    writer, desk, copy = desktops["writer"], desktops["desk"], desktops["copy"]
    article = writer.library.create(ArticleDraft(title="العلاقات المغربية-الأمريكية", body=BODY))
    rounds(writer, desk, copy, times=1)
    on_desk = desk.library.id_for_uuid(article.uuid)

    # The desk editor, offline: a comment mentioning the writer, an insertion, a deletion.
    notes = Annotations(desk.library)
    start = BODY.index("كحليف")
    thread = notes.start_thread(on_desk, start, start + len("كحليف رئيسي"),
                                "@سمير الكاتب هل نضيف «وأساسي» كما في التقرير؟")
    insertion = notes.suggest_insert(on_desk, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
    deletion = notes.suggest_delete(on_desk, BODY.index("الدوري "), BODY.index("الدوري ") + len("الدوري "))
    # Meanwhile the writer, offline too, adds a first line: the anchors must find their words again.
    writer.library.save_text(article.id, title="العلاقات المغربية-الأمريكية", body="عاجل.\n\n" + BODY, explicit=True)

    report = desk.sync()
    assert report.workflow["annotations"]["pushed"] == 4 and report.workflow["annotations"]["refused"] == 0
    server = Annotations(newsroom.library(people["writer"]))
    server_id = newsroom.library(people["writer"]).id_for_uuid(article.uuid)
    [on_server] = server.threads(server_id)
    assert on_server.created_by == people["desk"] and on_server.messages[0].author == people["desk"]
    assert {s.author for s in server.suggestions(server_id)} == {people["desk"]}

    rounds(writer, copy)
    mine = Annotations(writer.library)
    body = writer.library.get(article.id).body
    assert body.startswith("عاجل.")
    [got] = mine.threads(article.id)
    assert body[got.anchor.start:got.anchor.end] == "كحليف رئيسي" and not got.anchor.orphaned
    assert "mentioned" in kinds(writer)
    pending = {s.kind: s for s in mine.suggestions(article.id)}
    assert body[pending["delete"].anchor.start:pending["delete"].anchor.end] == "الدوري "

    # The writer, offline: accepts the insertion, rejects the deletion, replies.
    mine.accept(pending["insert"].id)
    mine.reject(pending["delete"].id)
    mine.reply(got.id, "موافق، قبلت الإضافة.")
    rounds(writer)
    # The copy editor had the suggestions pending; offline, rejects the insertion the writer already
    # accepted (the server refuses: already decided) and resolves the thread.
    checking = Annotations(copy.library)
    on_copy = copy.library.id_for_uuid(article.uuid)
    stale = next(s for s in checking.suggestions(on_copy) if s.kind == "insert")
    checking.reject(stale.id)
    checking.resolve(checking.threads(on_copy)[0].id)
    report = copy.sync()
    assert report.workflow["annotations"]["refused"] == 1
    [refusal] = [n for n in Workflow(copy.library).notifications() if n.event.kind == "annotation_refused"]
    assert refusal.event.payload["rule"] == "decided" and "already decided" in refusal.event.payload["reason"]
    assert refusal.event.payload["excerpt"] == " وأساسي"
    assert next(s for s in checking.suggestions(on_copy, pending_only=False)
                if s.kind == "insert").state == "accepted"  # the server's state, the writer's decision

    rounds(writer, desk, copy)
    expected_body = "عاجل.\n\n" + BODY.replace("رئيسي.", "رئيسي وأساسي.")
    copies = [(Annotations(d.library), d.library.id_for_uuid(article.uuid)) for d in (writer, desk, copy)]
    copies.append((server, server_id))
    views = [view(annotations, article_id) for annotations, article_id in copies]
    assert all(v == views[0] for v in views)
    threads, suggestions = views[0]
    assert threads == [("كحليف رئيسي", True, people["copy"], people["desk"],
                        [(people["desk"], "@سمير الكاتب هل نضيف «وأساسي» كما في التقرير؟"),
                         (people["writer"], "موافق، قبلت الإضافة.")])]
    assert suggestions == [("delete", "الدوري ", people["desk"], "rejected", people["writer"]),
                           ("insert", " وأساسي", people["desk"], "accepted", people["writer"])]
    for d in (writer, desk, copy):
        assert d.library.get(d.library.id_for_uuid(article.uuid)).body == expected_body
    assert {"suggestion_accepted", "suggestion_rejected"} <= set(kinds(desk))
    # The desk's own rows kept their local ids through every round (matched by uuid, not copied twice).
    assert [t.id for t in notes.threads(on_desk)] == [thread.id]
    assert {s.id for s in notes.suggestions(on_desk, pending_only=False)} == {insertion.id, deletion.id}


def test_one_suggestion_decided_on_two_desktops_offline(newsroom, people, desktops):
    """The same decision twice agrees (its text once, the first to reach the server decided it);
    the opposite one is refused and told."""
    writer, desk, copy = desktops["writer"], desktops["desk"], desktops["copy"]
    article = writer.library.create(ArticleDraft(title="تقرير", body=BODY))
    rounds(writer, desk, copy, times=1)
    on_desk, on_copy = desk.library.id_for_uuid(article.uuid), copy.library.id_for_uuid(article.uuid)
    Annotations(desk.library).suggest_insert(on_desk, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
    rounds(desk, writer, copy, times=1)
    # All three decide it offline; the writer syncs first.
    Annotations(writer.library).accept(Annotations(writer.library).suggestions(article.id)[0].id)
    Annotations(desk.library).accept(Annotations(desk.library).suggestions(on_desk)[0].id)
    Annotations(copy.library).reject(Annotations(copy.library).suggestions(on_copy)[0].id)
    rounds(writer, times=1)
    agreed = desk.sync().workflow["annotations"]
    assert (agreed["pushed"], agreed["refused"]) == (0, 0)
    assert copy.sync().workflow["annotations"]["refused"] == 1
    [refusal] = [n for n in Workflow(copy.library).notifications() if n.event.kind == "annotation_refused"]
    assert (refusal.event.payload["action"], refusal.event.payload["rule"]) == ("decide", "decided")
    rounds(writer, desk, copy)
    for d in (writer, desk, copy):
        local_id = d.library.id_for_uuid(article.uuid)
        [decided] = Annotations(d.library).suggestions(local_id, pending_only=False)
        assert (decided.state, decided.decided_by) == ("accepted", people["writer"])
        assert d.library.get(local_id).body == BODY.replace("رئيسي.", "رئيسي وأساسي.")


def test_an_offline_accept_the_server_refuses_gives_its_text_back(newsroom, people, desktops):
    """The writer rejects, the desk (offline) accepts: the accepted words had travelled with the
    article; the refusal takes them back on every copy, as a revision, and tells the desk."""
    writer, desk = desktops["writer"], desktops["desk"]
    article = writer.library.create(ArticleDraft(title="تقرير", body=BODY))
    rounds(writer, desk, times=1)
    on_desk = desk.library.id_for_uuid(article.uuid)
    Annotations(desk.library).suggest_insert(on_desk, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
    rounds(desk, writer, times=1)
    Annotations(writer.library).reject(Annotations(writer.library).suggestions(article.id)[0].id)
    Annotations(desk.library).accept(Annotations(desk.library).suggestions(on_desk)[0].id)
    rounds(writer, times=1)
    assert desk.sync().workflow["annotations"]["refused"] == 1
    assert desk.library.get(on_desk).body == BODY
    assert [n.event.payload["rule"] for n in Workflow(desk.library).notifications()
            if n.event.kind == "annotation_refused"] == ["decided"]
    rounds(desk, writer)
    for d in (writer, desk):
        local_id = d.library.id_for_uuid(article.uuid)
        assert d.library.get(local_id).body == BODY
        [decided] = Annotations(d.library).suggestions(local_id, pending_only=False)
        assert (decided.state, decided.decided_by) == ("rejected", people["writer"])
    assert desk.library.revisions(on_desk)[0].reason == "suggestion"
