"""No lost update: two libraries (two windows, a window and the CLI, two people) on one database."""

from __future__ import annotations

import time

import pytest

from editor_app.core import concurrent_edits
from editor_app.core.changes import ExternalChanges, What
from editor_app.core.concurrent_edits import TextBase
from editor_app.core.errors import EditConflict
from editor_app.core.library import Library
from editor_app.core.merge import Side, merge_article, merge_text
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database

pytestmark = pytest.mark.both_engines

BODY = "الفقرة الأولى عن الاقتصاد.\n\nالفقرة الثانية عن السياسة.\n\nالفقرة الثالثة عن الرياضة.\n"


@pytest.fixture
def other_library(database_url):
    """The same database opened a second time, as another process would."""
    database = Database(database_url)
    yield Library(database, actor="b")
    database.close()


def _revision_bodies(library, article_id):
    return [revision.body for revision in library.revisions(article_id)]


def test_a_stale_save_never_overwrites_a_correction_saved_meanwhile(library, other_library):
    record = library.create(ArticleDraft(title="عنوان", body=BODY))
    opened = library.get(record.id)  # A opens the article
    correction = BODY.replace("السياسة", "السياسة الخارجية")
    other_library.save_text(record.id, title="عنوان", body=correction)  # B saves a correction
    stale = BODY + "\nفقرة رابعة كتبها أ.\n"
    with pytest.raises(EditConflict) as caught:
        library.save_text(record.id, title="عنوان", body=stale, base_version=opened.version)
    assert caught.value.theirs.body == correction
    assert library.get(record.id).body == correction


def test_edits_in_different_paragraphs_merge_by_themselves(library, other_library):
    record = library.create(ArticleDraft(title="عنوان", body=BODY))
    base = TextBase.of(library.get(record.id))
    other_library.save_text(record.id, title="عنوان", body=BODY.replace("السياسة", "السياسة الخارجية"))
    mine = BODY.replace("الرياضة", "كرة القدم")
    outcome = concurrent_edits.save_text(library, base, "عنوان", mine)
    assert outcome.conflict is None and outcome.merged
    stored = library.get(record.id).body
    assert "السياسة الخارجية" in stored and "كرة القدم" in stored
    assert outcome.record.body == stored


def test_the_title_merges_as_a_field(library, other_library):
    record = library.create(ArticleDraft(title="عنوان", body=BODY))
    base = TextBase.of(library.get(record.id))
    other_library.save_text(record.id, title="عنوان جديد", body=BODY)
    outcome = concurrent_edits.save_text(library, base, "عنوان", BODY + "\nخاتمة.\n")
    assert outcome.conflict is None
    assert library.get(record.id).title == "عنوان جديد"
    assert library.get(record.id).body.endswith("خاتمة.\n")


def test_overlapping_edits_write_nothing_and_keep_both_sides_as_revisions(library, other_library):
    record = library.create(ArticleDraft(title="عنوان", body=BODY))
    base = TextBase.of(library.get(record.id))
    theirs = BODY.replace("السياسة", "الدبلوماسية")
    other_library.save_text(record.id, title="عنوان", body=theirs)
    mine = BODY.replace("السياسة", "السياسة الداخلية")
    outcome = concurrent_edits.save_text(library, base, "عنوان", mine)
    assert outcome.record is None
    [hunk] = outcome.conflict.merge.body.conflicts
    assert "الدبلوماسية" in hunk.theirs and "السياسة الداخلية" in hunk.mine
    assert library.get(record.id).body == theirs
    assert {mine, theirs} <= set(_revision_bodies(library, record.id))

    settled = concurrent_edits.settle(library, outcome.conflict, "عنوان", outcome.conflict.merge.body.text({0: Side.MINE}))
    assert settled.record.body == mine
    assert theirs in _revision_bodies(library, record.id)  # the losing side stays


def test_a_conflict_settled_after_yet_another_save_merges_again(library, other_library):
    record = library.create(ArticleDraft(title="عنوان", body=BODY))
    base = TextBase.of(library.get(record.id))
    other_library.save_text(record.id, title="عنوان", body=BODY.replace("السياسة", "الدبلوماسية"))
    outcome = concurrent_edits.save_text(library, base, "عنوان", BODY.replace("السياسة", "الأمن"))
    # While the writer chooses, B edits another paragraph.
    latest = other_library.get(record.id)
    other_library.save_text(record.id, title="عنوان", body=latest.body.replace("الاقتصاد", "المال"))
    settled = concurrent_edits.settle(library, outcome.conflict, "عنوان", outcome.conflict.merge.body.text({0: Side.MINE}))
    stored = library.get(record.id).body
    assert settled.record is not None and "الأمن" in stored and "المال" in stored


def test_a_save_whose_base_is_current_just_saves(library):
    record = library.create(ArticleDraft(title="ت", body="نص\n"))
    saved = library.save_text(record.id, title="ت", body="نص آخر\n", base_version=record.version)
    again = library.save_text(record.id, title="ت", body="نص ثالث\n", base_version=saved.version)
    assert again.version == saved.version + 1


