"""An article as sync exchanges it: a plain dict of the fields both sides hold (names for
author, category and tags, ISO dates), its checksum, and writing one onto an ORM Article.

Ids stay local (each database numbers its own rows); the uuid is the article's identity."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy.orm import Session, object_session

from editor_app.core.models import Article, ArticleTag, Revision
from editor_app.core.sync.asset_files import asset_id_for, assets_of, local_text, shared_text
from editor_app.core.vocabulary import Vocabulary

# Copied both ways. created_by is the server's word (its trigger sets it): pulled, never pushed.
SHARED_FIELDS = ("title", "body", "column", "slug", "excerpt", "status", "locale", "published_at", "trashed_at",
                 "author", "category", "tags", "assigned_to", "notes", "featured_caption", "featured_image", "assets")
PULLED_ONLY = ("created_by",)
TEXT_FIELDS = ("title", "body")


def article_snapshot(article: Article, assets: dict[int, str] | None = None) -> dict:
    """`assets`: the article's {asset id: sha256} when already read (a page of articles at once)."""
    if assets is None:
        assets = assets_of(object_session(article), [article.id]).get(article.id, {})
    return {
        "title": article.title, "body": shared_text(article.body, assets), "column": article.column or "", "slug": article.slug or "",
        "excerpt": article.excerpt or "", "status": article.status, "locale": article.locale,
        "published_at": _iso(article.published_at), "trashed_at": _iso(article.trashed_at),
        "author": article.author.name if article.author else None,
        "category": article.category.path if article.category else None,
        "tags": [link.tag.name for link in article.tag_links],
        "assigned_to": article.assigned_to, "notes": article.notes or "",
        "featured_caption": article.featured_caption or "", "created_by": article.created_by or "",
        # Images by content (core.sync.asset_files): the featured one, and all the article holds.
        "featured_image": assets.get(article.featured_asset_id) if article.featured_asset_id else None,
        "assets": sorted(set(assets.values())),
    }


def checksum(snapshot: dict) -> str:
    """The same for the same content on any side (what the fault tests compare)."""
    shared = {name: snapshot.get(name) for name in (*SHARED_FIELDS, *PULLED_ONLY)}
    return hashlib.sha256(json.dumps(shared, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def dumps(snapshot: dict | None) -> str:
    return "" if snapshot is None else json.dumps(snapshot, ensure_ascii=False, sort_keys=True)


def loads(text: str) -> dict | None:
    return json.loads(text) if text else None


def changed_fields(base: dict | None, mine: dict) -> dict:
    """The shared fields `mine` changed since `base` (all of them for an article new to the server)."""
    if base is None:
        return {name: mine[name] for name in SHARED_FIELDS}
    return {name: mine[name] for name in SHARED_FIELDS if mine.get(name) != base.get(name)}


def write_fields(session: Session, article: Article, fields: dict) -> None:
    """Set the given snapshot fields on an Article (vocabulary created on first use). Images
    must be stored first (core.sync.asset_files.store_files): the body and the featured image
    name them by this side's ids; the list of assets itself only grows, by store_files."""
    vocabulary = Vocabulary(session)  # the library's race-safe get-or-create
    for name, value in fields.items():
        if name == "assets":
            continue
        if name == "body":
            article.body = local_text(session, article.id, value)
        elif name == "featured_image":
            article.featured_asset_id = asset_id_for(session, article.id, value)
        elif name == "author":
            article.author = vocabulary.author(value)
        elif name == "category":
            article.category = vocabulary.category(value)
        elif name == "tags":
            wanted = list(value or [])
            if [link.tag.name for link in article.tag_links] != wanted:
                article.tag_links = [ArticleTag(tag=vocabulary.tag(tag), position=index)
                                     for index, tag in enumerate(wanted)]
        elif name in ("published_at", "trashed_at"):
            setattr(article, name, _from_iso(value))
        elif name in SHARED_FIELDS or name in PULLED_ONLY:
            setattr(article, name, value)


def revision_values(revision: Revision) -> dict:
    body = revision.body
    if "asset:" in body:
        body = shared_text(body, assets_of(object_session(revision), [revision.article_id])[revision.article_id])
    return {"id": revision.id, "created_at": _iso(revision.created_at), "reason": revision.reason,
            "status": revision.status, "title": revision.title, "body": body,
            "word_count": revision.word_count, "created_by": revision.created_by or ""}


def new_revision(session: Session, article_id: int, values: dict) -> Revision:
    return Revision(article_id=article_id, created_at=_from_iso(values["created_at"]), reason=values["reason"],
                    status=values["status"], title=values["title"], body=local_text(session, article_id, values["body"]),
                    word_count=values["word_count"], created_by=values.get("created_by", ""))


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)
