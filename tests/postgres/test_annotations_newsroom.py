"""Comments and suggested edits between people of a newsroom, on a private PostgreSQL: who may
do what is the server's rule (core.annotations.server_rights), proven through Midad and
through raw sessions that skip every check the client makes."""

from __future__ import annotations

import json

import pytest

from editor_app.core.annotations import events
from editor_app.core.annotations.store import Annotations
from editor_app.core.errors import ArticleNotFound
from editor_app.core.records import ArticleDraft
from editor_app.core.server.faults import NotAllowed
from tests.postgres.test_server_security import raw, refused

BODY = ("في تقييمها الدوري لعلاقات التعاون الأمني، أكدت وزارة الخارجية الأمريكية موقع المغرب كحليف رئيسي.\n\n"
        "هذا الإقرار يعكس عمق العلاقات بين البلدين.")


@pytest.fixture
def people(newsroom):
    return {
        "writer": newsroom.add("writer", "سمير الكاتب"),
        "desk": newsroom.add("editor", "هدى المحررة"),
        "copy": newsroom.add("editor", "نادية المدققة"),
        "other": newsroom.add("writer", "ليلى الصحفية"),
    }


@pytest.fixture
def heard():
    received = []
    disconnects = [events.connect(kind, received.append) for kind in events.KINDS]
    yield received
    for disconnect in disconnects:
        disconnect()


def notes_of(newsroom, login: str) -> Annotations:
    return Annotations(newsroom.library(login))


def test_the_desk_comments_and_suggests_the_writer_decides_the_copy_editor_resolves(newsroom, people, heard):
    writer_library = newsroom.library(people["writer"])
    article = writer_library.create(ArticleDraft(title="العلاقات المغربية-الأمريكية", body=BODY))
    desk = notes_of(newsroom, people["desk"])
    thread = desk.start_thread(article.id, BODY.index("كحليف"), BODY.index("كحليف") + len("كحليف رئيسي"),
                               "@سمير الكاتب هل نضيف «وأساسي» كما في التقرير؟")
    assert [(e.kind, e.people, e.by) for e in heard] == [(events.MENTIONED, (people["writer"],), people["desk"])]
    at = BODY.index("رئيسي") + len("رئيسي")
    insertion = desk.suggest_insert(article.id, at, " وأساسي")
    deletion = desk.suggest_delete(article.id, BODY.index("الدوري "), BODY.index("الدوري ") + len("الدوري "))

    writer = notes_of(newsroom, people["writer"])
    assert {s.author_name for s in writer.suggestions(article.id)} == {"هدى المحررة"}
    writer.reply(thread.id, "موافق، قبلت الإضافة.")
    record = writer.accept(insertion.id)
    writer.reject(deletion.id)
    assert "كحليف رئيسي وأساسي." in record.body and "الدوري" in record.body
    assert [(e.kind, e.people) for e in heard[1:]] == [(events.SUGGESTION_ACCEPTED, (people["desk"],)),
                                                      (events.SUGGESTION_REJECTED, (people["desk"],))]
    revision = writer_library.revisions(article.id)[0]
    assert revision.reason == "suggestion" and revision.author == "سمير الكاتب"
    assert json.loads(revision.note)["accepted"][0]["author"] == people["desk"]

    # The writer may not close the desk's thread; the copy editor may close anyone's.
    with pytest.raises(NotAllowed, match="only who started a comment, or an editor"):
        writer.resolve(thread.id)
    copy = notes_of(newsroom, people["copy"])
    copy.resolve(thread.id)
    [closed] = notes_of(newsroom, people["desk"]).threads(article.id)
    assert closed.resolved and closed.resolved_by == people["copy"]
    assert [m.author_name for m in closed.messages] == ["هدى المحررة", "سمير الكاتب"]
    # The thread still points at its words after the accepted insertion moved the text.
    assert record.body[closed.anchor.start:closed.anchor.end] == "كحليف رئيسي"


def test_mentions_and_decisions_ring_the_other_persons_bell_and_enter_the_history(newsroom, people):
    from editor_app.core.annotations.notify import post_to_workflow
    from editor_app.core.workflow.service import Workflow

    article = newsroom.library(people["writer"]).create(ArticleDraft(title="تقرير", body=BODY))
    desk_library, writer_library = newsroom.library(people["desk"]), newsroom.library(people["writer"])
    stops = [post_to_workflow(Workflow(desk_library)), post_to_workflow(Workflow(writer_library))]
    try:
        desk, writer = Annotations(desk_library), Annotations(writer_library)
        desk.start_thread(article.id, 0, 5, "@سمير الكاتب راجع المقدمة")
        suggestion = desk.suggest_delete(article.id, 0, 3)
        writer.reject(suggestion.id)
        kinds = [n.event.kind for n in Workflow(writer_library).notifications()]
        assert kinds == ["mentioned"]
        assert [n.event.kind for n in Workflow(desk_library).notifications()] == ["suggestion_rejected"]
        history = [e.kind for e in Workflow(desk_library).history(article.id)]
        assert history[-2:] == ["mentioned", "suggestion_rejected"]
    finally:
        for stop in stops:
            stop()


