"""Search ignores diacritics, tatweel, letter forms and attached prefixes; ranks; snippets."""

from __future__ import annotations

import pytest

from editor_app.core.records import ArticleDraft

# Every test here that opens `database`/`library` runs on SQLite and on PostgreSQL.
pytestmark = pytest.mark.both_engines


@pytest.fixture
def articles(library):
    drafts = [
        ArticleDraft(title="مُكافحة الإرهاب في المغرب", body="تقرير عن مكافحة الإرهاب والجريمة المنظمة."),
        ArticleDraft(title="الاقتصاد المغربي", body="نما الاقتصاد بنسبة 3% وفق تقرير البنك. وتحدث عن الإرهاب مرة."),
        ArticleDraft(title="الرياضة", body="فاز الفريق بالمباراة، وسط أجواء احتفالية. لا علاقة لها بالأمن.",
                     tags=("كرة القدم",)),
        ArticleDraft(title="مقال في المهملات", body="الإرهاب الإرهاب الإرهاب"),
        ArticleDraft(title="Tech", body="Apple تكشف عن iPhone جديد في مؤتمرها السنوي", excerpt="هاتف أبل الجديد"),
        ArticleDraft(title="مستشفى", body="زار الوزير المستشفى على متن سيارة إسعاف.", tags=("صحة",)),
    ]
    records = library.import_drafts(drafts)
    library.trash(records[3].id)
    return {record.title: record.id for record in records}


def ids(library, query):
    return [hit.id for hit in library.search(query)]


@pytest.mark.parametrize(
    "query",
    ["الإرهاب", "الارهاب", "الإرهـــاب", "الإِرْهاب", "مكافحه", "مُكافحة", "مكافح", "ارهاب"],
)
def test_every_written_form_finds_the_article(library, articles, query):
    assert articles["مُكافحة الإرهاب في المغرب"] in ids(library, query)


def test_alef_maqsura_and_yeh_are_one_letter(library, articles):
    assert ids(library, "علي متن") == [articles["مستشفى"]]
    assert ids(library, "مستشفي") == [articles["مستشفى"]]


def test_attached_prefixes_are_found(library, articles):
    assert ids(library, "المباراة") == [articles["الرياضة"]]  # written "بالمباراة"
    assert ids(library, "الامن") == [articles["الرياضة"]]  # written "بالأمن"


def test_prefix_matching(library, articles):
    assert ids(library, "احتفا") == [articles["الرياضة"]]
    assert ids(library, "iph") == [articles["Tech"]]


def test_title_matches_rank_above_body_matches(library, articles):
    assert ids(library, "الإرهاب")[:2] == [articles["مُكافحة الإرهاب في المغرب"], articles["الاقتصاد المغربي"]]


def test_tags_and_excerpt_are_searched(library, articles):
    assert ids(library, "كرة القدم") == [articles["الرياضة"]]
    assert ids(library, "أبل") == [articles["Tech"]]


def test_trashed_articles_are_not_found(library, articles):
    assert articles["مقال في المهملات"] not in ids(library, "الإرهاب")


def test_every_word_must_match(library, articles):
    assert ids(library, "الإرهاب الاقتصاد") == [articles["الاقتصاد المغربي"]]
    assert ids(library, "غير موجود إطلاقا") == []
    assert ids(library, "  ؟!  ") == []


def test_snippet_shows_the_original_text_around_the_match(library, articles):
    [hit] = library.search("الجريمه")
    assert "والجريمة المنظمة" in hit.snippet
    assert hit.to_json_dict() == {"id": hit.id, "title": hit.title, "snippet": hit.snippet}


def test_the_index_follows_saves_and_is_rebuilt_for_old_databases(library, articles, database):
    article_id = articles["الرياضة"]
    library.save_text(article_id, title="الرياضة", body="نص جديد عن السباحة")
    assert ids(library, "السباحه") == [article_id]
    assert ids(library, "احتفاليه") == []
    with database.transaction() as session:
        from sqlalchemy import text

        session.execute(text("DELETE FROM article_search"))
    from editor_app.core.library import Library

    Library(database)  # opening the library notices the gap and fills it
    assert ids(library, "السباحه") == [article_id]


