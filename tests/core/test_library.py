"""Import → store → read back, on a real database."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from editor_app.core.errors import ArticleNotFound, InvalidField
from editor_app.core.importers import read_article_file
from editor_app.core.models import Author, Category, Tag
from editor_app.core.listing import ListQuery
from editor_app.core.records import ARTICLE_JSON_KEYS, ArticleDraft
from tests.conftest import SEED_ARTICLE

# Every test here that opens `database`/`library` runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines

SEED_TITLE = "العلاقات المغربية-الأمريكية: شراكة استراتيجية في مجال الأمن ومكافحة الإرهاب"


def test_seed_article_round_trips_every_field(library):
    draft = read_article_file(SEED_ARTICLE)
    [stored] = library.import_drafts([draft])
    record = library.get(stored.id)
    body = SEED_ARTICLE.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert record.title == SEED_TITLE
    assert record.column == "افتتاحية"
    assert record.author == "أمين نشاط"
    assert record.category == "أمن وعدالة"
    assert record.tags == ("المغرب", "الولايات المتحدة", "مكافحة الإرهاب")
    assert record.slug == "العلاقات-المغربية-الأمريكية-شراكة-استراتيجية"
    assert record.excerpt.startswith("أكدت وزارة الخارجية الأمريكية")
    assert record.status == "published"
    assert record.locale == "ar_MA"
    assert record.published_at == datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)
    assert record.body.encode("utf-8") == body.encode("utf-8")
    assert "“مينا”" in record.body
    assert len(record.uuid) == 36
    assert record.version == 1


def test_json_has_exactly_the_documented_keys(library):
    record = library.create(ArticleDraft(title="ت"))
    assert tuple(record.to_json_dict()) == ARTICLE_JSON_KEYS


def test_authors_categories_and_tags_are_created_once_and_reused(library, database):
    first = ArticleDraft(title="أ", author="أمين نشاط", category="أخبار/أمن وعدالة", tags=("المغرب", "الأمن"))
    second = ArticleDraft(title="ب", author="أمين نشاط", category="أخبار/أمن وعدالة", tags=("الأمن",))
    library.import_drafts([first])
    library.import_drafts([second])
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Author)) == 1
        assert session.scalar(select(func.count()).select_from(Category)) == 2
        assert session.scalar(select(func.count()).select_from(Tag)) == 2
    assert {s.category for s in library.summaries()} == {"أخبار/أمن وعدالة"}


def test_tag_order_is_kept(library):
    record = library.create(ArticleDraft(tags=("ي", "أ", "م")))
    assert library.get(record.id).tags == ("ي", "أ", "م")


def test_one_invalid_draft_stores_nothing(library):
    good = ArticleDraft(title="صالح")
    bad = ArticleDraft(title="غير صالح", status="lost")
    with pytest.raises(InvalidField, match="unknown status"):
        library.import_drafts([good, bad])
    assert library.summaries() == []


def test_save_text_updates_only_when_something_changed(library):
    record = library.create(ArticleDraft(title="قديم", body="نص"))
    unchanged = library.save_text(record.id, title="قديم", body="نص")
    assert unchanged.version == record.version
    changed = library.save_text(record.id, title="جديد", body="نص آخر")
    assert (changed.title, changed.body, changed.version) == ("جديد", "نص آخر", record.version + 1)
    assert changed.updated_at >= record.updated_at


def test_trash_hides_and_restore_brings_back(library):
    kept = library.create(ArticleDraft(title="يبقى"))
    gone = library.create(ArticleDraft(title="يذهب"))
    library.trash(gone.id)
    assert [s.id for s in library.summaries()] == [kept.id]
    assert [s.id for s in library.summaries(trashed=True)] == [gone.id]
    library.restore_from_trash(gone.id)
    assert {s.id for s in library.summaries()} == {kept.id, gone.id}


def test_list_is_most_recently_updated_first(library):
    older = library.create(ArticleDraft(title="أقدم"))
    newer = library.create(ArticleDraft(title="أحدث"))
    library.save_text(older.id, title="أقدم، معدّل", body="")
    assert [s.id for s in library.summaries()] == [older.id, newer.id]


def test_unknown_article_is_a_clear_error(library):
    with pytest.raises(ArticleNotFound, match="no article with id 42"):
        library.get(42)


def test_publication_date_is_stored_in_utc(library):
    moment = datetime(2024, 4, 9, 18, 23, tzinfo=timezone(timedelta(hours=1)))
    record = library.create(ArticleDraft(published_at=moment))
    assert library.get(record.id).published_at == moment
    assert library.get(record.id).published_at.tzinfo == timezone.utc


def test_summaries_read_every_article_with_no_limit_in_the_query(library, database):
    """Library.summaries stopped silently at 1,000,000 articles (a LIMIT nobody saw): the CLI's
    `list` and `export --all` would have left the rest out without a word."""
    from sqlalchemy import event

    library.import_drafts([ArticleDraft(title=f"مقال {n}", body="نص.\n") for n in range(30)])
    library.trash(library.summaries()[0].id)
    statements: list[str] = []

    def remember(_connection, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        listed, trashed = library.summaries(), library.summaries(trashed=True)
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    assert len(listed) == 29 and len(trashed) == 1
    article_queries = [s for s in statements if "FROM articles" in s and "ORDER BY" in s]
    assert len(article_queries) == 2 and not any("LIMIT" in s.upper() for s in article_queries)
    assert library.page(ListQuery(), 25, None) == listed[25:]
