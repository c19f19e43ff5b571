"""The workflow's writes on a local library (SQLite): what the server's SECURITY DEFINER
functions do (core.workflow.server_rights), for one writer who holds every role, and for a
newsroom replica applying a send at once while it waits to go to the server."""

from __future__ import annotations

import json
from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.errors import ArticleNotFound
from editor_app.core.models import Article, ArticleChange, StatusChange, utc_now
from editor_app.core.workflow.refusals import QT_TRANSLATE_NOOP, Text, UnknownName
from editor_app.core.workflow.tables import (
    ArticlePlacement,
    Assignment,
    Desk,
    DeskMember,
    Notification,
    Stage,
    WorkflowEvent,
    new_uuid,
)


def post_event(session: Session, *, article_id: int | None, kind: str, actor: str, target: str | None,
               payload: dict, recipients: list[str | None], key: str | None = None) -> WorkflowEvent:
    event = session.scalar(select(WorkflowEvent).where(WorkflowEvent.uuid == key)) if key else None
    if event is not None:
        return event
    event = WorkflowEvent(uuid=key or new_uuid(), article_id=article_id, kind=kind, actor=actor, target=target,
                          payload=json.dumps(payload, ensure_ascii=False), created_at=utc_now())
    session.add(event)
    session.flush()
    for person in dict.fromkeys(p for p in recipients if p and p != actor):
        session.add(Notification(event_id=event.id, person=person))
    if article_id is not None:
        session.add(ArticleChange(article_id=article_id, kind="workflow"))
    session.flush()
    return event


def send_article(session: Session, actor: str, article_id: int, stage_id: int, person: str | None, message: str,
                 key: str | None, *, apply_status: bool = True) -> WorkflowEvent:
    """`apply_status` False on a replica: the status is the server's to set (an article pushed with a
    status its writer may not give would be refused whole); it comes back with the next pull."""
    if key:
        done = session.scalar(select(WorkflowEvent).where(WorkflowEvent.uuid == key))
        if done is not None:
            return done
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFound(article_id)
    target = session.get(Stage, stage_id)
    if target is None:
        raise UnknownName(Text(QT_TRANSLATE_NOOP("errors", "there is no stage {name}"), name=stage_id))
    placement = session.get(ArticlePlacement, article_id)
    previous = session.get(Stage, placement.stage_id) if placement else None
    # Told of the move: whoever it goes to, its writer, who had it, and who sent it to them.
    previous_people = [placement.person, placement.sent_by] if placement else []
    if placement is None:
        placement = ArticlePlacement(article_id=article_id)
        session.add(placement)
    placement.stage_id, placement.person, placement.sent_by = stage_id, person, actor
    placement.sent_at, placement.message = utc_now(), message or ""
    if apply_status and target.sets_status and target.sets_status != article.status:
        session.add(StatusChange(article_id=article_id, from_status=article.status, to_status=target.sets_status,
                                 changed_by=actor, changed_at=utc_now()))
        article.status = target.sets_status
        article.updated_at = utc_now()
    session.flush()
    desk_name = session.get(Desk, target.desk_id).name
    payload = {"desk": desk_name, "stage": target.name, "stage_id": target.id,
               "from_desk": session.get(Desk, previous.desk_id).name if previous else None,
               "from_stage": previous.name if previous else None, "message": message or "",
               "status": target.sets_status}
    members = [] if person else list(session.scalars(select(DeskMember.login).where(DeskMember.desk_id == target.desk_id)))
    return post_event(session, article_id=article_id, kind="sent", actor=actor, target=person, payload=payload,
                      recipients=[person, article.created_by, *previous_people, *members], key=key)


def start_assignment(session: Session, actor: str, assignment: Assignment, article_id: int, *,
                     record_event: bool = True) -> None:
    """`record_event` False on a replica: the server writes the event when the start reaches it."""
    if assignment.article_id is not None:
        return
    assignment.article_id = article_id
    first = session.scalar(select(Stage).where(Stage.desk_id == assignment.desk_id)
                           .order_by(Stage.position, Stage.id).limit(1)) if assignment.desk_id else None
    if first is not None and session.get(ArticlePlacement, article_id) is None:
        session.add(ArticlePlacement(article_id=article_id, stage_id=first.id, person=actor, sent_by=actor,
                                     sent_at=utc_now(), message=""))
    session.flush()
    if not record_event:
        return
    post_event(session, article_id=article_id, kind="started", actor=actor, target=assignment.created_by,
               payload={"assignment": assignment.uuid, "title": assignment.title,
                        "stage": first.name if first else None, "stage_id": first.id if first else None},
               recipients=[assignment.created_by])


def note_assignment(session: Session, actor: str, assignment: Assignment) -> None:
    """Whoever a budget line names is told (the server's trigger midad_note_assignment)."""
    if assignment.person:
        post_event(session, article_id=assignment.article_id, kind="assigned", actor=actor, target=assignment.person,
                   payload={"assignment": assignment.uuid, "title": assignment.title,
                            "deadline": assignment.deadline.isoformat() if assignment.deadline else None},
                   recipients=[assignment.person])
