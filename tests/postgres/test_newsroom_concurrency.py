"""No lost update between two people on the newsroom server, each logged in as themselves
(grants and row-level security in force): merging, leases by name, changes followed."""

from __future__ import annotations

import psycopg
import pytest

from editor_app.core import concurrent_edits
from editor_app.core.changes import ExternalChanges, What
from editor_app.core.concurrent_edits import TextBase
from editor_app.core.leases import Leases
from editor_app.core.records import ArticleDraft
from tests.core.test_concurrency import next_change
from tests.postgres.test_server_security import raw, refused

BODY = "الفقرة الأولى.\n\nالفقرة الثانية.\n\nالفقرة الثالثة.\n"


@pytest.fixture
def people(newsroom):
    return {"writer": newsroom.add("writer", "سمير الكاتب"), "editor": newsroom.add("editor", "هدى المحررة"),
            "other": newsroom.add("writer", "ليلى الصحفية")}


def test_a_writer_and_an_editor_merge_and_see_each_others_changes(newsroom, people):
    writer, editor = newsroom.library(people["writer"]), newsroom.library(people["editor"])
    record = writer.create(ArticleDraft(title="تحقيق", body=BODY))
    watcher = ExternalChanges(writer.database)
    try:
        base = TextBase.of(writer.get(record.id))
        editor.save_text(record.id, title="تحقيق", body=BODY.replace("الأولى", "الأولى المصححة"))
        assert next_change(watcher).what & What.TEXT
        outcome = concurrent_edits.save_text(writer, base, "تحقيق", BODY.replace("الثالثة", "الثالثة والأخيرة"))
        assert outcome.merged and outcome.conflict is None
        assert editor.get(record.id).body == "الفقرة الأولى المصححة.\n\nالفقرة الثانية.\n\nالفقرة الثالثة والأخيرة.\n"
    finally:
        watcher.close()


def test_leases_carry_peoples_names_and_take_over_works_for_an_editor(newsroom, people):
    writer = newsroom.library(people["writer"])
    record = writer.create(ArticleDraft(title="تحقيق", body=BODY))
    writer_leases = Leases(writer.database, machine="desk-1")
    writer_leases.acquire(record.id)
    editor_leases = Leases(newsroom.library(people["editor"]).database, machine="desk-2")
    seen = editor_leases.acquire(record.id)
    assert seen.person == "سمير الكاتب" and not editor_leases.is_mine(seen)
    editor_leases.take_over(record.id)
    [notice] = writer_leases.heartbeat()
    assert notice.taken_by == "هدى المحررة"


def test_people_cannot_forge_the_change_sequence_nor_see_leases_of_articles_hidden_from_them(newsroom, people):
    writer = newsroom.library(people["writer"])
    record = writer.create(ArticleDraft(title="سري", body=BODY))
    Leases(writer.database).acquire(record.id)
    with raw(newsroom, people["other"]) as connection:
        assert connection.execute("SELECT count(*) FROM article_leases").fetchone() == (0,)
        assert connection.execute("SELECT count(*) FROM article_changes").fetchone() == (0,)
        refused(connection, "INSERT INTO article_changes (article_id, kind) VALUES (%s, 'update')", (record.id,))
    with raw(newsroom, people["writer"]) as connection:
        assert connection.execute("SELECT count(*) FROM article_changes WHERE article_id = %s", (record.id,)).fetchone()[0] >= 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("DELETE FROM article_changes")


def test_changes_are_still_followed_after_the_listening_connection_was_cut(newsroom, people):
    writer, editor = newsroom.library(people["writer"]), newsroom.library(people["editor"])
    record = writer.create(ArticleDraft(title="تحقيق", body=BODY))
    watcher = ExternalChanges(writer.database)
    try:
        writer.save_text(record.id, title="تحقيق", body=BODY + "\n")
        assert next_change(watcher).article_ids == {record.id}
        # What a server restart does to it: the session is gone.
        cut = newsroom.cluster.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                       "WHERE query = 'LISTEN midad_changes'", database=newsroom.name)
        assert cut == [(True,)]
        editor.save_text(record.id, title="تحقيق", body=BODY + "\nإضافة.\n")
        change = next_change(watcher)
        assert change is not None and change.what & What.TEXT
        editor.save_text(record.id, title="تحقيق", body=BODY + "\nإضافة ثانية.\n")
        assert next_change(watcher).what & What.TEXT  # and woken by NOTIFY again
    finally:
        watcher.close()