def test_metadata_merges_field_by_field(library, other_library):
    record = library.create(ArticleDraft(title="ت", body="نص\n", author="أمين", excerpt="موجز"))
    other_library.update_metadata(record.id, author="سعاد")
    # A changes the excerpt, based on what it loaded: B's author stays.
    library.update_metadata(record.id, expected={"excerpt": record.excerpt}, excerpt="موجز جديد")
    stored = library.get(record.id)
    assert (stored.author, stored.excerpt) == ("سعاد", "موجز جديد")
    # Both change the author: a conflict naming it, nothing written.
    with pytest.raises(EditConflict) as caught:
        library.update_metadata(record.id, expected={"author": "أمين"}, author="خالد")
    assert caught.value.fields == ("author",)
    assert library.get(record.id).author == "سعاد"


def test_restore_keeps_the_text_it_replaces_even_after_another_save(library, other_library):
    record = library.create(ArticleDraft(title="ت", body="أول\n"))
    library.save_text(record.id, title="ت", body="ثان\n", explicit=True)
    first = [r for r in library.revisions(record.id) if r.body == "ثان\n"][0]
    other_library.save_text(record.id, title="ت", body="ثالث من ب\n")
    library.restore_revision(record.id, first.id)
    assert "ثالث من ب\n" in _revision_bodies(library, record.id)


def test_merge_keeps_a_text_without_final_newline():
    merged = merge_text("أ\n\nب", "أ معدل\n\nب", "أ\n\nب معدل")
    assert merged.clean and merged.text() == "أ معدل\n\nب معدل"
    both = merge_article(("ع", "س"), ("ع", "س"), ("ع", "س"))
    assert both.clean and both.body.text() == "س"


def test_library_operations_announce_what_they_changed(library):
    heard = []
    library.changes.subscribe(heard.append)
    with library.changes.initiated_by("editor"):
        record = library.create(ArticleDraft(title="ت"))
        library.save_text(record.id, title="ت", body="نص\n")
    library.update_metadata(record.id, excerpt="م")
    library.trash(record.id)
    assert [(set(c.article_ids), c.what, c.initiator) for c in heard] == [
        ({record.id}, What.MEMBERSHIP, "editor"), ({record.id}, What.TEXT, "editor"),
        ({record.id}, What.METADATA, None), ({record.id}, What.MEMBERSHIP, None)]


def next_change(watcher, patience=5.0):
    """The next change the watcher hears of (PostgreSQL delivers NOTIFY a moment after the commit)."""
    deadline = time.monotonic() + patience
    while (change := watcher.poll()) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return change


def test_changes_by_another_connection_are_read_from_the_change_sequence(library, other_library):
    watcher = ExternalChanges(library.database)
    try:
        assert watcher.poll() is None
        record = other_library.create(ArticleDraft(title="جديد"))
        change = next_change(watcher)
        assert change.external and change.article_ids == {record.id} and change.what & What.MEMBERSHIP
        assert watcher.poll() is None  # nothing new since
        other_library.save_text(record.id, title="جديد", body="نص\n")
        assert next_change(watcher).what & What.TEXT
        other_library.trash(record.id)
        assert next_change(watcher).what & What.MEMBERSHIP
    finally:
        watcher.close()


@pytest.mark.sqlite_only
def test_the_change_triggers_exist_at_the_head_of_the_migrations(database):
    """A later migration that rebuilds `articles` on SQLite (batch mode copies the table) drops
    its triggers: it must create them again (see migration 0006)."""
    from sqlalchemy import text

    with database.transaction() as session:
        triggers = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert {"article_changes_insert", "article_changes_update", "article_changes_delete",
            "article_changes_lease_insert", "article_changes_lease_update", "article_changes_lease_delete",
            "article_changes_keep_recent"} <= triggers


def test_a_save_overtaken_again_and_again_gives_up_without_writing(library, monkeypatch):
    record = library.create(ArticleDraft(title="ت", body=BODY))
    real_save = Library.save_text
    overtaken = []

    def always_overtaken(self, article_id, **kwargs):
        overtaken.append(1)  # someone else saves between every merge and its write
        real_save(self, article_id, title="ت", body=self.get(article_id).body + f"سطر {len(overtaken)}\n")
        raise EditConflict(article_id, kwargs["base_version"], None, self.get(article_id))

    monkeypatch.setattr(Library, "save_text", always_overtaken)
    with pytest.raises(EditConflict):
        concurrent_edits.save_text(library, TextBase.of(record), "ت", BODY.replace("الاقتصاد", "المال"))
    assert len(overtaken) == concurrent_edits.MERGE_ATTEMPTS
    monkeypatch.undo()
    assert "المال" not in library.get(record.id).body  # nothing half-written; the caller retries later
