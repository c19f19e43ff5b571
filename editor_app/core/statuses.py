"""Plain values of an article's fields (its workflow status, the category path's separator),
importable without SQLAlchemy: the window's first paint, the records and the CLI's quick
reads need them; core.models stores them."""

from __future__ import annotations

from enum import StrEnum


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    READY = "ready"
    PUBLISHED = "published"
    ARCHIVED = "archived"


CATEGORY_SEPARATOR = "/"  # "World/Africa": a category's path, parent first
