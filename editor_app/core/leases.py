"""Who is editing an article now («يحرّره الآن»): leases, not locks.

Opening an article for editing takes its lease (person, machine, this window, a heartbeat
and an expiry about two minutes ahead); the holder renews it on every heartbeat, so a
crashed client's lease simply runs out. Someone else opening the article gets it
read-only and may ask the holder to let go, or take it over: the holder learns it at its
next heartbeat (or change event) and keeps its unsaved text as a revision (ui.concurrency).

Time is the database's: on a newsroom server PostgreSQL's now() decides when a lease
expires, so a desktop whose clock is wrong neither keeps an article forever nor loses it at
once; on SQLite (one machine) the computer's clock.

Leases are advisory: they guide people; the version check on every save (core.library,
core.concurrent_edits) is what guarantees that no edit is ever lost.
"""

from __future__ import annotations

import platform
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from editor_app.core.library import default_actor
from editor_app.core.models import ArticleLease, utc_now
from editor_app.core.storage import Database

LEASE_DURATION = timedelta(minutes=2)
HEARTBEAT_INTERVAL = timedelta(seconds=30)

_person_hook: Callable[[Database], str] | None = None


def set_person_hook(hook: Callable[[Database], str] | None) -> None:
    """Who "I" am on a database. Default: the OS login; on the newsroom server the person
    logged in (the server package maps the PostgreSQL role to a person and sets this)."""
    global _person_hook
    _person_hook = hook


def current_person(database: Database) -> str:
    if _person_hook is not None:
        return _person_hook(database)
    if database.engine.dialect.name == "postgresql":
        # On the newsroom server a person is the PostgreSQL role logged in, shown by their name.
        from editor_app.core.server.people import current_login, display_names

        with database.transaction() as session:
            login = current_login(session)
            if login:
                return display_names(session, [login]).get(login, login)
    return getattr(database, "actor", None) or default_actor()  # whoever the library acts for


@dataclass(frozen=True)
class Lease:
    article_id: int
    person: str
    machine: str
    holder: str
    acquired_at: datetime
    heartbeat_at: datetime
    expires_at: datetime
    requested_by: str = ""
    declined_holder: str = ""  # the window whose ask the holder declined

    @classmethod
    def from_row(cls, row: ArticleLease) -> Lease:
        return cls(row.article_id, row.person, row.machine, row.holder, row.acquired_at, row.heartbeat_at,
                   row.expires_at, row.requested_by or "", row.declined_holder or "")


@dataclass(frozen=True)
class Notice:
    """What a heartbeat learnt about a lease this window held."""

    article_id: int
    taken_by: str = ""  # someone took it over (the lease is no longer ours)
    lost: bool = False  # it expired and someone else may have it: the window must ask again
    asked_by: str = ""  # someone asks us to let them edit
    asked_holder: str = ""  # their window (hand_over gives it the lease); "" when unknown (through a copy)


