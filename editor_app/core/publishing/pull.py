"""Importing a site's existing posts as Markdown articles, linked to their remote ids so
that publishing them later updates the same posts. A later pull asks only for posts
modified after a date, and updates the articles it already has (unless changed here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from editor_app.core.errors import EditConflict
from editor_app.core.library import Library
from editor_app.core.models import utc_now
from editor_app.core.paste import html_to_markdown
from editor_app.core.publishing import post_content
from editor_app.core.publishing.links import SyncLinks
from editor_app.core.publishing.sites import SiteRegistry
from editor_app.core.publishing.target import Progress, ProgressReport, PublishStep, PublishTarget
from editor_app.core.publishing.targets import open_target
from editor_app.core.records import ArticleDraft

STATUS_FROM_SITE = {"publish": "published", "future": "ready", "pending": "in_review", "draft": "draft",
                    "private": "published"}


@dataclass(frozen=True)
class PullReport:
    imported: int
    updated: int
    kept_local: int  # changed here since the last sync: left alone


def pull(library: Library, site_name: str, *, since: datetime | None = None, target: PublishTarget | None = None,
         progress: ProgressReport | None = None) -> PullReport:
    """Posts modified after `since` (default: since the last pull began; the first pull takes all)."""
    sites = SiteRegistry(library.database)
    links = SyncLinks(library.database)
    site = sites.get(site_name)
    started = utc_now()
    since = since or site.last_pulled_at
    if since is not None and since.tzinfo is None:
        since = since.astimezone()  # a date typed by the user is in their time zone
    own_target = target is None
    target = target or open_target(site, sites.secret(site))
    imported = updated = kept = 0
    try:
        for number, post in enumerate(target.pull(since), start=1):
            if progress:
                progress(Progress(PublishStep.PULLING, 0.0, number))
            body = html_to_markdown(post_content.without_midad_additions(post.html)).strip() + "\n"
            article_id = links.article_for_post(site.id, post.id)
            if article_id is None and (marked := post_content.marked_uuid(post.html)):
                article_id = library.id_for_uuid(marked)
            if article_id is not None and library.exists(article_id):
                link = links.post(article_id, site.id)
                if link is not None and link.remote_id == post.id and link.remote_version == post.version:
                    continue  # unchanged on the site since the last sync (asked again: dates are to the second)
                record = library.get(article_id)
                if link is not None and record.version > link.synced_version:
                    kept += 1
                    continue
                try:
                    record = library.save_text(article_id, title=post.title, body=body, base_version=record.version)
                except EditConflict:  # edited here while the pull ran: kept, like any local change
                    kept += 1
                    continue
                updated += 1
            else:
                record = library.create(ArticleDraft(
                    title=post.title, body=body, excerpt=post.excerpt,
                    slug=post.slug,  # maybe percent-encoded; the library normalises it (core.slugs)
                    tags=post.tags, category=post.category or None,
                    column=post.column or post_content.column_label(post.html),
                    status=STATUS_FROM_SITE.get(post.status, "draft"), published_at=post.published_at,
                ))
                article_id = record.id
                imported += 1
            links.remember_post(article_id, site.id, remote_id=post.id, link=post.link, version=post.version,
                                synced_version=record.version)
    finally:
        if own_target:
            target.close()
    sites.mark_pulled(site.id, started)
    return PullReport(imported, updated, kept)
