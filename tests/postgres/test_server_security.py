"""Row-level security and grants, proven by the server: each person logs in as themselves, through
Midad and through a raw psycopg session that skips every check Midad's client makes."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from editor_app.core.errors import ArticleNotFound
from editor_app.core.listing import ListQuery
from editor_app.core.records import ArticleDraft
from editor_app.core.server.faults import NotAllowed
from editor_app.core.server.people import People
from tests.postgres.fixtures import PASSWORD


@pytest.fixture
def people(newsroom):
    return {
        "writer": newsroom.add("writer", "سمير الكاتب"),
        "other": newsroom.add("writer", "ليلى الصحفية"),
        "editor": newsroom.add("editor", "هدى المحررة"),
        "admin": newsroom.add("admin", "مدير الموقع"),
    }


def raw(newsroom, login: str) -> psycopg.Connection:
    """A session that goes straight to the server: no Library, no client-side check."""
    cluster = newsroom.cluster
    return psycopg.connect(host=cluster.host, port=cluster.port, dbname=newsroom.name, user=login, password=PASSWORD,
                           sslmode="verify-full", sslrootcert=str(cluster.ca_file))


def refused(connection: psycopg.Connection, statement: str, params=()) -> str:
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
        connection.execute(statement, params)
    connection.rollback()
    return str(caught.value)


@pytest.fixture
def writers_article(newsroom, people):
    library = newsroom.library(people["writer"])
    record = library.create(ArticleDraft(title="تحقيق عن الموانئ", body="مسودة أولى"))
    library.set_private_note(record.id, "مصدري في الميناء: رقم الهاتف")
    return record


def test_a_writer_cannot_read_another_writers_private_note(newsroom, people, writers_article):
    editor = newsroom.library(people["editor"])
    assert editor.private_note(writers_article.id) == ""  # even an editor: the note is its author's alone
    assert newsroom.library(people["writer"]).private_note(writers_article.id) == "مصدري في الميناء: رقم الهاتف"
    with raw(newsroom, people["other"]) as connection:
        assert connection.execute("SELECT count(*) FROM private_notes").fetchone() == (0,)
        # Nor by writing one's own note and reading by article: the policy is per owner.
        connection.execute("UPDATE private_notes SET body = 'x'")
        assert connection.execute("SELECT count(*) FROM private_notes").fetchone() == (0,)
    with raw(newsroom, people["editor"]) as connection:
        assert connection.execute("SELECT body FROM private_notes").fetchall() == []
    assert newsroom.library(people["writer"]).private_note(writers_article.id) == "مصدري في الميناء: رقم الهاتف"


def test_a_writer_can_neither_see_nor_edit_another_writers_article(newsroom, people, writers_article):
    other = newsroom.library(people["other"])
    with pytest.raises(ArticleNotFound):
        other.get(writers_article.id)
    assert other.summaries() == []
    assert other.search("الموانئ") == []
    with raw(newsroom, people["other"]) as connection:
        changed = connection.execute("UPDATE articles SET body = 'نص مزور' WHERE id = %s", (writers_article.id,))
        assert changed.rowcount == 0
        assert connection.execute("DELETE FROM articles").rowcount == 0
        assert connection.execute("SELECT count(*) FROM revisions").fetchone() == (0,)
        connection.commit()
    assert newsroom.library(people["writer"]).get(writers_article.id).body == "مسودة أولى"


def test_only_editors_set_ready_or_published(newsroom, people, writers_article):
    writer = newsroom.library(people["writer"])
    writer.change_status(writers_article.id, "in_review")  # a writer may send it for review
    with pytest.raises(NotAllowed, match="only an editor may change the status «in_review» to «published»"):
        writer.change_status(writers_article.id, "published")
    with raw(newsroom, people["writer"]) as connection:
        message = refused(connection, "UPDATE articles SET status = 'ready' WHERE id = %s", (writers_article.id,))
        assert "only an editor" in message
        refused(connection, "INSERT INTO articles (uuid, title, \"column\", slug, excerpt, body, status, locale, "
                            "created_at, updated_at, version) VALUES ('u-1', 't', '', '', '', '', 'published', 'ar', "
                            "now(), now(), 1)")
    assert writer.get(writers_article.id).status == "in_review"
    editor = newsroom.library(people["editor"])
    editor.change_status(writers_article.id, "published")
    assert writer.get(writers_article.id).status == "published"
    # Once published, a writer may still correct the text, not take it back.
    writer.save_text(writers_article.id, title="تحقيق عن الموانئ", body="مسودة مصححة", explicit=True)
    with pytest.raises(NotAllowed):
        writer.change_status(writers_article.id, "draft")


def test_only_admins_manage_people(newsroom, people):
    writer_database = newsroom.open(newsroom.url(people["writer"]))
    with pytest.raises(NotAllowed, match="only an admin of the newsroom may manage people"):
        People(writer_database).add("intruder", "دخيل", "admin", "password123")
    with pytest.raises(NotAllowed):
        People(newsroom.open(newsroom.url(people["editor"]))).set_role(people["writer"], "admin")
    with raw(newsroom, people["writer"]) as connection:
        refused(connection, "SELECT midad_set_person_role(%s, 'admin')", (people["writer"],))
        refused(connection, "SELECT midad_set_person_disabled(%s, true)", (people["other"],))
        refused(connection, "INSERT INTO people (login, display_name, role, disabled, created_at) "
                            "VALUES ('x', 'x', 'admin', false, now())")
        refused(connection, "UPDATE people SET role = 'admin'")
        refused(connection, "CREATE ROLE intruder LOGIN")
        refused(connection, "INSERT INTO sites (name, url, username, date_locale, default_status, default_category, "
                            "created_at) VALUES ('s', 'http://x', 'u', 'ar', 'draft', '', now())")
    admin = People(newsroom.open(newsroom.url(people["admin"])))
    admin.set_role(people["writer"], "editor")
    assert {p.login: p.role for p in admin.list()}[people["writer"]] == "editor"
    assert newsroom.library(people["writer"]).summaries() is not None


def test_editors_see_everything_writers_see_what_is_theirs_or_assigned(newsroom, people, writers_article):
    editor = newsroom.library(people["editor"])
    other = newsroom.library(people["other"])
    others_own = other.create(ArticleDraft(title="مقال ليلى"))
    assert {s.id for s in editor.summaries()} == {writers_article.id, others_own.id}
    with pytest.raises(NotAllowed, match="only an editor may assign"):
        other.assign(others_own.id, people["writer"])
    editor.assign(writers_article.id, people["other"])
    assert {s.id for s in other.summaries()} == {writers_article.id, others_own.id}
    assert [s.id for s in other.page(ListQuery(assigned_to=people["other"]), 0, 10)] == [writers_article.id]
    assert [s.id for s in other.page(ListQuery(created_by=people["other"]), 0, 10)] == [others_own.id]
    other.save_text(writers_article.id, title="تحقيق عن الموانئ", body="أضافت ليلى فقرة")
    assert editor.get(writers_article.id).body == "أضافت ليلى فقرة"


def test_who_did_what_is_the_servers_word_shown_by_display_name(newsroom, people, writers_article):
    writer = newsroom.library(people["writer"])
    writer.save_text(writers_article.id, title="تحقيق عن الموانئ", body="النسخة الثانية", explicit=True)
    editor = newsroom.library(people["editor"])
    editor.change_status(writers_article.id, "ready")
    assert [r.author for r in writer.revisions(writers_article.id)] == ["هدى المحررة", "سمير الكاتب"]
    [change] = writer.status_history(writers_article.id)
    assert change.changed_by == "هدى المحررة"
    with raw(newsroom, people["writer"]) as connection:
        connection.execute("INSERT INTO revisions (article_id, created_at, reason, status, title, body, word_count, "
                           "created_by) VALUES (%s, now(), 'save', 'draft', 't', 'b', 1, %s)",
                           (writers_article.id, people["editor"]))  # claiming to be the editor
        connection.execute("UPDATE articles SET created_by = created_by, body = 'x' WHERE id = %s",
                           (writers_article.id,))
        connection.commit()
        stamped = connection.execute("SELECT created_by FROM revisions ORDER BY id DESC LIMIT 1").fetchone()
        updated_by = connection.execute("SELECT updated_by FROM articles WHERE id = %s",
                                        (writers_article.id,)).fetchone()
    assert stamped == (people["writer"],)
    assert updated_by == (people["writer"],)


def test_a_disabled_person_cannot_log_in(newsroom, people):
    admin = People(newsroom.open(newsroom.url(people["admin"])))
    admin.set_disabled(people["other"])
    from editor_app.core.server.faults import ServerRefusedLogin
    from editor_app.core.storage import Database

    with pytest.raises(ServerRefusedLogin, match="is disabled on the newsroom server"):
        Database(newsroom.url(people["other"]))
    admin.set_disabled(people["other"], False)
    assert newsroom.library(people["other"]).summaries() == []


def test_init_is_idempotent_and_keeps_people_and_articles(newsroom, people, writers_article):
    from editor_app.core.server.setup import initialise_server

    report = initialise_server(newsroom.owner_url)
    assert report.people == 4
    assert newsroom.library(people["writer"]).get(writers_article.id).title == "تحقيق عن الموانئ"
    with raw(newsroom, people["other"]) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_search_on_the_server_uses_its_index(newsroom, people, writers_article):
    # midad_search() runs this query with the owner's rights (no policy in the way of the index).
    [*plan] = newsroom.cluster.execute(
        "SET enable_seqscan = off",  # one row: a scan would be cheaper; is the index usable at all?
        "EXPLAIN SELECT article_id FROM article_search WHERE document @@ 'مينا:*'::tsquery", database=newsroom.name)
    assert "ix_article_search_document" in "\n".join(row[0] for row in plan)
    other = newsroom.library(people["other"])
    other.create(ArticleDraft(title="الموانئ في الجنوب"))
    assert [hit.title for hit in other.search("الموانى")] == ["الموانئ في الجنوب"]  # not the writer's article
    writer = newsroom.library(people["writer"])
    with writer.database.transaction() as session:
        stored = session.scalar(text("SELECT document::text FROM article_search WHERE article_id = :id"),
                                {"id": writers_article.id})
    assert {"'المواني'", "'مواني'"} <= set(stored.split())  # normalised, and without its proclitic


def test_a_common_word_through_the_server_ranks_titles_first_and_only_what_one_may_read(newsroom, people,
                                                                                      monkeypatch):
    monkeypatch.setattr("editor_app.core.search.RANKING_CAP", 3)  # the many-matches path, as for a common word
    writer, other = newsroom.library(people["writer"]), newsroom.library(people["other"])
    mine = [writer.create(ArticleDraft(title=f"خبر {n}", body="الأمن مهم")).id for n in range(4)]
    titled = writer.create(ArticleDraft(title="الأمن أولا", body="نص")).id
    other.create(ArticleDraft(title="الأمن عند ليلى", body="الأمن"))
    assert [hit.id for hit in writer.search("الأمن")] == [titled, *reversed(mine)]
    assert len(newsroom.library(people["editor"]).search("الأمن")) == 6


def test_every_table_is_granted_and_every_article_table_guarded(newsroom, people):
    """A table added by a later migration is not forgotten by `server init` (people could not
    even save), nor left open beside the articles' policies."""
    rows = newsroom.cluster.execute(
        "SELECT c.relname, has_table_privilege('midad_member', c.oid, 'SELECT'), c.relrowsecurity, "
        "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'article_id') "
        "FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'", database=newsroom.name)
    # A desktop's own sync bookkeeping (core.sync.tables) exists on the server only because one
    # schema serves both; nobody there reads or writes it.
    desktop_only = {"sync_state", "sync_articles", "sync_queue", "sync_revisions", "workflow_outbox"}
    assert sorted(name for name, readable, _, _ in rows if not readable) == sorted(desktop_only)
    feed_of_ids_only = {"article_changes"}  # ids and kinds, no text: read by everyone (core.changes)
    assert [name for name, _, guarded, per_article in rows
            if per_article and not guarded and name not in feed_of_ids_only] == []
    writer = newsroom.library(people["writer"])
    article = writer.create(ArticleDraft(title="يحفظ الكاتب")).id  # every trigger of the schema runs as a writer
    writer.save_text(article, title="يحفظ الكاتب", body="نص", explicit=True)


def test_a_lease_names_the_person_by_display_name(newsroom, people):
    from editor_app.core.leases import Leases

    writer, editor = newsroom.library(people["writer"]), newsroom.library(people["editor"])
    article = writer.create(ArticleDraft(title="قيد التحرير")).id
    Leases(writer.database).acquire(article)
    assert Leases(editor.database).current(article).person == "سمير الكاتب"
    assert Leases(editor.database).take_over(article).person == "هدى المحررة"


def test_the_change_sequence_is_written_by_the_server_alone(newsroom, people, writers_article):
    """Saving records a change (the trigger runs as the schema's owner); nobody forges or erases one."""
    library = newsroom.library(people["writer"])
    library.save_text(writers_article.id, title=writers_article.title, body="مسودة ثانية", explicit=True)
    with raw(newsroom, people["writer"]) as connection:
        assert connection.execute("SELECT count(*) FROM article_changes WHERE article_id = %s",
                                  (writers_article.id,)).fetchone()[0] >= 2
        refused(connection, "INSERT INTO article_changes (article_id, kind) VALUES (%s, 'text')", (writers_article.id,))
        refused(connection, "DELETE FROM article_changes")
