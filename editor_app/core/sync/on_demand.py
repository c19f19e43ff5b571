"""Articles outside a desktop's copy (older than its days): found by a search on the server,
fetched when the writer opens one, and kept in step from then on like the others."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from editor_app.core.errors import ArticleNotFound
from editor_app.core.models import Article
from editor_app.core.sync.replica_writes import applying
from editor_app.core.sync.tables import SyncQueueEntry

if TYPE_CHECKING:
    from editor_app.core.sync.engine import SyncEngine


@dataclass(frozen=True)
class ServerHit:
    """An article found on the server that this copy does not hold."""

    uuid: str
    title: str
    snippet: str


def fetch_article(engine: SyncEngine, uuid: str) -> int:
    """The article of `uuid` brought into the copy (from then on kept in step); its local id.
    ServerOffline when the server cannot be reached, ArticleNotFound when it is not there
    (or not this person's to read)."""
    from editor_app.core.sync.engine import SyncReport

    entry = engine._server_call(engine.server.fetch, uuid)
    if entry is None or entry.snapshot is None:
        raise ArticleNotFound(uuid)
    files = engine._missing_files([entry])
    with engine.local.transaction() as session, applying(session):
        if session.get(SyncQueueEntry, uuid) is None:  # (already here and changed: ours is kept)
            engine._apply_entry(session, entry, files, SyncReport())
        return session.scalar(select(Article.id).where(Article.uuid == uuid))


def search_newsroom(engine: SyncEngine, query: str, limit: int = 50) -> list[ServerHit]:
    """The newsroom's articles matching `query` that this copy does not hold (best first)."""
    from editor_app.core.library import Library

    def ask() -> list[ServerHit]:
        hits = Library(engine.server.database).search(query, limit)
        if not hits:
            return []
        with engine.server.database.transaction() as session:
            uuids = dict(session.execute(select(Article.id, Article.uuid).where(
                Article.id.in_([hit.id for hit in hits]))).all())
        return [ServerHit(uuids[hit.id], hit.title, hit.snippet) for hit in hits if hit.id in uuids]

    found = engine._server_call(ask)
    with engine.local.transaction() as session:
        here = set(session.scalars(select(Article.uuid).where(Article.uuid.in_([hit.uuid for hit in found]))))
    return [hit for hit in found if hit.uuid not in here]
