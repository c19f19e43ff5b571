"""The workflow's use cases over a library: desks and stages, "send to", where articles
stand, history, posted events and notifications. Each method is one transaction.

One code path for both kinds of library: on a newsroom server the writes go through the
server's functions (its rules decide, core.workflow.server_rights); on SQLite the same
writes are made here (core.workflow.local_rules). A desktop replica of a newsroom applies a
send at once and keeps it in its workflow outbox until the next sync takes it to the server
(core.workflow.replica)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from functools import cache

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from editor_app.core.changes import What
from editor_app.core.errors import QT_TRANSLATE_NOOP, ArticleNotFound, InvalidField, StorageError, Text
from editor_app.core.models import Article, Person, PersonRole, utc_now
from editor_app.core.server.people import display_names
from editor_app.core.workflow import local_rules
from editor_app.core.workflow.records import (
    DeskRecord,
    EventRecord,
    NotificationRecord,
    PlacementRecord,
    StageRecord,
    loads_payload,
)
from editor_app.core.workflow.refusals import UnknownName, reraise_refusal
from editor_app.core.workflow.replica import replica_login
from editor_app.core.workflow.tables import (
    ArticlePlacement,
    Desk,
    DeskMember,
    Notification,
    Stage,
    WorkflowEvent,
    WorkflowOutboxEntry,
    new_uuid,
)

# A newsroom desk's usual stages: (name, who may move an article in and out, the status it gives).
# Their names are the newsroom's words, so they live with the bundled data (resources/workflow),
# not in the core's code.
DEFAULT_STAGES_FILE = ("workflow", "default_stages.json")


@cache
def default_stages() -> tuple[tuple[str, str, str | None], ...]:
    from editor_app.resources import resource_path

    rows = json.loads(resource_path(*DEFAULT_STAGES_FILE).read_text(encoding="utf-8"))
    return tuple((row["name"], PersonRole(row["role"]).value, row["status"]) for row in rows)
STAGE_STATUSES = ("draft", "in_review", "ready", "published", "archived")
PATH_SEPARATOR = "/"


class Workflow:
    def __init__(self, library) -> None:
        self.library = library
        self.database = library.database
        self.on_server = self.database.engine.dialect.name == "postgresql"

    @property
    def actor(self) -> str:
        """Who acts: on a replica the person's server login (learnt at the first sync), else the library's."""
        if not self.on_server:
            with self.database.transaction() as session:
                login = replica_login(session)
            if login:
                return login
        return self.library.actor

    def is_replica(self) -> bool:
        if self.on_server:
            return False
        with self.database.transaction() as session:
            return _is_replica(session)

    # -- desks and stages ------------------------------------------------------------

    def desks(self) -> list[DeskRecord]:
        with self.database.transaction() as session:
            stages = _stage_records(session)
            members: dict[int, list[str]] = {}
            for row in session.scalars(select(DeskMember).order_by(DeskMember.login)):
                members.setdefault(row.desk_id, []).append(row.login)
            return [DeskRecord(desk.id, desk.name, tuple(s for s in stages if s.desk_id == desk.id),
                               tuple(members.get(desk.id, ())))
                    for desk in session.scalars(select(Desk).order_by(Desk.position, Desk.id))]

    def set_member(self, desk_name: str, login: str, member: bool = True) -> DeskRecord:
        """Who works on a desk (chief editors and admins decide): told of what is sent to its
        stages without a person named, when they may move it on."""
        login = (login or "").strip()
        if not login:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "name the person by their login")))
        self._refuse_on_replica()
        with self._writing() as session:
            desk = _desk_named(session, desk_name)
            row = session.get(DeskMember, (desk.id, login))
            if member and row is None:
                session.add(DeskMember(desk_id=desk.id, login=login))
            elif not member and row is not None:
                session.delete(row)
            desk_id = desk.id
        return next(desk for desk in self.desks() if desk.id == desk_id)

    def stages(self) -> list[StageRecord]:
        with self.database.transaction() as session:
            return _stage_records(session)

    def add_desk(self, name: str, stages: Iterable[tuple[str, str, str | None]] | None = None) -> DeskRecord:
        stages = default_stages() if stages is None else stages
        name = _clean(name, QT_TRANSLATE_NOOP("errors", "a desk needs a name"))
        stages = [(_clean(stage, QT_TRANSLATE_NOOP("errors", "a stage needs a name")), _role(role), _status(status))
                  for stage, role, status in stages]
        self._refuse_on_replica()
        with self._writing() as session:
            if session.scalar(select(Desk).where(Desk.name == name)) is not None:
                raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "there is already a desk named {name}"), name=name))
            position = (session.scalar(select(func.max(Desk.position))) or 0) + 1
            desk = Desk(name=name, position=position, created_at=utc_now())
            session.add(desk)
            session.flush()
            for index, (stage, role, status) in enumerate(stages, start=1):
                session.add(Stage(desk_id=desk.id, name=stage, position=index, required_role=role, sets_status=status))
            session.flush()
            desk_id = desk.id
        return next(desk for desk in self.desks() if desk.id == desk_id)

    def add_stage(self, desk_name: str, name: str, required_role: str = PersonRole.WRITER.value,
                  sets_status: str | None = None) -> StageRecord:
        name = _clean(name, QT_TRANSLATE_NOOP("errors", "a stage needs a name"))
        role, status = _role(required_role), _status(sets_status)
        self._refuse_on_replica()
        with self._writing() as session:
            desk = _desk_named(session, desk_name)
            if session.scalar(select(Stage).where(Stage.desk_id == desk.id, Stage.name == name)) is not None:
                raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "the desk {desk} already has a stage {name}"),
                                        desk=desk.name, name=name))
            position = (session.scalar(select(func.max(Stage.position)).where(Stage.desk_id == desk.id)) or 0) + 1
            stage = Stage(desk_id=desk.id, name=name, position=position, required_role=role, sets_status=status)
            session.add(stage)
            session.flush()
            stage_id = stage.id
        return next(stage for stage in self.stages() if stage.id == stage_id)

    def find_stage(self, path: str) -> StageRecord:
        """'DESK/STAGE' (or a stage name that only one desk has)."""
        desk_name, _, stage_name = path.strip().rpartition(PATH_SEPARATOR)
        matches = [s for s in self.stages() if s.name == stage_name.strip()
                   and (not desk_name or s.desk == desk_name.strip())]
        if len(matches) != 1:
            raise UnknownName(Text(QT_TRANSLATE_NOOP(
                "errors", "there is no stage {path}: name it as DESK/STAGE (midad desks list shows them)"), path=path))
        return matches[0]

    # -- sending -----------------------------------------------------------------------

    def send(self, article_id: int, stage_id: int, person: str | None = None, message: str = "") -> EventRecord:
        """Move the article to the stage (and to a person), with a message; everyone concerned is told."""
        person = (person or "").strip() or None
        message = (message or "").strip()
        if self.on_server:
            with self._writing() as session:
                event_id = session.scalar(text("SELECT midad_send_article(:a, :s, :p, :m, :k)"),
                                          {"a": article_id, "s": stage_id, "p": person, "m": message, "k": new_uuid()})
        else:
            actor = self.actor
            with self._writing() as session:
                replica = _is_replica(session)
                key = new_uuid()
                event_id = local_rules.send_article(session, actor, article_id, stage_id, person, message, key,
                                                      apply_status=not replica).id
                if replica:
                    article_uuid = session.scalar(select(Article.uuid).where(Article.id == article_id))
                    session.add(WorkflowOutboxEntry(key=key, action="send", payload=json.dumps(
                        {"article": article_uuid, "stage_id": stage_id, "person": person, "message": message},
                        ensure_ascii=False), created_at=utc_now()))
        self.library.changes.announce([article_id], What.METADATA | What.STATUS)
        return self.event(event_id)

    def placement(self, article_id: int) -> PlacementRecord | None:
        return self.placements([article_id]).get(article_id)

    def placements(self, article_ids: Iterable[int] | None = None) -> dict[int, PlacementRecord]:
        """Where these articles stand (all placed articles when None)."""
        # One query (the list asks for every page it reads): placement, stage, desk and the person's name.
        query = (select(ArticlePlacement, Stage, Desk.name, Person.display_name)
                 .join(Stage, Stage.id == ArticlePlacement.stage_id).join(Desk, Desk.id == Stage.desk_id)
                 .outerjoin(Person, Person.login == ArticlePlacement.person))
        if article_ids is not None:
            ids = list(article_ids)
            if not ids:
                return {}
            query = query.where(ArticlePlacement.article_id.in_(ids))
        with self.database.transaction() as session:
            rows = session.execute(query).all()
        return {row.article_id: PlacementRecord(
                    row.article_id, StageRecord(stage.id, stage.desk_id, desk, stage.name, stage.position,
                                                stage.required_role, stage.sets_status),
                    row.person, (name or row.person) if row.person else None, row.sent_by, row.sent_at, row.message)
                for row, stage, desk, name in rows}

    # -- history and events ----------------------------------------------------------------

    def history(self, article_id: int) -> list[EventRecord]:
        """The article's timeline, oldest first (stages, people, and what others posted)."""
        with self.database.transaction() as session:
            if session.get(Article, article_id) is None:
                raise ArticleNotFound(article_id)
            events = list(session.scalars(select(WorkflowEvent).where(WorkflowEvent.article_id == article_id)
                                          .order_by(WorkflowEvent.created_at, WorkflowEvent.id)))
            return _event_records(session, events)

    def event(self, event_id: int) -> EventRecord:
        with self.database.transaction() as session:
            return _event_records(session, [session.get(WorkflowEvent, event_id)])[0]

    def post_event(self, article_id: int | None, kind: str, target: str | None = None, payload: dict | None = None,
                   key: str | None = None) -> int:
        """An event of another part of Midad (a mention, an accepted suggestion…): in the
        article's history, and a notification for `target`."""
        body = json.dumps(payload or {}, ensure_ascii=False)
        actor = self.actor
        with self._writing() as session:
            if self.on_server:
                event_id = session.scalar(text("SELECT midad_post_event(:a, :k, :t, :p, :key)"),
                                          {"a": article_id, "k": kind, "t": target, "p": body, "key": key})
            else:
                event_id = local_rules.post_event(session, article_id=article_id, kind=kind, actor=actor,
                                                  target=target, payload=payload or {}, recipients=[target], key=key).id
        if article_id is not None:
            self.library.changes.announce([article_id], What.METADATA)
        return event_id

    # -- notifications ----------------------------------------------------------------------

    def notifications(self, *, unread_only: bool = False, limit: int = 100) -> list[NotificationRecord]:
        """Mine, newest first."""
        actor = self.actor
        with self.database.transaction() as session:
            query = (select(Notification, WorkflowEvent, Article.title)
                     .join(WorkflowEvent, WorkflowEvent.id == Notification.event_id)
                     .outerjoin(Article, Article.id == WorkflowEvent.article_id)
                     .where(Notification.person == actor))
            if unread_only:
                query = query.where(Notification.read_at.is_(None))
            rows = session.execute(query.order_by(WorkflowEvent.created_at.desc(), Notification.id.desc())
                                   .limit(limit)).all()
            events = _event_records(session, [row[1] for row in rows])
            return [NotificationRecord(row[0].id, event, row[0].read_at is not None, row[2] or "")
                    for row, event in zip(rows, events)]

    def unread_count(self) -> int:
        actor = self.actor
        with self.database.transaction() as session:
            return session.scalar(select(func.count(Notification.id)).where(
                Notification.person == actor, Notification.read_at.is_(None))) or 0

    def mark_read(self, notification_ids: Iterable[int] | None = None) -> int:
        """Mark these (or all of mine) read; on a replica the server hears of it at the next sync."""
        actor = self.actor
        with self._writing() as session:
            query = (select(Notification.id, WorkflowEvent.uuid)
                     .join(WorkflowEvent, WorkflowEvent.id == Notification.event_id)
                     .where(Notification.person == actor, Notification.read_at.is_(None)))
            if notification_ids is not None:
                query = query.where(Notification.id.in_(list(notification_ids)))
            rows = session.execute(query).all()
            if not rows:
                return 0
            session.execute(update(Notification).where(Notification.id.in_([row[0] for row in rows]))
                            .values(read_at=utc_now()))
            if _is_replica(session):
                session.add(WorkflowOutboxEntry(key=new_uuid(), action="read", created_at=utc_now(),
                                                payload=json.dumps({"events": [row[1] for row in rows]})))
            return len(rows)

    # -- helpers ------------------------------------------------------------------------------

    def _refuse_on_replica(self) -> None:
        if self.is_replica():
            raise InvalidField(Text(QT_TRANSLATE_NOOP(
                "errors", "desks and stages are managed on the newsroom server: connect to it to change them")))

    def _writing(self):
        return _Writing(self.database)


