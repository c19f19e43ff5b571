"""Search on a newsroom server: the same normalised words as SQLite's FTS5, in a PostgreSQL
tsvector with a GIN index (core.search's SearchIndex interface).

Midad makes the lexemes itself, from the same Arabic normalisation and proclitic variants
as on SQLite (core.search.indexed_fields), and hands PostgreSQL finished tsvector and
tsquery literals: the server's text parser never sees Arabic, so matching does not depend
on the cluster's locale. Two tsvectors per article, each with a GIN index: `document`
(title, tags, excerpt, body, proclitic variants) says whether an article matches;
`heading` (title weighted A, tags and excerpt B, with positions) ranks the matches:
titles first, then the newest; the document keeps no positions, being only matched. Ranking by the heading alone is a measured choice: ts_rank over `document`
must unpack each match's compressed body (about 20 µs each, 30 ms for 1,500 matches),
while the heading stays in the row. Row-level security applies: a writer's search reads
only the articles they may read (through midad_search(), core.server.security).

Why tsvector and not pg_trgm: the query is whole normalised words plus one prefix, which
GIN over lexemes answers exactly (with prefix support and ts_rank), while trigrams would
need a recheck of every candidate and cannot weigh a title above a body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

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
WEIGHTS = "{0.05, 0.1, 0.4, 1.0}"  # ts_rank's D, C, B, A: in the heading, B tags/excerpt, A title
HEADING_FIELDS = (("title", "A"), ("tags", "B"), ("excerpt", "B"))
DOCUMENT_FIELDS = ("title", "tags", "excerpt", "body", "variants")
REBUILD_BATCH = 500
COMMON_SHARE = 10  # a word in 1/10 of the articles or more is "common" (see _common)



def _fold_latin(match: re.Match[str]) -> str:
    """é → e, as FTS5's remove_diacritics does (Arabic is already folded by core.arabic)."""
    return "".join(c for c in unicodedata.normalize("NFKD", match.group()) if not unicodedata.combining(c))


def lexemes(normalised: str) -> list[str]:
    return [word for word in _TOKEN.findall(_LATIN_WITH_MARKS.sub(_fold_latin, normalised)) if len(word) <= MAX_LEXEME]


def tsvector_literal(fields: list[tuple[str, str]]) -> str:
    """'word':1A,5C 'other':2A … from (normalised text, weight) pairs, in that order (the heading:
    small, ranked by ts_rank, which reads positions and weights)."""
    positions: dict[str, list[str]] = {}
    position = 0
    for value, weight in fields:
        for word in lexemes(value):
            position = min(position + 1, MAX_POSITION)
            kept = positions.setdefault(word, [])
            if len(kept) < POSITIONS_KEPT:
                kept.append(f"{position}{weight}")
    return " ".join(f"'{word}':{','.join(kept)}" for word, kept in positions.items())


def lexeme_set_literal(values: list[str]) -> str:
    """'word' 'other' …: the document, only ever matched, never ranked, so without positions:
    a third of the size to send, parse, index and unpack."""
    words: dict[str, None] = {}
    size = 0
    for value in values:
        for word in lexemes(value):
            if word not in words:
                size += len(word.encode()) + 8
                if size > MAX_DOCUMENT:
                    break  # a pathological text: its first words are indexed, the rest is not
                words[word] = None
    return " ".join(f"'{word}'" for word in words)


def tsquery_literal(query: str, *, prefix: bool = True) -> str | None:
    """Every word of the query; the last one (still being typed) as a prefix unless prefix=False."""
    words = lexemes(normalise(query))
    if not words:
        return None
    *whole, last = words
    return " & ".join([*(f"'{word}'" for word in whole), f"'{last}'" + (":*" if prefix else "")])


RANK = f"ts_rank('{WEIGHTS}', s.heading, CAST(:query AS tsquery))"
_MATCHING = ("FROM article_search s JOIN articles a ON a.id = s.article_id "
             "WHERE s.{column} @@ CAST(:query AS tsquery) AND a.trashed_at IS NULL")


@contextmanager
def _reading(session: Session, by_key: bool = False) -> Iterator[None]:
    """Read the matches from the GIN index's bitmap, or (by_key) walk the newest articles by key.

    Never left to the planner: it prices `document @@ query` as cheap, so for a common word it
    would scan the table and test each row, and each test unpacks a compressed document (20 µs:
    seconds over 100,000 articles). A bitmap of the index finds the rows without opening a
    document; walking back by key opens only a few dozen when the word is common (see _common).
    midad_search() does the same on a newsroom server."""
    switched_off = ("enable_seqscan", "enable_bitmapscan" if by_key else "enable_indexscan")
    for setting in switched_off:
        session.execute(text(f"SET LOCAL {setting} = off"))
    try:
        yield
    finally:
        for setting in switched_off:
            session.execute(text(f"RESET {setting}"))


