"""Writing what the server said into the replica (core.sync.engine): the server's snapshot,
its revisions and the bookkeeping of what is in step, marked as the server's (not the writer's)
so the queue's triggers leave it out; and the field-by-field merge of a stale push."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from editor_app.core.merge import merge_field, merge_text
from editor_app.core.models import Article
from editor_app.core.sync.snapshot import PULLED_ONLY, SHARED_FIELDS, dumps, new_revision
from editor_app.core.sync.tables import SyncArticle, SyncRevision


def merge_snapshots(base: dict, mine: dict, theirs: dict) -> tuple[dict, bool]:
    """Field by field (the body paragraph by paragraph): the merged fields, and whether both
    sides changed one place differently."""
    merged = dict(theirs)
    conflicted = False
    for name in SHARED_FIELDS:
        if name == "body":
            body = merge_text(base.get("body") or "", mine["body"], theirs["body"])
            conflicted |= not body.clean
            merged["body"] = body.text() if body.clean else mine["body"]
            continue
        if name == "assets":  # images only come, never go: both sides' are kept
            merged[name] = sorted(set(mine.get(name) or ()) | set(theirs.get(name) or ()))
            continue
        value, clash = merge_field(base.get(name), mine[name], theirs[name])
        conflicted |= clash
        merged[name] = value
    return merged, conflicted


def pulled_fields(snapshot: dict) -> dict:
    return {name: snapshot.get(name) for name in (*SHARED_FIELDS, *PULLED_ONLY)}


def remember(session: Session, uuid: str, version: int | None, snapshot: dict | None) -> None:
    synced = session.get(SyncArticle, uuid)
    if synced is None:
        session.add(SyncArticle(article_uuid=uuid, server_version=version, base=dumps(snapshot), state=""))
    else:
        synced.server_version, synced.base = version, dumps(snapshot)


def map_revisions(session: Session, revision_map: dict[int, int]) -> None:
    for local_id, server_id in revision_map.items():
        if session.get(SyncRevision, local_id) is None:
            session.add(SyncRevision(local_id=local_id, server_id=server_id))
    session.flush()


def take_revisions(session: Session, article: Article, revisions) -> None:
    if not revisions:
        return
    known = set(session.scalars(select(SyncRevision.server_id).where(
        SyncRevision.server_id.in_([values["id"] for values in revisions]))))
    for values in revisions:
        if values["id"] in known:
            continue
        revision = new_revision(session, article.id, values)
        session.add(revision)
        session.flush()
        session.add(SyncRevision(local_id=revision.id, server_id=values["id"]))


class applying:
    """Inside the local transaction: changes written here are the server's, not the writer's,
    so the queue's triggers leave them out (migration 0008)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __enter__(self):
        self.session.execute(text("INSERT INTO sync_state (key, value) VALUES ('applying', '1')"))

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.session.flush()
            self.session.execute(text("DELETE FROM sync_state WHERE key = 'applying'"))
        return False
