"""Comments and suggested edits over a real database (SQLite and PostgreSQL): threads,
replies, @mentions, resolve/reopen, suggestions accepted and rejected with a revision that
says who accepted what, anchors that follow the text, and the editor's composed text."""

from __future__ import annotations

import json

import pytest

from editor_app.core.annotations import events
from editor_app.core.annotations.marks import MarkKind, compose
from editor_app.core.annotations.mentions import mentioned_logins
from editor_app.core.annotations.store import Annotations
from editor_app.core.errors import InvalidField
from editor_app.core.records import ArticleDraft

pytestmark = pytest.mark.both_engines

BODY = ("في تقييمها الدوري لعلاقات التعاون الأمني، أكدت وزارة الخارجية الأمريكية موقع المغرب كحليف رئيسي.\n\n"
        "هذا الإقرار يعكس عمق العلاقات بين البلدين، خصوصًا في مكافحة الإرهاب.")


@pytest.fixture
def article(library):
    return library.create(ArticleDraft(title="العلاقات المغربية-الأمريكية", body=BODY))


@pytest.fixture
def notes(library):
    return Annotations(library)


@pytest.fixture
def heard():
    """Every annotation event, as the notifications would receive them."""
    received = []
    disconnects = [events.connect(kind, received.append) for kind in events.KINDS]
    yield received
    for disconnect in disconnects:
        disconnect()


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_a_thread_with_replies_is_anchored_to_its_words_and_can_be_resolved_and_reopened(library, notes, article):
    thread = notes.start_thread(article.id, *span(BODY, "وزارة الخارجية الأمريكية"), "هل من مصدر للتقرير؟")
    notes.reply(thread.id, "نعم: مكتب القضايا السياسية والعسكرية.")
    [stored] = notes.threads(article.id)
    assert stored.anchor.quote == "وزارة الخارجية الأمريكية" and not stored.resolved
    assert [m.body for m in stored.messages] == ["هل من مصدر للتقرير؟", "نعم: مكتب القضايا السياسية والعسكرية."]
    assert stored.created_by == library.actor == stored.messages[0].author
    notes.resolve(thread.id)
    [resolved] = notes.threads(article.id)
    assert resolved.resolved and resolved.resolved_by == library.actor and resolved.resolved_at is not None
    notes.reopen(thread.id)
    assert not notes.threads(article.id)[0].resolved


def test_an_empty_comment_or_no_selection_is_refused_with_a_sentence(notes, article):
    with pytest.raises(InvalidField, match="words"):
        notes.start_thread(article.id, 3, 10, "   ")
    with pytest.raises(InvalidField, match="select"):
        notes.start_thread(article.id, 5, 5, "تعليق")


def test_mentions_name_people_by_login_or_display_name():
    people = [("hoda", "هدى المحررة"), ("hoda2", "هدى"), ("samir", "سمير الكاتب")]
    assert mentioned_logins("@هدى المحررة و @samir راجعا الفقرة", people) == ["hoda", "samir"]
    assert mentioned_logins("@هدى وحدها", people) == ["hoda2"]
    assert mentioned_logins("البريد a@b.c لا يذكر أحدًا، ولا @samirx", people) == []


def test_a_mention_is_announced_to_the_notifications_hook(library, notes, article, heard):
    login = library.actor
    thread = notes.start_thread(article.id, 0, 10, f"راجع هذا يا @{login}")
    assert thread.messages[0].mentions == (login,)
    # Mentioning oneself notifies nobody; the hook hears of it only for others.
    assert [e for e in heard if e.kind == events.MENTIONED] == []
    notes.resolve(thread.id)
    assert [e.kind for e in heard] == [events.THREAD_RESOLVED]


def test_comments_follow_the_text_when_it_is_saved_changed_elsewhere(library, notes, article):
    thread = notes.start_thread(article.id, *span(BODY, "مكافحة الإرهاب"), "أضف أرقامًا")
    library.save_text(article.id, title=article.title, body="فقرة جديدة في البداية.\n\n" + BODY)
    [moved] = notes.threads(article.id)
    body = library.get(article.id).body
    assert body[moved.anchor.start:moved.anchor.end] == "مكافحة الإرهاب" and moved.id == thread.id
    library.save_text(article.id, title=article.title, body=body.replace("خصوصًا في مكافحة الإرهاب.", "خصوصًا."))
    [gone] = notes.threads(article.id)
    assert gone.anchor.orphaned and gone.anchor.quote == "مكافحة الإرهاب"  # still listed, never lost