def test_a_writer_cannot_accept_suggestions_on_someone_elses_article(newsroom, people):
    article = newsroom.library(people["writer"]).create(ArticleDraft(title="تقرير", body=BODY))
    newsroom.library(people["desk"]).assign(article.id, people["other"])  # Layla may now read and edit it
    suggestion = notes_of(newsroom, people["desk"]).suggest_delete(article.id, 0, 3)
    other = notes_of(newsroom, people["other"])
    assert [s.id for s in other.suggestions(article.id)] == [suggestion.id]  # she sees it
    with pytest.raises(NotAllowed, match="only the article's writer or an editor"):
        other.accept(suggestion.id)
    with pytest.raises(NotAllowed):
        other.reject_all(article.id)
    with raw(newsroom, people["other"]) as connection:
        message = refused(connection, "UPDATE suggestions SET state = 'accepted' WHERE id = %s", (suggestion.id,))
        assert "only the writer of the article or an editor" in message
    assert newsroom.library(people["writer"]).get(article.id).body == BODY
    # Its own writer may.
    notes_of(newsroom, people["writer"]).accept(suggestion.id)
    assert newsroom.library(people["writer"]).get(article.id).body == BODY[3:]


def test_who_wrote_a_comment_is_the_servers_word_and_others_articles_comments_stay_hidden(newsroom, people):
    article = newsroom.library(people["writer"]).create(ArticleDraft(title="تقرير", body=BODY))
    thread = notes_of(newsroom, people["desk"]).start_thread(article.id, 0, 5, "ملاحظة داخلية للمحرر")
    with raw(newsroom, people["writer"]) as connection:
        # A forged author and a forged decision are replaced by the server.
        connection.execute("INSERT INTO comment_messages (uuid, thread_id, author, body, mentions, created_at) "
                           "VALUES (gen_random_uuid()::text, %s, %s, 'رد', '', now())", (thread.id, people["desk"]))
        connection.execute("INSERT INTO suggestions (uuid, article_id, kind, anchor_start, anchor_end, quote, author, "
                           "created_at, state, decided_by) VALUES (gen_random_uuid()::text, %s, 'insert', 0, 0, 'x', %s, "
                           "now(), 'accepted', %s)",
                           (article.id, people["desk"], people["desk"]))
        connection.commit()
        assert connection.execute("SELECT author FROM comment_messages ORDER BY id DESC LIMIT 1").fetchone() == \
            (people["writer"],)
        assert connection.execute("SELECT author, state, decided_by FROM suggestions").fetchone() == \
            (people["writer"], "pending", "")
    # Layla neither reads the thread of an article that is not hers nor can add to it.
    other = notes_of(newsroom, people["other"])
    with pytest.raises(ArticleNotFound):
        other.threads(article.id)
    with raw(newsroom, people["other"]) as connection:
        assert connection.execute("SELECT count(*) FROM comment_threads").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM comment_messages").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM suggestions").fetchone() == (0,)
        refused(connection, "INSERT INTO comment_messages (uuid, thread_id, author, body, mentions, created_at) "
                            "VALUES (gen_random_uuid()::text, %s, '', 'دخيل', '', now())", (thread.id,))


def test_on_a_desktop_replica_anchors_follow_what_a_sync_brings_and_an_accepted_suggestion_is_pushed(
        newsroom, people, tmp_path):
    from tests.sync.replicas import Desktop

    server = newsroom.library(people["writer"])
    article = server.create(ArticleDraft(title="تقرير", body=BODY))
    desktop = Desktop(tmp_path / "laptop", newsroom.url(people["writer"]), "laptop")
    try:
        desktop.sync_until_quiet()
        local_id = desktop.library.id_for_uuid(article.uuid)
        local = Annotations(desktop.library)
        at = BODY.index("عمق العلاقات")
        thread = local.start_thread(local_id, at, at + len("عمق العلاقات"), "على الحاسوب المحمول، دون اتصال")
        suggestion = local.suggest_insert(local_id, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
        # Meanwhile the desk changes the text on the server; the laptop syncs.
        newsroom.library(people["desk"]).save_text(article.id, title="تقرير", body="عاجل.\n\n" + BODY)
        desktop.sync_until_quiet()
        body = desktop.library.get(local_id).body
        assert body.startswith("عاجل.")
        [moved] = local.threads(local_id)
        assert moved.id == thread.id and body[moved.anchor.start:moved.anchor.end] == "عمق العلاقات"
        local.accept(suggestion.id)
        desktop.sync_until_quiet()
        on_server = server.get(article.id)
        assert on_server.body == "عاجل.\n\n" + BODY.replace("رئيسي.", "رئيسي وأساسي.")
        note = json.loads(server.revisions(article.id)[0].note)
        assert note["accepted"][0]["text"] == " وأساسي"  # who accepted what travels with the revision
    finally:
        desktop.close()
