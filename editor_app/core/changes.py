"""Changes announce themselves (Anki's OpChanges, calibre's db listeners): every library
operation says which articles it changed and how; views subscribe and refresh only what
concerns them, skipping the changes they started themselves (`initiator`).

Changes made elsewhere (the CLI, another window, another person on the server) are read
from the `article_changes` sequence that database triggers fill (migration 0006):
`ExternalChanges.poll()` is cheap enough to call several times a second — on SQLite it
first asks `PRAGMA data_version`, which moves only when another connection committed.
On PostgreSQL the same trigger sends NOTIFY midad_changes; a listener wakes the poll.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Flag, auto

from sqlalchemy import func, select, text
from sqlalchemy.orm.exc import StaleDataError

from editor_app.core.errors import EditConflict
from editor_app.core.models import ArticleChange
from editor_app.core.records import ArticleRecord


class What(Flag):
    TEXT = auto()  # title or body
    METADATA = auto()  # details: author, category, tags, slug, image...
    STATUS = auto()
    MEMBERSHIP = auto()  # created, trashed, restored, deleted: the list's rows change
    PUBLISH = auto()  # sent to or pulled from a site
    LEASE = auto()  # who is editing it
    ANYTHING = TEXT | METADATA | STATUS | MEMBERSHIP | PUBLISH | LEASE


@dataclass(frozen=True)
class Change:
    article_ids: frozenset[int]
    what: What
    initiator: object | None = None  # whoever asked for it (a view skips its own)
    external: bool = False  # another process or person: nothing more is known than what the database says

    def concerns(self, article_id: int | None, what: What = What.ANYTHING) -> bool:
        return article_id in self.article_ids and bool(self.what & what)


Listener = Callable[[Change], None]


class ChangeDispatcher:
    """One per library. Listeners run in the thread that made the change: the Qt bridge
    (ui.change_events) moves them to the UI thread."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self._local = threading.local()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    @contextmanager
    def initiated_by(self, initiator: object) -> Iterator[None]:
        """Changes announced inside this block (in this thread) carry `initiator`."""
        previous = getattr(self._local, "initiator", None)
        self._local.initiator = initiator
        try:
            yield
        finally:
            self._local.initiator = previous

    def announce(self, article_ids: Iterable[int], what: What, *, external: bool = False) -> Change:
        change = Change(frozenset(article_ids), what, getattr(self._local, "initiator", None), external)
        if change.article_ids:
            self.publish(change)
        return change

    def publish(self, change: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(change)


_KIND_MEANS = {
    "insert": What.MEMBERSHIP | What.TEXT | What.METADATA,
    "membership": What.MEMBERSHIP,
    "delete": What.MEMBERSHIP,
    "update": What.TEXT | What.METADATA | What.STATUS | What.PUBLISH,
    "lease": What.LEASE,
}


class ExternalChanges:
    """Reads what changed in the database since the last look, by any process (its own
    changes included: a view compares versions, so hearing of its own save again is harmless)."""

    def __init__(self, database) -> None:
        self.database = database
        with database.transaction() as session:
            self.last_seq = session.scalar(select(func.max(ArticleChange.seq))) or 0
        self._data_version: int | None = None
        self._connection = None
        self._listener = None
        if database.is_sqlite:
            # A connection of its own: data_version counts commits by *other* connections.
            self._connection = database.engine.raw_connection()
            self._data_version = self._read_data_version()
        elif database.engine.dialect.name == "postgresql":
            self._listener = _listen(database)

    def _read_data_version(self) -> int:
        cursor = self._connection.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            return cursor.fetchone()[0]
        finally:
            cursor.close()

    def poll(self) -> Change | None:
        """What changed since the last poll, as one external Change (None: nothing)."""
        if self._connection is not None:
            version = self._read_data_version()
            if version == self._data_version:
                return None
            self._data_version = version
        elif self.database.engine.dialect.name == "postgresql":
            if self._listener is None:  # lost with a server restart: listen again, then read once
                self._listener = _listen(self.database)
            else:
                try:
                    # Only a wake-up: the change sequence says what changed, even after a lost notice.
                    if not list(self._listener.notifies(timeout=0)):
                        return None
                except Exception:  # noqa: BLE001 - any failure of the listening connection
                    self._listener.close()
                    self._listener = None
        with self.database.transaction() as session:
            rows = session.execute(
                text("SELECT seq, article_id, kind FROM article_changes WHERE seq > :last ORDER BY seq"),
                {"last": self.last_seq},
            ).all()
        if not rows:
            return None
        self.last_seq = rows[-1].seq
        what = What(0)
        for row in rows:
            what |= _KIND_MEANS.get(row.kind, What.ANYTHING)
        return Change(frozenset(row.article_id for row in rows), what, None, True)

    def close(self) -> None:
        for connection in (self._connection, self._listener):
            if connection is not None:
                connection.close()
        self._connection = self._listener = None


def _listen(database):
    """A psycopg connection of its own (outside the pool, autocommit) listening to the
    NOTIFY the change trigger sends (migration 0006); None when the server is out of reach."""
    import psycopg

    url = database.engine.url.set(drivername="postgresql")
    try:
        connection = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        connection.execute("LISTEN midad_changes")
    except psycopg.Error:
        return None
    return connection


def announces(what: What):
    """Decorates a Library operation: once committed, it tells the library's listeners what it
    changed (the ids of the records it returns, or the article id it was given)."""

    def decorate(method):
        @functools.wraps(method)
        def announcing(library, *args, **kwargs):
            try:
                result = method(library, *args, **kwargs)
            except StaleDataError:
                # Another process committed between this operation's read and its write (the
                # ORM's version check): nothing was written. Said as the conflict it is.
                ids = _changed_ids(args, kwargs, None)
                raise EditConflict(ids[0] if ids else 0, None, None, library.get(ids[0]) if ids else None) from None
            library.changes.announce(_changed_ids(args, kwargs, result), what)
            return result

        return announcing

    return decorate


def _changed_ids(args, kwargs, result) -> list[int]:
    if isinstance(result, ArticleRecord):
        return [result.id]
    if isinstance(result, list):
        return [item.id for item in result if isinstance(item, ArticleRecord)]
    article_id = args[0] if args else kwargs.get("article_id")
    return [article_id] if isinstance(article_id, int) else []
