"""The desktop's sync engine: its SQLite library is a replica of a newsroom server.

A round pulls what changed on the server (by the server's change numbers, page by page,
each page applied in one local transaction together with the last number applied: a cut
loses at most the page in flight, which the next round asks again), then pushes the local
queue (core.sync.tables.SyncQueueEntry): each entry carries the server version it was based
on and an idempotency key the server records with the change. Accepted → the replica
remembers the new server version; stale → the three-way merge of core.merge runs here:
a clean merge is pushed again, an overlapping one waits for the writer as a conflict, both
texts kept as revisions. A failed push waits a growing delay before it is tried again.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from editor_app.core.errors import StorageError
from editor_app.core.models import Article, Asset, PrivateNote, Revision, RevisionReason, utc_now
from editor_app.core.revisions import word_count
from editor_app.core.search import search_index_for
from editor_app.core.server.faults import NotAllowed, ServerUnreachable
from editor_app.core.storage import Database
from editor_app.core.sync.asset_files import files_of, store_files
from editor_app.core.sync.history import publications_of, status_changes_of, take_publications, take_status_changes
from editor_app.core.sync.replica_writes import (  # noqa: F401 - merge_snapshots: used by tests and others
    applying,
    map_revisions,
    merge_snapshots,
    pulled_fields,
    remember,
    take_revisions,
)
from editor_app.core.sync.server_side import LogEntry, PushAnswer, PushRequest, ServerSide
from editor_app.core.sync.snapshot import (
    PULLED_ONLY,
    SHARED_FIELDS,
    article_snapshot,
    changed_fields,
    checksum,
    dumps,
    loads,
    revision_values,
    write_fields,
)
from editor_app.core.sync.tables import SyncArticle, SyncQueueEntry, SyncRevision, SyncState

DEFAULT_DAYS = 30
PAGE_SIZE = 200
MERGE_PASSES = 3  # stale → merged → pushed again, a few times if others keep saving meanwhile



IN_STEP, WAITING, CONFLICT, REFUSED = "in_step", "waiting", "conflict", "refused"


def default_backoff(attempts: int) -> timedelta:
    """Waits 2, 4, 8 … up to 300 seconds (± a fifth, so desktops cut together do not return together)."""
    seconds = min(300.0, 2.0 ** attempts)
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


class ServerOffline(StorageError):
    """The round stopped: the server could not be reached (what was done is kept)."""


@dataclass
class SyncReport:
    pulled: int = 0  # articles changed here from the server
    removed: int = 0  # articles that left the replica (deleted on the server, or no longer readable)
    pushed: int = 0
    merged: int = 0  # stale pushes merged cleanly here and sent again
    conflicts: int = 0  # new conflicts waiting for the writer
    refused: int = 0
    waiting: int = 0  # local changes still to send after the round
    offline: str = ""  # why the round stopped early ("" when it ran to the end)
    workflow: dict = field(default_factory=dict)  # what the workflow step moved (core.workflow.replica)


class SyncEngine:
    def __init__(self, local: Database, server: Database, *, days: int = DEFAULT_DAYS, page_size: int = PAGE_SIZE,
                 backoff: Callable[[int], timedelta] = default_backoff, clock: Callable[[], datetime] = utc_now,
                 actor: str | None = None) -> None:
        from editor_app.core.library import default_actor

        self.local, self.server = local, ServerSide(server)
        # Whose private notes this copy holds: the library's person here (the server's login there).
        self.actor = actor or default_actor()
        self.days, self.page_size, self.backoff, self.clock = days, page_size, backoff, clock
        self.local_index = search_index_for(local.engine.dialect.name)
        self._login: str | None = None

    # -- joining -----------------------------------------------------------------

    def join(self, server_name: str) -> None:
        """Make the local library a replica of `server_name` (articles already here are sent as new)."""
        with self.local.transaction() as session:
            if session.get(SyncState, "server") is None:
                session.add(SyncState(key="server", value=server_name))
                session.flush()
                session.execute(text(
                    "INSERT INTO sync_queue (article_uuid, idempotency_key, deleted, state, attempts, last_error, "
                    "queued_at) SELECT uuid, lower(hex(randomblob(16))), 0, 'pending', 0, '', datetime('now') "
                    "FROM articles WHERE uuid NOT IN (SELECT article_uuid FROM sync_articles) "
                    "ON CONFLICT(article_uuid) DO NOTHING"))

    # -- one round -----------------------------------------------------------------

    def sync_round(self) -> SyncReport:
        report = SyncReport()
        try:
            self.pull(report)
            self.push(report)
            # The workflow's outbox and copy (desks, stages, placements, history, notifications: issue 19).
            from editor_app.core.workflow.replica import sync_workflow
            report.workflow = sync_workflow(self)
            from editor_app.core.annotations.replica import sync_annotations

            report.workflow["annotations"] = sync_annotations(self)  # comments and suggestions, same way
            self.pull(report)  # our own pushes come back numbered: nothing to write, the base stays exact
            from editor_app.core.sync.lease_mirror import exchange_leases

            exchange_leases(self)  # who is editing, seen from the local copy
        except StorageError as error:  # offline, or refused as a whole (the login...): said, kept for later
            report.offline = str(error)
        report.waiting = self.waiting_count()
        return report

    def _server_call(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except StorageError as error:
            if not _connection_lost(error):
                raise
            self.server.database.engine.dispose()  # its connections may be dead ones
            raise ServerOffline(str(error)) from error

    # -- pull ----------------------------------------------------------------------------

    def login(self) -> str:
        if self._login is None:
            def ask() -> str:
                with self.server.database.transaction() as session:
                    return session.scalar(text("SELECT current_user")) or ""
            self._login = self._server_call(ask)
        return self._login

    def pull(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        login = self.login()
        cutoff = self.clock() - timedelta(days=self.days)
        with self.local.transaction() as session:
            known = set(session.scalars(select(SyncArticle.article_uuid)))
            known |= set(session.scalars(select(SyncQueueEntry.article_uuid)))

        def wanted(uuid: str, created_by: str | None, assigned_to: str | None, updated_at) -> bool:
            if uuid in known or created_by == login or assigned_to == login:
                return True
            if updated_at is None:
                return False
            if updated_at.tzinfo is None:
                updated_at = updated_at.replace(tzinfo=cutoff.tzinfo)
            return updated_at >= cutoff

        self._take_people()
        while True:
            after = self.last_seq()
            entries = self._server_call(self.server.log_page, after, self.page_size, wanted=wanted)
            if not entries:
                return report
            self._apply_page(entries, report, self._missing_files(entries))
            known |= {entry.uuid for entry in entries if entry.kept and entry.snapshot is not None}
            if len(entries) < self.page_size:
                return report

    def _take_people(self) -> None:
        """The newsroom's people (login, name, role): so this copy shows who did what by name."""
        from editor_app.core.models import Person

        def ask() -> list[tuple[str, str, str, bool]]:
            with self.server.database.transaction() as session:
                return [tuple(row) for row in session.execute(
                    select(Person.login, Person.display_name, Person.role, Person.disabled))]

        people = self._server_call(ask)
        with self.local.transaction() as session:
            here = {person.login: person for person in session.scalars(select(Person))}
            for login, name, role, disabled in people:
                person = here.get(login)
                if person is None:
                    session.add(Person(login=login, display_name=name, role=role, disabled=disabled))
                elif (person.display_name, person.role, person.disabled) != (name, role, disabled):
                    person.display_name, person.role, person.disabled = name, role, disabled

    def last_seq(self) -> int:
        with self.local.transaction() as session:
            state = session.get(SyncState, "last_seq")
            return int(state.value) if state else 0

    def _missing_files(self, entries: list[LogEntry]) -> dict[str, tuple[dict, ...]]:
        """The images of a page's articles not stored here yet, fetched before the page is applied."""
        shared = {entry.uuid: set(entry.snapshot.get("assets") or ()) for entry in entries
                  if entry.kept and entry.snapshot is not None and entry.snapshot.get("assets")}
        if not shared:
            return {}
        with self.local.transaction() as session:
            for uuid, sha in session.execute(select(Article.uuid, Asset.sha256).join(Asset, Asset.article_id == Article.id)
                                             .where(Article.uuid.in_(list(shared)))):
                shared[uuid].discard(sha)
        wanted = {uuid: shas for uuid, shas in shared.items() if shas}
        return self._server_call(self.server.asset_files, wanted) if wanted else {}

    def _apply_page(self, entries: list[LogEntry], report: SyncReport, files: dict[str, tuple[dict, ...]]) -> None:
        with self.local.transaction() as session, applying(session):
            waiting = set(session.scalars(select(SyncQueueEntry.article_uuid).where(
                SyncQueueEntry.article_uuid.in_([entry.uuid for entry in entries]))))
            for entry in entries:
                if not entry.kept:
                    continue
                if entry.snapshot is None:
                    report.removed += self._remove(session, entry.uuid, entry.uuid in waiting)
                    continue
                if entry.uuid not in waiting:
                    self._apply_entry(session, entry, files, report)
            state = session.get(SyncState, "last_seq")
            if state is None:
                session.add(SyncState(key="last_seq", value=str(entries[-1].seq)))
            else:
                state.value = str(entries[-1].seq)

    def _apply_entry(self, session: Session, entry: LogEntry, files: dict[str, tuple[dict, ...]],
                     report: SyncReport) -> Article:
        """Nothing of ours waits: the server's copy is the article (what we wait to send is merged
        against it when pushed)."""
        article = session.scalar(select(Article).where(Article.uuid == entry.uuid))
        if article is None:
            article = Article(uuid=entry.uuid)
            session.add(article)
        if article.id is None or checksum(article_snapshot(article)) != checksum(entry.snapshot):
            store_files(session, article, files.get(entry.uuid, ()))
            write_fields(session, article, pulled_fields(entry.snapshot))
            article.updated_at = utc_now()
            session.flush()
            self.local_index.update(session, article)
            report.pulled += 1
        remember(session, entry.uuid, entry.version, entry.snapshot)
        self._take_note(session, article, entry.note)
        take_status_changes(session, article, entry.status_changes, theirs_name_who=True)
        take_publications(session, article, entry.publications, keep_mine=False)
        # (Not while ours wait: a push of ours may have landed with its revisions, its answer
        # lost; once it is settled, the article's next change number brings the others.)
        take_revisions(session, article, entry.revisions)
        return article

    # -- on demand (core.sync.on_demand) ----------------------------------------------------

    def fetch(self, uuid: str) -> int:
        from editor_app.core.sync.on_demand import fetch_article

        return fetch_article(self, uuid)

    def search_server(self, query: str, limit: int = 50) -> list:
        from editor_app.core.sync.on_demand import search_newsroom

        return search_newsroom(self, query, limit)

    def _take_note(self, session: Session, article: Article, note: str | None) -> None:
        """My private note as the server holds it (nothing of mine waits to be sent)."""
        if note is None:
            return
        if article.id is None:
            session.flush()
        stored = session.get(PrivateNote, (article.id, self.actor))
        if stored is None:
            session.add(PrivateNote(article_id=article.id, owner=self.actor, body=note, updated_at=utc_now()))
        elif stored.body != note:
            stored.body, stored.updated_at = note, utc_now()

    def _remove(self, session: Session, uuid: str, waiting: bool) -> int:
        """Deleted on the server (or no longer ours to read): gone from here too, unless we
        changed it meanwhile: then it is sent again as a new article (never a lost word)."""
        synced = session.get(SyncArticle, uuid)
        if waiting:
            if synced is not None:
                synced.server_version, synced.base = None, ""
            return 0
        article = session.scalar(select(Article).where(Article.uuid == uuid))
        if synced is not None:
            session.delete(synced)
        if article is None:
            return 0
        self.local_index.remove(session, article.id)
        session.execute(Article.__table__.update().where(Article.id == article.id).values(featured_asset_id=None))
        session.execute(delete(Article).where(Article.id == article.id))
        return 1

    # -- push ------------------------------------------------------------------------------

    def push(self, report: SyncReport | None = None, *, now_or_later: bool = False) -> SyncReport:
        """Send what waits (its backoff past, unless now_or_later)."""
        report = report or SyncReport()
        now = self.clock()
        with self.local.transaction() as session:
            query = select(SyncQueueEntry.article_uuid).where(SyncQueueEntry.state == "pending")
            if not now_or_later:
                query = query.where((SyncQueueEntry.next_attempt_at.is_(None)) | (SyncQueueEntry.next_attempt_at <= now))
            uuids = list(session.scalars(query.order_by(SyncQueueEntry.queued_at, SyncQueueEntry.article_uuid)))
        for uuid in uuids:
            for _ in range(MERGE_PASSES):
                self._settle_lost_answer(uuid)
                request = self._request(uuid)
                if request is None:
                    break
                try:
                    answer = self._server_call(self.server.push, request)
                except ServerOffline as error:
                    self._postpone(uuid, request.key, str(error))
                    raise
                except (NotAllowed, StorageError) as error:
                    self._refuse(uuid, str(error))
                    report.refused += 1
                    break
                if not self._settle(uuid, request, answer, report):
                    break
        return report

    def _settle_lost_answer(self, uuid: str) -> None:
        """A push sent under an older key whose answer never came: if it landed, the replica's base
        becomes what it made (so the new push is not taken for a rival edit, nor its revisions sent twice)."""
        with self.local.transaction() as session:
            entry = session.get(SyncQueueEntry, uuid)
            if entry is None or not entry.sent_key or entry.sent_key == entry.idempotency_key:
                return
            sent_key, sent_fields = entry.sent_key, loads(entry.sent_fields) or {}
        applied, version, revision_map = self._server_call(self.server.landed, sent_key)
        with self.local.transaction() as session, applying(session):
            entry = session.get(SyncQueueEntry, uuid)
            if applied:
                synced = session.get(SyncArticle, uuid)
                base = loads(synced.base) if synced and synced.server_version is not None else {}
                new_base = {**(base or {}), **sent_fields}
                for name in PULLED_ONLY:
                    new_base.setdefault(name, "")
                remember(session, uuid, version, new_base)
                map_revisions(session, revision_map)
            if entry is not None:
                entry.sent_key, entry.sent_fields = "", ""

    def _request(self, uuid: str) -> PushRequest | None:
        request = self._build_request(uuid)
        if request is not None:
            with self.local.transaction() as session:  # said before it leaves (see _settle_lost_answer)
                entry = session.get(SyncQueueEntry, uuid)
                entry.sent_key, entry.sent_fields = request.key, dumps(request.fields)
        return request

    def _build_request(self, uuid: str) -> PushRequest | None:
        with self.local.transaction() as session:
            entry = session.get(SyncQueueEntry, uuid)
            if entry is None or entry.state != "pending":
                return None
            synced = session.get(SyncArticle, uuid)
            base_version = synced.server_version if synced else None
            base = loads(synced.base) if synced and base_version is not None else None
            if entry.deleted:
                if base_version is None:
                    session.delete(entry)
                    return None
                return PushRequest(entry.idempotency_key, uuid, base_version, {}, (), delete=True)
            article = session.scalar(select(Article).where(Article.uuid == uuid))
            if article is None:
                session.delete(entry)
                return None
            snapshot = article_snapshot(article)
            fields = changed_fields(base, snapshot)
            known = select(SyncRevision.local_id)
            revisions = tuple(revision_values(r) for r in session.scalars(
                select(Revision).where(Revision.article_id == article.id, Revision.id.not_in(known)).order_by(Revision.id)))
            server_has = set((base or {}).get("assets") or ())
            files = files_of(session, article.id, [sha for sha in snapshot["assets"] if sha not in server_has])
            note = session.scalar(select(PrivateNote.body).where(PrivateNote.article_id == article.id,
                                                                 PrivateNote.owner == self.actor))
            return PushRequest(entry.idempotency_key, uuid, base_version, fields, revisions, asset_files=files,
                               have_assets=tuple(snapshot["assets"]), note=note,
                               status_changes=status_changes_of(session, [article.id])[article.id],
                               publications=publications_of(session, [article.id])[article.id])

    def _settle(self, uuid: str, request: PushRequest, answer: PushAnswer, report: SyncReport) -> bool:
        """Records the server's answer; True when the entry should be pushed again now."""
        with self.local.transaction() as session, applying(session):
            entry = session.get(SyncQueueEntry, uuid)
            if entry is not None:
                entry.sent_key, entry.sent_fields = "", ""
            synced = session.get(SyncArticle, uuid)
            if answer.asset_files:  # theirs: stored before their text names them
                local_article = session.scalar(select(Article).where(Article.uuid == uuid))
                if local_article is not None:
                    store_files(session, local_article, answer.asset_files)
            if answer.outcome == "accepted":
                report.pushed += 1
                map_revisions(session, answer.revision_map)
                pushed = session.scalar(select(Article).where(Article.uuid == uuid))
                if pushed is not None:  # the server's word on who changed the status, and on the posts
                    take_status_changes(session, pushed, answer.status_changes, theirs_name_who=True)
                    take_publications(session, pushed, answer.publications, keep_mine=False)
                nothing_newer = entry is not None and entry.idempotency_key == request.key
                if nothing_newer:
                    session.delete(entry)
                if request.delete:
                    if synced is not None:
                        session.delete(synced)
                elif nothing_newer and answer.snapshot is not None:
                    # Nothing written here since: the server's article is ours now (what its triggers
                    # stamped, what others saved after a retried push), whatever the log says later.
                    self._adopt(session, uuid, answer.snapshot_version, answer.snapshot)
                    article = session.scalar(select(Article).where(Article.uuid == uuid))
                    if article is not None:
                        take_revisions(session, article, answer.revisions)
                else:
                    # What the server holds at that version: what it had, with what we sent.
                    base = loads(synced.base) if synced and synced.server_version is not None else {}
                    new_base = {**(base or {}), **request.fields}
                    new_base["assets"] = sorted(set((base or {}).get("assets") or ()) | set(request.have_assets))
                    for name in PULLED_ONLY:
                        new_base.setdefault(name, (answer.snapshot or {}).get(name, ""))
                    remember(session, uuid, answer.version, new_base)
                return False
            if answer.outcome == "gone":
                if request.delete:
                    if entry is not None:
                        session.delete(entry)
                    if synced is not None:
                        session.delete(synced)
                    return False
                if synced is not None:
                    synced.server_version, synced.base = None, ""
                return True  # sent again as new: deleted there, still written here
            return self._merge(session, uuid, request, answer, entry, synced, report)

    def _adopt(self, session: Session, uuid: str, version: int | None, snapshot: dict) -> None:
        article = session.scalar(select(Article).where(Article.uuid == uuid))
        if article is not None and checksum(article_snapshot(article)) != checksum(snapshot):
            write_fields(session, article, pulled_fields(snapshot))
            article.updated_at = utc_now()
            session.flush()
            self.local_index.update(session, article)
        remember(session, uuid, version, snapshot)

    def _merge(self, session: Session, uuid: str, request: PushRequest, answer: PushAnswer,
               entry: SyncQueueEntry | None, synced: SyncArticle | None, report: SyncReport) -> bool:
        theirs = answer.snapshot
        article = session.scalar(select(Article).where(Article.uuid == uuid))
        if request.delete or article is None:
            # Deleted here, changed there: their text stays (nothing lost), and comes back here.
            if entry is not None:
                session.delete(entry)
            remember(session, uuid, answer.version, theirs)
            restored = Article(uuid=uuid)
            session.add(restored)
            store_files(session, restored, answer.asset_files)
            write_fields(session, restored, pulled_fields(theirs))
            session.flush()
            self.local_index.update(session, restored)
            return False
        mine = article_snapshot(article)
        base = loads(synced.base) if synced and synced.base else {name: None for name in SHARED_FIELDS}
        merged, conflicted = merge_snapshots(base, mine, theirs)
        remember(session, uuid, answer.version, theirs)
        if not conflicted:
            if merged != mine:
                write_fields(session, article, {k: merged[k] for k in SHARED_FIELDS if merged[k] != mine[k]})
                article.updated_at = utc_now()
                session.flush()
                self.local_index.update(session, article)
            report.merged += 1
            return True
        # Both changed the same place: the writer settles it. Both texts are kept as revisions,
        # the article keeps mine until then, and nothing is sent.
        for title, body in ((theirs["title"], theirs["body"]), (mine["title"], mine["body"])):
            session.add(Revision(article_id=article.id, reason=RevisionReason.CONFLICT.value, status=article.status,
                                 title=title, body=body, word_count=word_count(body), created_at=utc_now()))
        session.flush()
        synced = session.get(SyncArticle, uuid)
        synced.state = CONFLICT
        # What both started from, for the writer's merge dialog (core.sync.conflicts).
        synced.conflict_base = dumps({"title": base.get("title") or "", "body": base.get("body") or ""})
        if entry is not None:
            entry.state = CONFLICT
        report.conflicts += 1
        return False

    def _postpone(self, uuid: str, key: str, reason: str) -> None:
        with self.local.transaction() as session:
            entry = session.get(SyncQueueEntry, uuid)
            if entry is not None:
                entry.attempts += 1
                entry.last_error = reason[:500]
                entry.next_attempt_at = self.clock() + self.backoff(entry.attempts)

    def _refuse(self, uuid: str, reason: str) -> None:
        with self.local.transaction() as session:
            entry = session.get(SyncQueueEntry, uuid)
            if entry is not None:
                entry.state, entry.last_error = REFUSED, reason[:500]

    # -- the writer's side ----------------------------------------------------------------------

    def settle_conflict(self, article_id: int) -> None:
        """The writer has made the article's text what it should be: it is sent over theirs."""
        from editor_app.core.sync.conflicts import mark_settled

        mark_settled(self.local, article_id)

    def waiting_count(self) -> int:
        with self.local.transaction() as session:
            return session.scalar(text("SELECT count(*) FROM sync_queue")) or 0

    def article_states(self) -> dict[int, str]:
        """Each local article's sync state: in step, waiting to send, conflict, refused."""
        with self.local.transaction() as session:
            rows = session.execute(text(
                "SELECT a.id, q.state FROM articles a LEFT JOIN sync_queue q ON q.article_uuid = a.uuid")).all()
        return {row[0]: IN_STEP if row[1] is None else WAITING if row[1] == "pending" else row[1] for row in rows}


def local_checksums(database: Database) -> dict[str, str]:
    with database.transaction() as session:
        return {a.uuid: checksum(article_snapshot(a)) for a in session.scalars(select(Article))}


def server_checksums(database: Database) -> dict[str, str]:
    return local_checksums(database)


def _connection_lost(error: StorageError) -> bool:
    """The server went away (or never answered): try again later. Anything else is an answer."""
    import psycopg

    cause = error.__cause__
    if isinstance(error, ServerUnreachable) or getattr(cause, "connection_invalidated", False):
        return True
    original = getattr(cause, "orig", cause)
    return isinstance(original, (psycopg.OperationalError, psycopg.InterfaceError, OSError, EOFError))
