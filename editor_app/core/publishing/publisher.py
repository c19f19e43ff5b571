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
from editor_app.core.publishing.errors import ChangedMeanwhile, PublishCancelled, PublishError, SiteRefused
from editor_app.core.publishing.links import SyncLinks
from editor_app.core.publishing.sites import SiteRecord, SiteRegistry, checked_status
from editor_app.core.publishing.target import (
    FUTURE,
    KEPT_STATUSES,
    PUBLISH,
    PostFields,
    Progress,
    ProgressReport,
    PublishStep,
    PublishTarget,
    RemoteMedia,
    RemotePost,
)
from editor_app.core.publishing.targets import open_target
from editor_app.core.records import ArticleRecord
from editor_app.core.slugs import normalise_slug

__all__ = ["ConflictChoice", "PublishCancelled", "PublishConflict", "PublishOutcome", "Publisher", "RemoteVersion"]


class ConflictChoice(StrEnum):
    STOP = "stop"
    OVERWRITE = "overwrite"
    TAKE_SITE = "take-site"


@dataclass(frozen=True)
class RemoteVersion:
    title: str
    body_markdown: str
    version: str  # the site's stamp (WordPress modified_gmt, Ghost updated_at), shown as the time it changed
    link: str


class PublishConflict(PublishError):
    """The post changed on the site since Midad last sent or read it."""

    def __init__(self, site: str, local: ArticleRecord, remote: RemoteVersion) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP("errors", "the post was changed on {site} at {when} UTC since it was last "
                                                "published from here: choose to overwrite it or to take the site's version"),
                              site=site, when=remote.version.replace("T", " ")[:19]))
        self.site, self.local, self.remote = site, local, remote


@dataclass(frozen=True)
class PublishOutcome:
    post_id: str
    link: str
    status: str
    created: bool
    media_uploaded: int
    took_site_version: bool = False
    warnings: tuple[Text, ...] = ()  # str() in English (the CLI), user_text() in the window


TargetFactory = Callable[[SiteRecord, str], PublishTarget]


class Publisher:
    def __init__(self, library: Library, target_factory: TargetFactory | None = None,
                 image_folders: tuple[Path, ...] = ()):
        self.library = library
        self.image_folders = tuple(image_folders)  # where body images may be read (core.image_sources)
        self.sites = SiteRegistry(library.database)
        self.links = SyncLinks(library.database)
        self.target_factory = target_factory or open_target

    def target(self, site: SiteRecord) -> PublishTarget:
        return self.target_factory(site, self.sites.secret(site))

    def publish(self, article_id: int, site_name: str, *, status: str | None = None,
                on_conflict: ConflictChoice = ConflictChoice.STOP, progress: ProgressReport | None = None,
                cancelled: Callable[[], bool] | None = None) -> PublishOutcome:
        site = self.sites.get(site_name)
        with self.target(site) as target:
            if cancelled is not None:
                target.cancelled = cancelled  # Cancel ends the request in flight, not only the next step
            return _Run(self, site, target, article_id, status, on_conflict, progress, cancelled).publish()


