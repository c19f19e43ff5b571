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
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor_app.core.errors import StorageError
from editor_app.core.merge import merge_field, merge_text
from editor_app.core.models import Article, Revision, RevisionReason, utc_now
from editor_app.core.revisions import word_count
from editor_app.core.search import search_index_for
from editor_app.core.server.faults import NotAllowed, ServerUnreachable
from editor_app.core.storage import Database
from editor_app.core.sync.server_side import LogEntry, PushAnswer, PushRequest, ServerSide
from editor_app.core.sync.snapshot import (
    PULLED_ONLY,
    SHARED_FIELDS,
    article_snapshot,
    changed_fields,
    checksum,
    dumps,
    loads,
    new_revision,
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
                 backoff: Callable[[int], timedelta] = default_backoff, clock: Callable[[], datetime] = utc_now) -> None:
        self.local, self.server = local, ServerSide(server)
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
            self.pull(report)  # our own pushes come back numbered: nothing to write, the base stays exact
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

        while True:
            after = self.last_seq()
            entries = self._server_call(self.server.log_page, after, self.page_size, wanted=wanted)
            if not entries:
                return report
            self._apply_page(entries, report)
            known |= {entry.uuid for entry in entries if entry.kept and entry.snapshot is not None}
            if len(entries) < self.page_size:
                return report

    def last_seq(self) -> int:
        with self.local.transaction() as session:
            state = session.get(SyncState, "last_seq")
            return int(state.value) if state else 0

    def _apply_page(self, entries: list[LogEntry], report: SyncReport) -> None:
        with self.local.transaction() as session, _applying(session):
            waiting = set(session.scalars(select(SyncQueueEntry.article_uuid).where(
                SyncQueueEntry.article_uuid.in_([entry.uuid for entry in entries]))))
            for entry in entries:
                if not entry.kept:
                    continue
                if entry.snapshot is None:
                    report.removed += self._remove(session, entry.uuid, entry.uuid in waiting)
                    continue
                article = session.scalar(select(Article).where(Article.uuid == entry.uuid))
                if entry.uuid not in waiting:
                    # Nothing of ours waits: the server's copy is the article (what we wait to send is
                    # merged against it when pushed).
                    if article is None:
                        article = Article(uuid=entry.uuid)
                        session.add(article)
                    if article.id is None or checksum(article_snapshot(article)) != checksum(entry.snapshot):
                        write_fields(session, article, _pulled(entry.snapshot))
                        article.updated_at = utc_now()
                        session.flush()
                        self.local_index.update(session, article)
                        report.pulled += 1
                    _remember(session, entry.uuid, entry.version, entry.snapshot)
                    # (Not while ours wait: a push of ours may have landed with its revisions, its answer
                    # lost; once it is settled, the article's next change number brings the others.)
                    _take_revisions(session, article, entry.revisions)
            state = session.get(SyncState, "last_seq")
            if state is None:
                session.add(SyncState(key="last_seq", value=str(entries[-1].seq)))
            else:
                state.value = str(entries[-1].seq)

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
        with self.local.transaction() as session, _applying(session):
            entry = session.get(SyncQueueEntry, uuid)
            if applied:
                synced = session.get(SyncArticle, uuid)
                base = loads(synced.base) if synced and synced.server_version is not None else {}
                new_base = {**(base or {}), **sent_fields}
                for name in PULLED_ONLY:
                    new_base.setdefault(name, "")
                _remember(session, uuid, version, new_base)
                _map_revisions(session, revision_map)
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
            fields = changed_fields(base, article_snapshot(article))
            known = select(SyncRevision.local_id)
            revisions = tuple(revision_values(r) for r in session.scalars(
                select(Revision).where(Revision.article_id == article.id, Revision.id.not_in(known)).order_by(Revision.id)))
            return PushRequest(entry.idempotency_key, uuid, base_version, fields, revisions)

    def _settle(self, uuid: str, request: PushRequest, answer: PushAnswer, report: SyncReport) -> bool:
        """Records the server's answer; True when the entry should be pushed again now."""
        with self.local.transaction() as session, _applying(session):
            entry = session.get(SyncQueueEntry, uuid)
            if entry is not None:
                entry.sent_key, entry.sent_fields = "", ""
            synced = session.get(SyncArticle, uuid)
            if answer.outcome == "accepted":
                report.pushed += 1
                _map_revisions(session, answer.revision_map)
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
                        _take_revisions(session, article, answer.revisions)
                else:
                    # What the server holds at that version: what it had, with what we sent.
                    base = loads(synced.base) if synced and synced.server_version is not None else {}
                    new_base = {**(base or {}), **request.fields}
                    for name in PULLED_ONLY:
                        new_base.setdefault(name, (answer.snapshot or {}).get(name, ""))
                    _remember(session, uuid, answer.version, new_base)
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
            write_fields(session, article, _pulled(snapshot))
            article.updated_at = utc_now()
            session.flush()
            self.local_index.update(session, article)
        _remember(session, uuid, version, snapshot)

    def _merge(self, session: Session, uuid: str, request: PushRequest, answer: PushAnswer,
               entry: SyncQueueEntry | None, synced: SyncArticle | None, report: SyncReport) -> bool:
        theirs = answer.snapshot
        article = session.scalar(select(Article).where(Article.uuid == uuid))
        if request.delete or article is None:
            # Deleted here, changed there: their text stays (nothing lost), and comes back here.
            if entry is not None:
                session.delete(entry)
            _remember(session, uuid, answer.version, theirs)
            restored = Article(uuid=uuid)
            write_fields(session, restored, _pulled(theirs))
            session.add(restored)
            session.flush()
            self.local_index.update(session, restored)
            return False
        mine = article_snapshot(article)
        base = loads(synced.base) if synced and synced.base else {name: None for name in SHARED_FIELDS}
        merged, conflicted = merge_snapshots(base, mine, theirs)
        _remember(session, uuid, answer.version, theirs)
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
        with self.local.transaction() as session:
            uuid = session.scalar(select(Article.uuid).where(Article.id == article_id))
            entry = session.get(SyncQueueEntry, uuid)
            synced = session.get(SyncArticle, uuid)
            if synced is not None:
                synced.state = ""
            if entry is not None:
                entry.state, entry.next_attempt_at = "pending", None

    def waiting_count(self) -> int:
        with self.local.transaction() as session:
            return session.scalar(text("SELECT count(*) FROM sync_queue")) or 0

    def article_states(self) -> dict[int, str]:
        """Each local article's sync state: in step, waiting to send, conflict, refused."""
        with self.local.transaction() as session:
            rows = session.execute(text(
                "SELECT a.id, q.state FROM articles a LEFT JOIN sync_queue q ON q.article_uuid = a.uuid")).all()
        return {row[0]: IN_STEP if row[1] is None else WAITING if row[1] == "pending" else row[1] for row in rows}


