"""An import writes its articles' search rows as one batch (update_many): every article of the
batch is found by its own words, and writing a batch again replaces the rows it had."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from editor_app.core.models import Article
from editor_app.core.records import ArticleDraft
from editor_app.core.search import search_index_for

pytestmark = pytest.mark.both_engines

WORDS = ["الرباط", "طنجة", "فاس", "مراكش", "أكادير", "وجدة", "تطوان", "الجديدة", "القنيطرة", "مكناس"]


def test_a_batch_import_indexes_every_article_and_a_second_batch_replaces_its_rows(library):
    records = library.import_drafts([ArticleDraft(title=f"أخبار {word}", body=f"تقرير من مدينة {word} اليوم.")
                                     for word in WORDS])
    for record, word in zip(records, WORDS):
        assert [hit.id for hit in library.search(word)] == [record.id]
    index = search_index_for(library.database.engine.dialect.name)
    with library.database.transaction() as session:
        articles = list(session.scalars(select(Article).where(Article.id.in_([r.id for r in records[:3]]))))
        for article in articles:
            article.title = article.title.replace("أخبار", "نشرة")
        session.flush()
        index.update_many(session, articles)
    assert sorted(hit.id for hit in library.search("نشرة")) == sorted(r.id for r in records[:3])
    assert sorted(hit.id for hit in library.search("أخبار")) == sorted(r.id for r in records[3:])