class _Run:
    """One publish: the steps share the site, the target and what was learnt on the way."""

    def __init__(self, publisher: Publisher, site: SiteRecord, target: PublishTarget, article_id: int,
                 status: str | None, on_conflict: ConflictChoice, progress: ProgressReport | None,
                 cancelled: Callable[[], bool] | None) -> None:
        self.publisher, self.site, self.target = publisher, site, target
        self.library, self.links = publisher.library, publisher.links
        self.record = self.library.get(article_id)
        self.asked_status = checked_status(status, site.kind) if status else None
        self.status = self.asked_status or checked_status(site.default_status, site.kind)
        self.on_conflict = on_conflict
        self.report = progress or (lambda _progress: None)
        self.cancelled = cancelled or (lambda: False)
        self.uploaded = 0
        self.post: RemotePost | None = None  # the post as the site has it, when it exists

    def step(self, step: PublishStep, fraction: float, number: int = 0, total: int = 0) -> None:
        if self.cancelled():
            raise PublishCancelled()
        self.report(Progress(step, fraction, number, total))

    def publish(self) -> PublishOutcome:
        self.step(PublishStep.CHECKING, 0.05)
        self.target.verify_access()
        post_id, post = self.existing_post()
        if post is not None and self.asked_status is None and post.status in KEPT_STATUSES:
            # Publishing again without choosing a status keeps the post's: the site's default
            # status ("draft") would take a live post offline.
            self.status = post.status
        self.post = post
        if post_id is not None and self.on_conflict is not ConflictChoice.OVERWRITE:
            remote = self.changed_on_site(post)
            if remote is not None:
                if self.on_conflict is ConflictChoice.STOP:
                    raise PublishConflict(self.site.name, self.record, remote)
                return self.take_site_version(post_id, remote)
        fields = self.post_fields()
        self.step(PublishStep.SENDING, 0.85)
        try:
            saved, warnings = self.target.push(fields, post_id, post)
        except ChangedMeanwhile:
            # Edited on the site between our read and our write: never overwritten unseen.
            changed = self.target.post(post_id) if post_id is not None else None
            if changed is None:
                raise
            raise PublishConflict(self.site.name, self.record, self.remote_version(changed)) from None
        went_live = saved.status in (PUBLISH, FUTURE)
        record = self.library.record_publish(self.record.id, went_live=went_live)
        self.links.remember_post(self.record.id, self.site.id, remote_id=saved.id, link=saved.link,
                                 version=saved.version, synced_version=record.version)
        self.step(PublishStep.PUBLISHED, 1.0)
        return PublishOutcome(saved.id, saved.link, saved.status, created=post_id is None, media_uploaded=self.uploaded,
                              warnings=tuple(self.warnings + warnings))

    # -- which post -----------------------------------------------------------------

    def existing_post(self) -> tuple[str | None, RemotePost | None]:
        """The post this article already is on the site (its id and, read in full, itself)."""
        link = self.links.post(self.record.id, self.site.id)
        if link is not None:
            post = self.target.post(link.remote_id)
            if post is not None:
                return link.remote_id, post
            self.links.forget_post(self.record.id, self.site.id)  # deleted on the site: publish anew
            return None, None
        # Not known here, but an earlier try may have created it before its answer was lost:
        # ours, never synced, so nothing on the site to protect.
        return self.target.find_marked(self.record.uuid), None

    def changed_on_site(self, post: RemotePost | None) -> RemoteVersion | None:
        link = self.links.post(self.record.id, self.site.id)
        if link is None or post is None or post.version == link.remote_version:
            return None
        return self.remote_version(post)

    @staticmethod
    def remote_version(post: RemotePost) -> RemoteVersion:
        return RemoteVersion(title=post.title, body_markdown=html_to_markdown(post_content.without_midad_additions(post.html)),
                             version=post.version, link=post.link)

    def take_site_version(self, post_id: str, remote: RemoteVersion) -> PublishOutcome:
        # The writer's text becomes a revision first: taking the site's version loses nothing.
        kept = self.library.save_text(self.record.id, title=self.record.title, body=self.record.body, explicit=True,
                                      base_version=self.record.version)
        record = self.library.save_text(self.record.id, title=remote.title, body=remote.body_markdown, explicit=True,
                                        base_version=kept.version)
        self.links.remember_post(self.record.id, self.site.id, remote_id=post_id, link=remote.link,
                                 version=remote.version, synced_version=record.version)
        self.step(PublishStep.TOOK_SITE_VERSION, 1.0)
        return PublishOutcome(post_id, remote.link, "", created=False, media_uploaded=0, took_site_version=True)

    # -- what to send -----------------------------------------------------------------

    def post_fields(self) -> PostFields:
        record = self.record
        policy = ImagePolicy.for_folders(self.publisher.image_folders,
                                         lambda asset_id: self.library.article_image(record.id, asset_id))
        rendered, images, self.warnings = post_content.local_images(post_content.body_html(record.body), policy)
        uploaded = {}
        for number, local in enumerate(images, start=1):
            self.step(PublishStep.UPLOADING_IMAGE, 0.1 + 0.6 * number / max(1, len(images)), number, len(images))
            uploaded[local.source] = self.media(local.image).url
        featured = None
        asset = self.library.asset(record.featured_asset_id) if record.featured_asset_id else None
        if asset is not None:
            self.step(PublishStep.UPLOADING_FEATURED, 0.72)
            featured = self.media(asset)
        self.step(PublishStep.TERMS, 0.78)
        status = self.status
        if record.published_at is not None:
            if status == PUBLISH and record.published_at > datetime.now(timezone.utc):
                status = FUTURE
        elif status == FUTURE:
            raise SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "a scheduled post needs a publication date: set it in the article's "
                                                   "details")), 400)
        return PostFields(
            title=record.title, html=post_content.with_uploaded_sources(rendered, uploaded) + post_content.marker(record.uuid),
            excerpt=record.excerpt, status=status, tags=tuple(record.tags),
            category=record.category or self.site.default_category, column=record.column, slug=self.slug_to_send(),
            published_at=record.published_at, featured=featured)

    def slug_to_send(self) -> str:
        record = self.record
        if not record.slug:
            return ""
        if self.post is not None and normalise_slug(self.post.slug) == record.slug:
            return ""  # the site's slug, as pulled: sent back it could only change the post's address
        return record.slug

    def media(self, image: ImageFile) -> RemoteMedia:
        """The image on the site, uploaded only if the site does not have it."""
        known = self.links.media(self.site.id, image.sha256)
        if known is not None:
            return known
        name = f"midad-{image.sha256[:24]}"
        media = self.target.find_media(name, image.mime_type)
        if media is None:
            extension = mimetypes.guess_extension(image.mime_type) or ".img"
            media = self.target.upload_media(image.data, name + extension, image.mime_type)
            self.uploaded += 1
        self.links.remember_media(self.site.id, image.sha256, media)
        return media
