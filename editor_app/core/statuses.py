"""An article's workflow status: plain values, importable without SQLAlchemy (the window's
first paint and the records need them; core.models stores them)."""

from __future__ import annotations

from enum import StrEnum


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    READY = "ready"
    PUBLISHED = "published"
    ARCHIVED = "archived"
