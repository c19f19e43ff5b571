"""The workflow on a desktop replica (core.sync): one step of each sync round.

Push: the workflow outbox, oldest first — sends, starts and read marks made while offline —
each through the server's own functions, so its rules still decide; a send the server
refuses becomes a notification here («أُرسل دون اتصال ورُفض»: where it was to go, the
message, and why), never a lost action. Pull: desks and stages (kept under the server's
ids), where this replica's articles stand, their history, the budget this person sees, and
this person's notifications. Ids of articles and events are matched by uuid.

The sync engine calls `sync_workflow(engine, report)` after it pushed the articles (a send of
an article written offline needs the article on the server first)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from editor_app.core.errors import StorageError
from editor_app.core.models import Article, ArticleChange, utc_now
from editor_app.core.workflow.records import loads_payload
from editor_app.core.workflow.refusals import refusal_of
from editor_app.core.workflow.tables import (
    ArticlePlacement,
    Assignment,
    Desk,
    DeskMember,
    Notification,
    Stage,
    WorkflowEvent,
    WorkflowOutboxEntry,
    new_uuid,
)

_log = logging.getLogger(__name__)
LOGIN_KEY = "workflow_login"  # sync_state: the server login this replica's person has
NOTIFICATION_DAYS = 30
BATCH = 500


def sync_workflow(engine, report=None) -> dict:
    """One workflow step of a sync round (the engine's local and server databases, its
    offline detection). Returns what moved: {"sent", "refused", "pulled_events", "notifications"}."""
    from editor_app.core.sync.engine import ServerOffline

    step = WorkflowReplica(engine.local, engine.server.database, engine._server_call, engine.login())
    try:
        return step.run()
    except ServerOffline:
        raise
    except StorageError as error:  # the articles' own sync must not stop for the workflow's sake
        _log.warning("the workflow step of the sync failed: %s", error)
        return {**step.counts, "error": str(error)}


class WorkflowReplica:
    def __init__(self, local, server, server_call: Callable, login: str) -> None:
        self.local, self.server, self.call, self.login = local, server, server_call, login
        self.counts = {"sent": 0, "refused": 0, "pulled_events": 0, "notifications": 0}

    def run(self) -> dict:
        with self.local.transaction() as session:
            session.execute(text("INSERT INTO sync_state (key, value) VALUES (:k, :v) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": LOGIN_KEY, "v": self.login})
        self.push()
        self.call(self.pull)
        return self.counts

    # -- push ------------------------------------------------------------------------------

    def push(self) -> None:
        from editor_app.core.sync.engine import ServerOffline

        with self.local.transaction() as session:
            entries = [(e.id, e.key, e.action, json.loads(e.payload)) for e in
                       session.scalars(select(WorkflowOutboxEntry).order_by(WorkflowOutboxEntry.id))]
        for entry_id, key, action, payload in entries:
            try:
                done = self.call(self._push_one, key, action, payload)
            except ServerOffline:
                raise  # the round stops; the entry waits for the next one
            except StorageError as error:  # an answer: the server refused it
                self._refused(entry_id, key, action, payload, str(refusal_of(error) or error))
                continue
            if done:
                with self.local.transaction() as session:
                    session.execute(delete(WorkflowOutboxEntry).where(WorkflowOutboxEntry.id == entry_id))
                self.counts["sent"] += action == "send"

    def _push_one(self, key: str, action: str, payload: dict) -> bool:
        """True when the server has it (False: it waits, e.g. for its article to reach the server)."""
        with self.server.transaction() as session:
            if action == "read":
                session.execute(text("UPDATE notifications SET read_at = now() AT TIME ZONE 'utc' WHERE read_at IS NULL "
                                     "AND person = current_user AND event_id IN (SELECT id FROM workflow_events "
                                     "WHERE uuid = ANY(:uuids))"), {"uuids": payload["events"]})
                return True
            article_id = session.scalar(select(Article.id).where(Article.uuid == payload["article"]))
            if article_id is None:
                return False
            if action == "send":
                session.execute(text("SELECT midad_send_article(:a, :s, :p, :m, :k)"),
                                {"a": article_id, "s": payload["stage_id"], "p": payload["person"],
                                 "m": payload["message"], "k": key})
            elif action == "start":
                session.execute(text("SELECT midad_start_assignment(:u, :a)"),
                                {"u": payload["assignment"], "a": article_id})
            return True

    def _refused(self, entry_id: int, key: str, action: str, payload: dict, reason: str) -> None:
        """The server said no: the action leaves the outbox (and the history it was written into
        here), and the person is told why, with what it was: nothing of it is lost."""
        self.counts["refused"] += 1
        with self.local.transaction() as session:
            session.execute(delete(WorkflowOutboxEntry).where(WorkflowOutboxEntry.id == entry_id))
            session.execute(delete(Notification).where(Notification.event_id.in_(
                select(WorkflowEvent.id).where(WorkflowEvent.uuid == key))))
            session.execute(delete(WorkflowEvent).where(WorkflowEvent.uuid == key))
            article_id = session.scalar(select(Article.id).where(Article.uuid == payload.get("article")))
            stage = session.get(Stage, payload.get("stage_id")) if payload.get("stage_id") else None
            desk = session.get(Desk, stage.desk_id) if stage else None
            event = WorkflowEvent(uuid=new_uuid(), article_id=article_id, kind="send_refused", actor=self.login,
                                  target=self.login, created_at=utc_now(), payload=json.dumps(
                                      {"action": action, "desk": desk.name if desk else None,
                                       "stage": stage.name if stage else None, "message": payload.get("message", ""),
                                       "person": payload.get("person"), "reason": reason}, ensure_ascii=False))
            session.add(event)
            session.flush()
            session.add(Notification(event_id=event.id, person=self.login))
            if article_id is not None:
                session.add(ArticleChange(article_id=article_id, kind="workflow"))

    # -- pull ------------------------------------------------------------------------------------

    def pull(self) -> None:
        with self.server.transaction() as server, self.local.transaction() as local:
            self._copy_desks(server, local)
            uuids = dict(local.execute(select(Article.uuid, Article.id)).all())
            server_ids = self._server_ids(server, list(uuids))
            local_of = {server_id: uuids[uuid] for uuid, server_id in server_ids.items()}
            self._copy_placements(server, local, local_of)
            self._copy_events(server, local, local_of)
            self._copy_notifications(server, local, local_of)
            self._copy_budget(server, local, local_of)

    @staticmethod
    def _server_ids(server: Session, uuids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for start in range(0, len(uuids), BATCH):
            chunk = uuids[start:start + BATCH]
            found.update(server.execute(select(Article.uuid, Article.id).where(Article.uuid.in_(chunk))).all())
        return found

    @staticmethod
    def _copy_desks(server: Session, local: Session) -> None:
        """The server's desks and stages under the server's ids (placements name stages by id).
        Whatever differs here (renamed, gone, made locally before joining) goes first, with the
        placements naming it: the placements come again from the server just after."""
        desks = server.scalars(select(Desk)).all()
        stages = server.scalars(select(Stage)).all()
        server_desks = {desk.id: desk.name for desk in desks}
        server_stages = {stage.id: (stage.desk_id, stage.name) for stage in stages}
        stale_desks = [desk.id for desk in local.scalars(select(Desk)) if server_desks.get(desk.id) != desk.name]
        stale_stages = [stage.id for stage in local.scalars(select(Stage))
                        if stage.desk_id in stale_desks or server_stages.get(stage.id) != (stage.desk_id, stage.name)]
        if stale_stages:
            local.execute(delete(ArticlePlacement).where(ArticlePlacement.stage_id.in_(stale_stages)))
            local.execute(delete(Stage).where(Stage.id.in_(stale_stages)))
        if stale_desks:
            local.execute(delete(Desk).where(Desk.id.in_(stale_desks)))
        local.flush()
        for desk in desks:
            local.merge(Desk(id=desk.id, name=desk.name, position=desk.position, created_at=desk.created_at))
        local.flush()
        local.execute(delete(DeskMember))
        for member in server.scalars(select(DeskMember)):
            local.add(DeskMember(desk_id=member.desk_id, login=member.login))
        for stage in stages:
            local.merge(Stage(id=stage.id, desk_id=stage.desk_id, name=stage.name, position=stage.position,
                              required_role=stage.required_role, sets_status=stage.sets_status))
        local.flush()

    def _copy_placements(self, server: Session, local: Session, local_of: dict[int, int]) -> None:
        waiting = {json.loads(payload).get("article") for payload in local.scalars(
            select(WorkflowOutboxEntry.payload).where(WorkflowOutboxEntry.action == "send"))}
        waiting_ids = set(local.scalars(select(Article.id).where(Article.uuid.in_(waiting)))) if waiting else set()
        theirs = {}
        for start in range(0, len(local_of), BATCH):
            chunk = list(local_of)[start:start + BATCH]
            for row in server.scalars(select(ArticlePlacement).where(ArticlePlacement.article_id.in_(chunk))):
                theirs[local_of[row.article_id]] = row
        mine = {row.article_id: row for row in local.scalars(select(ArticlePlacement))}
        for article_id in set(mine) | set(theirs):
            if article_id in waiting_ids:
                continue  # a send of ours still waits: it shows where the article is going
            server_row, local_row = theirs.get(article_id), mine.get(article_id)
            if server_row is None:
                local.delete(local_row)
                local.add(ArticleChange(article_id=article_id, kind="workflow"))
                continue
            values = (server_row.stage_id, server_row.person, server_row.sent_by, server_row.sent_at, server_row.message)
            if local_row is not None and (local_row.stage_id, local_row.person, local_row.sent_by, local_row.sent_at,
                                          local_row.message) == values:
                continue
            local.merge(ArticlePlacement(article_id=article_id, stage_id=values[0], person=values[1],
                                         sent_by=values[2], sent_at=values[3], message=values[4]))
            local.add(ArticleChange(article_id=article_id, kind="workflow"))
        local.flush()

    def _copy_events(self, server: Session, local: Session, local_of: dict[int, int]) -> None:
        known = set(local.scalars(select(WorkflowEvent.uuid)))
        server_ids = list(local_of)
        for start in range(0, len(server_ids), BATCH):
            chunk = server_ids[start:start + BATCH]
            for event in server.scalars(select(WorkflowEvent).where(WorkflowEvent.article_id.in_(chunk))):
                if event.uuid not in known:
                    self._add_event(local, event, local_of.get(event.article_id))
                    known.add(event.uuid)

    def _add_event(self, local: Session, event: WorkflowEvent, article_id: int | None) -> WorkflowEvent:
        copy = WorkflowEvent(uuid=event.uuid, article_id=article_id, kind=event.kind, actor=event.actor,
                             target=event.target, payload=event.payload, created_at=event.created_at)
        local.add(copy)
        local.flush()
        self.counts["pulled_events"] += 1
        return copy

    def _copy_notifications(self, server: Session, local: Session, local_of: dict[int, int]) -> None:
        since = utc_now() - timedelta(days=NOTIFICATION_DAYS)
        rows = server.execute(select(Notification.read_at, WorkflowEvent).join(
            WorkflowEvent, WorkflowEvent.id == Notification.event_id).where(
            Notification.person == self.login, WorkflowEvent.created_at >= since)).all()
        for read_at, event in rows:
            copy = local.scalar(select(WorkflowEvent).where(WorkflowEvent.uuid == event.uuid))
            if copy is None:
                copy = self._add_event(local, event, local_of.get(event.article_id))
            notice = local.scalar(select(Notification).where(Notification.event_id == copy.id,
                                                             Notification.person == self.login))
            if notice is None:
                local.add(Notification(event_id=copy.id, person=self.login, read_at=read_at))
                self.counts["notifications"] += 1
            elif notice.read_at is None and read_at is not None:
                notice.read_at = read_at  # read on another machine
        local.flush()

    @staticmethod
    def _copy_budget(server: Session, local: Session, local_of: dict[int, int]) -> None:
        lines = server.scalars(select(Assignment)).all()
        local.execute(delete(Assignment).where(Assignment.uuid.not_in([line.uuid for line in lines] or [""])))
        for line in lines:
            copy = local.scalar(select(Assignment).where(Assignment.uuid == line.uuid))
            article_id = local_of.get(line.article_id) if line.article_id else None
            if copy is None:
                copy = Assignment(uuid=line.uuid)
                local.add(copy)
            elif copy.article_id is not None and article_id is None:
                article_id = copy.article_id  # started here, not yet heard by the server
            copy.title, copy.desk_id, copy.person, copy.deadline = line.title, line.desk_id, line.person, line.deadline
            copy.expected_words, copy.notes, copy.created_by = line.expected_words, line.notes, line.created_by
            copy.created_at, copy.article_id = line.created_at, article_id
        local.flush()


def replica_login(session: Session) -> str | None:
    """The server login of the person whose replica this is (None before a first sync)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    return session.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": LOGIN_KEY}).scalar()


__all__ = ["WorkflowReplica", "replica_login", "sync_workflow", "loads_payload"]
