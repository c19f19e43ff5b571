"""Search on a newsroom server: the same normalised words as SQLite's FTS5, in a PostgreSQL
tsvector with a GIN index (core.search's SearchIndex interface).

Midad makes the lexemes itself, from the same Arabic normalisation and proclitic variants
as on SQLite (core.search.indexed_fields), and hands PostgreSQL finished tsvector and
tsquery literals: the server's text parser never sees Arabic, so matching does not depend
on the cluster's locale. Weights: title A, tags and excerpt B, body C, variants D; the
title also has its own small tsvector, so that a word found everywhere still lists the
articles with it in their title first. Row-level security applies: a writer's search
reads only the articles they may read.

Why tsvector and not pg_trgm: the query is whole normalised words plus one prefix, which
GIN over lexemes answers exactly (with prefix support and ts_rank), while trigrams would
need a recheck of every candidate and cannot weigh a title above a body.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from editor_app.core import search as search_rules
from editor_app.core.arabic import normalise
from editor_app.core.models import Article

_TOKEN = re.compile(r"[^\W_]+")  # as FTS5's unicode61: letters and digits
_LATIN_WITH_MARKS = re.compile(r"[\u00c0-\u024f]+")
# PostgreSQL's limits: 2 KB per lexeme, 16383 as the highest position, 1 MB per tsvector.
MAX_LEXEME = 500
MAX_POSITION = 16383
POSITIONS_KEPT = 16  # enough for ranking; a word said 500 times needs no 500 positions
MAX_DOCUMENT = 900_000
WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"  # D variants, C body, B tags/excerpt, A title
FIELD_WEIGHTS = (("title", "A"), ("tags", "B"), ("excerpt", "B"), ("body", "C"), ("variants", "D"))
REBUILD_BATCH = 500


def _fold_latin(match: re.Match[str]) -> str:
    """é → e, as FTS5's remove_diacritics does (Arabic is already folded by core.arabic)."""
    return "".join(c for c in unicodedata.normalize("NFKD", match.group()) if not unicodedata.combining(c))


def lexemes(normalised: str) -> list[str]:
    return [word for word in _TOKEN.findall(_LATIN_WITH_MARKS.sub(_fold_latin, normalised)) if len(word) <= MAX_LEXEME]


def tsvector_literal(fields: list[tuple[str, str]]) -> str:
    """'word':1A,5C 'other':2A … from (normalised text, weight) pairs, in that order."""
    positions: dict[str, list[str]] = {}
    position = 0
    size = 0
    for value, weight in fields:
        for word in lexemes(value):
            position = min(position + 1, MAX_POSITION)
            kept = positions.get(word)
            if kept is None:
                size += len(word.encode()) + 16
                if size > MAX_DOCUMENT:
                    continue  # a pathological text: its first words are indexed, the rest is not
                positions[word] = kept = []
            if len(kept) < POSITIONS_KEPT:
                kept.append(f"{position}{weight}")
    return " ".join(f"'{word}':{','.join(kept)}" for word, kept in positions.items())


def tsquery_literal(query: str, *, prefix: bool = True) -> str | None:
    """Every word of the query; the last one (still being typed) as a prefix unless prefix=False."""
    words = lexemes(normalise(query))
    if not words:
        return None
    *whole, last = words
    return " & ".join([*(f"'{word}'" for word in whole), f"'{last}'" + (":*" if prefix else "")])


RANK = f"ts_rank('{WEIGHTS}', s.document, CAST(:query AS tsquery))"
_MATCHING = ("FROM article_search s JOIN articles a ON a.id = s.article_id "
             "WHERE s.{column} @@ CAST(:query AS tsquery) AND a.trashed_at IS NULL")


