"""The tables of comments and suggested edits (migration 0010).

Anchors are kept in the article's accepted text (the stored body): offsets, the quoted text
and a little context on each side (core.annotations.anchors finds them again when the body
changed elsewhere). None of these rows is ever exported or published."""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.core.models import Base, UTCDateTime, utc_now


class SuggestionKind(StrEnum):
    INSERT = "insert"
    DELETE = "delete"


class SuggestionState(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class AnchoredRow:
    """Where in the accepted text a row points (see core.annotations.anchors.Anchor)."""

    anchor_start: Mapped[int] = mapped_column(Integer)
    anchor_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    context_before: Mapped[str] = mapped_column(Text, default="", server_default="")
    context_after: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Its text was deleted: shown in the thread list, never dropped.
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class CommentThread(AnchoredRow, Base):
    __tablename__ = "comment_threads"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Its identity on every copy of the library (a desktop replica and the server).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid_module.uuid4()))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    resolved_by: Mapped[str] = mapped_column(String(63), default="", server_default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Login names; on a newsroom server a trigger sets them from current_user.
    created_by: Mapped[str] = mapped_column(String(63), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class CommentMessage(Base):
    __tablename__ = "comment_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Its identity on every copy of the library (a desktop replica and the server).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid_module.uuid4()))
    thread_id: Mapped[int] = mapped_column(ForeignKey("comment_threads.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(63), default="", server_default="")
    body: Mapped[str] = mapped_column(Text)
    # The logins @mentioned in the body, space-separated (people's logins have no spaces).
    mentions: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


_KINDS = ", ".join(f"'{kind.value}'" for kind in SuggestionKind)
_STATES = ", ".join(f"'{state.value}'" for state in SuggestionState)


class Suggestion(AnchoredRow, Base):
    """An insertion (a zero-width anchor where `quote` would go) or a deletion (the anchor
    covers `quote`), made in suggest mode and waiting for the article's writer or an editor."""

    __tablename__ = "suggestions"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_KINDS})", name="ck_suggestions_kind"),
        CheckConstraint(f"state IN ({_STATES})", name="ck_suggestions_state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Its identity on every copy of the library (a desktop replica and the server).
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid_module.uuid4()))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    author: Mapped[str] = mapped_column(String(63), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    state: Mapped[str] = mapped_column(String(10), default=SuggestionState.PENDING.value, server_default="pending")
    decided_by: Mapped[str] = mapped_column(String(63), default="", server_default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