class _Writing:
    """A transaction whose refusals by the server are said as the workflow's sentences."""

    def __init__(self, database) -> None:
        self._context = database.transaction()

    def __enter__(self) -> Session:
        return self._context.__enter__()

    def __exit__(self, kind, value, traceback):
        try:
            return self._context.__exit__(kind, value, traceback)
        except StorageError as error:
            reraise_refusal(error)
            raise


def _is_replica(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    return session.execute(text("SELECT 1 FROM sync_state WHERE key = 'server'")).first() is not None


def _stage_records(session: Session) -> list[StageRecord]:
    rows = session.execute(select(Stage, Desk.name).join(Desk, Desk.id == Stage.desk_id)
                           .order_by(Desk.position, Desk.id, Stage.position, Stage.id)).all()
    return [StageRecord(stage.id, stage.desk_id, desk, stage.name, stage.position, stage.required_role,
                        stage.sets_status) for stage, desk in rows]


def _event_records(session: Session, events: list[WorkflowEvent]) -> list[EventRecord]:
    names = display_names(session, [e.actor for e in events] + [e.target for e in events if e.target])
    return [EventRecord(e.id, e.uuid, e.article_id, e.kind, e.actor, names.get(e.actor, e.actor), e.target,
                        names.get(e.target, e.target) if e.target else None, loads_payload(e.payload), e.created_at)
            for e in events]


def _desk_named(session: Session, name: str) -> Desk:
    desk = session.scalar(select(Desk).where(Desk.name == name.strip()))
    if desk is None:
        raise UnknownName(Text(QT_TRANSLATE_NOOP("errors", "there is no desk {name}"), name=name))
    return desk


def _clean(value: str, message: str) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned or PATH_SEPARATOR in cleaned:
        raise InvalidField(Text(message) if not cleaned else Text(QT_TRANSLATE_NOOP(
            "errors", "a desk or stage name cannot hold «/» (it separates DESK/STAGE): {name}"), name=cleaned))
    return cleaned


def _role(role: str) -> str:
    try:
        return PersonRole((role or "").strip().lower()).value
    except ValueError:
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "unknown role {role}; choose writer, editor, chief or admin"),
                                role=role)) from None


def _status(status: str | None) -> str | None:
    if not status:
        return None
    if status not in STAGE_STATUSES:
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "unknown status {status}"), status=status))
    return status


def parse_deadline(value: str, zone) -> datetime:
    """'2026-12-02 18:00' (in `zone`) or ISO 8601 with an offset."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidField(Text(QT_TRANSLATE_NOOP(
            "errors", "cannot read the deadline {value}: write it as 2026-12-02 18:00"), value=value)) from None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
