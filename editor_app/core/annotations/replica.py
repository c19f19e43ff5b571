"""Comments and suggested edits on a desktop replica (core.sync): one step of each sync round.

Rows are matched across copies by their uuid. Push: threads, replies and suggestions made
here go to the server; a resolve/reopen or an accept/reject made here goes as an UPDATE, so
the server's triggers (core.annotations.server_rights) still decide and stamp who did it.
What the server refuses becomes a notification here («رفض الخادم…», with the reason and the
words it was about): the comment or suggestion itself stays, in the server's state.
Pull: the server's rows for this replica's articles; new anchors are found again in this
copy's text (core.annotations.anchors), states (resolved, decided) are the server's.

What changed here is told apart from what came from the server by a baseline (the states seen
at the last pull, kept in sync_state), so a decision made elsewhere is never undone.
The sync engine calls `sync_annotations(engine)` after the workflow's step (the articles
are on the server by then)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from sqlalchemy import any_, literal, select, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from editor_app.core.annotations.store import _relocate_rows
from editor_app.core.annotations.tables import CommentMessage, CommentThread, Suggestion, SuggestionState
from editor_app.core.errors import QT_TRANSLATE_NOOP, StorageError, Text
from editor_app.core.models import Article
from editor_app.core.workflow.local_rules import post_event

_log = logging.getLogger(__name__)
BASELINE_KEY = "annotations_baseline"  # sync_state: {"t:uuid": resolved, "s:uuid": state} at the last pull
REFUSED_KIND = "annotation_refused"
EXCERPT = 80
_ANCHOR = ("anchor_start", "anchor_end", "quote", "context_before", "context_after", "orphaned")
# The server's refusals (core.annotations.server_rights), as a word the window translates.
RULES = {"already decided": "decided", "resolve or reopen": "resolve", "accept or reject": "decide",
         "change the text": "text", "not on the server": "missing"}
_DECIDED = {SuggestionState.ACCEPTED.value: "suggestion_accepted",
            SuggestionState.REJECTED.value: "suggestion_rejected"}


def sync_annotations(engine) -> dict:
    """One annotation step of a sync round. Returns what moved:
    {"pushed", "refused", "pulled"} (and "error" when the step failed on its own)."""
    from editor_app.core.sync.engine import ServerOffline

    step = AnnotationReplica(engine.local, engine.server.database, engine._server_call, engine.login())
    try:
        return step.run()
    except ServerOffline:
        raise
    except StorageError as error:  # the articles' own sync must not stop for the comments' sake
        _log.warning("the comments step of the sync failed: %s", error)
        return {**step.counts, "error": str(error)}


class AnnotationReplica:
    def __init__(self, local, server, server_call: Callable, login: str) -> None:
        self.local, self.server, self.call, self.login = local, server, server_call, login
        self.counts = {"pushed": 0, "refused": 0, "pulled": 0}

    def run(self) -> dict:
        baseline = self._baseline()
        self.push(baseline)
        self.call(self.pull)
        return self.counts

    def _baseline(self) -> dict:
        with self.local.transaction() as session:
            value = session.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": BASELINE_KEY}).scalar()
        return json.loads(value) if value else {}

    # -- push ------------------------------------------------------------------------------------

    def push(self, baseline: dict) -> None:
        with self.local.transaction() as session:
            uuid_of = dict(session.execute(select(Article.id, Article.uuid)).all())
            threads = [_values(row) for row in session.scalars(select(CommentThread).order_by(CommentThread.id))]
            thread_uuid = {row["id"]: row["uuid"] for row in threads}
            messages = [_values(row) for row in session.scalars(select(CommentMessage).order_by(CommentMessage.id))]
            suggestions = [_values(row) for row in session.scalars(select(Suggestion).order_by(Suggestion.id))]
        on_server = self.call(self._server_state, list(uuid_of.values()))
        articles, server_threads, server_messages, server_suggestions = on_server
        for row in threads:
            article = articles.get(uuid_of.get(row["article_id"]))
            if article is None:
                continue  # its article is not on the server yet: the next round
            known = server_threads.get(row["uuid"])
            if known is None:
                self._send(row, "comment", self._insert_thread, row, article)
            elif row["resolved"] != baseline.get("t:" + row["uuid"], known[1]) and row["resolved"] != known[1]:
                self._send(row, "resolve", self._set_resolved, row, known[0], article)
        for row in messages:
            if row["uuid"] not in server_messages and thread_uuid.get(row["thread_id"]):
                self._send(row, "reply", self._insert_message, row, thread_uuid[row["thread_id"]])
        for row in suggestions:
            article = articles.get(uuid_of.get(row["article_id"]))
            if article is None:
                continue
            known = server_suggestions.get(row["uuid"])
            if known is None:
                self._send(row, "suggest", self._insert_suggestion, row, article)
            elif row["state"] != baseline.get("s:" + row["uuid"], known[1]) and row["state"] != known[1]:
                self._send(row, "decide", self._decide, row, known[0], article)
        withdrawn = {key[2:] for key, state in baseline.items() if key.startswith("s:") and state == "pending"}
        withdrawn -= {row["uuid"] for row in suggestions}
        for uuid in withdrawn:
            if uuid in server_suggestions and server_suggestions[uuid][1] == "pending":
                self._send({"uuid": uuid, "quote": ""}, "withdraw", self._withdraw, uuid)

    def _server_state(self, article_uuids: list[str]):
        with self.server.transaction() as session:
            articles = dict(session.execute(select(Article.uuid, Article.id)
                                            .where(_among(Article.uuid, article_uuids))).all())
            ids = list(articles.values())
            threads = {row.uuid: (row.id, row.resolved) for row in session.execute(
                select(CommentThread.uuid, CommentThread.id, CommentThread.resolved)
                .where(_among(CommentThread.article_id, ids)))}
            messages = set(session.scalars(select(CommentMessage.uuid).join(
                CommentThread, CommentThread.id == CommentMessage.thread_id)
                .where(_among(CommentThread.article_id, ids))))
            suggestions = {row.uuid: (row.id, row.state) for row in session.execute(
                select(Suggestion.uuid, Suggestion.id, Suggestion.state).where(_among(Suggestion.article_id, ids)))}
        return articles, threads, messages, suggestions

    def _send(self, row: dict, action: str, write: Callable, *args) -> None:
        """One row to the server, in its own transaction: a refusal concerns that row only."""
        from editor_app.core.sync.engine import ServerOffline

        try:
            self.call(write, *args)
        except ServerOffline:
            raise  # the round stops; what is left goes at the next one
        except StorageError as error:  # an answer: the server refused it
            self._refused(row, action, error)
            return
        self.counts["pushed"] += 1

    def _insert_thread(self, row: dict, article_id: int) -> None:
        with self.server.transaction() as session:
            thread = CommentThread(uuid=row["uuid"], article_id=article_id, created_by=row["created_by"],
                                   created_at=row["created_at"], **{c: row[c] for c in _ANCHOR})
            session.add(thread)
            session.flush()
            if row["resolved"]:  # resolved here before it ever reached the server
                thread.resolved = True
        if row["resolved"]:
            self._post(article_id, "comment_resolved", None, {"excerpt": row["quote"][:EXCERPT]})

    def _set_resolved(self, row: dict, server_id: int, article_id: int) -> None:
        with self.server.transaction() as session:
            session.get(CommentThread, server_id).resolved = row["resolved"]
        if row["resolved"]:
            self._post(article_id, "comment_resolved", None, {"excerpt": row["quote"][:EXCERPT]})

    def _insert_message(self, row: dict, thread_uuid: str) -> None:
        with self.server.transaction() as session:
            thread_id = session.scalar(select(CommentThread.id).where(CommentThread.uuid == thread_uuid))
            if thread_id is None:
                raise StorageError(Text(QT_TRANSLATE_NOOP("errors", "the comment this reply answers is not on the server")))
            session.add(CommentMessage(uuid=row["uuid"], thread_id=thread_id, author=row["author"], body=row["body"],
                                       mentions=row["mentions"], created_at=row["created_at"]))
        for person in row["mentions"].split():
            if person != self.login:
                self._post(self._article_of_thread(thread_uuid), "mentioned", person,
                           {"excerpt": row["body"][:EXCERPT]})

    def _article_of_thread(self, thread_uuid: str) -> int | None:
        with self.server.transaction() as session:
            return session.scalar(select(CommentThread.article_id).where(CommentThread.uuid == thread_uuid))

    def _insert_suggestion(self, row: dict, article_id: int) -> None:
        with self.server.transaction() as session:
            suggestion = Suggestion(uuid=row["uuid"], article_id=article_id, kind=row["kind"], author=row["author"],
                                    created_at=row["created_at"], state=SuggestionState.PENDING.value,
                                    **{c: row[c] for c in _ANCHOR})
            session.add(suggestion)
            session.flush()
            if row["state"] != SuggestionState.PENDING.value:  # decided here before it reached the server
                suggestion.state = row["state"]

    def _decide(self, row: dict, server_id: int, article_id: int) -> None:
        with self.server.transaction() as session:
            suggestion = session.get(Suggestion, server_id)
            suggestion.state = row["state"]
            session.flush()
            author = suggestion.author
        if author != self.login and row["state"] in _DECIDED:
            self._post(article_id, _DECIDED[row["state"]], author, {"excerpt": row["quote"][:EXCERPT]})

    def _withdraw(self, uuid: str) -> None:
        with self.server.transaction() as session:
            session.execute(Suggestion.__table__.delete().where(Suggestion.uuid == uuid))

    def _post(self, article_id: int | None, kind: str, target: str | None, payload: dict) -> None:
        """The other people's bells, as if it had been done online (the server writes the event)."""
        try:
            with self.server.transaction() as session:
                session.execute(text("SELECT midad_post_event(:a, :k, :t, :p, NULL)"),
                                {"a": article_id, "k": kind, "t": target, "p": json.dumps(payload, ensure_ascii=False)})
        except StorageError as error:  # the change is on the server: a lost notice is only logged
            _log.warning("no notification for %s: %s", kind, error)

    def _refused(self, row: dict, action: str, error: StorageError) -> None:
        """The server said no: this person is told what and why; the row stays and takes the
        server's state at the pull."""
        self.counts["refused"] += 1
        reason = _reason(error)
        with self.local.transaction() as session:
            article_id = row.get("article_id")
            if article_id is None and row.get("thread_id"):
                article_id = session.scalar(select(CommentThread.article_id)
                                            .where(CommentThread.id == row["thread_id"]))
            event = post_event(session, article_id=article_id, kind=REFUSED_KIND, actor=self.login, target=self.login,
                               payload={"action": action,
                                        "excerpt": (row.get("body") or row.get("quote") or "")[:EXCERPT],
                                        "reason": reason, "rule": _rule(reason)}, recipients=[])
            from editor_app.core.workflow.tables import Notification

            session.add(Notification(event_id=event.id, person=self.login))
            if action == "decide" and row["state"] == SuggestionState.ACCEPTED.value:
                from editor_app.core.annotations.undo_refused import undo_accepted_text

                undo_accepted_text(session, row)

    # -- pull ------------------------------------------------------------------------------------

    def pull(self) -> None:
        with self.server.transaction() as server, self.local.transaction() as local:
            local_of_uuid = dict(local.execute(select(Article.uuid, Article.id)).all())
            server_ids = dict(server.execute(select(Article.id, Article.uuid)
                                             .where(_among(Article.uuid, list(local_of_uuid)))).all())
            local_of = {server_id: local_of_uuid[uuid] for server_id, uuid in server_ids.items()}
            baseline: dict = {}
            threads = self._pull_threads(server, local, local_of, baseline)
            self._pull_messages(server, local, threads)
            self._pull_suggestions(server, local, local_of, baseline)
            local.execute(text("INSERT INTO sync_state (key, value) VALUES (:k, :v) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                          {"k": BASELINE_KEY, "v": json.dumps(baseline)})

    def _pull_threads(self, server: Session, local: Session, local_of: dict, baseline: dict) -> dict[int, int]:
        """Server thread id -> local thread id."""
        mine = {row.uuid: row for row in local.scalars(select(CommentThread))}
        ids: dict[int, int] = {}
        fresh: dict[int, list] = {}
        for row in server.scalars(select(CommentThread).where(_among(CommentThread.article_id, list(local_of)))):
            copy = mine.get(row.uuid)
            if copy is None:
                copy = CommentThread(uuid=row.uuid, article_id=local_of[row.article_id], created_at=row.created_at,
                                     **{c: getattr(row, c) for c in _ANCHOR})
                local.add(copy)
                fresh.setdefault(copy.article_id, []).append(copy)
                self.counts["pulled"] += 1
            copy.created_by, copy.resolved = row.created_by, row.resolved
            copy.resolved_by, copy.resolved_at = row.resolved_by, row.resolved_at
            baseline["t:" + row.uuid] = row.resolved
            local.flush()
            ids[row.id] = copy.id
        self._relocate(local, fresh)
        return ids

    def _pull_messages(self, server: Session, local: Session, threads: dict[int, int]) -> None:
        known = set(local.scalars(select(CommentMessage.uuid)))
        for row in server.scalars(select(CommentMessage).where(_among(CommentMessage.thread_id, list(threads)))):
            if row.uuid not in known:
                local.add(CommentMessage(uuid=row.uuid, thread_id=threads[row.thread_id], author=row.author,
                                         body=row.body, mentions=row.mentions, created_at=row.created_at))
                self.counts["pulled"] += 1
        local.flush()

    def _pull_suggestions(self, server: Session, local: Session, local_of: dict, baseline: dict) -> None:
        mine = {row.uuid: row for row in local.scalars(select(Suggestion))}
        seen, fresh = set(), {}
        for row in server.scalars(select(Suggestion).where(_among(Suggestion.article_id, list(local_of)))):
            seen.add(row.uuid)
            copy = mine.get(row.uuid)
            if copy is None:
                copy = Suggestion(uuid=row.uuid, article_id=local_of[row.article_id], kind=row.kind,
                                  created_at=row.created_at, **{c: getattr(row, c) for c in _ANCHOR})
                local.add(copy)
                if row.state == SuggestionState.PENDING.value:
                    fresh.setdefault(copy.article_id, []).append(copy)
                self.counts["pulled"] += 1
            copy.author, copy.state, copy.decided_by, copy.decided_at = (row.author, row.state, row.decided_by,
                                                                       row.decided_at)
            baseline["s:" + row.uuid] = row.state
        previous = self._baseline()
        for uuid, copy in mine.items():  # withdrawn by its author elsewhere: it was on the server, now gone
            if uuid not in seen and "s:" + uuid in previous and copy.article_id in local_of.values():
                local.delete(copy)
        local.flush()
        self._relocate(local, fresh)

    @staticmethod
    def _relocate(local: Session, fresh: dict[int, list]) -> None:
        """Anchors written against the server's text, found again in this copy's text."""
        for article_id, rows in fresh.items():
            article = local.get(Article, article_id)
            if article is not None:
                _relocate_rows(rows, article.body)
        local.flush()


def _among(column, values):
    """`column = ANY(array)` on the server: one parameter however many rows a replica holds
    (an IN list takes one per value, and PostgreSQL allows 65,535)."""
    return column == any_(literal(list(values), ARRAY(column.type)))


def _values(row) -> dict:
    return {column.key: getattr(row, column.key) for column in row.__table__.columns}


def _rule(reason: str) -> str:
    return next((rule for words, rule in RULES.items() if words in reason), "")


def _reason(error: BaseException) -> str:
    """The server's own sentence («midad: …»), else the error as said."""
    cause = error
    while cause is not None:
        said = str(getattr(cause, "orig", None) or cause)
        if "midad: " in said:
            return said.split("midad: ", 1)[1].splitlines()[0].strip()
        cause = cause.__cause__
    return str(error)
