"""On a newsroom server a lease's time is the server's (now() on PostgreSQL): a desktop whose
clock is an hour wrong neither hands out a lease that is already expired nor keeps one an
hour too long. On SQLite (one machine) the computer's clock is the only one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from editor_app.core import leases as leases_module
from editor_app.core.leases import LEASE_DURATION, Leases
from editor_app.core.models import utc_now
from editor_app.core.records import ArticleDraft


@pytest.mark.parametrize("skew", [timedelta(hours=-1), timedelta(hours=1)])
def test_a_lease_on_the_server_runs_on_the_servers_clock(newsroom, monkeypatch, skew):
    writer, editor = newsroom.add("writer", "سمير"), newsroom.add("editor", "هدى")
    writer_library = newsroom.library(writer)
    record = writer_library.create(ArticleDraft(title="خبر", body="نص"))
    monkeypatch.setattr(leases_module, "utc_now", lambda: utc_now() + skew)  # this computer's clock is wrong
    writing = Leases(writer_library.database, machine="slow-clock")
    assert writing.is_mine(writing.acquire(record.id))
    with writer_library.database.transaction() as session:
        left = session.scalar(text("SELECT expires_at - now() FROM article_leases WHERE article_id = :a"),
                              {"a": record.id})
    assert timedelta(0) < left <= LEASE_DURATION
    # Someone else sees it held (not expired an hour ago, not an hour to go) ...
    other = Leases(newsroom.library(editor).database, machine="desk")
    held = other.acquire(record.id)
    assert not other.is_mine(held) and held.person == "سمير"
    assert set(other.holders()) == {record.id}
    # ... and the holder's heartbeat renews it on the server's clock too.
    assert writing.heartbeat() == []
    with writer_library.database.transaction() as session:
        left = session.scalar(text("SELECT expires_at - now() FROM article_leases WHERE article_id = :a"),
                              {"a": record.id})
    assert timedelta(0) < left <= LEASE_DURATION
