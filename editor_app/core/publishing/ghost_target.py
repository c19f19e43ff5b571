"""Ghost (5.x, Admin API) as a publish target, with WordPress's guarantees.

How Midad's article maps onto a Ghost post:
- the body goes as HTML (`?source=html`); Ghost turns it into its own editor's document;
- the column label is kept verbatim in an HTML card (`<!--kg-card-begin: html-->`), which
  Ghost stores as it is: the label keeps its class, so a pull takes it back out of the body
  (Ghost drops the class and `dir` attributes of ordinary paragraphs, and HTML comments);
- Midad's marker is the post's `codeinjection_foot` (Ghost drops comments from the content,
  and can filter posts on that field): it finds a post whose answer was lost;
- Arabic slugs come back transliterated by Ghost ("مقال-تجربة" → "mql-tjrb");
- excerpt → `custom_excerpt` (Ghost keeps 300 characters), tags → tags by name, the
  featured image → `feature_image` (a URL: Ghost names images by address);
- statuses: draft → draft, publish → published, future → scheduled (at the publication date);
  Ghost has no "pending review";
- conflicts: the post's `updated_at`, which Ghost also requires on every update (a stale one
  is refused with 409), so a change made between our read and our write is never overwritten;
- categories: Ghost has none; the article's category is not sent (tags are).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from mimetypes import guess_extension
from datetime import datetime, timezone
from urllib.parse import urljoin

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.publishing import post_content
from editor_app.core.publishing.errors import ChangedMeanwhile, SiteRefused
from editor_app.core.publishing.ghost import GhostClient
from editor_app.core.publishing.target import (
    ClientTarget,
    DRAFT,
    FUTURE,
    PUBLISH,
    PostFields,
    RemoteMedia,
    RemotePost,
    SiteIdentity,
)
from editor_app.core.publishing.targets import GHOST, STATUSES

TO_GHOST = {DRAFT: "draft", PUBLISH: "published", FUTURE: "scheduled"}
FROM_GHOST = {"draft": DRAFT, "published": PUBLISH, "scheduled": FUTURE, "sent": PUBLISH}
EXCERPT_LIMIT = 300  # Ghost refuses a longer custom_excerpt
_CARD = re.compile(r"<!--kg-card-begin: html-->\n?(.*?)\n?<!--kg-card-end: html-->", re.DOTALL)
_MARKER_ONLY = re.compile(r"<!-- midad:([0-9a-f-]{36}) -->")


def html_card(html: str) -> str:
    return f"<!--kg-card-begin: html-->\n{html}\n<!--kg-card-end: html-->" if html else ""


def without_cards(html: str) -> str:
    """Ghost's HTML with the card wrappers taken off (their content stays)."""
    return _CARD.sub(lambda found: found.group(1), html)


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _ghost_time(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _text(post: dict, name: str) -> str:
    value = post.get(name)
    return value if isinstance(value, str) else ""


class GhostTarget(ClientTarget):
    kind = GHOST
    statuses = STATUSES[GHOST]

    def __init__(self, client: GhostClient) -> None:
        self.client = client

    @classmethod
    def open(cls, url: str, key_id: str, secret: str, *, admin_url: str = "", **options) -> GhostTarget:
        return cls(GhostClient(url, key_id, secret, admin_url=admin_url, **options))

    def check(self) -> SiteIdentity:
        site = self.client.site()
        self.verify_access()
        me = self.client.me()
        if me is None:
            return SiteIdentity(_text(site, "title"), "Admin API", ("integration",))
        roles = tuple(_text(role, "name") for role in me.get("roles") or [] if isinstance(role, dict))
        return SiteIdentity(_text(site, "title"), _text(me, "name"), roles)

    def verify_access(self) -> None:
        self.client.verify_access()

    def post(self, remote_id: str) -> RemotePost | None:
        post = self.client.post(remote_id)
        return None if post is None else self._remote(post)

    def find_marked(self, uuid: str) -> str | None:
        for post in self.client.posts(nql_filter=f"codeinjection_foot:~'{uuid}'", per_page=20):
            if post_content.marked_uuid(_text(post, "codeinjection_foot")) == uuid:
                return _text(post, "id")
        return None

    def find_media(self, name: str, mime_type: str) -> RemoteMedia | None:
        # Ghost keeps an upload at content/images/YYYY/MM/<name>: a lost answer this month is found.
        now = datetime.now(timezone.utc)
        url = urljoin(self.client.url + "/", f"content/images/{now:%Y}/{now:%m}/{name}{guess_extension(mime_type) or ''}")
        return RemoteMedia(url, url) if self.client.exists(url) else None

    def upload_media(self, data: bytes, filename: str, mime_type: str) -> RemoteMedia:
        url = self.client.upload_image(data, filename, mime_type)
        return RemoteMedia(url, url)

    def push(self, fields: PostFields, remote_id: str | None, existing: RemotePost | None) -> tuple[RemotePost, list[Text]]:
        warnings: list[Text] = []
        excerpt = fields.excerpt
        if len(excerpt) > EXCERPT_LIMIT:
            excerpt = excerpt[:EXCERPT_LIMIT - 1].rsplit(" ", 1)[0] + "…"
            warnings.append(Text(QT_TRANSLATE_NOOP("errors", "Ghost keeps excerpts of up to {limit} characters; the "
                                                   "excerpt was shortened on the site"), limit=EXCERPT_LIMIT))
        uuid = post_content.marked_uuid(fields.html) or ""
        body = _MARKER_ONLY.sub("", fields.html).rstrip()
        label = post_content.column_label_html(fields.column).strip()
        sent: dict = {
            "title": fields.title, "status": TO_GHOST[fields.status], "custom_excerpt": excerpt or None,
            "tags": [{"name": name} for name in fields.tags],
            "html": "\n".join(part for part in (html_card(label), body) if part),
            "codeinjection_foot": self._footer_with_marker(existing, uuid),
        }
        if fields.featured is not None:
            sent["feature_image"] = fields.featured.url
        elif existing is None:
            sent["feature_image"] = None
        if fields.slug:
            sent["slug"] = fields.slug
        if fields.published_at is not None:
            sent["published_at"] = _ghost_time(fields.published_at)
        if remote_id is None:
            answer = self.client.create_post(sent)
        else:
            current = existing or self.post(remote_id)
            sent["updated_at"] = current.native["updated_at"] if current is not None else _ghost_time(datetime.now(timezone.utc))
            try:
                answer = self.client.update_post(remote_id, sent)
            except SiteRefused as refused:
                if refused.status == 409:  # Ghost's UpdateCollisionError: saved on the site since our read
                    raise ChangedMeanwhile(refused.text, 409, refused.code) from None
                raise
        return self._remote(answer), warnings

    @staticmethod
    def _footer_with_marker(existing: RemotePost | None, uuid: str) -> str:
        """The post's footer code injection with Midad's marker: what the site's editors put
        there is kept (the marker replaces only an older marker)."""
        theirs = _MARKER_ONLY.sub("", _text(existing.native, "codeinjection_foot")).strip() if existing is not None else ""
        return "\n".join(part for part in (theirs, post_content.marker(uuid).strip()) if part)

    def pull(self, modified_after: datetime | None) -> Iterator[RemotePost]:
        since = f"updated_at:>'{modified_after.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S}'" if modified_after else ""
        for post in self.client.posts(nql_filter=since):
            yield self._remote(post)

    def _remote(self, post: dict) -> RemotePost:
        html = without_cards(_text(post, "html")).strip()
        marker = _MARKER_ONLY.search(_text(post, "codeinjection_foot"))
        if marker and post_content.marked_uuid(html) is None:
            html = html + post_content.marker(marker.group(1))  # as WordPress posts carry it: at the content's end
        tags = tuple(_text(tag, "name") for tag in post.get("tags") or [] if isinstance(tag, dict) and _text(tag, "name"))
        return RemotePost(
            id=_text(post, "id"), version=_text(post, "updated_at"), link=_text(post, "url"),
            status=FROM_GHOST.get(_text(post, "status"), DRAFT), title=_text(post, "title"), html=html,
            excerpt=_text(post, "custom_excerpt"), slug=_text(post, "slug"),
            tags=tuple(tag for tag in tags if not tag.startswith("#")),  # internal tags are the site's business
            published_at=_moment(post.get("published_at")), featured_url=_text(post, "feature_image"), native=post)
