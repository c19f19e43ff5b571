"""The tables of sync (migration 0008). Both kinds of database hold all of them (one schema
for every Midad database); the server uses the first two, a desktop replica the others."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from editor_app.core.models import Base, UTCDateTime, utc_now


class SyncLog(Base):
    """Server: each article's latest change number (a tombstone when deleted). Written only by
    a commit-time trigger that numbers commits in the order they become visible (0008)."""

    __tablename__ = "sync_log"

    article_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SyncPush(Base):
    """Server: a push already applied, by its idempotency key, written in the same transaction
    as the change: a push whose answer was lost is answered again, never applied twice."""

    __tablename__ = "sync_pushes"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_uuid: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int | None] = mapped_column(Integer)
    # JSON {local revision id: server revision id} of the revisions sent with it.
    revision_map: Mapped[str] = mapped_column(Text, default="{}")
    login: Mapped[str] = mapped_column(String(63), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class SyncState(Base):
    """Replica: a few named values: `server` (its address, without password), `last_seq`..."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class SyncArticle(Base):
    """Replica: what the server held when this article was last in step (by uuid: it outlives
    a local deletion until the server has heard of it)."""

    __tablename__ = "sync_articles"

    article_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_version: Mapped[int | None] = mapped_column(Integer)
    # The server's fields at that version as JSON (core.sync.snapshot): the base of a merge.
    base: Mapped[str] = mapped_column(Text, default="")
    # "conflict": the writer must settle it (both texts are kept as revisions).
    state: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # While in conflict: the title and body both sides started from (JSON), for the merge dialog (0012).
    conflict_base: Mapped[str] = mapped_column(Text, default="", server_default="")


class SyncQueueEntry(Base):
    """Replica: one entry per article changed here since it was last in step (coalesced),
    filled by triggers in the same transaction as the change (0008). A new local change
    renews the idempotency key: the key names one content, never two."""

    __tablename__ = "sync_queue"

    article_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    state: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str] = mapped_column(Text, default="", server_default="")
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The push last sent and not yet answered (its key and fields, JSON), written before it
    # leaves: when the answer is lost and the writer changes the article again (a new key),
    # the next push first asks the server whether that one landed.
    sent_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sent_fields: Mapped[str] = mapped_column(Text, default="", server_default="")


class SyncRevision(Base):
    """Replica: a revision known on both sides (pulled or pushed): never copied twice."""

    __tablename__ = "sync_revisions"

    local_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    server_id: Mapped[int] = mapped_column(Integer, unique=True)
