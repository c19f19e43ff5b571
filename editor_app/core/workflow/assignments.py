"""The story budget: assignments (a working title, desk, person, deadline, expected length,
notes) that become articles when their writer starts them, and today's budget with the
late ones marked. On a newsroom server editors and up plan it (row-level security) and the
server tells whoever is assigned (its trigger); a writer starts their own through
midad_start_assignment."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import delete, or_, select, text
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm import Session

from editor_app.core.changes import What
from editor_app.core.errors import QT_TRANSLATE_NOOP, InvalidField, Text
from editor_app.core.models import Article, utc_now
from editor_app.core.records import ArticleDraft, ArticleRecord
from editor_app.core.server.people import display_names
from editor_app.core.workflow import local_rules
from editor_app.core.workflow.records import AssignmentRecord
from editor_app.core.server.faults import NotAllowed
from editor_app.core.workflow.refusals import UnknownName
from editor_app.core.workflow.service import Workflow, _desk_named, _is_replica
from editor_app.core.workflow.tables import Assignment, Desk, WorkflowOutboxEntry, new_uuid

DONE_STATUSES = ("ready", "published")  # an assignment whose article got here is not late


class StoryBudget:
    def __init__(self, workflow: Workflow) -> None:
        self.workflow = workflow
        self.database = workflow.database

    def add(self, title: str, *, desk: str | None = None, person: str | None = None, deadline: datetime | None = None,
            expected_words: int = 0, notes: str = "") -> AssignmentRecord:
        title = " ".join((title or "").split())
        if not title:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "an assignment needs a working title")))
        if expected_words < 0:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "the expected length cannot be negative")))
        if deadline is not None and deadline.tzinfo is None:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a deadline needs its time zone")))
        if self.workflow.is_replica():
            raise InvalidField(Text(QT_TRANSLATE_NOOP(
                "errors", "the story budget is planned on the newsroom server: connect to it to add assignments")))
        actor = self.workflow.actor
        with self.workflow._writing() as session:
            desk_id = _desk_named(session, desk).id if desk else None
            line = Assignment(uuid=new_uuid(), title=title, desk_id=desk_id, person=(person or "").strip() or None,
                              deadline=deadline, expected_words=expected_words, notes=notes or "",
                              created_by=actor, created_at=utc_now())
            session.add(line)
            session.flush()
            if not self.workflow.on_server:  # the server's trigger does this there
                local_rules.note_assignment(session, actor, line)
            line_id = line.id
        return self.get(line_id)

    def update(self, assignment_id: int, **changes) -> AssignmentRecord:
        """Change a line: title, desk (a name, or None), person, deadline, expected_words, notes.
        A new person is told (the server's trigger; here, the same rule)."""
        unknown = set(changes) - {"title", "desk", "person", "deadline", "expected_words", "notes"}
        if unknown:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "an assignment has no field {name}"),
                                    name=", ".join(sorted(unknown))))
        if "title" in changes:
            changes["title"] = " ".join((changes["title"] or "").split())
            if not changes["title"]:
                raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "an assignment needs a working title")))
        if changes.get("expected_words", 0) < 0:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "the expected length cannot be negative")))
        self._refuse_on_replica()
        actor = self.workflow.actor
        with self.workflow._writing() as session:
            line = session.get(Assignment, assignment_id)
            if line is None:
                raise UnknownName(Text(QT_TRANSLATE_NOOP("errors", "there is no assignment {name}"), name=assignment_id))
            before = line.person
            if "desk" in changes:
                desk = changes.pop("desk")
                line.desk_id = _desk_named(session, desk).id if desk else None
            if "person" in changes:
                changes["person"] = (changes["person"] or "").strip() or None
            for name, value in changes.items():
                setattr(line, name, value)
            try:
                session.flush()
            except StaleDataError:  # row-level security changed nothing: a writer's own line is read-only
                raise _budget_refused() from None
            if not self.workflow.on_server and line.person != before:
                local_rules.note_assignment(session, actor, line)
        return self.get(assignment_id)

    def remove(self, assignment_id: int) -> None:
        """Drop a line from the budget (an article it became stays)."""
        self._refuse_on_replica()
        with self.workflow._writing() as session:
            if session.get(Assignment, assignment_id) is None:
                raise UnknownName(Text(QT_TRANSLATE_NOOP("errors", "there is no assignment {name}"), name=assignment_id))
            # Row-level security deletes nothing for a writer, silently: said as the refusal it is.
            if not session.execute(delete(Assignment).where(Assignment.id == assignment_id)).rowcount:
                raise _budget_refused()

    def _refuse_on_replica(self) -> None:
        if self.workflow.is_replica():
            raise InvalidField(Text(QT_TRANSLATE_NOOP(
                "errors", "the story budget is planned on the newsroom server: connect to it to add assignments")))

    def get(self, assignment_id: int) -> AssignmentRecord:
        with self.database.transaction() as session:
            records = _records(session, [session.get(Assignment, assignment_id)] if session.get(
                Assignment, assignment_id) else [])
        if not records:
            raise UnknownName(Text(QT_TRANSLATE_NOOP("errors", "there is no assignment {name}"), name=assignment_id))
        return records[0]

    def list(self, *, person: str | None = None, open_only: bool = False) -> list[AssignmentRecord]:
        with self.database.transaction() as session:
            query = select(Assignment)
            if person:
                query = query.where(Assignment.person == person)
            if open_only:
                query = query.where(Assignment.article_id.is_(None))
            lines = list(session.scalars(query.order_by(Assignment.deadline.is_(None), Assignment.deadline,
                                                        Assignment.id)))
            return _records(session, lines)

    def today(self, zone: tzinfo, day: date | None = None, now: datetime | None = None) -> list[AssignmentRecord]:
        """The day's budget (deadlines on that day, in `zone`) and every late one before it, soonest first."""
        now = now or utc_now()
        day = day or now.astimezone(zone).date()
        start = datetime.combine(day, time.min, zone)
        end = start + timedelta(days=1)
        with self.database.transaction() as session:
            lines = list(session.scalars(select(Assignment).where(
                Assignment.deadline.is_not(None), Assignment.deadline < end,
                or_(Assignment.deadline >= start, Assignment.deadline < now)).order_by(Assignment.deadline)))
            records = _records(session, lines, now)
        return [r for r in records if r.deadline >= start or r.late]

    def start(self, assignment_id: int) -> ArticleRecord:
        """The writer starts the story: a new article with the working title, linked to the line
        and standing at the first stage of its desk. Starting it again opens the same article."""
        line = self.get(assignment_id)
        if line.article_id is not None:
            return self.workflow.library.get(line.article_id)
        record = self.workflow.library.create(ArticleDraft(title=line.title))
        actor = self.workflow.actor
        with self.workflow._writing() as session:
            if self.workflow.on_server:
                session.execute(text("SELECT midad_start_assignment(:u, :a)"), {"u": line.uuid, "a": record.id})
            else:
                replica = _is_replica(session)
                local_rules.start_assignment(session, actor, session.get(Assignment, line.id), record.id,
                                             record_event=not replica)
                if replica:
                    session.add(WorkflowOutboxEntry(key=new_uuid(), action="start", created_at=utc_now(),
                                                    payload=json.dumps({"assignment": line.uuid,
                                                                        "article": record.uuid})))
        self.workflow.library.changes.announce([record.id], What.METADATA)
        return record


def _budget_refused() -> NotAllowed:
    return NotAllowed(Text(QT_TRANSLATE_NOOP("errors", "only an editor may change the story budget; nothing was changed")))


def _records(session: Session, lines: list[Assignment], now: datetime | None = None) -> list[AssignmentRecord]:
    now = now or utc_now()
    desks = {desk.id: desk.name for desk in session.scalars(select(Desk))}
    article_ids = [line.article_id for line in lines if line.article_id]
    statuses = dict(session.execute(select(Article.id, Article.status).where(Article.id.in_(article_ids))).all()) \
        if article_ids else {}
    names = display_names(session, [line.person for line in lines if line.person])
    records = []
    for line in lines:
        status = statuses.get(line.article_id)
        late = line.deadline is not None and line.deadline < now and status not in DONE_STATUSES
        records.append(AssignmentRecord(line.id, line.uuid, line.title, desks.get(line.desk_id), line.desk_id,
                                        line.person, names.get(line.person, line.person) if line.person else None,
                                        line.deadline, line.expected_words, line.notes, line.article_id, status, late))
    return records
