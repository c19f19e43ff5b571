"""SQLAlchemy 2.0 typed entities: articles and the vocabularies they point to.

The schema itself is owned by the Alembic migrations in ``migrations/versions``;
``tests/core/test_migrations.py`` checks that these models and the migrations agree.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime, timezone
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from editor_app.core.statuses import CATEGORY_SEPARATOR, ArticleStatus  # noqa: F401 - re-exported: their home before


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC.

    SQLite keeps no time zone, so every value is converted to UTC on the way in
    and marked UTC on the way out; PostgreSQL gets the same behaviour.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    pass


class Author(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Category(Base):
    __tablename__ = "categories"
    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_categories_parent_name"),
        # NULL is never equal to NULL: the root needs its own unique index (migration 0004).
        Index("uq_categories_root_name", "name", unique=True, sqlite_where=sql_text("parent_id IS NULL"),
              postgresql_where=sql_text("parent_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="RESTRICT"), index=True
    )
    parent: Mapped[Category | None] = relationship(remote_side=[id], lazy="joined", join_depth=4)

    @property
    def path(self) -> str:
        names = []
        node: Category | None = self
        while node is not None:
            names.append(node.name)
            node = node.parent
        return CATEGORY_SEPARATOR.join(reversed(names))


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


_STATUS_VALUES = ", ".join(f"'{s.value}'" for s in ArticleStatus)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint(f"status IN ({_STATUS_VALUES})", name="ck_articles_status"),
        # The list pages through the live (or trashed) articles in these orders: without
        # them SQLite sorts the whole library for every page (1.9 s at 100,000 articles).
        Index("ix_articles_trashed_updated", "trashed_at", "updated_at"),
        Index("ix_articles_trashed_title", "trashed_at", "title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, default=lambda: str(uuid_module.uuid4())
    )
    title: Mapped[str] = mapped_column(Text, default="")
    column: Mapped[str] = mapped_column(String(200), default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("authors.id", ondelete="SET NULL"), index=True
    )
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
    slug: Mapped[str] = mapped_column(String(300), default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=ArticleStatus.DRAFT.value, index=True)
    locale: Mapped[str] = mapped_column(String(16), default="ar")
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    trashed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Private to the newsroom: never exported, never published.
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    featured_asset_id: Mapped[int | None] = mapped_column(
        ForeignKey("assets.id", ondelete="SET NULL", use_alter=True, name="fk_articles_featured_asset")
    )
    featured_caption: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Who: login names (PostgreSQL roles on a newsroom server, the OS login alone); on the
    # server a trigger sets them from current_user, so a client cannot claim another name.
    created_by: Mapped[str] = mapped_column(String(63), default="", server_default="", index=True)
    updated_by: Mapped[str] = mapped_column(String(63), default="", server_default="")
    assigned_to: Mapped[str | None] = mapped_column(String(63), index=True)

    author: Mapped[Author | None] = relationship(lazy="joined")
    category: Mapped[Category | None] = relationship(lazy="joined")
    tag_links: Mapped[list[ArticleTag]] = relationship(
        lazy="selectin",
        order_by="ArticleTag.position",
        cascade="all, delete-orphan",
        back_populates="article",
    )

    # Counts saves. SQLAlchemy checks it only between one session's read and its commit
    # (another commit in between raises StaleDataError). Whether a save may replace a newer
    # one is decided by what the caller says it loaded: Library.save_text(base_version=…) and
    # update_metadata(expected=…) refuse with EditConflict; a caller naming no base writes over.
    __mapper_args__ = {"version_id_col": version}


class ArticleTag(Base):
    """An article's tag, in the order the writer gave them (the site shows that order)."""

    __tablename__ = "article_tags"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)

    article: Mapped[Article] = relationship(back_populates="tag_links")
    tag: Mapped[Tag] = relationship(lazy="joined")


