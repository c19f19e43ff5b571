"""Metadata, status workflow, revisions, featured images, duplicate, trash, paged listing."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone

import pytest

from editor_app.core.assets import NotAnImage
from editor_app.core.errors import InvalidField
from editor_app.core.listing import ListQuery, SortKey
from editor_app.core.models import RevisionReason
from editor_app.core.records import ArticleDraft
from editor_app.core.revisions import line_diff, prunable

# Every test here that opens `database`/`library` runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_metadata_round_trip(library):
    record = library.create(ArticleDraft(title="عنوان"))
    moment = datetime(2024, 4, 9, 18, 23, tzinfo=timezone(timedelta(hours=1)))
    updated = library.update_metadata(
        record.id, column="افتتاحية", author="أمين نشاط", category="أخبار/أمن وعدالة", tags="المغرب، الأمن",
        slug="العلاقات المغربية: الأمريكية!", excerpt="ملخص", locale="ar-MA", published_at=moment,
        notes="ملاحظة داخلية", featured_caption="تعليق الصورة",
    )
    again = library.get(record.id)
    assert again == updated
    assert (again.column, again.author, again.category, again.tags) == ("افتتاحية", "أمين نشاط", "أخبار/أمن وعدالة", ("المغرب", "الأمن"))
    assert (again.slug, again.excerpt, again.locale) == ("العلاقات-المغربية-الأمريكية", "ملخص", "ar_MA")
    assert again.published_at == moment and again.notes == "ملاحظة داخلية" and again.featured_caption == "تعليق الصورة"
    assert "notes" not in again.to_json_dict()  # private notes never leave


def test_slugs_are_unique(library):
    first = library.create(ArticleDraft(title="أ"))
    second = library.create(ArticleDraft(title="ب"))
    library.update_metadata(first.id, slug="خبر عاجل")
    assert library.update_metadata(second.id, slug="خبر-عاجل").slug == "خبر-عاجل-2"
    assert library.suggest_slug(second.id, "خبر عاجل!") == "خبر-عاجل-2"
    assert library.suggest_slug(first.id, "خبر عاجل!") == "خبر-عاجل"


def test_unknown_fields_and_naive_dates_are_refused(library):
    record = library.create()
    with pytest.raises(InvalidField):
        library.update_metadata(record.id, body="x")
    with pytest.raises(InvalidField, match="time zone"):
        library.update_metadata(record.id, published_at=datetime(2024, 1, 1))


def test_status_changes_record_who_and_when_and_make_a_revision(library):
    record = library.create(ArticleDraft(title="أ", body="نص"))
    library.change_status(record.id, "in review")
    library.change_status(record.id, "ready")
    history = library.status_history(record.id)
    assert [(c.from_status, c.to_status) for c in history] == [("draft", "in_review"), ("in_review", "ready")]
    assert all(c.changed_by == library.actor and c.changed_at for c in history)
    assert [r.reason for r in library.revisions(record.id)] == ["status", "status"]


def test_explicit_saves_always_and_autosaves_at_most_every_ten_minutes(library, monkeypatch):
    record = library.create(ArticleDraft(title="أ", body="كلمة"))
    library.save_text(record.id, title="أ", body="كلمة ثانية")
    library.save_text(record.id, title="أ", body="كلمة ثانية ثالثة")
    assert [r.reason for r in library.revisions(record.id)] == ["autosave"]
    library.save_text(record.id, title="أ", body="كلمة ثانية ثالثة", explicit=True)
    assert [r.reason for r in library.revisions(record.id)] == ["save", "autosave"]
    library.save_text(record.id, title="أ", body="كلمة ثانية ثالثة", explicit=True)  # nothing new
    assert len(library.revisions(record.id)) == 2
    later = datetime.now(timezone.utc) + timedelta(minutes=11)
    monkeypatch.setattr("editor_app.core.library.utc_now", lambda: later)
    library.save_text(record.id, title="أ", body="نص بعد عشر دقائق")
    assert [r.reason for r in library.revisions(record.id)][0] == "autosave"
    assert library.revisions(record.id)[0].word_delta == 1  # "نص بعد عشر دقائق" (4 words) after 3


def test_word_deltas_and_diff_and_restore(library):
    record = library.create(ArticleDraft(title="أ", body="سطر أول\nسطر ثان"))
    library.save_text(record.id, title="أ", body="سطر أول\nسطر ثان", explicit=True)
    library.save_text(record.id, title="أ", body="سطر أول معدل\nسطر ثان\nسطر ثالث جديد", explicit=True)
    newest, oldest = library.revisions(record.id)
    assert (oldest.word_count, newest.word_count, newest.word_delta) == (4, 8, 4)
    assert line_diff(oldest.body, newest.body) == [
        ("-", "سطر أول"), ("+", "سطر أول معدل"), (" ", "سطر ثان"), ("+", "سطر ثالث جديد"),
    ]
    restored = library.restore_revision(record.id, oldest.id)
    assert restored.body == "سطر أول\nسطر ثان"
    reasons = [r.reason for r in library.revisions(record.id)]
    assert reasons[0] == "restore"
    # The text that the restore replaced is still there, so restoring can be undone.
    assert any(r.body == "سطر أول معدل\nسطر ثان\nسطر ثالث جديد" for r in library.revisions(record.id))
    with pytest.raises(InvalidField):
        library.restore_revision(record.id, 99999)


def test_pruning_rule_thins_old_autosaves_to_one_a_day():
    now = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
    old = now - timedelta(days=10)
    revisions = [
        (1, "autosave", old.replace(hour=9)), (2, "autosave", old.replace(hour=10)), (3, "save", old.replace(hour=11)),
        (4, "autosave", old.replace(hour=12)), (5, "autosave", now - timedelta(days=1)), (6, "status", old),
    ]
    assert prunable(revisions, now) == [1, 2]


def test_prune_revisions_in_the_library(library, monkeypatch):
    record = library.create(ArticleDraft(title="أ", body="١"))
    for day in range(3):
        moment = datetime(2024, 1, 1, 9, tzinfo=timezone.utc) + timedelta(minutes=11 * day)
        monkeypatch.setattr("editor_app.core.library.utc_now", lambda moment=moment: moment)
        library.save_text(record.id, title="أ", body=f"نسخة {day}")
    monkeypatch.undo()
    assert len(library.revisions(record.id)) == 3
    assert library.prune_revisions() == 2
    assert [r.body for r in library.revisions(record.id)] == ["نسخة 2"]


def test_featured_image_is_stored_in_the_database(library, tmp_path):
    record = library.create()
    image = tmp_path / "صورة.png"
    image.write_bytes(PNG)
    updated = library.set_featured_image(record.id, image)
    image.unlink()  # the file can vanish: the article keeps its image
    stored = library.asset(updated.featured_asset_id)
    assert (stored.data, stored.mime_type, stored.filename) == (PNG, "image/png", "صورة.png")
    assert library.set_featured_image_data(record.id, stored).featured_asset_id == updated.featured_asset_id
    assert library.clear_featured_image(record.id).featured_asset_id is None


def test_a_file_that_is_not_an_image_is_refused(library, tmp_path):
    record = library.create()
    fake = tmp_path / "fake.png"
    fake.write_text("not an image")
    with pytest.raises(NotAnImage, match="not a PNG"):
        library.set_featured_image(record.id, fake)


def test_duplicate_copies_everything_but_identity_and_status(library, tmp_path):
    image = tmp_path / "a.png"
    image.write_bytes(PNG)
    record = library.create(ArticleDraft(title="أصل", body="نص", author="أ", category="ب", tags=("ج",), status="published"))
    library.update_metadata(record.id, slug="أصل")
    library.set_featured_image(record.id, image)
    copy = library.duplicate(record.id, "{title} (نسخة)")
    assert copy.id != record.id and copy.uuid != record.uuid
    assert (copy.title, copy.body, copy.author, copy.category, copy.tags) == ("أصل (نسخة)", "نص", "أ", "ب", ("ج",))
    assert library.duplicate(record.id).title == "أصل (copy)"  # the core's own words are English (the CLI's)
    assert copy.status == "draft" and copy.slug == "أصل-2"
    assert library.asset(copy.featured_asset_id).data == PNG


def test_trash_restore_and_empty(library):
    kept = library.create(ArticleDraft(title="يبقى"))
    gone = library.create(ArticleDraft(title="يذهب", body="كلمة فريدة"))
    library.trash(gone.id)
    assert library.count(ListQuery(trashed=True)) == 1
    library.restore_from_trash(gone.id)
    assert library.count() == 2
    library.trash(gone.id)
    assert library.empty_trash() == 1
    assert library.count(ListQuery(trashed=True)) == 0 and library.count() == 1
    assert library.search("فريده") == []
    assert library.get(kept.id).title == "يبقى"


def test_paged_listing_filters_and_sorts(library):
    drafts = [
        ArticleDraft(title=f"مقال {i:02d}", author=("أمين" if i % 2 else "سارة"), status=("draft" if i % 3 else "ready"),
                     category=("أخبار/أمن" if i % 4 == 0 else "رياضة"))
        for i in range(30)
    ]
    library.import_drafts(drafts)
    assert library.count() == 30
    first_page = library.page(ListQuery(sort=SortKey.TITLE, descending=False), 0, 10)
    second_page = library.page(ListQuery(sort=SortKey.TITLE, descending=False), 10, 10)
    assert [s.title for s in first_page + second_page] == [f"مقال {i:02d}" for i in range(20)]
    assert library.count(ListQuery(status="ready")) == 10
    assert library.count(ListQuery(author="سارة")) == 15
    assert library.count(ListQuery(category="أخبار")) == 8  # the parent includes its children
    assert library.count(ListQuery(category="أخبار/أمن", author="سارة", status="ready")) == 3
    assert len(library.page(ListQuery(category="أخبار/أمن", author="سارة", status="ready"), 0, 50)) == 3
    by_author = library.page(ListQuery(sort=SortKey.AUTHOR, descending=False), 0, 30)
    assert [s.author for s in by_author] == sorted(s.author for s in by_author)
    assert library.authors() == ["أمين", "سارة"]
    assert library.categories() == ["أخبار", "أخبار/أمن", "رياضة"]


def test_each_operation_keeps_its_revision_with_its_own_reason(library):
    """Each operation that keeps a revision says why (the revisions dialog and `midad revisions`
    show it). It used to check only that the enum contained its own values."""
    record = library.create(ArticleDraft(title="أ", body="نص أول"))

    def newest_reason() -> str:
        return library.revisions(record.id)[0].reason

    library.save_text(record.id, title="أ", body="نص ثان")  # autosave: the first revision of a text
    assert newest_reason() == RevisionReason.AUTOSAVE.value
    library.save_text(record.id, title="أ", body="نص ثالث", explicit=True)  # Ctrl+S
    assert newest_reason() == RevisionReason.SAVE.value
    library.change_status(record.id, "ready")
    assert newest_reason() == RevisionReason.STATUS.value
    first = library.revisions(record.id)[-1]
    library.restore_revision(record.id, first.id)
    assert newest_reason() == RevisionReason.RESTORE.value and library.get(record.id).body == first.body
    library.keep_revision(record.id, "أ", "نص آخر", RevisionReason.CONFLICT)
    assert newest_reason() == RevisionReason.CONFLICT.value
    library.record_publish(record.id, went_live=True)
    assert newest_reason() == RevisionReason.PUBLISH.value and library.get(record.id).status == "published"
    library.keep_revision(record.id, "أ", "نص من أُخذ منه المقال", RevisionReason.TAKEOVER)
    assert newest_reason() == RevisionReason.TAKEOVER.value
    reasons = {revision.reason for revision in library.revisions(record.id)}
    assert reasons == {reason.value for reason in RevisionReason}  # every reason has its operation
