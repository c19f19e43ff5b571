"""The outbox's cheap question (is anything waiting?) counts what the outbox lists."""

from __future__ import annotations

from editor_app.core.models import OutboxJob, OutboxState, Site
from editor_app.core.publishing.outbox import Outbox
from editor_app.core.publishing.waiting import waiting_publishes
from editor_app.core.records import ArticleDraft


def test_waiting_publishes_counts_the_pending_and_refused_jobs_the_outbox_lists(library, database):
    assert waiting_publishes(database) == 0
    article = library.create(ArticleDraft(title="مقال ينتظر"))
    with database.transaction() as session:
        site = Site(name="الموقع", url="https://example.com", username="writer")
        session.add(site)
        session.flush()
        for state in OutboxState:
            session.add(OutboxJob(article_id=article.id, site_id=site.id, state=state.value))
    assert waiting_publishes(database) == 2 == len(Outbox(database).entries())
