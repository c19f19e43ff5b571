"""The editorial workflow's tables (migration 0009): desks and their ordered stages, where each
article stands (desk, stage, current person), the story budget (assignments), the history
(workflow events) and each person's notifications.

Events are generic (kind, article, actor, target person, JSON payload, time) so that other
parts of Midad (comments, suggestions, leases) post their own kinds through the same path
(core.workflow.events.post_event; on the server the SECURITY DEFINER midad_post_event)."""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.core.models import Base, PersonRole, UTCDateTime, utc_now

_ROLE_VALUES = ", ".join(f"'{r.value}'" for r in PersonRole)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Desk(Base):
    """A desk of the newsroom (أخبار، اقتصاد، رياضة…)."""

    __tablename__ = "desks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class DeskMember(Base):
    """Someone who works on a desk: told when an article is sent to one of its stages without
    a person named (a stage they may move articles out of: an editor hears of «تدقيق», a writer not)."""

    __tablename__ = "desk_members"

    desk_id: Mapped[int] = mapped_column(ForeignKey("desks.id", ondelete="CASCADE"), primary_key=True)
    login: Mapped[str] = mapped_column(String(63), primary_key=True)


class Stage(Base):
    """One step of a desk (كتابة → تحرير → تدقيق → جاهز). Moving an article into or out of it
    needs `required_role` (the server checks); `sets_status`, when given, becomes the article's
    status on arrival (جاهز → ready, منشور → published)."""

    __tablename__ = "stages"
    __table_args__ = (
        UniqueConstraint("desk_id", "name", name="uq_stages_desk_name"),
        CheckConstraint(f"required_role IN ({_ROLE_VALUES})", name="ck_stages_required_role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    desk_id: Mapped[int] = mapped_column(ForeignKey("desks.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    required_role: Mapped[str] = mapped_column(String(16), default=PersonRole.WRITER.value)
    sets_status: Mapped[str | None] = mapped_column(String(16))


class ArticlePlacement(Base):
    """Where an article stands in the workflow now: its stage (and so its desk) and the person
    it was sent to. Written only by a send (midad_send_article on the server)."""

    __tablename__ = "article_workflow"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="RESTRICT"), index=True)
    person: Mapped[str | None] = mapped_column(String(63), index=True)
    sent_by: Mapped[str] = mapped_column(String(63), default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    message: Mapped[str] = mapped_column(Text, default="")


class Assignment(Base):
    """A line of the story budget: a story someone is to write, by a deadline. It becomes an
    article when its writer starts it (`article_id`)."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    title: Mapped[str] = mapped_column(Text, default="")
    desk_id: Mapped[int | None] = mapped_column(ForeignKey("desks.id", ondelete="SET NULL"), index=True)
    person: Mapped[str | None] = mapped_column(String(63), index=True)
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    expected_words: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    created_by: Mapped[str] = mapped_column(String(63), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class WorkflowEvent(Base):
    """One line of an article's history (or of an assignment's, without an article): who did
    what, to whom. `uuid` makes a send made offline land once (its idempotency key)."""

    __tablename__ = "workflow_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(63), default="")
    target: Mapped[str | None] = mapped_column(String(63))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)


class Notification(Base):
    """An event as one person is told of it: theirs alone, read or not."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("event_id", "person", name="uq_notifications_event_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("workflow_events.id", ondelete="CASCADE"), index=True)
    person: Mapped[str] = mapped_column(String(63), index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WorkflowOutboxEntry(Base):
    """Replica: a workflow action made offline (a send, a start, read marks), kept until the
    server has answered it; a refusal becomes a notification, never a lost action."""

    __tablename__ = "workflow_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    action: Mapped[str] = mapped_column(String(16))  # "send", "start", "read"
    payload: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