def merge_snapshots(base: dict, mine: dict, theirs: dict) -> tuple[dict, bool]:
    """Field by field (the body paragraph by paragraph): the merged fields, and whether both
    sides changed one place differently."""
    merged = dict(theirs)
    conflicted = False
    for name in SHARED_FIELDS:
        if name == "body":
            body = merge_text(base.get("body") or "", mine["body"], theirs["body"])
            conflicted |= not body.clean
            merged["body"] = body.text() if body.clean else mine["body"]
            continue
        value, clash = merge_field(base.get(name), mine[name], theirs[name])
        conflicted |= clash
        merged[name] = value
    return merged, conflicted


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


def _pulled(snapshot: dict) -> dict:
    return {name: snapshot.get(name) for name in (*SHARED_FIELDS, *PULLED_ONLY)}


def _remember(session: Session, uuid: str, version: int | None, snapshot: dict | None) -> None:
    synced = session.get(SyncArticle, uuid)
    if synced is None:
        session.add(SyncArticle(article_uuid=uuid, server_version=version, base=dumps(snapshot), state=""))
    else:
        synced.server_version, synced.base = version, dumps(snapshot)


def _map_revisions(session: Session, revision_map: dict[int, int]) -> None:
    for local_id, server_id in revision_map.items():
        if session.get(SyncRevision, local_id) is None:
            session.add(SyncRevision(local_id=local_id, server_id=server_id))
    session.flush()


def _take_revisions(session: Session, article: Article, revisions) -> None:
    if not revisions:
        return
    known = set(session.scalars(select(SyncRevision.server_id).where(
        SyncRevision.server_id.in_([values["id"] for values in revisions]))))
    for values in revisions:
        if values["id"] in known:
            continue
        revision = new_revision(article.id, values)
        session.add(revision)
        session.flush()
        session.add(SyncRevision(local_id=revision.id, server_id=values["id"]))


class _applying:
    """Inside the local transaction: changes written here are the server's, not the writer's,
    so the queue's triggers leave them out (migration 0008)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __enter__(self):
        self.session.execute(text("INSERT INTO sync_state (key, value) VALUES ('applying', '1')"))

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.session.flush()
            self.session.execute(text("DELETE FROM sync_state WHERE key = 'applying'"))
        return False
