"""Who is editing, seen from the local copy: each round sends this desktop's leases to the
server and copies the others' back, asks to edit travel both ways, a released lease frees the
article for the others, and a lease taken offline gives way to the one the server knew."""

from __future__ import annotations

from sqlalchemy import text

from editor_app.core.leases import Leases
from editor_app.core.records import ArticleDraft
from tests.sync.replicas import Desktop


def test_leases_are_shown_and_asked_through_the_local_copies(tmp_path, newsroom):
    hoda, samir = newsroom.add("editor", "هدى"), newsroom.add("editor", "سمير")
    a = Desktop(tmp_path / "a", newsroom.url(hoda), "a")
    b = Desktop(tmp_path / "b", newsroom.url(samir), "b")
    try:
        created = a.library.create(ArticleDraft(title="خبر", body="نص"))
        a.sync()
        b.sync()
        b_id = b.library.id_for_uuid(created.uuid)
        a_leases, b_leases = Leases(a.database, machine="a-pc"), Leases(b.database, machine="b-pc")
        assert a_leases.is_mine(a_leases.acquire(created.id))
        a.sync()
        b.sync()
        seen = b_leases.acquire(b_id)
        assert not b_leases.is_mine(seen) and (seen.person, seen.machine) == ("هدى", "a-pc")
        # A round that finds the same lease leaves the copied one alone (no change event for nothing).
        changes = lease_changes(b)
        assert changes > 0  # (copying it in was one)
        b.sync()
        assert lease_changes(b) == changes
        # b asks; a hears it at its heartbeat after its next round.
        b_leases.ask(b_id)
        b.sync()
        a.sync()
        assert [n.asked_by for n in a_leases.heartbeat()] == ["سمير"]
        # a lets go: b may edit.
        a_leases.release(created.id)
        a.sync()
        b.sync()
        assert b_leases.holders() == {}
        assert b_leases.is_mine(b_leases.acquire(b_id))
        b.sync()
        # Offline, a opened it too: when a syncs, b's lease (the server's) wins, and a is told.
        assert a_leases.is_mine(a_leases.acquire(created.id))
        a.sync()
        notices = a_leases.heartbeat()
        assert [(n.article_id, n.taken_by) for n in notices] == [(created.id, "سمير")]
        assert not a_leases.is_mine(a_leases.current(created.id))
    finally:
        a.close()
        b.close()


def lease_changes(desktop: Desktop) -> int:
    with desktop.database.transaction() as session:
        return session.scalar(text("SELECT count(*) FROM article_changes WHERE kind = 'lease'"))


def test_taking_over_through_the_copy_reaches_the_holder(tmp_path, newsroom):
    hoda, samir = newsroom.add("editor", "هدى"), newsroom.add("editor", "سمير")
    a = Desktop(tmp_path / "a", newsroom.url(hoda), "a")
    b = Desktop(tmp_path / "b", newsroom.url(samir), "b")
    try:
        created = a.library.create(ArticleDraft(title="خبر", body="نص"))
        a.sync()
        b.sync()
        b_id = b.library.id_for_uuid(created.uuid)
        a_leases, b_leases = Leases(a.database, machine="a-pc"), Leases(b.database, machine="b-pc")
        a_leases.acquire(created.id)
        a.sync()
        b.sync()
        assert not b_leases.is_mine(b_leases.acquire(b_id))
        assert b_leases.is_mine(b_leases.take_over(b_id))
        b.sync()
        a.sync()
        assert [(n.article_id, n.taken_by) for n in a_leases.heartbeat()] == [(created.id, "سمير")]
        b.sync()
        assert b_leases.is_mine(b_leases.current(b_id))  # still b's after the rounds
    finally:
        a.close()
        b.close()