def test_a_word_in_every_article_ranks_titles_first_then_newest(library, monkeypatch):
    monkeypatch.setattr("editor_app.core.search.RANKING_CAP", 3)
    drafts = [ArticleDraft(title=f"خبر {i}", body="الأمن مهم") for i in range(5)]
    drafts[1] = ArticleDraft(title="الأمن أولا", body="الأمن مهم")
    records = library.import_drafts(drafts)
    library.trash(records[4].id)
    assert [hit.id for hit in library.search("الأمن")] == [records[1].id, records[3].id, records[2].id, records[0].id]


def _prefix_library(library):
    """Words sharing a prefix, in different numbers: a few (expanded to OR), many (kept a prefix)."""
    drafts = [ArticleDraft(title=f"خبر {i}", body=f"الاستراتيجية {'الاستراتيجي' if i % 2 else 'استراتيجيات'} مدا{i}ر")
              for i in range(40)]
    return [record.id for record in library.import_drafts(drafts)]


@pytest.mark.parametrize(("query", "expansion_limit", "row_limit"), [
    ("الاستراتيج", 24, 128),  # two words under it: OR everywhere
    ("مدا", 24, 128),  # forty words: rows by OR, ranking by the prefix
    ("مدا", 24, 10),  # too many for either: the prefix syntax alone
])
def test_a_prefix_finds_the_same_articles_however_it_is_expanded(library, monkeypatch, query, expansion_limit,
                                                                 row_limit):
    all_ids = set(_prefix_library(library))
    monkeypatch.setattr("editor_app.core.search.EXPANSION_LIMIT", expansion_limit)
    monkeypatch.setattr("editor_app.core.search.ROW_EXPANSION_LIMIT", row_limit)
    monkeypatch.setattr("editor_app.core.search.RANKING_CAP", 10)  # exercise the many-matches path too
    assert set(ids(library, query)) == all_ids
    monkeypatch.setattr("editor_app.core.search.RANKING_CAP", 1500)
    assert set(ids(library, query)) == all_ids


@pytest.mark.sqlite_only
def test_the_word_list_follows_saves_and_is_rebuilt_for_databases_indexed_before_it(library, database):
    article_id = library.create(ArticleDraft(title="تجربة", body="نص")).id
    library.save_text(article_id, title="تجربة", body="تحدث عن الجيوسياسية")
    assert ids(library, "الجيوسيا") == [article_id]
    from sqlalchemy import text

    from editor_app.core.library import Library

    with database.transaction() as session:
        session.execute(text("DELETE FROM article_search_terms"))
    Library(database)  # a database indexed before the word list existed: listed from the index
    with database.transaction() as session:
        assert session.scalar(text("SELECT count(*) FROM article_search_terms WHERE term = 'الجيوسياسيه'")) == 1
    assert ids(Library(database), "الجيوسيا") == [article_id]


@pytest.mark.sqlite_only
def test_words_of_a_save_that_rolled_back_are_written_by_the_next_save(library, database, monkeypatch):
    from sqlalchemy import text

    from editor_app.core.errors import StorageError

    article_id = library.create(ArticleDraft(title="تجربة", body="نص")).id
    original = library.search_index.update

    def update_then_fail(session, article):
        original(session, article)
        session.execute(text("SELECT * FROM no_such_table"))  # the transaction fails after the words were added

    monkeypatch.setattr(library.search_index, "update", update_then_fail)
    with pytest.raises(StorageError):
        library.save_text(article_id, title="تجربة", body="كلمة البرلمانيون")
    monkeypatch.setattr(library.search_index, "update", original)
    library.save_text(article_id, title="تجربة", body="كلمة البرلمانيون")
    with database.transaction() as session:
        assert session.scalar(text("SELECT count(*) FROM article_search_terms WHERE term = 'البرلمانيون'")) == 1
    assert ids(library, "البرلما") == [article_id]
