"""Leases: who is editing now, taking over, and leases of crashed clients running out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from editor_app.core import leases as leases_module
from editor_app.core.changes import ExternalChanges, What
from editor_app.core.leases import Leases, current_person
from editor_app.core.models import utc_now
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from tests.core.test_concurrency import next_change

pytestmark = pytest.mark.both_engines


class Clock:
    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self):
        return self.now


@pytest.fixture
def other_database(database_url):
    database = Database(database_url)
    yield database
    database.close()


def test_the_first_opener_holds_the_lease_and_the_second_sees_who(library, other_database):
    article = library.create(ArticleDraft(title="ت"))
    amina = Leases(library.database, person="أمينة", machine="desk-1")
    khalid = Leases(other_database, person="خالد", machine="desk-2")
    assert amina.is_mine(amina.acquire(article.id))
    seen = khalid.acquire(article.id)
    assert not khalid.is_mine(seen)
    assert (seen.person, seen.machine) == ("أمينة", "desk-1")
    assert khalid.holders()[article.id].person == "أمينة"


def test_taking_over_tells_the_holder_at_its_next_heartbeat(library, other_database):
    article = library.create(ArticleDraft(title="ت"))
    amina = Leases(library.database, person="أمينة")
    khalid = Leases(other_database, person="خالد")
    amina.acquire(article.id)
    khalid.ask(article.id)
    assert [n.asked_by for n in amina.heartbeat()] == ["خالد"]
    assert amina.heartbeat() == []  # asked once
    assert khalid.is_mine(khalid.take_over(article.id))
    [notice] = amina.heartbeat()
    assert notice.taken_by == "خالد" and article.id not in amina.held
    assert not amina.is_mine(amina.acquire(article.id))


def test_a_crashed_clients_lease_expires_by_itself(library, other_database):
    article = library.create(ArticleDraft(title="ت"))
    clock = Clock()
    crashed = Leases(library.database, person="أمينة", clock=clock)
    crashed.acquire(article.id)
    khalid = Leases(other_database, person="خالد", clock=clock)
    assert not khalid.is_mine(khalid.acquire(article.id))
    clock.now += leases_module.LEASE_DURATION + timedelta(seconds=1)  # no heartbeat came
    assert khalid.holders() == {}
    assert khalid.is_mine(khalid.acquire(article.id))


def test_heartbeats_keep_a_lease_alive_and_release_frees_it(library, other_database):
    article = library.create(ArticleDraft(title="ت"))
    clock = Clock()
    amina = Leases(library.database, person="أمينة", clock=clock)
    khalid = Leases(other_database, person="خالد", clock=clock)
    amina.acquire(article.id)
    for _ in range(6):
        clock.now += leases_module.HEARTBEAT_INTERVAL
        assert amina.heartbeat() == []
    assert not khalid.is_mine(khalid.acquire(article.id))
    amina.release_all()
    assert khalid.is_mine(khalid.acquire(article.id))


def test_lease_changes_reach_other_processes_as_change_events(library, other_database):
    article = library.create(ArticleDraft(title="ت"))
    watcher = ExternalChanges(library.database)
    try:
        Leases(other_database, person="خالد").acquire(article.id)
        change = next_change(watcher)
        assert change.article_ids == {article.id} and change.what & What.LEASE
    finally:
        watcher.close()


def test_the_person_hook_names_who_i_am(library, monkeypatch):
    monkeypatch.setattr(leases_module, "_person_hook", None)
    assert current_person(library.database)  # the OS login
    leases_module.set_person_hook(lambda database: "سعاد")
    try:
        assert Leases(library.database).person == "سعاد"
    finally:
        leases_module.set_person_hook(None)


def test_my_own_lease_from_a_crashed_run_on_this_machine_is_mine_again(library, other_database):
    article = library.create(ArticleDraft(title="ت"))
    Leases(library.database, person="أمينة", machine="desk-1").acquire(article.id)  # then killed
    restarted = Leases(other_database, person="أمينة", machine="desk-1")
    assert restarted.is_mine(restarted.acquire(article.id))
    elsewhere = Leases(other_database, person="أمينة", machine="laptop")
    assert not elsewhere.is_mine(elsewhere.acquire(article.id))