class Asset(Base):
    """A file that belongs to an article (its featured image...), stored in the database
    so that it cannot vanish with a moved folder. Deduplicated per article by content."""

    __tablename__ = "assets"
    __table_args__ = (UniqueConstraint("article_id", "sha256", name="uq_assets_article_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(300))
    mime_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class StatusChange(Base):
    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class RevisionReason(StrEnum):
    SAVE = "save"  # the writer pressed Ctrl+S
    AUTOSAVE = "autosave"  # at most one every AUTOSAVE_REVISION_INTERVAL
    STATUS = "status"
    PUBLISH = "publish"
    RESTORE = "restore"
    CONFLICT = "conflict"  # one side of two concurrent edits, kept before they were settled
    TAKEOVER = "takeover"  # unsaved text of a writer whose lease someone else took over
    SUGGESTION = "suggestion"  # a suggested edit accepted (the note says whose and by whom)


class Revision(Base):
    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    reason: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(63), default="", server_default="")
    # What this revision records beyond its text: who accepted or rejected which suggestion (0010).
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class PersonRole(StrEnum):
    WRITER = "writer"  # creates articles, edits their own and those assigned to them
    EDITOR = "editor"  # edits every article, sets ready/published
    CHIEF = "chief"  # an editor who also assigns articles and empties the trash
    ADMIN = "admin"  # all of the above, and manages people and sites


_ROLE_VALUES = ", ".join(f"'{r.value}'" for r in PersonRole)


class Person(Base):
    """Someone of the newsroom: `login` is their PostgreSQL role (core.server)."""

    __tablename__ = "people"
    __table_args__ = (CheckConstraint(f"role IN ({_ROLE_VALUES})", name="ck_people_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default=PersonRole.WRITER.value)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class PrivateNote(Base):
    """A person's own note on an article: nobody else reads it (row-level security on the server)."""

    __tablename__ = "private_notes"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    owner: Mapped[str] = mapped_column(String(63), primary_key=True)
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Site(Base):
    """A site articles are published to (WordPress or Ghost). Its password or key is in the OS keyring."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    url: Mapped[str] = mapped_column(String(500))
    username: Mapped[str] = mapped_column(String(200))
    date_locale: Mapped[str] = mapped_column(String(20), default="ar")
    default_status: Mapped[str] = mapped_column(String(16), default="draft")
    default_category: Mapped[str] = mapped_column(String(500), default="")
    # The IANA zone its bylines are printed in; "" = the default zone of Settings.
    time_zone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    # A later pull asks only for posts modified after the last one began.
    last_pulled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Which publish target speaks to it (core/publishing/targets.py) and that target's own
    # settings as a JSON object (never a secret: those are in the keyring).
    kind: Mapped[str] = mapped_column(String(20), default="wordpress", server_default="wordpress")
    options: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")


class RemotePost(Base):
    """Where an article lives on a site, and what the site said when they were last in step."""

    __tablename__ = "remote_posts"
    __table_args__ = (UniqueConstraint("article_id", "site_id", name="uq_remote_posts_article_site"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    # The site's own id, opaque: WordPress numbers ("123"), Ghost object ids ("65f1c0...").
    remote_id: Mapped[str] = mapped_column(String(64))
    link: Mapped[str] = mapped_column(Text, default="")
    # The site's version stamp as it wrote it (WordPress modified_gmt "2024-04-09T18:23:00",
    # Ghost updated_at "2024-04-09T18:23:00.000Z"): compared before every update.
    remote_modified_gmt: Mapped[str] = mapped_column(String(32), default="")
    synced_version: Mapped[int] = mapped_column(Integer, default=0)
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class RemoteMedia(Base):
    """An image already uploaded to a site, by content: never uploaded twice."""

    __tablename__ = "remote_media"
    __table_args__ = (UniqueConstraint("site_id", "sha256", name="uq_remote_media_site_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    media_id: Mapped[str] = mapped_column(String(500))  # opaque: a WordPress media id, Ghost's image URL
    source_url: Mapped[str] = mapped_column(Text)


class OutboxState(StrEnum):
    PENDING = "pending"  # will be retried
    REFUSED = "refused"  # the site said no (401, 403, 4xx): not retried until the user asks
    DONE = "done"
    CANCELLED = "cancelled"


class OutboxJob(Base):
    """A publish that could not be done when asked, kept until it lands."""

    __tablename__ = "outbox_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    requested_status: Mapped[str] = mapped_column(String(16), default="")
    state: Mapped[str] = mapped_column(String(16), default=OutboxState.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ArticleChange(Base):
    """One line per change to an article or its lease, numbered in order: another process
    (another window, the CLI, another person on the server) reads what changed since the
    last number it saw. Filled by database triggers (migration 0006), so no writer can forget."""

    __tablename__ = "article_changes"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(Integer, index=True)
    # "insert", "update", "membership" (trashed or restored), "delete", "lease"
    kind: Mapped[str] = mapped_column(String(16))


class ArticleLease(Base):
    """Who is editing an article now («يحرّره الآن»): a lease, not a lock, so a crashed
    client's lease expires by itself (core.leases)."""

    __tablename__ = "article_leases"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    person: Mapped[str] = mapped_column(String(200))
    machine: Mapped[str] = mapped_column(String(200))
    # One open window (or CLI run): a person may have two windows open.
    holder: Mapped[str] = mapped_column(String(64))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # Someone asked the holder to let them edit (shown to the holder at its next heartbeat).
    requested_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Which window asked (the lease is handed to it when the holder accepts), and which window
    # the holder declined (told at its next heartbeat): migration 0012.
    requested_holder: Mapped[str] = mapped_column(String(64), default="", server_default="")
    declined_holder: Mapped[str] = mapped_column(String(64), default="", server_default="")

# Sync's own tables (core.sync) share the schema and its migrations.
from editor_app.core.sync import tables as _sync_tables  # noqa: E402,F401
# The editorial workflow's tables (core.workflow), likewise.
from editor_app.core.workflow import tables as _workflow_tables  # noqa: E402,F401
# And so do comments and suggested edits (core.annotations).
from editor_app.core.annotations import tables as _annotation_tables  # noqa: E402,F401
