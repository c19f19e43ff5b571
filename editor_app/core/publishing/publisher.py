"""Publishing one article to one site: create the post the first time, update the same
post afterwards, upload each image once, and stop when the site changed the post.

Runs without Qt (the window calls it from a worker thread, the CLI directly); progress
and cancellation go through plain callables.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import StrEnum
from pathlib import Path

from editor_app.core.assets import ImageFile
from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.image_sources import ImagePolicy
from editor_app.core.library import Library
from editor_app.core.paste import html_to_markdown
from editor_app.core.publishing import post_content
from editor_app.core.publishing.links import SyncLinks
from editor_app.core.publishing.sites import SiteRecord, SiteRegistry, checked_status
from editor_app.core.publishing.wordpress import (
    PublishCancelled,
    PublishError,
    SiteRefused,
    WordPressClient,
    id_list,
    raw_text,
    remote_id,
    text_field,
)
from editor_app.core.records import ArticleRecord
from editor_app.core.slugs import normalise_slug, wordpress_slug

Progress = Callable[[str, float], None]
# A post's own status, kept when publishing again without choosing one.
KEPT_STATUSES = ("publish", "future", "draft", "pending", "private")


class ConflictChoice(StrEnum):
    STOP = "stop"
    OVERWRITE = "overwrite"
    TAKE_SITE = "take-site"


@dataclass(frozen=True)
class RemoteVersion:
    title: str
    body_markdown: str
    modified_gmt: str
    link: str


class PublishConflict(PublishError):
    """The post changed on the site since Midad last sent or read it."""

    def __init__(self, site: str, local: ArticleRecord, remote: RemoteVersion) -> None:
        super().__init__(f"the post was changed on {site} at {remote.modified_gmt} UTC since it was last "
                         f"published from here: choose to overwrite it or to take the site's version")
        self.site, self.local, self.remote = site, local, remote


@dataclass(frozen=True)
class PublishOutcome:
    post_id: int
    link: str
    status: str
    created: bool
    media_uploaded: int
    took_site_version: bool = False
    warnings: tuple[str, ...] = ()


def _gmt(value: datetime) -> str:
    return value.astimezone(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")


class Publisher:
    def __init__(self, library: Library, client_factory: Callable[[SiteRecord, str], WordPressClient] | None = None,
                 image_folders: tuple[Path, ...] = ()):
        self.library = library
        self.image_folders = tuple(image_folders)  # where body images may be read (core.image_sources)
        self.sites = SiteRegistry(library.database)
        self.links = SyncLinks(library.database)
        self.client_factory = client_factory or (lambda site, password: WordPressClient(site.url, site.username, password))

    def client(self, site: SiteRecord) -> WordPressClient:
        return self.client_factory(site, self.sites.password(site))

    def publish(self, article_id: int, site_name: str, *, status: str | None = None,
                on_conflict: ConflictChoice = ConflictChoice.STOP, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> PublishOutcome:
        site = self.sites.get(site_name)
        with self.client(site) as client:
            if cancelled is not None:
                client.cancelled = cancelled  # Cancel ends the request in flight, not only the next step
            return _Run(self, site, client, article_id, status, on_conflict, progress, cancelled).publish()


class _Run:
    """One publish: the steps share the site, the client and what was learnt on the way."""

    def __init__(self, publisher: Publisher, site: SiteRecord, client: WordPressClient, article_id: int,
                 status: str | None, on_conflict: ConflictChoice, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.publisher, self.site, self.client = publisher, site, client
        self.library, self.links = publisher.library, publisher.links
        self.record = self.library.get(article_id)
        self.asked_status = checked_status(status) if status else None
        self.status = self.asked_status or checked_status(site.default_status)
        self.on_conflict = on_conflict
        self.report = progress or (lambda _step, _fraction: None)
        self.cancelled = cancelled or (lambda: False)
        self.uploaded = 0
        self.post: dict | None = None  # the post as the site has it (context=edit), when it exists

    def step(self, text: str, fraction: float) -> None:
        if self.cancelled():
            raise PublishCancelled()
        self.report(text, fraction)

    def publish(self) -> PublishOutcome:
        self.step("checking the post on the site", 0.05)
        # WordPress validates parameters before it reports a wrong password (a search with
        # status=any answers 400, not 401): ask who we are first, for an error that says so.
        self.client.json("GET", "wp/v2/users/me")
        post_id, post = self.existing_post()
        if post is not None and self.asked_status is None and text_field(post, "status") in KEPT_STATUSES:
            # Publishing again without choosing a status keeps the post's: the site's default
            # status ("draft") would take a live post offline.
            self.status = post["status"]
        self.post = post
        if post_id is not None and self.on_conflict is not ConflictChoice.OVERWRITE:
            remote = self.changed_on_site(post)
            if remote is not None:
                if self.on_conflict is ConflictChoice.STOP:
                    raise PublishConflict(self.site.name, self.record, remote)
                return self.take_site_version(post_id, remote)
        fields, warnings = self.post_fields()
        self.step("sending the article", 0.85)
        response = self.client.update_post(post_id, fields) if post_id else self.client.create_post(fields)
        if fields.get("featured_media") and remote_id(response.get("featured_media")) != fields["featured_media"]:
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} did not accept the featured image (media {media})"),
                                   url=self.site.url, media=fields["featured_media"]), 400, "featured_media")
        went_live = text_field(response, "status") in ("publish", "future")
        record = self.library.record_publish(self.record.id, went_live=went_live)
        self.links.remember_post(self.record.id, self.site.id, remote_id=response["id"], link=text_field(response, "link"),
                                 modified_gmt=text_field(response, "modified_gmt")[:32], version=record.version)
        self.step("published", 1.0)
        return PublishOutcome(response["id"], text_field(response, "link"), text_field(response, "status"),
                              created=post_id is None, media_uploaded=self.uploaded, warnings=tuple(warnings))

    # -- which post -----------------------------------------------------------------

    def existing_post(self) -> tuple[int | None, dict | None]:
        """The post this article already is on the site (its id and, read with context=edit, itself)."""
        link = self.links.post(self.record.id, self.site.id)
        if link is not None:
            post = self.client.post(link.remote_id)
            if post is not None:
                return link.remote_id, post
            self.links.forget_post(self.record.id, self.site.id)  # deleted on the site: publish anew
            return None, None
        # Not known here, but an earlier try may have created it before its answer was lost.
        for post in self.client.search_posts(self.record.uuid):
            if post_content.marked_uuid(raw_text(post, "content")) == self.record.uuid:
                return post["id"], None  # ours, never synced: nothing on the site to protect
        return None, None

    def changed_on_site(self, post: dict | None) -> RemoteVersion | None:
        link = self.links.post(self.record.id, self.site.id)
        if link is None or post is None or text_field(post, "modified_gmt")[:32] == link.remote_modified_gmt:
            return None
        return RemoteVersion(
            title=raw_text(post, "title"),
            body_markdown=html_to_markdown(post_content.without_midad_additions(raw_text(post, "content"))),
            modified_gmt=text_field(post, "modified_gmt")[:32], link=text_field(post, "link"),
        )

    def take_site_version(self, post_id: int, remote: RemoteVersion) -> PublishOutcome:
        # The writer's text becomes a revision first: taking the site's version loses nothing.
        kept = self.library.save_text(self.record.id, title=self.record.title, body=self.record.body, explicit=True,
                                      base_version=self.record.version)
        record = self.library.save_text(self.record.id, title=remote.title, body=remote.body_markdown, explicit=True,
                                        base_version=kept.version)
        self.links.remember_post(self.record.id, self.site.id, remote_id=post_id, link=remote.link,
                                 modified_gmt=remote.modified_gmt, version=record.version)
        self.step("took the site's version", 1.0)
        return PublishOutcome(post_id, remote.link, "", created=False, media_uploaded=0, took_site_version=True)

    # -- what to send -----------------------------------------------------------------

    def post_fields(self) -> tuple[dict, list[str]]:
        record = self.record
        policy = ImagePolicy.for_folders(self.publisher.image_folders,
                                         lambda asset_id: self.library.article_image(record.id, asset_id))
        rendered, images, warnings = post_content.local_images(post_content.body_html(record.body), policy)
        uploaded = {}
        for number, local in enumerate(images, start=1):
            self.step(f"uploading image {number} of {len(images)}", 0.1 + 0.6 * number / max(1, len(images)))
            uploaded[local.source] = self.media(local.image)[1]
        featured = 0
        asset = self.library.asset(record.featured_asset_id) if record.featured_asset_id else None
        if asset is not None:
            self.step("uploading the featured image", 0.72)
            featured = self.media(asset)[0]
        self.step("categories and tags", 0.78)
        content = post_content.with_uploaded_sources(rendered, uploaded)
        category_ids = self.category_ids(record.category or self.site.default_category)
        fields = {
            "title": record.title, "excerpt": record.excerpt, "status": self.status,
            "tags": [self.client.term("tags", name) for name in record.tags],
        }
        on_site = id_list(self.post.get("categories")) if self.post is not None else []
        if not (on_site and set(category_ids) <= set(on_site)):
            # Midad keeps one category per article; a post already filed under it (and maybe
            # others, set on the site) keeps all of them.
            fields["categories"] = category_ids
        if featured or self.post is None:
            fields["featured_media"] = featured  # no local image: the site's featured image is left alone
        slug = self.slug_to_send(warnings)
        if slug:
            fields["slug"] = slug
        if record.published_at is not None:
            fields["date_gmt"] = _gmt(record.published_at)
            if self.status == "publish" and record.published_at > datetime.now(timezone.utc):
                fields["status"] = "future"
        elif self.status == "future":
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "a scheduled post needs a publication date: set it in the article's "
                                                   "details")), 400)
        if self.column_meta_supported():
            fields["meta"] = {post_content.COLUMN_META: record.column}
        else:
            content = post_content.column_label_html(record.column) + content
        fields["content"] = content + post_content.marker(record.uuid)
        return fields, warnings

    def slug_to_send(self, warnings: list[str]) -> str:
        record = self.record
        if not record.slug:
            return ""
        if self.post is not None and normalise_slug(text_field(self.post, "slug")) == record.slug:
            return ""  # the site's slug, as pulled: sent back it could only change the post's address
        slug = wordpress_slug(record.slug)
        if slug != record.slug:
            warnings.append(str(Text(QT_TRANSLATE_NOOP("errors", "the slug is longer than WordPress keeps (200 characters once "
                                                       "encoded); it was shortened at a word to “{slug}”"), slug=slug)))
        return slug

    def category_ids(self, path: str) -> list[int]:
        parent = 0
        for name in [part.strip() for part in (path or "").split("/") if part.strip()]:
            parent = self.client.term("categories", name, parent)
        return [parent] if parent else []

    def column_meta_supported(self) -> bool:
        schema = self.client.json("OPTIONS", "wp/v2/posts")
        for key in ("schema", "properties", "meta", "properties"):
            schema = schema.get(key) if isinstance(schema, dict) else None
        return isinstance(schema, dict) and post_content.COLUMN_META in schema

    def media(self, image: ImageFile) -> tuple[int, str]:
        """(media id, URL) of an image on the site, uploaded only if the site does not have it."""
        known = self.links.media(self.site.id, image.sha256)
        if known is not None:
            return known
        name = f"midad-{image.sha256[:24]}"
        found = [item for item in self.client.search_media(name) if text_field(item, "slug").startswith(name)
                 or name in text_field(item, "source_url")]
        if found:
            media = found[0]
        else:
            extension = mimetypes.guess_extension(image.mime_type) or ".img"
            media = self.client.upload_media(image.data, name + extension, image.mime_type)
            self.uploaded += 1
        self.links.remember_media(self.site.id, image.sha256, media["id"], text_field(media, "source_url"))
        return media["id"], text_field(media, "source_url")
