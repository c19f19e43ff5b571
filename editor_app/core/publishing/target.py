"""What Midad needs from a site it publishes to, whatever the site runs: one small interface
(`PublishTarget`) that WordPress and Ghost implement, the neutral values crossing it, and the
typed progress steps the window translates.

Ids and versions are opaque strings: WordPress numbers its posts and stamps them with
`modified_gmt`, Ghost uses 24-hex object ids and `updated_at`; the publisher only stores them
and compares them for equality. Statuses are Midad's own words (the WordPress ones, which
the CLI and the sites table always used); each target maps them to its site's.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from editor_app.core.errors import Text

# Midad's statuses: what the writer chooses. A target offers the ones its site knows.
DRAFT, PENDING, PUBLISH, FUTURE, PRIVATE = "draft", "pending", "publish", "future", "private"
ALL_STATUSES = (DRAFT, PENDING, PUBLISH, FUTURE)
# A post's own status, kept when publishing again without choosing one.
KEPT_STATUSES = (PUBLISH, FUTURE, DRAFT, PENDING, PRIVATE)


class PublishStep(StrEnum):
    """Where a publish or a pull is: the window shows each in its language (ui/publishing/labels)."""

    CHECKING = "checking"
    UPLOADING_IMAGE = "uploading-image"  # Progress.number of Progress.total
    UPLOADING_FEATURED = "uploading-featured"
    TERMS = "terms"
    SENDING = "sending"
    PUBLISHED = "published"
    TOOK_SITE_VERSION = "took-site-version"
    PULLING = "pulling"  # Progress.number: the post being read


@dataclass(frozen=True)
class Progress:
    step: PublishStep
    fraction: float
    number: int = 0
    total: int = 0


ProgressReport = Callable[[Progress], None]


@dataclass(frozen=True)
class SiteIdentity:
    """What "Test connection" shows: the site's title, who we are there and with which rights."""

    site: str
    user: str
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoteMedia:
    id: str
    url: str


@dataclass(frozen=True)
class RemotePost:
    """A post as its site has it, in Midad's words."""

    id: str
    version: str  # opaque; changes whenever the post changes on the site
    link: str
    status: str  # one of Midad's statuses
    title: str = ""
    html: str = ""  # the content as stored, with Midad's marker and column label if any
    excerpt: str = ""
    slug: str = ""
    tags: tuple[str, ...] = ()
    category: str = ""  # "أخبار/أمن وعدالة"; "" where the site has no categories
    column: str = ""  # the column label, when the site keeps it outside the content
    published_at: datetime | None = None
    featured_url: str = ""
    native: Any = field(default=None, compare=False, repr=False)  # the target's own answer, for the target


@dataclass(frozen=True)
class PostFields:
    """What Midad sends for an article. `html` ends with the marker; the column label is
    separate, for the target to keep where its site can (a field, or the content's start)."""

    title: str
    html: str
    excerpt: str
    status: str
    tags: tuple[str, ...]
    category: str
    column: str
    slug: str  # "" = leave the site's slug alone
    published_at: datetime | None
    featured: RemoteMedia | None  # None = leave the site's featured image alone (or none on a new post)


class PublishTarget(ABC):
    """One site, opened with its secret. Every method raises only publishing.errors."""

    kind: str = ""
    statuses: tuple[str, ...] = ALL_STATUSES
    cancelled: Callable[[], bool]

    @abstractmethod
    def check(self) -> SiteIdentity:
        """The "Test connection" button: the address, the API and the secret."""

    @abstractmethod
    def verify_access(self) -> None:
        """A cheap authenticated call before a publish, for an error that names the secret."""

    @abstractmethod
    def post(self, remote_id: str) -> RemotePost | None:
        """The post, or None when it was deleted on the site."""

    @abstractmethod
    def find_marked(self, uuid: str) -> str | None:
        """The id of the post carrying `<!-- midad:UUID -->`, created by an earlier try whose
        answer was lost; None when there is none."""

    @abstractmethod
    def find_media(self, name: str, mime_type: str) -> RemoteMedia | None:
        """An image uploaded earlier as `name` (its answer maybe lost), when the site can tell."""

    @abstractmethod
    def upload_media(self, data: bytes, filename: str, mime_type: str) -> RemoteMedia:
        ...

    @abstractmethod
    def push(self, fields: PostFields, remote_id: str | None, existing: RemotePost | None) -> tuple[RemotePost, list[Text]]:
        """Create (remote_id None) or update the post; the post as saved, and warnings for the writer."""

    @abstractmethod
    def pull(self, modified_after: datetime | None) -> Iterator[RemotePost]:
        """Every post the account may edit (modified after the moment, when given), complete."""

    @abstractmethod
    def close(self) -> None:
        ...

    def __enter__(self) -> PublishTarget:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


class ClientTarget(PublishTarget):
    """A target over one site_http client (WordPress's, Ghost's): cancelling and closing are the client's."""

    client: Any

    @property
    def cancelled(self) -> Callable[[], bool]:
        return self.client.cancelled

    @cancelled.setter
    def cancelled(self, check: Callable[[], bool]) -> None:
        self.client.cancelled = check

    def close(self) -> None:
        self.client.close()
