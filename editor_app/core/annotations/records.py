"""Immutable records of comments and suggestions (they cross threads, like core.records)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from editor_app.core.annotations.anchors import Anchor


@dataclass(frozen=True)
class MessageRecord:
    id: int
    author: str  # login
    author_name: str  # display name on a newsroom server, else the login
    body: str
    mentions: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class ThreadRecord:
    id: int
    article_id: int
    anchor: Anchor  # in the article's accepted text
    resolved: bool
    resolved_by: str
    resolved_at: datetime | None
    created_by: str
    created_by_name: str
    created_at: datetime
    messages: tuple[MessageRecord, ...]

    def to_json_dict(self) -> dict:
        return {
            "id": self.id, "quote": self.anchor.quote, "start": self.anchor.start, "end": self.anchor.end,
            "orphaned": self.anchor.orphaned, "resolved": self.resolved, "resolved_by": self.resolved_by,
            "created_by": self.created_by, "created_at": self.created_at.isoformat(),
            "messages": [{"id": m.id, "author": m.author, "body": m.body, "mentions": list(m.mentions),
                          "created_at": m.created_at.isoformat()} for m in self.messages],
        }


@dataclass(frozen=True)
class SuggestionRecord:
    id: int
    article_id: int
    kind: str  # "insert" or "delete"
    anchor: Anchor  # an insertion: the point where anchor.quote goes; a deletion: the text it removes
    author: str
    author_name: str
    created_at: datetime
    state: str
    decided_by: str
    decided_at: datetime | None

    @property
    def text(self) -> str:
        return self.anchor.quote
