"""The sync engine against a real newsroom server (the private PostgreSQL of tests/postgres)."""

from __future__ import annotations

import pytest

from editor_app.core.records import ArticleDraft
from editor_app.core.sync.conflicts import sync_conflict
from tests.sync.replicas import Desktop, server_checksums


@pytest.fixture
def editor(newsroom):
    return newsroom.add("editor", "هدى المحررة")


@pytest.fixture
def desktops(tmp_path, newsroom, editor):
    made = []

    def make(name: str, login: str | None = None) -> Desktop:
        desktop = Desktop(tmp_path / name, newsroom.url(login or editor), name)
        made.append(desktop)
        return desktop

    yield make
    for desktop in made:
        desktop.close()


def test_a_new_desktop_pulls_the_newsroom(newsroom, editor, desktops):
    server = newsroom.library(editor)
    first = server.create(ArticleDraft(title="الأول", body="فقرة أولى\n\nفقرة ثانية", tags=("سياسة",), author="أمين"))
    server.create(ArticleDraft(title="الثاني", body="نص"))
    server.trash(server.create(ArticleDraft(title="في السلة")).id)
    desktop = desktops("a")
    report = desktop.sync()
    assert report.pulled == 3 and not report.offline
    assert desktop.checksums() == server_checksums(newsroom)
    local = desktop.library.get(desktop.library.id_for_uuid(first.uuid))
    assert (local.title, local.tags, local.author) == ("الأول", ("سياسة",), "أمين")
    assert desktop.engine.waiting_count() == 0


def test_a_local_edit_is_pushed_once_and_another_desktop_gets_it(newsroom, editor, desktops):
    a, b = desktops("a"), desktops("b")
    created = a.library.create(ArticleDraft(title="من القطار", body="سطر"))
    assert a.engine.waiting_count() == 1
    assert a.sync().pushed == 1 and a.engine.waiting_count() == 0
    a.library.save_text(created.id, title="من القطار", body="سطر\n\nسطر آخر", explicit=True)
    assert a.sync().pushed == 1
    b.sync()
    on_b = b.library.get(b.library.id_for_uuid(created.uuid))
    assert on_b.body == "سطر\n\nسطر آخر"
    assert a.checksums() == b.checksums() == server_checksums(newsroom)
    assert [r.body for r in b.library.revisions(on_b.id)] == [r.body for r in a.library.revisions(created.id)]


def test_different_paragraphs_merge_the_same_sentence_waits_for_the_writer(newsroom, editor, desktops):
    a, b = desktops("a"), desktops("b")
    created = a.library.create(ArticleDraft(title="عنوان", body="الفقرة الأولى.\n\nالفقرة الثانية."))
    a.sync()
    b.sync()
    b_id = b.library.id_for_uuid(created.uuid)
    # Offline, each changes a different paragraph.
    a.library.save_text(created.id, title="عنوان", body="الفقرة الأولى معدلة.\n\nالفقرة الثانية.")
    b.library.save_text(b_id, title="عنوان", body="الفقرة الأولى.\n\nالفقرة الثانية معدلة.")
    a.sync()
    report = b.sync()
    assert report.merged == 1 and report.conflicts == 0
    a.sync()
    merged = "الفقرة الأولى معدلة.\n\nالفقرة الثانية معدلة."
    assert a.library.get(created.id).body == b.library.get(b_id).body == merged
    assert a.checksums() == b.checksums() == server_checksums(newsroom)
    # Now both change the same sentence: the second to sync keeps a conflict, both texts kept.
    a.library.save_text(created.id, title="عنوان", body="الفقرة الأولى كما كتبتها أ.\n\nالفقرة الثانية معدلة.")
    b.library.save_text(b_id, title="عنوان", body="الفقرة الأولى كما كتبتها ب.\n\nالفقرة الثانية معدلة.")
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    assert b.engine.article_states()[b_id] == "conflict"
    assert b.library.get(b_id).body.startswith("الفقرة الأولى كما كتبتها ب.")
    kept = {r.body for r in b.library.revisions(b_id) if r.reason == "conflict"}
    assert kept == {"الفقرة الأولى كما كتبتها أ.\n\nالفقرة الثانية معدلة.",
                    "الفقرة الأولى كما كتبتها ب.\n\nالفقرة الثانية معدلة."}
    # What the merge dialog is offered: the text both started from, b's and a's.
    conflict = sync_conflict(b.library, b_id)
    assert conflict.base.body == "الفقرة الأولى معدلة.\n\nالفقرة الثانية معدلة."
    assert conflict.mine[1].startswith("الفقرة الأولى كما كتبتها ب.")
    assert conflict.theirs.body.startswith("الفقرة الأولى كما كتبتها أ.")
    assert [(h.mine, h.theirs) for h in conflict.merge.body.conflicts] == [
        ("الفقرة الأولى كما كتبتها ب.\n", "الفقرة الأولى كما كتبتها أ.\n")]
    # The writer settles it (keeps b's wording): it goes to the server and to a.
    b.engine.settle_conflict(b_id)
    assert sync_conflict(b.library, b_id) is None
    assert b.sync().pushed == 1
    a.sync()
    assert a.library.get(created.id).body == b.library.get(b_id).body
    assert a.checksums() == b.checksums() == server_checksums(newsroom)


