"""The server's half of sync, run by the desktop over its own PostgreSQL login (so the
server's row-level security decides what it may read and change): read a page of the
change log, and apply one push in one transaction with its idempotency record."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import delete, literal_column, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor_app.core.models import Article, PrivateNote, Revision, utc_now
from editor_app.core.search import search_index_for
from editor_app.core.errors import StorageError
from editor_app.core.storage import Database
from editor_app.core.sync.asset_files import assets_of, files_of, store_files
from editor_app.core.sync.history import publications_of, status_changes_of, take_publications, take_status_changes
from editor_app.core.sync.snapshot import article_snapshot, new_revision, revision_values, write_fields
from editor_app.core.sync.tables import SyncPush


@dataclass(frozen=True)
class LogEntry:
    seq: int
    uuid: str
    # None: deleted, or no longer readable by this person (both leave the replica).
    snapshot: dict | None
    version: int | None
    revisions: tuple[dict, ...] = ()
    kept: bool = True  # False: outside this replica (only its number matters)
    note: str | None = None  # the puller's own private note on it (None: none)
    status_changes: tuple[dict, ...] = ()  # its status history (core.sync.history)
    publications: tuple[dict, ...] = ()  # where it was published, by site address


@dataclass(frozen=True)
class PushRequest:
    key: str
    uuid: str
    base_version: int | None  # None: new to the server
    fields: dict
    revisions: tuple[dict, ...] = ()  # this desktop's revisions the server has not got (local ids)
    delete: bool = False
    asset_files: tuple[dict, ...] = ()  # images the server has not got (core.sync.asset_files)
    have_assets: tuple[str, ...] = ()  # the images this desktop holds (by content): the others come back
    note: str | None = None  # the pusher's private note (None: none here)
    status_changes: tuple[dict, ...] = ()  # its status history here (the server adds what it lacks)
    publications: tuple[dict, ...] = ()  # its publishing records here (the server keeps its own first)


@dataclass(frozen=True)
class PushAnswer:
    outcome: str  # "accepted", "stale", "gone", "kept" (a deletion not allowed)
    version: int | None = None
    snapshot: dict | None = None  # the server's article after it (accepted) or now (stale)
    revision_map: dict[int, int] = field(default_factory=dict)
    # The version `snapshot` is at: later than `version` when a retried push finds others saved since.
    snapshot_version: int | None = None
    # A retried push's answer: the article's revisions (its change number was read while ours waited).
    revisions: tuple[dict, ...] = ()
    asset_files: tuple[dict, ...] = ()  # the server's images the pusher has not got
    # Accepted: the article's status history and publishing records as the server now holds them.
    status_changes: tuple[dict, ...] = ()
    publications: tuple[dict, ...] = ()


class ServerSide:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.search_index = search_index_for(database.engine.dialect.name)

    def log_page(self, after: int, limit: int, *, wanted) -> list[LogEntry]:
        """Changes numbered after `after`, oldest first; `wanted(uuid, created_by, assigned_to,
        updated_at)` says which of them this replica keeps (the others: number only)."""
        with self.database.transaction() as session:
            rows = session.execute(text(
                "SELECT l.seq, l.article_uuid, l.deleted, a.id, a.created_by, a.assigned_to, a.updated_at "
                "FROM sync_log l LEFT JOIN articles a ON a.uuid = l.article_uuid "
                "WHERE l.seq > :after ORDER BY l.seq LIMIT :limit"), {"after": after, "limit": limit}).all()
            keep = [row for row in rows if row[3] is None or wanted(row[1], row[4], row[5], row[6])]
            return self._entries(session, rows, keep)

    def fetch(self, uuid: str) -> LogEntry | None:
        """One article as a page of the log would bring it (one outside a replica, fetched on
        demand); None when it does not exist or this person may not read it."""
        with self.database.transaction() as session:
            row = session.execute(text(
                "SELECT coalesce(l.seq, 0), a.uuid, false, a.id, a.created_by, a.assigned_to, a.updated_at "
                "FROM articles a LEFT JOIN sync_log l ON l.article_uuid = a.uuid WHERE a.uuid = :uuid"),
                {"uuid": uuid}).first()
            return None if row is None else self._entries(session, [row], [row])[0]

    @staticmethod
    def _entries(session: Session, rows, keep) -> list[LogEntry]:
        ids = [row[3] for row in keep if row[3] is not None]
        articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(ids)))} if ids else {}
        assets = assets_of(session, ids)
        notes = dict(session.execute(select(PrivateNote.article_id, PrivateNote.body).where(
            PrivateNote.article_id.in_(ids), PrivateNote.owner == literal_column("current_user"))).all()) if ids else {}
        history, publications = status_changes_of(session, ids), publications_of(session, ids)
        revisions: dict[int, list[dict]] = {}
        if ids:
            for revision in session.scalars(select(Revision).where(Revision.article_id.in_(ids))
                                            .order_by(Revision.id)):
                revisions.setdefault(revision.article_id, []).append(revision_values(revision))
        entries = []
        kept = {row[1] for row in keep}
        for row in rows:
            article = articles.get(row[3])
            if row[1] not in kept:
                entries.append(LogEntry(row[0], row[1], None, None, (), kept=False))
                continue
            entries.append(LogEntry(row[0], row[1], None if article is None else
                                    article_snapshot(article, assets.get(article.id, {})),
                                    None if article is None else article.version,
                                    tuple(revisions.get(row[3], ())), note=notes.get(row[3]),
                                    status_changes=history.get(row[3], ()), publications=publications.get(row[3], ())))
        return entries

    def latest_seq(self) -> int:
        with self.database.transaction() as session:
            return session.scalar(text("SELECT coalesce(max(seq), 0) FROM sync_log")) or 0

    def article(self, uuid: str) -> tuple[dict | None, int | None]:
        with self.database.transaction() as session:
            article = session.scalar(select(Article).where(Article.uuid == uuid))
            return (None, None) if article is None else (article_snapshot(article), article.version)

    def asset_files(self, wanted: dict[str, set[str]]) -> dict[str, tuple[dict, ...]]:
        """The images (bytes included) of these contents, by article uuid: what a replica lacks."""
        with self.database.transaction() as session:
            ids = dict(session.execute(select(Article.uuid, Article.id).where(Article.uuid.in_(list(wanted)))).all())
            return {uuid: files_of(session, ids[uuid], shas) for uuid, shas in wanted.items() if uuid in ids}

    def landed(self, key: str) -> tuple[bool, int | None, dict[int, int]]:
        """Whether the push of `key` was applied: (applied, the version it made, its revision map)."""
        with self.database.transaction() as session:
            done = session.get(SyncPush, key)
            if done is None:
                return False, None, {}
            return True, done.version, {int(k): v for k, v in json.loads(done.revision_map).items()}

    def push(self, request: PushRequest) -> PushAnswer:
        try:
            with self.database.transaction() as session:
                return self._push(session, request)
        except StorageError as error:
            if not isinstance(error.__cause__, IntegrityError):
                raise
            # The same key (or a new article's uuid) committed meanwhile by an earlier try of
            # this very push: read what it did.
            with self.database.transaction() as session:
                return self._push(session, request)

    def _push(self, session: Session, request: PushRequest) -> PushAnswer:
        # The row lock first: a second try of the same push waits for the first to end, then
        # finds its key, instead of applying it again.
        article = session.scalar(select(Article).where(Article.uuid == request.uuid).with_for_update(of=Article))
        done = session.get(SyncPush, request.key)
        if done is not None:
            return PushAnswer("accepted", done.version, None if article is None else article_snapshot(article),
                              {int(k): v for k, v in json.loads(done.revision_map).items()},
                              None if article is None else article.version,
                              () if article is None else tuple(revision_values(r) for r in session.scalars(
                                  select(Revision).where(Revision.article_id == article.id).order_by(Revision.id))),
                              self._files_missing(session, article, request))
        if article is None and request.base_version is not None and not request.fields and not request.delete:
            # Only my note (or revisions) on an article I may read but not change: the article stays as it is.
            readable = session.scalar(select(Article).where(Article.uuid == request.uuid))
            if readable is not None and readable.version != request.base_version:
                return PushAnswer("stale", readable.version, article_snapshot(readable),
                                  asset_files=self._files_missing(session, readable, request))
            if readable is not None:
                self._keep_note(session, readable, request.note)
                self._record(session, request, readable.version, {})
                return PushAnswer("accepted", readable.version, article_snapshot(readable), {}, readable.version)
        if article is None:
            if request.base_version is not None or request.delete:
                return PushAnswer("gone")
            article = Article(uuid=request.uuid)
            session.add(article)
            store_files(session, article, request.asset_files)
            write_fields(session, article, request.fields)
        elif article.version != request.base_version:
            return PushAnswer("stale", article.version, article_snapshot(article),
                              asset_files=self._files_missing(session, article, request))
        elif request.delete:
            snapshot, article_id = article_snapshot(article), article.id
            session.expunge(article)
            session.execute(update(Article).where(Article.id == article_id).values(featured_asset_id=None))
            if not session.execute(delete(Article).where(Article.id == article_id)).rowcount:
                # Only a chief empties the trash (row-level security deletes nothing for others): kept.
                return PushAnswer("kept", request.base_version, snapshot)
            self.search_index.remove(session, article_id)
            self._record(session, request, None, {})
            return PushAnswer("accepted", None, None)
        elif request.fields or request.asset_files:
            store_files(session, article, request.asset_files)
            write_fields(session, article, request.fields)
            article.updated_at = utc_now()
        session.flush()
        session.refresh(article, ["created_by"])  # the server's triggers set who wrote it
        self.search_index.update(session, article)
        revision_map = {}
        for values in request.revisions:
            revision = new_revision(session, article.id, values)
            session.add(revision)
            session.flush()
            revision_map[values["id"]] = revision.id
        self._keep_note(session, article, request.note)
        take_status_changes(session, article, request.status_changes, theirs_name_who=False)
        take_publications(session, article, request.publications, keep_mine=True)
        self._record(session, request, article.version, revision_map)
        return PushAnswer("accepted", article.version, article_snapshot(article), revision_map, article.version,
                          asset_files=self._files_missing(session, article, request),
                          status_changes=status_changes_of(session, [article.id])[article.id],
                          publications=publications_of(session, [article.id])[article.id])

    @staticmethod
    def _files_missing(session: Session, article: Article | None, request: PushRequest) -> tuple[dict, ...]:
        if article is None:
            return ()
        have = set(request.have_assets)
        return files_of(session, article.id, [sha for sha in assets_of(session, [article.id])[article.id].values()
                                              if sha not in have])

    @staticmethod
    def _keep_note(session: Session, article: Article, note: str | None) -> None:
        """The pusher's own note (row-level security lets nobody else's be read or written)."""
        if note is None:
            return
        login = session.scalar(text("SELECT current_user"))
        stored = session.get(PrivateNote, (article.id, login))
        if stored is None:
            session.add(PrivateNote(article_id=article.id, owner=login, body=note, updated_at=utc_now()))
        elif stored.body != note:
            stored.body, stored.updated_at = note, utc_now()
        session.flush()

    @staticmethod
    def _record(session: Session, request: PushRequest, version: int | None, revision_map: dict) -> None:
        login = session.scalar(text("SELECT current_user")) if session.get_bind().dialect.name == "postgresql" else ""
        session.add(SyncPush(key=request.key, article_uuid=request.uuid, version=version,
                             revision_map=json.dumps(revision_map), login=login or ""))
        session.flush()