class PostgresSearchIndex:
    def __init__(self) -> None:
        self._has_function: bool | None = None

    def update(self, session: Session, article: Article) -> None:
        fields = search_rules.indexed_fields(article)
        session.execute(
            text("INSERT INTO article_search (article_id, title, document) "
                 "VALUES (:id, CAST(:title AS tsvector), CAST(:document AS tsvector)) "
                 "ON CONFLICT (article_id) DO UPDATE SET title = EXCLUDED.title, document = EXCLUDED.document"),
            {"id": article.id, "title": tsvector_literal([(fields["title"], "A")]),
             "document": tsvector_literal([(fields[name], weight) for name, weight in FIELD_WEIGHTS])})

    def remove(self, session: Session, article_id: int) -> None:
        session.execute(text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id})

    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]:
        """Best first (lower rank is better, as bm25 on SQLite). ts_rank reads each match's
        document: fine for a few thousand, not for a word found in every article. Then, as on
        SQLite, the articles with the word in their title come first, then the newest."""
        expression = tsquery_literal(query)
        if expression is None:
            return []
        cap = search_rules.RANKING_CAP  # read at each call: tests lower it
        # When the whole word already fills the results, the prefix adds nothing one sees.
        exact = tsquery_literal(query, prefix=False)
        if self._count(session, "document", exact, limit) >= limit:
            expression = exact
        if self._count(session, "document", expression, cap) < cap:
            return self._ranked(session, "document", expression, limit)
        if self._count(session, "title", expression, cap) < cap:
            head = self._ranked(session, "title", expression, limit)
        else:
            head = [(article_id, 0.0) for article_id in self._newest(session, "title", expression, limit)]
        seen = {article_id for article_id, _ in head}
        fill = self._newest(session, "document", expression, limit + len(head))
        return (head + [(article_id, 0.0) for article_id in fill if article_id not in seen])[:limit]

    def _count(self, session: Session, column: str, expression: str, cap: int) -> int:
        if self._through_function(session):
            return session.scalar(text("SELECT midad_search_count(CAST(:query AS tsquery), :title, :cap)"),
                                  {"query": expression, "title": column == "title", "cap": cap}) or 0
        return session.scalar(text(f"SELECT count(*) FROM (SELECT 1 {_MATCHING.format(column=column)} LIMIT :cap) m"),
                              {"query": expression, "cap": cap}) or 0

    def _ranked(self, session: Session, column: str, expression: str, limit: int) -> list[tuple[int, float]]:
        return [(article_id, -rank) for article_id, rank in self._matches(session, column, expression, limit, True)]

    def _newest(self, session: Session, column: str, expression: str, limit: int) -> list[int]:
        return [article_id for article_id, _ in self._matches(session, column, expression, limit, False)]

    def _matches(self, session: Session, column: str, expression: str, limit: int,
                 ranked: bool) -> list[tuple[int, float]]:
        values = {"query": expression, "limit": limit}
        if self._through_function(session):
            rows = session.execute(text("SELECT article_id, rank FROM midad_search(CAST(:query AS tsquery), :title, "
                                        ":ranked, :limit)"), {**values, "title": column == "title", "ranked": ranked})
        elif ranked:
            rows = session.execute(text(f"SELECT s.article_id, {RANK} AS rank {_MATCHING.format(column=column)} "
                                        "ORDER BY rank DESC, s.article_id DESC LIMIT :limit"), values)
        else:
            rows = session.execute(text(f"SELECT s.article_id, 0 {_MATCHING.format(column=column)} "
                                        "ORDER BY s.article_id DESC LIMIT :limit"), values)
        return [(row[0], float(row[1])) for row in rows]

    def _through_function(self, session: Session) -> bool:
        """On a newsroom set up by `midad server init`, search goes through midad_search()
        (core.server.security): row-level security would keep PostgreSQL from using the GIN
        index (its @@ operator is not LEAKPROOF), so the function applies the same visibility
        rule itself. A PostgreSQL database used by one person has no policies and no function."""
        if self._has_function is None:
            self._has_function = bool(session.scalar(text(
                "SELECT to_regprocedure('midad_search(tsquery, boolean, boolean, integer)') IS NOT NULL")))
        return self._has_function

    def tidy(self, session: Session, pages: int) -> None:
        return None  # GIN's pending list is merged by autovacuum

    def rebuild_if_behind(self, session: Session) -> int:
        """Index the articles the index does not have (a database upgraded to the server's index)."""
        missing = list(session.scalars(text(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id)")))
        for start in range(0, len(missing), REBUILD_BATCH):
            for article in session.scalars(select(Article).where(Article.id.in_(missing[start:start + REBUILD_BATCH]))):
                self.update(session, article)
        return len(missing)
