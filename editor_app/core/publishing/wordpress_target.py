"""WordPress as a publish target: the wp/v2 client's answers in Midad's words.

WordPress-only conventions live here: categories are a hierarchy of terms created on the
way, the column label goes to the `midad_column_label` post meta when the site registers it,
a featured image is a media id (checked in the answer: an invalid one still answers 200),
and slugs longer than WordPress keeps are shortened at a word.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.paste import html_to_text
from editor_app.core.publishing import post_content
from editor_app.core.publishing.errors import SiteRefused
from editor_app.core.publishing.target import (
    ClientTarget,
    ALL_STATUSES,
    PostFields,
    RemoteMedia,
    RemotePost,
    SiteIdentity,
)
from editor_app.core.publishing.wordpress import WordPressClient, id_list, raw_text, remote_id, text_field
from editor_app.core.slugs import wordpress_slug


def _gmt(value: datetime) -> str:
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")


def _published_at(post: dict) -> datetime | None:
    value = post.get("date_gmt")
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value[:32]).replace(tzinfo=timezone.utc)
    except ValueError:
        return None  # not a date: the article has no publication time rather than no import


class WordPressTarget(ClientTarget):
    kind = "wordpress"
    statuses = ALL_STATUSES

    def __init__(self, client: WordPressClient) -> None:
        self.client = client
        self._categories: dict[int, str] = {}

    @classmethod
    def open(cls, url: str, username: str, password: str, **options) -> WordPressTarget:
        return cls(WordPressClient(url, username, password, **options))

    def check(self) -> SiteIdentity:
        found = self.client.check()
        return SiteIdentity(found["site"], found["user"], tuple(found["roles"]))

    def verify_access(self) -> None:
        # WordPress validates parameters before it reports a wrong password (a search with
        # status=any answers 400, not 401): ask who we are first, for an error that says so.
        self.client.json("GET", "wp/v2/users/me")

    def post(self, remote_id_: str) -> RemotePost | None:
        post = self.client.post(int(remote_id_))
        return None if post is None else self._remote(post, with_names=False)

    def find_marked(self, uuid: str) -> str | None:
        for post in self.client.search_posts(uuid):
            if post_content.marked_uuid(raw_text(post, "content")) == uuid:
                return str(post["id"])
        return None

    def find_media(self, name: str, mime_type: str) -> RemoteMedia | None:
        found = [item for item in self.client.search_media(name) if text_field(item, "slug").startswith(name)
                 or name in text_field(item, "source_url")]
        return RemoteMedia(str(found[0]["id"]), text_field(found[0], "source_url")) if found else None

    def upload_media(self, data: bytes, filename: str, mime_type: str) -> RemoteMedia:
        media = self.client.upload_media(data, filename, mime_type)
        return RemoteMedia(str(media["id"]), text_field(media, "source_url"))

    def push(self, fields: PostFields, remote_id_: str | None, existing: RemotePost | None) -> tuple[RemotePost, list[Text]]:
        warnings: list[Text] = []
        category_ids = self._category_ids(fields.category)
        sent: dict = {"title": fields.title, "excerpt": fields.excerpt, "status": fields.status,
                      "tags": [self.client.term("tags", name) for name in fields.tags]}
        on_site = id_list(existing.native.get("categories")) if existing is not None else []
        if not (on_site and set(category_ids) <= set(on_site)):
            # Midad keeps one category per article; a post already filed under it (and maybe
            # others, set on the site) keeps all of them.
            sent["categories"] = category_ids
        featured = remote_id(fields.featured.id) if fields.featured is not None else 0
        if featured or existing is None:
            sent["featured_media"] = featured  # no local image: the site's featured image is left alone
        if fields.slug:
            slug = wordpress_slug(fields.slug)
            if slug != fields.slug:
                warnings.append(Text(QT_TRANSLATE_NOOP("errors", "the slug is longer than WordPress keeps (200 characters once "
                                                       "encoded); it was shortened at a word to “{slug}”"), slug=slug))
            sent["slug"] = slug
        if fields.published_at is not None:
            sent["date_gmt"] = _gmt(fields.published_at)
        content = fields.html
        if self._column_meta_supported():
            sent["meta"] = {post_content.COLUMN_META: fields.column}
        else:
            content = post_content.column_label_html(fields.column) + content
        sent["content"] = content
        answer = (self.client.update_post(int(remote_id_), sent) if remote_id_ is not None
                  else self.client.create_post(sent))
        if sent.get("featured_media") and remote_id(answer.get("featured_media")) != sent["featured_media"]:
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} did not accept the featured image (media {media})"),
                                   url=self.client.url, media=sent["featured_media"]), 400, "featured_media")
        return self._remote(answer, with_names=False), warnings

    def pull(self, modified_after: datetime | None) -> Iterator[RemotePost]:
        # WordPress reads a date without an offset in the site's own time zone: always give one.
        after = modified_after.astimezone(timezone.utc).isoformat(timespec="seconds") if modified_after else None
        for post in self.client.posts(modified_after=after):
            yield self._remote(post, with_names=True)

    # -- WordPress's own ways -------------------------------------------------------------

    def _remote(self, post: dict, *, with_names: bool) -> RemotePost:
        """The post in Midad's words; tag and category names cost requests, asked for by pulls only."""
        tags: tuple[str, ...] = ()
        category = ""
        if with_names:
            tags = tuple(self.client.term_names("tags", id_list(post.get("tags"))))
            first = id_list(post.get("categories"))[:1]
            if first and first[0] not in self._categories:
                # The whole path: a name alone would be published back as a new top-level category.
                self._categories[first[0]] = self.client.category_path(first[0])
            category = self._categories.get(first[0], "") if first else ""
        meta = post.get("meta") if isinstance(post.get("meta"), dict) else {}
        return RemotePost(
            id=str(post["id"]), version=text_field(post, "modified_gmt")[:32], link=text_field(post, "link"),
            status=text_field(post, "status"), title=raw_text(post, "title"), html=raw_text(post, "content"),
            excerpt=html_to_text(raw_text(post, "excerpt")), slug=text_field(post, "slug"), tags=tags, category=category,
            column=text_field(meta, post_content.COLUMN_META), published_at=_published_at(post), native=post)

    def _category_ids(self, path: str) -> list[int]:
        parent = 0
        for name in [part.strip() for part in (path or "").split("/") if part.strip()]:
            parent = self.client.term("categories", name, parent)
        return [parent] if parent else []

    def _column_meta_supported(self) -> bool:
        schema = self.client.json("OPTIONS", "wp/v2/posts")
        for key in ("schema", "properties", "meta", "properties"):
            schema = schema.get(key) if isinstance(schema, dict) else None
        return isinstance(schema, dict) and post_content.COLUMN_META in schema