def test_deletions_and_trash_travel(newsroom, editor, desktops):
    chief = newsroom.add("chief", "رئيس التحرير")
    a, b = desktops("a", chief), desktops("b")
    created = a.library.create(ArticleDraft(title="مؤقت", body="نص"))
    a.sync()
    b.sync()
    a.library.trash(created.id)
    a.sync()
    b.sync()
    b_id = b.library.id_for_uuid(created.uuid)
    assert b.library.get(b_id).trashed_at is not None
    a.library.empty_trash()
    assert a.sync().pushed == 1
    assert b.sync().removed == 1
    assert b.library.id_for_uuid(created.uuid) is None
    assert a.checksums() == b.checksums() == server_checksums(newsroom) == {}


def test_a_deletion_the_server_does_not_allow_brings_the_article_back(newsroom, editor, desktops):
    a = desktops("a")  # an editor: only a chief empties the trash
    created = a.library.create(ArticleDraft(title="باق", body="نص"))
    a.sync()
    a.library.trash(created.id)
    a.library.empty_trash()
    a.sync()
    back = a.library.id_for_uuid(created.uuid)
    assert back is not None and a.library.get(back).body == "نص"
    assert a.checksums() == server_checksums(newsroom)
    assert a.engine.waiting_count() == 0


def test_change_numbers_become_visible_in_commit_order(newsroom, editor, desktops):
    """A slow transaction that changed its article first but commits last gets the later number:
    a desktop that already read past the faster one's number still gets it (an ordinary
    sequence would have given it the smaller number, behind the desktop's back)."""
    import psycopg
    from sqlalchemy.engine import make_url

    office = newsroom.library(editor)
    slow, fast = office.create(ArticleDraft(title="بطيء")), office.create(ArticleDraft(title="سريع"))
    desktop = desktops("a")
    desktop.sync()
    url = make_url(newsroom.url(editor)).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as first, psycopg.connect(url) as second:
        first.execute("UPDATE articles SET body = 'بطيء، عُدّل أولًا' WHERE id = %s", (slow.id,))
        second.execute("UPDATE articles SET body = 'سريع، حُفظ أولًا' WHERE id = %s", (fast.id,))
        second.commit()
        desktop.sync()  # reads past the fast one's number
        first.commit()
    desktop.sync()
    assert desktop.library.get(desktop.library.id_for_uuid(slow.uuid)).body == "بطيء، عُدّل أولًا"
    assert desktop.checksums() == server_checksums(newsroom)
