"""Search ignores diacritics, tatweel, letter forms and attached prefixes; ranks; snippets."""

from __future__ import annotations

import pytest

from editor_app.core.records import ArticleDraft


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
