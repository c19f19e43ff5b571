"""The CLI's sqlite3 reads (core.quick_read) give what the ORM path gives, row for row, on a
varied library; and step aside whenever the ordinary path must answer."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from editor_app.core.library import Library
from editor_app.core.listing import ListQuery
from editor_app.core.quick_read import article_json, list_summaries
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database


@pytest.fixture
def varied_library(location):
    database = Database(location.database_url)
    library = Library(database)
    drafts = [
        ArticleDraft(title="خبر أول", body="نص", author="هدى", category="أخبار/المغرب", tags=("أمن", "سياسة"),
                     status="published", published_at=datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)),
        ArticleDraft(title="رأي", body="نص 😀", author="سعيد", category="رأي", tags=("سياسة",), status="ready"),
        ArticleDraft(title="Latin title", body="text", author="هدى", category="أخبار", status="draft", locale="en"),
        ArticleDraft(title="بلا تصنيف", body="", tags=("ج", "ب", "أ")),
        ArticleDraft(title="في المهملات", body="x", author="سعيد", category="أخبار/المغرب/الرباط"),
    ]
    records = library.import_drafts(drafts)
    library.trash(records[-1].id)
    library.save_text(records[1].id, title="رأي معدّل", body="نص 😀 جديد")  # a newer change: the order moves
    yield location, library, records
    database.close()


@pytest.mark.parametrize("query", [
    ListQuery(), ListQuery(trashed=True), ListQuery(status="published"), ListQuery(author="هدى"),
    ListQuery(category="أخبار"), ListQuery(category="أخبار/المغرب/"), ListQuery(author="nobody"),
    ListQuery(category="رأي", status="ready"),
])
def test_the_list_is_the_orms_row_for_row(varied_library, query):
    location, library, _records = varied_library
    quick = list_summaries(location.database_url, status=query.status, category=query.category, author=query.author,
                           trashed=query.trashed)
    assert quick == library.page(query, 0, 10_000_000)


def test_each_article_is_the_orms(varied_library):
    location, library, records = varied_library
    for record in records:
        assert article_json(location.database_url, record.id) == library.get(record.id).to_json_dict()


def test_the_ordinary_path_answers_when_anything_is_unusual(varied_library, tmp_path):
    location, _library, records = varied_library
    assert article_json(location.database_url, records[-1].id + 100) is None  # ArticleNotFound, in words
    assert list_summaries("postgresql://writer@127.0.0.1/newsroom") is None
    assert list_summaries(f"sqlite:///{tmp_path / 'none.db'}") is None
    path = location.data_dir / "midad.db"
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '0001'")  # as if a migration were due
    connection.commit()
    connection.close()
    assert list_summaries(location.database_url) is None
    assert article_json(location.database_url, records[0].id) is None
