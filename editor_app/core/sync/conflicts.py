"""A sync conflict, as the writer settles it: the same article changed on the server and here
while offline, in the same place. The sync engine kept both texts as revisions and the text
both started from (`SyncArticle.conflict_base`); this module turns them into the same
`ArticleConflict` a save in the window meets (core.concurrent_edits), so the one merge dialog
serves both, and marks the settled text to be sent over theirs at the next round."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from editor_app.core.concurrent_edits import ArticleConflict, TextBase
from editor_app.core.library import Library
from editor_app.core.merge import merge_article
from editor_app.core.models import Article
from editor_app.core.records import ArticleRecord
from editor_app.core.storage import Database
from editor_app.core.sync.snapshot import loads
from editor_app.core.sync.tables import SyncArticle, SyncQueueEntry

CONFLICT = "conflict"


def conflicted_uuids(database: Database) -> set[str]:
    with database.transaction() as session:
        return set(session.scalars(select(SyncArticle.article_uuid).where(SyncArticle.state == CONFLICT)))


def sync_conflict(library: Library, article_id: int) -> ArticleConflict | None:
    """The article's conflict with the newsroom (None: it has none): base, mine (the text
    here now, with whatever the writer added since) and theirs (the server's text)."""
    with library.database.transaction() as session:
        uuid = session.scalar(select(Article.uuid).where(Article.id == article_id))
        synced = session.get(SyncArticle, uuid) if uuid else None
        if synced is None or synced.state != CONFLICT:
            return None
        theirs = loads(synced.base) or {}
        base = loads(synced.conflict_base) or {}
    mine: ArticleRecord = library.get(article_id)
    base_text = (base.get("title") or "", base.get("body") or "")
    theirs_text = (theirs.get("title") or "", theirs.get("body") or "")
    merge = merge_article(base_text, (mine.title, mine.body), theirs_text)
    return ArticleConflict(TextBase(article_id, mine.version, *base_text), (mine.title, mine.body),
                           replace(mine, title=theirs_text[0], body=theirs_text[1]), merge)


def settle_sync_conflict(library: Library, article_id: int, title: str, body: str) -> ArticleRecord:
    """The writer's settled text becomes the article here, and is sent over theirs at the next
    round (its base is their version: a newer save there is merged again, never overwritten)."""
    record = library.save_text(article_id, title=title, body=body, explicit=True)
    mark_settled(library.database, article_id)
    return record


def mark_settled(database: Database, article_id: int) -> None:
    with database.transaction() as session:
        uuid = session.scalar(select(Article.uuid).where(Article.id == article_id))
        synced = session.get(SyncArticle, uuid) if uuid else None
        if synced is not None:
            synced.state, synced.conflict_base = "", ""
        entry = session.get(SyncQueueEntry, uuid) if uuid else None
        if entry is not None:
            entry.state, entry.next_attempt_at = "pending", None
