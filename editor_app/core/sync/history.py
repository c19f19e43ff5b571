"""What travels with an article besides its fields: the status history (who changed the status,
when) and its publishing records (which post it became on which site), so two people never
create two posts for one article.

Both are small per article, so each push sends them whole and each side adds what it lacks:
a status change is known by (when, from, to) — the server's word on who made it wins; a
publishing record by its site's address (each side numbers its own sites). The server keeps
the first record of an article on a site; a desktop takes the server's."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.models import Article, RemotePost, Site, StatusChange, utc_now


def _when(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def status_changes_of(session: Session, article_ids) -> dict[int, tuple[dict, ...]]:
    ids = [article_id for article_id in article_ids if article_id is not None]
    found: dict[int, list[dict]] = {article_id: [] for article_id in ids}
    if ids:
        for change in session.scalars(select(StatusChange).where(StatusChange.article_id.in_(ids))
                                      .order_by(StatusChange.changed_at, StatusChange.id)):
            found[change.article_id].append({"changed_at": _when(change.changed_at), "from": change.from_status,
                                             "to": change.to_status, "by": change.changed_by})
    return {article_id: tuple(values) for article_id, values in found.items()}


def publications_of(session: Session, article_ids) -> dict[int, tuple[dict, ...]]:
    ids = [article_id for article_id in article_ids if article_id is not None]
    found: dict[int, list[dict]] = {article_id: [] for article_id in ids}
    if ids:
        for post, url in session.execute(select(RemotePost, Site.url).join(Site, Site.id == RemotePost.site_id)
                                         .where(RemotePost.article_id.in_(ids)).order_by(RemotePost.id)):
            found[post.article_id].append({"site": _site_key(url), "remote_id": post.remote_id, "link": post.link,
                                           "remote_modified_gmt": post.remote_modified_gmt})
    return {article_id: tuple(values) for article_id, values in found.items()}


def take_status_changes(session: Session, article: Article, changes, *, theirs_name_who: bool) -> None:
    """Add the changes this side lacks; `theirs_name_who`: the other side (the server) says who
    made the ones both hold (a desktop recorded its OS login, the server the person)."""
    if not changes:
        return
    if article.id is None:
        session.flush()
    mine = {(_when(c.changed_at), c.from_status, c.to_status): c for c in session.scalars(
        select(StatusChange).where(StatusChange.article_id == article.id))}
    for values in changes:
        known = mine.get((values["changed_at"], values["from"], values["to"]))
        if known is None:
            session.add(StatusChange(article_id=article.id, from_status=values["from"], to_status=values["to"],
                                     changed_by=values["by"], changed_at=datetime.fromisoformat(values["changed_at"])))
        elif theirs_name_who and values["by"] and known.changed_by != values["by"]:
            known.changed_by = values["by"]
    session.flush()


def take_publications(session: Session, article: Article, records, *, keep_mine: bool) -> None:
    """Record where the article was published, by site address (sites this side does not know
    are skipped). keep_mine: an existing record stays (the server keeps the first post); else
    the other side's replaces it (a desktop follows the server)."""
    if not records:
        return
    if article.id is None:
        session.flush()
    sites = {_site_key(url): site_id for site_id, url in session.execute(select(Site.id, Site.url))}
    for values in records:
        site_id = sites.get(values["site"])
        if site_id is None:
            continue
        post = session.scalar(select(RemotePost).where(RemotePost.article_id == article.id,
                                                       RemotePost.site_id == site_id))
        if post is None:
            session.add(RemotePost(article_id=article.id, site_id=site_id, remote_id=values["remote_id"],
                                   link=values["link"], remote_modified_gmt=values["remote_modified_gmt"],
                                   synced_version=article.version or 0, synced_at=utc_now()))
        elif not keep_mine and (post.remote_id, post.remote_modified_gmt) != (values["remote_id"],
                                                                              values["remote_modified_gmt"]):
            post.remote_id, post.link = values["remote_id"], values["link"]
            post.remote_modified_gmt, post.synced_at = values["remote_modified_gmt"], utc_now()
    session.flush()


def _site_key(url: str) -> str:
    return (url or "").strip().rstrip("/").lower()
