"""The status history and the publishing records travel with the article: who changed the
status is the server's word, and a post made from one desktop is known to the others, so a
second person publishing updates that post instead of creating another."""

from __future__ import annotations

from sqlalchemy import select, text

from editor_app.core.models import RemotePost, Site
from editor_app.core.records import ArticleDraft
from tests.sync.replicas import Desktop

SITE = "https://news.example.com"


def add_site(database, url: str = SITE) -> int:
    with database.transaction() as session:
        site = Site(name="الموقع", url=url, username="desk")
        session.add(site)
        session.flush()
        return site.id


def record_post(database, article_id: int, site_id: int, remote_id: int, stamp: str) -> None:
    """What the publisher writes after creating a post (the site's id, its address, its stamp)."""
    kind = RemotePost.__table__.c.remote_id.type.python_type  # (a number, or an opaque string)
    with database.transaction() as session:
        row = session.scalar(select(RemotePost).where(RemotePost.article_id == article_id,
                                                      RemotePost.site_id == site_id))
        if row is None:
            row = RemotePost(article_id=article_id, site_id=site_id)
            session.add(row)
        row.remote_id, row.link, row.remote_modified_gmt = kind(remote_id), f"{SITE}/?p={remote_id}", stamp
        row.synced_version = 1


def post_of(database, article_id: int, site_id: int) -> tuple[str, str] | None:
    with database.transaction() as session:
        row = session.scalar(select(RemotePost).where(RemotePost.article_id == article_id,
                                                      RemotePost.site_id == site_id))
        return None if row is None else (str(row.remote_id), row.link)


def test_status_history_and_publishing_records_travel(tmp_path, newsroom):
    editor = newsroom.add("editor", "هدى المحررة")
    owner = newsroom.open(newsroom.owner_url)
    add_site(owner)
    owner.close()
    a = Desktop(tmp_path / "a", newsroom.url(editor), "a")
    b = Desktop(tmp_path / "b", newsroom.url(editor), "b")
    try:
        a_site, b_site = add_site(a.database, SITE + "/"), add_site(b.database)  # the same site, by address
        created = a.library.create(ArticleDraft(title="خبر", body="نص"))
        a.library.change_status(created.id, "ready")
        a.sync()
        b.sync()
        b_id = b.library.id_for_uuid(created.uuid)
        history = b.library.status_history(b_id)
        assert [(c.from_status, c.to_status) for c in history] == [("draft", "ready")]
        # Who: the person the server knows (by display name), here and on the desktop that made it.
        assert history[0].changed_by == "هدى المحررة"
        a.sync()
        assert [c.changed_by for c in a.library.status_history(created.id)] == ["هدى المحررة"]

        # Published from a: b learns the post, so its publisher updates it instead of making another.
        record_post(a.database, created.id, a_site, 4711, "2026-12-02T10:00:00")
        assert a.engine.waiting_count() == 1
        assert a.sync().pushed == 1
        b.sync()
        assert post_of(b.database, b_id, b_site) == ("4711", SITE + "/?p=4711")
        # A second post made for it elsewhere meanwhile does not replace the first on the server.
        record_post(b.database, b_id, b_site, 9999, "2026-12-02T11:00:00")
        b.sync()
        assert post_of(b.database, b_id, b_site) == ("4711", SITE + "/?p=4711")  # the server's first post
        server = newsroom.open(newsroom.owner_url)
        with server.transaction() as session:
            assert str(session.scalar(text("SELECT remote_id FROM remote_posts"))) == "4711"
            assert session.scalar(text("SELECT count(*) FROM status_changes")) == 1
        server.close()
    finally:
        a.close()
        b.close()
