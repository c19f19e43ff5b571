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
from functools import lru_cache
from typing import Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from editor_app.core.arabic import loose_word_pattern, normalise
from editor_app.core.models import Article

_TOKEN = re.compile(r"\w+")
# Only before the article: و/ف + ب/ك/ل + ال, or و/ف + لل ("للأمن"). Stripping a bare و
# would turn وزارة into زارة; the definite forms are what a search for "الإرهاب" must reach.
_PROCLITICS = re.compile(r"^(?:[وف]?لل(?=..)|[وف]?[بكل]?ال(?=..))")
SNIPPET_BEFORE, SNIPPET_AFTER = 30, 110  # the match stays visible where the list elides
# bm25 weights for title, excerpt, tags, body, variants.
WEIGHTS = (10.0, 4.0, 6.0, 1.0, 0.5)
RANKING_CAP = 1500
TRASH_MARGIN = 20  # a few extra candidates, so trashed articles can be dropped afterwards


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


# The same rule as _PROCLITICS, run over a whole text at once (C speed on a long body).
_DEFINITE_WITH_PROCLITIC = re.compile(r"(?<!\w)(?:[وف]?لل|[وف]?[بكل]?ال)(\w{2,})")
_BARE_DEFINITE = re.compile(r"(?<!\w)ال(\w{2,})")


def indexed_fields(article: Article) -> dict[str, str]:
    title = normalise(article.title)
    excerpt = normalise(article.excerpt)
    tags = normalise(" ".join(link.tag.name for link in article.tag_links))
    body = normalise(article.body)
    everything = " ".join((title, excerpt, tags, body))
    stems = set(_DEFINITE_WITH_PROCLITIC.findall(everything))
    # "ال" + stem only where the text had a proclitic before it (والارهاب → الارهاب).
    bare = set(_BARE_DEFINITE.findall(everything))
    variants = sorted(stems) + sorted("ال" + stem for stem in stems - bare)
    return {"title": title, "excerpt": excerpt, "tags": tags, "body": body, "variants": " ".join(variants)}


def match_expression(query: str, *, prefix: bool = True) -> str | None:
    """FTS5 query: every word of the query, normalised; the last one (still being typed)
    as a prefix unless prefix=False. None if no words. A prefix on every word would make
    common words expand to thousands of terms, and a search over 100,000 articles slow."""
    words = _TOKEN.findall(normalise(query))
    if not words:
        return None
    *whole, last = words
    return " ".join([*(f'"{word}"' for word in whole), f'"{last}"*' if prefix else f'"{last}"'])


@lru_cache(maxsize=256)
def _snippet_pattern(query: str) -> re.Pattern[str] | None:
    words = sorted(_TOKEN.findall(normalise(query)), key=len, reverse=True)
    stems = [_PROCLITICS.sub("", word) or word for word in words]
    alternatives = [loose_word_pattern(word) for word in dict.fromkeys(words + stems) if word]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def snippet(body: str, query: str) -> str:
    """A short extract of the original text around the first match of a query word."""
    flat = " ".join(body.split())
    pattern = _snippet_pattern(query)
    match = pattern.search(flat) if pattern is not None else None
    if match is None:
        size = SNIPPET_BEFORE + SNIPPET_AFTER
        return flat[:size].strip() + ("…" if len(flat) > size else "")
    start = max(0, match.start() - SNIPPET_BEFORE)
    end = min(len(flat), match.end() + SNIPPET_AFTER)
    if start > 0:
        start = flat.find(" ", start) + 1 or start
    if end < len(flat):
        space = flat.rfind(" ", 0, end)
        end = space if space > match.end() else end
    return ("…" if start > 0 else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


class SearchIndex(Protocol):
    def update(self, session: Session, article: Article) -> None: ...
    def remove(self, session: Session, article_id: int) -> None: ...
    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]: ...
    def rebuild_if_behind(self, session: Session) -> int: ...
    def tidy(self, session: Session, pages: int) -> None: ...


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
        """Best first. bm25 reads each match's column sizes, which costs a lookup per match:
        fine for a few thousand, not for a word that is in every article. So bm25 ranks a
        query only when it matches fewer than RANKING_CAP articles; for a very common
        word, the articles with it in their title come first (ranked when few), then the
        others newest first, which FTS5 walks without touching the sizes."""
        expression = match_expression(query)
        if expression is None:
            return []
        # FTS5 gathers the postings of every term under a prefix before it can rank or
        # stop: for a common word ("الأمن*": الأمنية، الأمني...) that is most of the index.
        # When the whole word already fills the results, the prefix adds nothing one sees.
        exact = match_expression(query, prefix=False)
        newest = self._newest(session, exact, RANKING_CAP)
        if len(newest) >= limit + TRASH_MARGIN:
            expression = exact
        else:
            newest = self._newest(session, expression, RANKING_CAP)
        if len(newest) < RANKING_CAP:
            ranked = self._bm25(session, expression, limit + TRASH_MARGIN)
        else:
            in_title = f"{{title}} : ({expression})"
            titled = self._newest(session, in_title, RANKING_CAP)
            head = self._bm25(session, in_title, limit + TRASH_MARGIN) if len(titled) < RANKING_CAP else [(i, 0.0) for i in titled]
            seen = {article_id for article_id, _ in head}
            fill = newest if len(newest) >= limit + TRASH_MARGIN + len(head) else \
                self._newest(session, expression, limit + TRASH_MARGIN + len(head))
            ranked = head + [(article_id, 0.0) for article_id in fill if article_id not in seen]
        candidates = ranked[: limit + TRASH_MARGIN]
        trashed = set(session.scalars(
            select(Article.id).where(Article.id.in_([i for i, _ in candidates]), Article.trashed_at.is_not(None))
        ))
        return [(article_id, rank) for article_id, rank in candidates if article_id not in trashed][:limit]

    @staticmethod
    def _newest(session: Session, expression: str, cap: int) -> list[int]:
        rows = session.execute(
            text("SELECT rowid FROM article_search WHERE article_search MATCH :expression ORDER BY rowid DESC LIMIT :cap"),
            {"expression": expression, "cap": cap},
        )
        return [row[0] for row in rows]

    @staticmethod
    def _bm25(session: Session, expression: str, limit: int) -> list[tuple[int, float]]:
        weights = ", ".join(str(weight) for weight in WEIGHTS)
        rows = session.execute(
            text(f"SELECT rowid, bm25(article_search, {weights}) AS rank FROM article_search "
                 "WHERE article_search MATCH :expression ORDER BY rank LIMIT :limit"),
            {"expression": expression, "limit": limit},
        )
        return [(row[0], row[1]) for row in rows]

    def tidy(self, session: Session, pages: int) -> None:
        """Merge index segments (automerge is off so that saves stay fast): run when idle."""
        session.execute(text("INSERT INTO article_search (article_search, rank) VALUES ('merge', :pages)"),
                        {"pages": pages})

    def rebuild_if_behind(self, session: Session) -> int:
        """Index any article the index does not have (an upgraded database); returns how many."""
        articles = session.scalar(text("SELECT count(*) FROM articles")) or 0
        indexed = session.scalar(text("SELECT count(*) FROM article_search_docsize")) or 0
        if articles == indexed:
            return 0  # counting both is cheap; the full comparison below is not
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

    def tidy(self, session: Session, pages: int) -> None:
        return None


def search_index_for(dialect_name: str) -> SearchIndex:
    return SqliteSearchIndex() if dialect_name == "sqlite" else ScanSearchIndex()
