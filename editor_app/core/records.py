"""Plain, immutable views of stored articles.

The UI and the CLI get these instead of ORM objects, so nothing outside the core
touches a session, and a record can cross threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from editor_app.core.statuses import ArticleStatus

if TYPE_CHECKING:  # records are read before SQLAlchemy is loaded (the window's first paint)
    from editor_app.core.models import Article

IMPORTED_IMAGE_SOURCE = "imported-image:"

# The keys of `midad show --json`, in order: a public contract, tested as such.
ARTICLE_JSON_KEYS = (
    "id", "uuid", "title", "column", "author", "category", "tags", "slug", "excerpt",
    "status", "locale", "published_at", "created_at", "updated_at", "body",
)


@dataclass(frozen=True)
class ArticleDraft:
    """The fields of an article before it is stored (what an importer produces)."""

    title: str = ""
    column: str = ""
    author: str | None = None
    category: str | None = None
    tags: tuple[str, ...] = ()
    slug: str = ""
    excerpt: str = ""
    body: str = ""
    status: str = ArticleStatus.DRAFT.value
    locale: str = "ar"
    published_at: datetime | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # Images found in an imported file (a Word document's), items core.assets.ImageFile: the
    # body names the Nth as `imported-image:N`; storing the draft makes them the article's
    # assets and the references `asset:ID`, in place.
    images: tuple[Any, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    uuid: str
    title: str
    column: str
    author: str | None
    category: str | None
    tags: tuple[str, ...]
    slug: str
    excerpt: str
    body: str
    status: str
    locale: str
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    trashed_at: datetime | None
    version: int
    notes: str = ""
    featured_asset_id: int | None = None
    featured_caption: str = ""

    @classmethod
    def from_model(cls, article: Article) -> ArticleRecord:
        return cls(
            id=article.id,
            uuid=article.uuid,
            title=article.title,
            column=article.column,
            author=article.author.name if article.author else None,
            category=article.category.path if article.category else None,
            tags=tuple(link.tag.name for link in article.tag_links),
            slug=article.slug,
            excerpt=article.excerpt,
            body=article.body,
            status=article.status,
            locale=article.locale,
            published_at=article.published_at,
            created_at=article.created_at,
            updated_at=article.updated_at,
            trashed_at=article.trashed_at,
            version=article.version,
            notes=article.notes or "",
            featured_asset_id=article.featured_asset_id,
            featured_caption=article.featured_caption or "",
        )

    def to_json_dict(self) -> dict[str, Any]:
        values = {
            "id": self.id,
            "uuid": self.uuid,
            "title": self.title,
            "column": self.column,
            "author": self.author,
            "category": self.category,
            "tags": list(self.tags),
            "slug": self.slug,
            "excerpt": self.excerpt,
            "status": self.status,
            "locale": self.locale,
            "published_at": _iso(self.published_at),
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "body": self.body,
        }
        return {key: values[key] for key in ARTICLE_JSON_KEYS}


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: only what the list shows."""

    id: int
    title: str
    status: str
    author: str | None
    category: str | None
    updated_at: datetime
    # With the sites: "" (never published), "synced", "changed" (edited since), "queued"
    # (waiting in the outbox), "refused" (the site said no; see the outbox).
    sync: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "author": self.author,
            "category": self.category,
            "updated_at": _iso(self.updated_at),
            "sync": self.sync,
        }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


@dataclass(frozen=True)
class RevisionRecord:
    id: int
    article_id: int
    created_at: datetime
    reason: str
    status: str
    title: str
    body: str
    word_count: int
    word_delta: int  # against the revision before it (or 0 for the first)
    author: str = ""  # who made it: their display name on a newsroom server, else their login
    note: str = ""  # e.g. who accepted which suggestion (core.annotations.suggestions)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": _iso(self.created_at),
            "reason": self.reason,
            "status": self.status,
            "title": self.title,
            "word_count": self.word_count,
            "word_delta": self.word_delta,
            "author": self.author,
            "note": self.note,
        }


@dataclass(frozen=True)
class StatusChangeRecord:
    from_status: str
    to_status: str
    changed_by: str
    changed_at: datetime
