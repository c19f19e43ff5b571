"""The status history and the publishing records travel with the article: who changed the
status is the server's word, and a post made from one desktop is known to the others, so a
second person publishing updates that post instead of creating another."""

from __future__ import annotations

from sqlalchemy import text

from editor_app.core.models import Site
from editor_app.core.publishing.links import SyncLinks
from editor_app.core.records import ArticleDraft
from tests.sync.replicas import Desktop

SITE = "https://news.example.com"


def add_site(database, url: str = SITE) -> int:
    with database.transaction() as session:
        site = Site(name="الموقع", url=url, username="desk")
        session.add(site)
        session.flush()
        return site.id


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
        SyncLinks(a.database).remember_post(created.id, a_site, remote_id=4711, link=SITE + "/?p=4711",
                                            modified_gmt="2026-12-02T10:00:00", version=a.library.get(created.id).version)
        assert a.engine.waiting_count() == 1
        assert a.sync().pushed == 1
        b.sync()
        post = SyncLinks(b.database).post(b_id, b_site)
        assert (post.remote_id, post.link) == (4711, SITE + "/?p=4711")
        # A second post made for it elsewhere meanwhile does not replace the first on the server.
        SyncLinks(b.database).remember_post(b_id, b_site, remote_id=9999, link=SITE + "/?p=9999",
                                            modified_gmt="2026-12-02T11:00:00", version=1)
        b.sync()
        assert SyncLinks(b.database).post(b_id, b_site).remote_id == 4711  # the server's first post
        server = newsroom.open(newsroom.owner_url)
        with server.transaction() as session:
            assert session.scalar(text("SELECT remote_id FROM remote_posts")) == 4711
            assert session.scalar(text("SELECT count(*) FROM status_changes")) == 1
        server.close()
    finally:
        a.close()
        b.close()
