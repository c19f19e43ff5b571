"""What the database remembers about published articles and uploaded images, per site."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select

from editor_app.core.models import RemoteMedia, RemotePost, utc_now
from editor_app.core.publishing import target
from editor_app.core.storage import Database


@dataclass(frozen=True)
class PostLink:
    remote_id: str  # opaque: the site's own id for the post
    link: str
    remote_version: str  # opaque: what the site stamped the post with when last in step
    synced_version: int


class SyncLinks:
    def __init__(self, database: Database) -> None:
        self.database = database

    def post(self, article_id: int, site_id: int) -> PostLink | None:
        with self.database.transaction() as session:
            row = session.scalar(select(RemotePost).where(RemotePost.article_id == article_id,
                                                          RemotePost.site_id == site_id))
            return None if row is None else PostLink(row.remote_id, row.link, row.remote_modified_gmt,
                                                     row.synced_version)

    def article_for_post(self, site_id: int, remote_id: str) -> int | None:
        with self.database.transaction() as session:
            return session.scalar(select(RemotePost.article_id).where(RemotePost.site_id == site_id,
                                                                      RemotePost.remote_id == str(remote_id)))

    def remember_post(self, article_id: int, site_id: int, *, remote_id: str, link: str, version: str,
                      synced_version: int) -> None:
        with self.database.transaction() as session:
            row = session.scalar(select(RemotePost).where(RemotePost.article_id == article_id,
                                                          RemotePost.site_id == site_id))
            if row is None:
                row = RemotePost(article_id=article_id, site_id=site_id)
                session.add(row)
            row.remote_id, row.link, row.remote_modified_gmt = str(remote_id), link, version[:32]
            row.synced_version, row.synced_at = synced_version, utc_now()

    def forget_post(self, article_id: int, site_id: int) -> None:
        with self.database.transaction() as session:
            session.execute(delete(RemotePost).where(RemotePost.article_id == article_id,
                                                     RemotePost.site_id == site_id))

    def media(self, site_id: int, sha256: str) -> target.RemoteMedia | None:
        with self.database.transaction() as session:
            row = session.scalar(select(RemoteMedia).where(RemoteMedia.site_id == site_id,
                                                           RemoteMedia.sha256 == sha256))
            return None if row is None else target.RemoteMedia(row.media_id, row.source_url)

    def remember_media(self, site_id: int, sha256: str, media: target.RemoteMedia) -> None:
        with self.database.transaction() as session:
            row = session.scalar(select(RemoteMedia).where(RemoteMedia.site_id == site_id,
                                                           RemoteMedia.sha256 == sha256))
            if row is None:
                session.add(RemoteMedia(site_id=site_id, sha256=sha256, media_id=media.id, source_url=media.url))
            else:
                row.media_id, row.source_url = media.id, media.url