class Leases:
    """The leases of one window (or one CLI run) on one database."""

    def __init__(self, database: Database, *, person: str | None = None, machine: str | None = None,
                 duration: timedelta = LEASE_DURATION, clock: Callable[[], datetime] | None = None) -> None:
        self.database = database
        self.person = person or current_person(database)
        self.machine = machine or platform.node() or "?"
        self.holder = uuid.uuid4().hex  # this window: the same person may have two open
        self.duration = duration
        self.clock = clock  # None: the database's clock (tests give their own)
        self.held: set[int] = set()

    def _now(self, session) -> datetime:
        if self.clock is not None:
            return self.clock()
        if self.database.engine.dialect.name == "postgresql":
            return session.scalar(select(func.now()))  # the server's clock, not this computer's
        return utc_now()

    def _insert(self):
        return (postgresql.insert if self.database.engine.dialect.name == "postgresql" else sqlite.insert)(ArticleLease)

    def acquire(self, article_id: int) -> Lease:
        """The article's lease: ours if it was free, expired or already ours; otherwise the
        current holder's (compare `is_mine`)."""
        with self.database.transaction() as session:
            now = self._now(session)
            session.execute(delete(ArticleLease).where(ArticleLease.article_id == article_id,
                                                       ArticleLease.expires_at <= now))
            # Two windows asking at once: the database keeps exactly one row, the first.
            session.execute(self._insert().values(
                article_id=article_id, person=self.person, machine=self.machine, holder=self.holder,
                acquired_at=now, heartbeat_at=now, expires_at=now + self.duration, requested_by="",
            ).on_conflict_do_nothing(index_elements=["article_id"]))
            row = session.get(ArticleLease, article_id)
            if row.holder != self.holder and (row.person, row.machine) == (self.person, self.machine):
                # Mine, from this machine: a run that crashed (its lease would block me for two
                # minutes) or my other window (told at its heartbeat; its unsaved text is kept).
                row.holder, row.acquired_at, row.requested_by = self.holder, now, ""
            if row.holder == self.holder:
                # (Handed to us: the holder wrote our window; our name and machine complete it.)
                row.person, row.machine = self.person, self.machine
                row.heartbeat_at, row.expires_at = now, now + self.duration
                self.held.add(article_id)
            else:
                self.held.discard(article_id)
            return Lease.from_row(row)

    def is_mine(self, lease: Lease | None) -> bool:
        return lease is not None and lease.holder == self.holder

    def take_over(self, article_id: int) -> Lease:
        """Make the lease ours whoever holds it (the holder is told at its next heartbeat)."""
        with self.database.transaction() as session:
            now = self._now(session)
            row = session.get(ArticleLease, article_id)
            if row is None:
                session.add(ArticleLease(article_id=article_id, person=self.person, machine=self.machine,
                                         holder=self.holder, acquired_at=now, heartbeat_at=now,
                                         expires_at=now + self.duration, requested_by=""))
            else:
                row.person, row.machine, row.holder = self.person, self.machine, self.holder
                row.acquired_at, row.heartbeat_at, row.expires_at, row.requested_by = now, now, now + self.duration, ""
        self.held.add(article_id)
        return self.current(article_id)

    def ask(self, article_id: int) -> None:
        """Ask the holder to let us edit (they see our name at their next heartbeat, and may
        hand the lease over or decline)."""
        with self.database.transaction() as session:
            row = session.get(ArticleLease, article_id)
            if row is not None and row.holder != self.holder:
                row.requested_by, row.requested_holder, row.declined_holder = self.person, self.holder, ""

    def hand_over(self, article_id: int, notice: Notice) -> bool:
        """Accept an ask: the lease becomes the asking window's (it edits at its next heartbeat).
        Asked through a desktop's copy (no window known): let go, for them to take it."""
        with self.database.transaction() as session:
            now = self._now(session)
            row = session.get(ArticleLease, article_id)
            if row is None or row.holder != self.holder:
                return False
            if notice.asked_holder:
                row.holder, row.person, row.machine = notice.asked_holder, notice.asked_by, ""
                row.acquired_at, row.heartbeat_at, row.expires_at = now, now, now + self.duration
                row.requested_by = row.requested_holder = row.declined_holder = ""
            else:
                session.delete(row)
        self.held.discard(article_id)
        return True

    def decline(self, article_id: int, notice: Notice) -> None:
        """Keep editing: the asking window is told at its next heartbeat."""
        with self.database.transaction() as session:
            row = session.get(ArticleLease, article_id)
            if row is not None and row.holder == self.holder:
                row.declined_holder, row.requested_holder = notice.asked_holder, ""

    def was_declined(self, article_id: int) -> Lease | None:
        """The lease whose holder declined our ask (told once), or None."""
        with self.database.transaction() as session:
            row = session.get(ArticleLease, article_id)
            if row is None or not row.declined_holder or row.declined_holder != self.holder:
                return None
            row.declined_holder = ""
            return Lease.from_row(row)

    def release(self, article_id: int) -> None:
        self.held.discard(article_id)
        with self.database.transaction() as session:
            session.execute(delete(ArticleLease).where(ArticleLease.article_id == article_id,
                                                       ArticleLease.holder == self.holder))

    def release_all(self) -> None:
        for article_id in list(self.held):
            self.release(article_id)

    def heartbeat(self) -> list[Notice]:
        """Renew what we hold; report what was taken over, lost, or asked for. Expired leases
        of anyone (crashed clients) are removed on the way."""
        notices = []
        with self.database.transaction() as session:
            now = self._now(session)
            session.execute(delete(ArticleLease).where(ArticleLease.expires_at <= now))
            for article_id in sorted(self.held):
                row = session.get(ArticleLease, article_id)
                if row is None:
                    notices.append(Notice(article_id, lost=True))
                elif row.holder != self.holder:
                    notices.append(Notice(article_id, taken_by=row.person))
                else:
                    row.heartbeat_at, row.expires_at = now, now + self.duration
                    if row.requested_by:
                        notices.append(Notice(article_id, asked_by=row.requested_by,
                                              asked_holder=row.requested_holder or ""))
                        row.requested_by = ""
        for notice in notices:
            if notice.taken_by or notice.lost:
                self.held.discard(notice.article_id)
        return notices

    def current(self, article_id: int) -> Lease | None:
        return self.holders([article_id]).get(article_id)

    def holders(self, article_ids: Iterable[int] | None = None) -> dict[int, Lease]:
        """The live leases (of the given articles, or all of them)."""
        with self.database.transaction() as session:
            query = select(ArticleLease).where(ArticleLease.expires_at > self._now(session))
            if article_ids is not None:
                query = query.where(ArticleLease.article_id.in_(list(article_ids)))
            return {row.article_id: Lease.from_row(row) for row in session.scalars(query)}
