"""Full-text search that ignores diacritics, tatweel and letter variants, ranked, with snippets.

The index holds normalised text (core.arabic), so `الارهاب` finds `الإرهاب` and
`مكافحه` finds `مُكافحة`; every word is also indexed without its attached
proclitics (و ف ب ك ل and ال), so `الإرهاب` finds `والإرهاب`. The words of a query
match as prefixes. On SQLite the index is FTS5, ranked by bm25 with the title
weighing most; the core keeps it in step on every save. Other databases get a
plain scan behind the same interface until they provide their own index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from editor_app.core.arabic import normalise
from editor_app.core.find import FindOptions, find_all
from editor_app.core.models import Article

_TOKEN = re.compile(r"\w+")
# Only before the article: و/ف + ب/ك/ل + ال, or و/ف + لل ("للأمن"). Stripping a bare و
# would turn وزارة into زارة; the definite forms are what a search for "الإرهاب" must reach.
_PROCLITICS = re.compile(r"^(?:[وف]?لل(?=..)|[وف]?[بكل]?ال(?=..))")
SNIPPET_RADIUS = 70
# bm25 weights for title, excerpt, tags, body, variants.
WEIGHTS = (10.0, 4.0, 6.0, 1.0, 0.5)


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    snippet: str
    rank: float

    def to_json_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "snippet": self.snippet}


def proclitic_variants(words: Iterable[str]) -> list[str]:
    """Forms of Arabic words without attached و ف ب ك ل ال (light stemming, no dictionary)."""
    variants = []
    for word in words:
        stripped = _PROCLITICS.sub("", word)
        if stripped != word:
            variants.append(stripped)  # ارهاب
            if word[:2] != "ال":
                variants.append("ال" + stripped)  # والارهاب → الارهاب
    return variants


def indexed_fields(article: Article) -> dict[str, str]:
    title = normalise(article.title)
    excerpt = normalise(article.excerpt)
    tags = normalise(" ".join(link.tag.name for link in article.tag_links))
    body = normalise(article.body)
    words = _TOKEN.findall(" ".join((title, excerpt, tags, body)))
    return {"title": title, "excerpt": excerpt, "tags": tags, "body": body,
            "variants": " ".join(dict.fromkeys(proclitic_variants(words)))}


def match_expression(query: str) -> str | None:
    """FTS5 query: every word of the query, normalised, as a prefix; None if no words."""
    words = _TOKEN.findall(normalise(query))
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def snippet(body: str, query: str, radius: int = SNIPPET_RADIUS) -> str:
    """A short extract of the original text around the first match of a query word."""
    words = sorted(_TOKEN.findall(query), key=len, reverse=True)
    flat = " ".join(body.split())
    for word in words:
        matches = find_all(flat, word, FindOptions())
        if not matches:
            matches = find_all(flat, _PROCLITICS.sub("", normalise(word)) or word, FindOptions())
        if matches:
            start = max(0, matches[0].start - radius)
            end = min(len(flat), matches[0].end + radius)
            if start > 0:
                start = flat.find(" ", start) + 1 or start
            if end < len(flat):
                end = flat.rfind(" ", 0, end) if flat.rfind(" ", 0, end) > matches[0].end else end
            return ("…" if start > 0 else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")
    return flat[: 2 * radius].strip() + ("…" if len(flat) > 2 * radius else "")


class SearchIndex(Protocol):
    def update(self, session: Session, article: Article) -> None: ...
    def remove(self, session: Session, article_id: int) -> None: ...
    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]: ...
    def rebuild_if_behind(self, session: Session) -> int: ...


class SqliteSearchIndex:
    def update(self, session: Session, article: Article) -> None:
        fields = indexed_fields(article)
        session.execute(text("DELETE FROM article_search WHERE rowid = :id"), {"id": article.id})
        session.execute(
            text("INSERT INTO article_search (rowid, title, excerpt, tags, body, variants) "
                 "VALUES (:id, :title, :excerpt, :tags, :body, :variants)"),
            {"id": article.id, **fields},
        )

    def remove(self, session: Session, article_id: int) -> None:
        session.execute(text("DELETE FROM article_search WHERE rowid = :id"), {"id": article_id})

    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]:
        expression = match_expression(query)
        if expression is None:
            return []
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        rows = session.execute(
            text(
                f"SELECT s.rowid, bm25(article_search, {weights}) AS rank FROM article_search AS s "
                "JOIN articles AS a ON a.id = s.rowid "
                "WHERE article_search MATCH :expression AND a.trashed_at IS NULL "
                "ORDER BY rank LIMIT :limit"
            ),
            {"expression": expression, "limit": limit},
        )
        return [(row[0], row[1]) for row in rows]

    def rebuild_if_behind(self, session: Session) -> int:
        """Index any article the index does not have (an upgraded database); returns how many."""
        missing = list(session.scalars(text("SELECT id FROM articles WHERE id NOT IN (SELECT rowid FROM article_search)")))
        for article in session.scalars(select(Article).where(Article.id.in_(missing))) if missing else ():
            self.update(session, article)
        return len(missing)


class ScanSearchIndex:
    """For databases without FTS5: normalises and scans in Python (fine for small libraries)."""

    def update(self, session: Session, article: Article) -> None:
        return None

    def remove(self, session: Session, article_id: int) -> None:
        return None

    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]:
        words = _TOKEN.findall(normalise(query))
        if not words:
            return []
        scored = []
        for article in session.scalars(select(Article).where(Article.trashed_at.is_(None))):
            fields = indexed_fields(article)
            haystack = " ".join(fields.values())
            if all(re.search(rf"(?<!\w){re.escape(word)}", haystack) for word in words):
                score = sum(10 * fields["title"].count(word) + fields["body"].count(word) for word in words)
                scored.append((article.id, -float(score)))
        return sorted(scored, key=lambda item: item[1])[:limit]

    def rebuild_if_behind(self, session: Session) -> int:
        return 0


def search_index_for(dialect_name: str) -> SearchIndex:
    return SqliteSearchIndex() if dialect_name == "sqlite" else ScanSearchIndex()
