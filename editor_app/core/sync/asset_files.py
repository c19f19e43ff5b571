"""Images travel with their article, by content: each side numbers its own assets, so a body
names a stored image as `asset:ID` with a local id. What sync exchanges names it by its
SHA-256 instead (`asset:sha256-…`), and each side turns that back into its own id once the
bytes are stored there. An image is sent only to a side that has not got it (the base snapshot
lists the server's), and never removed by sync: two sides that added images keep them all."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.models import Article, Asset, utc_now

SHARED_PREFIX = "asset:sha256-"
# `![alt](asset:12 "caption")` in Markdown, `<img src="asset:12">` in raw HTML.
_LOCAL_REF = re.compile(r"(?<=[(\"'])asset:(\d{1,18})(?=[\s)\"'])")
_SHARED_REF = re.compile(r"asset:sha256-([0-9a-f]{64})")


def assets_of(session: Session | None, article_ids) -> dict[int, dict[int, str]]:
    """{article id: {asset id: sha256}} in one query."""
    ids = [article_id for article_id in article_ids if article_id is not None]
    found: dict[int, dict[int, str]] = {article_id: {} for article_id in ids}
    if session is None or not ids:
        return found
    for asset_id, article_id, sha256 in session.execute(
            select(Asset.id, Asset.article_id, Asset.sha256).where(Asset.article_id.in_(ids))):
        found[article_id][asset_id] = sha256
    return found


def shared_text(text: str, by_id: dict[int, str]) -> str:
    """A body as exchanged: its own images named by content (others' references left as they are)."""
    if "asset:" not in text or not by_id:
        return text
    return _LOCAL_REF.sub(lambda m: SHARED_PREFIX + by_id[int(m.group(1))] if int(m.group(1)) in by_id else m.group(0),
                          text)


def local_text(session: Session, article_id: int | None, text: str) -> str:
    """A body received: images named by content become this side's ids (those not stored here
    yet keep their shared name until they arrive, and become local on the next pull)."""
    if SHARED_PREFIX not in (text or "") or article_id is None:
        return text
    by_sha = {sha: asset_id for asset_id, sha in assets_of(session, [article_id])[article_id].items()}
    return _SHARED_REF.sub(lambda m: f"asset:{by_sha[m.group(1)]}" if m.group(1) in by_sha else m.group(0), text)


def asset_id_for(session: Session, article_id: int | None, sha256: str | None) -> int | None:
    if sha256 is None or article_id is None:
        return None
    return session.scalar(select(Asset.id).where(Asset.article_id == article_id, Asset.sha256 == sha256))


def files_of(session: Session, article_id: int, shas) -> tuple[dict, ...]:
    """The article's stored images of these contents, bytes included (what the other side lacks)."""
    wanted = set(shas)
    if not wanted:
        return ()
    return tuple({"sha256": a.sha256, "filename": a.filename, "mime_type": a.mime_type, "data": a.data,
                  "created_at": a.created_at.isoformat()}
                 for a in session.scalars(select(Asset).where(Asset.article_id == article_id,
                                                              Asset.sha256.in_(wanted)).order_by(Asset.id)))


def store_files(session: Session, article: Article, files) -> None:
    """Store the images received for an article (those it has not got), before its fields are
    written: the body and the featured image then name them by this side's ids."""
    if not files:
        return
    if article.id is None:
        session.flush()
    have = set(assets_of(session, [article.id])[article.id].values())
    for values in files:
        if values["sha256"] in have:
            continue
        session.add(Asset(article_id=article.id, sha256=values["sha256"], filename=values["filename"],
                          mime_type=values["mime_type"], data=values["data"],
                          created_at=datetime.fromisoformat(values["created_at"]) if values.get("created_at")
                          else utc_now()))
        have.add(values["sha256"])
    session.flush()
