"""Importing a site's existing posts as Markdown articles, linked to their remote ids so
that publishing them later updates the same posts. A later pull asks only for posts
modified after a date, and updates the articles it already has (unless changed here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from editor_app.core.errors import EditConflict
from editor_app.core.library import Library
from editor_app.core.models import utc_now
from editor_app.core.paste import html_to_markdown, html_to_text
from editor_app.core.publishing import post_content
from editor_app.core.publishing.links import SyncLinks
from editor_app.core.publishing.sites import SiteRegistry
from editor_app.core.publishing.wordpress import WordPressClient, id_list, raw_text, text_field
from editor_app.core.records import ArticleDraft

STATUS_FROM_SITE = {"publish": "published", "future": "ready", "pending": "in_review", "draft": "draft",
                    "private": "published"}


@dataclass(frozen=True)
class PullReport:
    imported: int
    updated: int
    kept_local: int  # changed here since the last sync: left alone


def _published_at(post: dict) -> datetime | None:
    value = post.get("date_gmt")
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value[:32]).replace(tzinfo=timezone.utc)
    except ValueError:
        return None  # not a date: the article has no publication time rather than no import


def _site_query_date(moment: datetime) -> str:
    """WordPress reads a date without an offset in the site's own time zone: always give one."""
    if moment.tzinfo is None:
        moment = moment.astimezone()  # a date typed by the user is in their time zone
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def pull(library: Library, site_name: str, *, since: datetime | None = None, client: WordPressClient | None = None,
         progress=None) -> PullReport:
    """Posts modified after `since` (default: since the last pull began; the first pull takes all)."""
    sites = SiteRegistry(library.database)
    links = SyncLinks(library.database)
    site = sites.get(site_name)
    started = utc_now()
    since = since or site.last_pulled_at
    own_client = client is None
    client = client or WordPressClient(site.url, site.username, sites.password(site))
    imported = updated = kept = 0
    categories: dict[int, str] = {}
    try:
        for number, post in enumerate(client.posts(modified_after=_site_query_date(since) if since else None), start=1):
            if progress:
                progress(f"post {number}", 0.0)
            raw = raw_text(post, "content")
            body = html_to_markdown(post_content.without_midad_additions(raw)).strip() + "\n"
            title = raw_text(post, "title")
            article_id = links.article_for_post(site.id, post["id"])
            if article_id is None and (marked := post_content.marked_uuid(raw)):
                article_id = library.id_for_uuid(marked)
            if article_id is not None and library.exists(article_id):
                link = links.post(article_id, site.id)
                record = library.get(article_id)
                if link is not None and record.version > link.synced_version:
                    kept += 1
                    continue
                try:
                    record = library.save_text(article_id, title=title, body=body, base_version=record.version)
                except EditConflict:  # edited here while the pull ran: kept, like any local change
                    kept += 1
                    continue
                updated += 1
            else:
                category_ids = id_list(post.get("categories"))[:1]
                if category_ids and category_ids[0] not in categories:
                    # The whole path: a name alone would be published back as a new top-level category.
                    categories[category_ids[0]] = client.category_path(category_ids[0])
                meta = post.get("meta") or {}
                record = library.create(ArticleDraft(
                    title=title, body=body, excerpt=html_to_text(raw_text(post, "excerpt")),
                    slug=text_field(post, "slug"),  # percent-encoded; the library normalises it (core.slugs)
                    tags=tuple(client.term_names("tags", id_list(post.get("tags")))),
                    category=categories.get(category_ids[0]) if category_ids else None,
                    column=text_field(meta, post_content.COLUMN_META) if isinstance(meta, dict) else "",
                    status=STATUS_FROM_SITE.get(text_field(post, "status"), "draft"), published_at=_published_at(post),
                ))
                article_id = record.id
                imported += 1
            links.remember_post(article_id, site.id, remote_id=post["id"], link=text_field(post, "link"),
                                modified_gmt=text_field(post, "modified_gmt")[:32], version=record.version)
    finally:
        if own_client:
            client.close()
    sites.mark_pulled(site.id, started)
    return PullReport(imported, updated, kept)