class PostgresSearchIndex:
    def __init__(self) -> None:
        self._has_function: bool | None = None

    def update(self, session: Session, article: Article) -> None:
        fields = search_rules.indexed_fields(article)
        session.execute(
            text("INSERT INTO article_search (article_id, heading, document) "
                 "VALUES (:id, CAST(:heading AS tsvector), CAST(:document AS tsvector)) "
                 "ON CONFLICT (article_id) DO UPDATE SET heading = EXCLUDED.heading, document = EXCLUDED.document"),
            {"id": article.id, "heading": tsvector_literal([(fields[name], weight) for name, weight in HEADING_FIELDS]),
             "document": lexeme_set_literal([fields[name] for name in DOCUMENT_FIELDS])})

    def update_many(self, session: Session, articles) -> None:
        """An import's search rows in one statement (arrays unnested on the server): one round
        trip for the batch instead of one per article."""
        rows = []
        for article in articles:
            fields = search_rules.indexed_fields(article)
            rows.append((article.id, tsvector_literal([(fields[name], weight) for name, weight in HEADING_FIELDS]),
                         lexeme_set_literal([fields[name] for name in DOCUMENT_FIELDS])))
        if not rows:
            return
        ids, headings, documents = (list(column) for column in zip(*rows))
        session.execute(
            text("INSERT INTO article_search (article_id, heading, document) "
                 "SELECT id, CAST(heading AS tsvector), CAST(document AS tsvector) "
                 "FROM unnest(CAST(:ids AS bigint[]), CAST(:headings AS text[]), CAST(:documents AS text[])) "
                 "AS batch(id, heading, document) "
                 "ON CONFLICT (article_id) DO UPDATE SET heading = EXCLUDED.heading, document = EXCLUDED.document"),
            {"ids": ids, "headings": headings, "documents": documents})

    def remove(self, session: Session, article_id: int) -> None:
        session.execute(text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id})

    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]:
        """Best first (lower rank is better, as bm25 on SQLite): by the heading's ts_rank when
        fewer than RANKING_CAP articles match; for a word found nearly everywhere, as on
        SQLite, the articles with it in their heading first, then the newest."""
        expression = tsquery_literal(query)
        if expression is None:
            return []
        cap = search_rules.RANKING_CAP  # read at each call: tests lower it
        # When the whole word already fills the results, the prefix adds nothing one sees.
        exact = tsquery_literal(query, prefix=False)
        if self._count(session, "document", exact) >= limit:
            expression = exact
        matches = self._count(session, "document", expression)
        if matches < cap:
            return self._ranked(session, "document", expression, limit)
        in_heading = self._count(session, "heading", expression)
        if in_heading < cap:
            head = self._ranked(session, "heading", expression, limit)
        else:
            head = [(i, 0.0) for i in self._newest(session, "heading", expression, limit, self._common(session, in_heading))]
        seen = {article_id for article_id, _ in head}
        fill = self._newest(session, "document", expression, limit + len(head), self._common(session, matches))
        return (head + [(article_id, 0.0) for article_id in fill if article_id not in seen])[:limit]

    @staticmethod
    def _common(session: Session, matches: int) -> bool:
        """In a tenth of the articles or more: walking the newest articles back by key and testing
        each finds a page of matches after a few dozen documents, sooner than reading every match."""
        articles = session.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'article_search'::regclass")) or 0
        return matches * COMMON_SHARE >= articles

    def _count(self, session: Session, column: str, expression: str) -> int:
        """How many articles match, from the GIN index alone (trashed and hidden ones too: the
        count only chooses how to rank). Never by testing rows: see _reading."""
        if self._through_function(session):
            return session.scalar(text("SELECT midad_search_count(CAST(:query AS tsquery), :heading)"),
                                  {"query": expression, "heading": column == "heading"}) or 0
        with _reading(session):
            return session.scalar(text(f"SELECT count(*) FROM article_search WHERE {column} @@ CAST(:query AS tsquery)"),
                                  {"query": expression}) or 0

    def _ranked(self, session: Session, column: str, expression: str, limit: int) -> list[tuple[int, float]]:
        rows = self._matches(session, column, expression, limit, ranked=True, by_key=False)
        return [(article_id, -rank) for article_id, rank in rows]

    def _newest(self, session: Session, column: str, expression: str, limit: int, by_key: bool) -> list[int]:
        return [article_id for article_id, _ in self._matches(session, column, expression, limit, False, by_key)]

    def _matches(self, session: Session, column: str, expression: str, limit: int, ranked: bool,
                 by_key: bool) -> list[tuple[int, float]]:
        values = {"query": expression, "limit": limit}
        if self._through_function(session):
            rows = session.execute(text("SELECT article_id, rank FROM midad_search(CAST(:query AS tsquery), :heading, "
                                        ":ranked, :by_key, :limit)"),
                                   {**values, "heading": column == "heading", "ranked": ranked, "by_key": by_key})
            return [(row[0], float(row[1])) for row in rows]
        # Newest by the articles' key: their filters are tested before a document is opened.
        score, order = (RANK, "rank DESC, s.article_id DESC") if ranked else ("0", "a.id DESC")
        statement = text(f"SELECT s.article_id, {score} AS rank {_MATCHING.format(column=column)} ORDER BY {order} "
                         "LIMIT :limit")
        with _reading(session, by_key):
            return [(row[0], float(row[1])) for row in session.execute(statement, values)]

    def _through_function(self, session: Session) -> bool:
        """On a newsroom set up by `midad server init`, search goes through midad_search()
        (core.server.security): row-level security would keep PostgreSQL from using the GIN
        index (its @@ operator is not LEAKPROOF), so the function applies the same visibility
        rule itself. A PostgreSQL database used by one person has no policies and no function."""
        if self._has_function is None:
            self._has_function = bool(session.scalar(text(
                "SELECT to_regprocedure('midad_search(tsquery, boolean, boolean, boolean, integer)') IS NOT NULL")))
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