def test_accepting_an_insertion_and_rejecting_a_deletion(library, notes, article, heard):
    at = BODY.index("رئيسي") + len("رئيسي")
    insertion = notes.suggest_insert(article.id, at, " وأساسي")
    deletion = notes.suggest_delete(article.id, *span(BODY, "الدوري "))
    assert library.get(article.id).body == BODY  # suggestions do not touch the text
    accepted = notes.accept(insertion.id)
    assert "كحليف رئيسي وأساسي." in accepted.body
    notes.reject(deletion.id)
    assert library.get(article.id).body == accepted.body and "الدوري" in accepted.body
    assert notes.suggestions(article.id) == []
    decided = {s.id: s for s in notes.suggestions(article.id, pending_only=False)}
    assert decided[insertion.id].state == "accepted" and decided[insertion.id].decided_by == library.actor
    assert decided[deletion.id].state == "rejected"
    revision = library.revisions(article.id)[0]
    assert revision.reason == "suggestion" and revision.body == accepted.body
    note = json.loads(revision.note)
    assert note["accepted_by"] == library.actor
    assert note["accepted"] == [{"suggestion": insertion.id, "kind": "insert", "author": library.actor, "text": " وأساسي"}]
    assert [e.kind for e in heard] == [events.SUGGESTION_ACCEPTED, events.SUGGESTION_REJECTED]


def test_accept_all_applies_every_pending_suggestion_and_moves_the_comments(library, notes, article):
    thread = notes.start_thread(article.id, *span(BODY, "عمق العلاقات"), "جميل")
    notes.suggest_delete(article.id, *span(BODY, "الدوري "))
    notes.suggest_insert(article.id, BODY.index("هذا الإقرار"), "وبالتالي، ")
    notes.suggest_delete(article.id, *span(BODY, "، خصوصًا في مكافحة الإرهاب"))
    record = notes.accept_all(article.id)
    assert record.body == BODY.replace("الدوري ", "").replace("هذا الإقرار", "وبالتالي، هذا الإقرار").replace(
        "، خصوصًا في مكافحة الإرهاب", "")
    [moved] = notes.threads(article.id)
    assert moved.id == thread.id and record.body[moved.anchor.start:moved.anchor.end] == "عمق العلاقات"
    assert len(json.loads(library.revisions(article.id)[0].note)["accepted"]) == 3


def test_reject_all_leaves_the_text_alone(library, notes, article):
    notes.suggest_delete(article.id, *span(BODY, "الدوري "))
    notes.suggest_insert(article.id, 0, "عاجل: ")
    assert notes.reject_all(article.id).body == BODY
    assert notes.suggestions(article.id) == []


def test_a_deletion_whose_words_are_gone_cannot_be_accepted_only_rejected(library, notes, article):
    deletion = notes.suggest_delete(article.id, *span(BODY, "عمق العلاقات"))
    library.save_text(article.id, title=article.title, body=BODY.replace("يعكس عمق العلاقات", "يعكس الروابط"))
    with pytest.raises(InvalidField, match="no longer"):
        notes.accept(deletion.id)
    notes.reject(deletion.id)
    assert notes.suggestions(article.id) == []


def test_the_editor_shows_pending_insertions_and_saves_only_accepted_text(library, notes, article):
    at = BODY.index("رئيسي") + len("رئيسي")
    notes.suggest_insert(article.id, at, " وأساسي")
    notes.suggest_delete(article.id, *span(BODY, "الدوري "))
    notes.start_thread(article.id, *span(BODY, "كحليف رئيسي"), "دقيق؟")
    layer = compose(library.get(article.id).body, notes.stored_marks(article.id))
    assert "كحليف رئيسي وأساسي." in layer.text and layer.accepted_text() == BODY
    by_kind = {m.kind: m for m in layer.marks.values()}
    assert layer.text[by_kind[MarkKind.DELETE].anchor.start:by_kind[MarkKind.DELETE].anchor.end] == "الدوري "
    assert by_kind[MarkKind.COMMENT].anchor.quote == "كحليف رئيسي"  # the insertion after it stays outside
    # Typing in suggest mode grows the insertion; the saved body does not change.
    insert = by_kind[MarkKind.INSERT]
    layer.edit(insert.anchor.end, 0, " جدا")
    layer.record_insertion(insert.anchor.end, 4, insert.author)
    layer.dirty.add(insert.key)
    notes.save_layer(article.id, layer)
    [stored] = [s for s in notes.suggestions(article.id) if s.kind == "insert"]
    assert stored.text == " وأساسي جدا" and layer.accepted_text() == BODY == library.get(article.id).body


def test_a_new_suggestion_typed_in_the_editor_is_stored_with_its_place_in_the_accepted_text(library, notes, article):
    layer = compose(BODY, notes.stored_marks(article.id))
    at = BODY.index("المغرب")
    layer.edit(at, 0, "دور ")
    layer.record_insertion(at, 4, library.actor)
    remove, mark = layer.plan_deletion(*span(layer.text, "الأمني"), library.actor)
    assert remove == [] and mark == [span(layer.text, "الأمني")]
    layer.record_deletion(*mark[0], library.actor)
    created = notes.save_layer(article.id, layer)
    assert len(created) == 2 and all(key.startswith("s") for key in layer.marks)
    stored = {s.kind: s for s in notes.suggestions(article.id)}
    assert stored["insert"].anchor.start == at and stored["insert"].text == "دور "
    assert BODY[stored["delete"].anchor.start:stored["delete"].anchor.end] == "الأمني"
    assert notes.accept_all(article.id).body == BODY.replace("المغرب", "دور المغرب", 1).replace("الأمني", "", 1)
