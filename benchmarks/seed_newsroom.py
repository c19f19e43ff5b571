"""Seeding a benchmark newsroom fast: generated Arabic articles straight into PostgreSQL with COPY.

The app imports through the ORM at about 60 articles/s (a flush per batch, one search row
literal per article), which is 30 minutes for 100,000. Here the rows are made in Python and
streamed with psycopg's COPY: `articles` and `article_tags` as the app would store them
(authors, categories and tags made by the app's own Vocabulary; the server's triggers still set
who and the sync sequence), and `article_search` from the very functions the app's
PostgresSearchIndex.update_many uses (core.search.indexed_fields, tsvector_literal,
lexeme_set_literal). check_against_app() proves the two paths write the same rows.
Only for benchmarks: nothing of the app calls this.
"""

from __future__ import annotations

import multiprocessing
import random
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from types import SimpleNamespace

from benchmarks.bench_library import BATCH, generate
from editor_app.core import search as search_rules
from editor_app.core.library import Library, _validated
from editor_app.core.records import ArticleDraft
from editor_app.core.server.search import DOCUMENT_FIELDS, HEADING_FIELDS, lexeme_set_literal, tsvector_literal
from editor_app.core.storage import Database
from editor_app.core.vocabulary import Vocabulary

ARTICLE_COLUMNS = ("uuid", "title", "column", "author_id", "category_id", "slug", "excerpt", "body", "status",
                   "locale", "published_at", "created_at", "updated_at", "version")
QUOTED_COLUMNS = ", ".join(f'"{name}"' for name in ARTICLE_COLUMNS)  # "column" is a keyword


@dataclass
class Names:
    """Ids of the authors, categories and tags, made once through the app's Vocabulary."""
    authors: dict[str, int]
    categories: dict[str, int]
    tags: dict[str, int]


def _names(database: Database, drafts: list[ArticleDraft], names: Names | None = None) -> Names:
    """The ids of the drafts' names, adding the ones `names` does not know yet."""
    names = names or Names({}, {}, {})
    with database.transaction() as session:
        vocabulary = Vocabulary(session)
        for draft in drafts:
            if draft.author and draft.author not in names.authors:
                names.authors[draft.author] = vocabulary.author(draft.author).id
            if draft.category and draft.category not in names.categories:
                names.categories[draft.category] = vocabulary.category(draft.category).id
            for tag in draft.tags:
                if tag not in names.tags:
                    names.tags[tag] = vocabulary.tag(tag).id
        session.flush()
    return names


def _search_row(draft: ArticleDraft) -> tuple[str, str]:
    """The heading and document literals update_many would write for this draft."""
    shaped = SimpleNamespace(title=draft.title, excerpt=draft.excerpt, body=draft.body,
                             tag_links=[SimpleNamespace(tag=SimpleNamespace(name=tag)) for tag in draft.tags])
    fields = search_rules.indexed_fields(shaped)
    return (tsvector_literal([(fields[name], weight) for name, weight in HEADING_FIELDS]),
            lexeme_set_literal([fields[name] for name in DOCUMENT_FIELDS]))


def _search_rows(drafts: list[ArticleDraft]) -> list[tuple[str, str]]:
    return [_search_row(draft) for draft in drafts]


def copy_drafts(database: Database, drafts: list[ArticleDraft], search_rows: list[tuple[str, str]] | None = None,
                names: Names | None = None) -> list[int]:
    """Store the drafts as an import would, by COPY, in one transaction per call; their ids.
    search_rows: _search_rows(drafts) when already made (by another process)."""
    drafts = [_validated(draft) for draft in drafts]
    if search_rows is None:
        search_rows = _search_rows(drafts)
    names = _names(database, drafts, names)
    now = datetime.now(timezone.utc)
    raw = database.engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            cursor.execute("SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, %s)",
                           (len(drafts),))
            ids = [row[0] for row in cursor.fetchall()]
            with cursor.copy(f"COPY articles (id, {QUOTED_COLUMNS}) FROM STDIN") as copy:
                for article_id, draft in zip(ids, drafts):
                    copy.write_row((article_id, str(uuid.uuid4()), draft.title, draft.column,
                                    names.authors.get(draft.author), names.categories.get(draft.category),
                                    draft.slug, draft.excerpt, draft.body, draft.status, draft.locale,
                                    draft.published_at, now, now, 1))
            with cursor.copy("COPY article_tags (article_id, tag_id, position) FROM STDIN") as copy:
                for article_id, draft in zip(ids, drafts):
                    for position, tag in enumerate(draft.tags):
                        copy.write_row((article_id, names.tags[tag], position))
            with cursor.copy("COPY article_search (article_id, heading, document) FROM STDIN") as copy:
                for article_id, (heading, document) in zip(ids, search_rows):
                    copy.write_row((article_id, heading, document))
        raw.commit()
    finally:
        raw.close()
    return ids


def _made(batch_number: int) -> tuple[list[ArticleDraft], list[tuple[str, str]]]:
    """One batch of drafts and their search rows (in a worker process: 4 ms of Python each)."""
    drafts = [_validated(draft) for draft in next(generate(BATCH, random.Random(7000 + batch_number)))]
    return drafts, _search_rows(drafts)


def seed(database: Database, count: int, distinct: int, processes: int = 2) -> tuple[int, float]:
    """COPY `count` articles (a multiple of 1,000) made of `distinct` generated ones, each stored
    count/distinct times (making a 600-word article's search rows costs 4–8 ms of Python: 100,000
    distinct ones would take a shared machine half an hour); (how many, seconds). Worker processes
    make the drafts and their search rows while this one copies; the GIN indexes of the search
    rows are built once at the end (as CREATE INDEX does fastest), then ANALYZE."""
    start = time.perf_counter()
    stored = 0
    names = None
    copies = max(1, count // max(distinct, BATCH))
    indexes = _drop_search_indexes(database)
    try:
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            for drafts, search_rows in pool.imap(_made, range(count // BATCH // copies)):
                names = _names(database, drafts, names)
                for _ in range(copies):
                    stored += len(copy_drafts(database, drafts, search_rows, names))
    finally:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")  # the default 64 MB: minutes more
            for definition in indexes:
                connection.exec_driver_sql(definition)
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    return stored, time.perf_counter() - start


def _drop_search_indexes(database: Database) -> list[str]:
    """The GIN indexes of article_search, dropped; their definitions, to make them again."""
    with database.engine.begin() as connection:
        rows = connection.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'article_search' AND indexdef LIKE '%%USING gin%%'").all()
        for name, _ in rows:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
    return [definition for _, definition in rows]


COMPARED = ("title", "column", "author_id", "category_id", "slug", "excerpt", "body", "status", "locale",
            "published_at", "version", "created_by", "updated_by")


def check_against_app(database: Database, drafts: list[ArticleDraft]) -> None:
    """Store the same drafts through Library.import_drafts and through COPY; every stored column
    (but ids, uuids and times), every tag link and both search vectors must be equal."""
    by_app = [record.id for record in Library(database).import_drafts(drafts)]
    by_copy = copy_drafts(database, drafts)
    columns = ", ".join(f'a."{name}"' for name in COMPARED)
    query = (f"SELECT {columns}, s.heading::text, s.document::text, "
             "(SELECT string_agg(t.tag_id || ':' || t.position, ',' ORDER BY t.position) FROM article_tags t "
             " WHERE t.article_id = a.id) FROM articles a JOIN article_search s ON s.article_id = a.id WHERE a.id = %s")
    raw = database.engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            for app_id, copy_id in zip(by_app, by_copy):
                cursor.execute(query, (app_id,))
                expected = cursor.fetchone()
                cursor.execute(query, (copy_id,))
                got = cursor.fetchone()
                if expected != got:
                    differing = [n for n, (e, g) in enumerate(zip(expected, got)) if e != g]
                    raise AssertionError(f"bulk seeding differs from the app for article {app_id}/{copy_id}: "
                                         f"columns {differing}")
            # Leave no duplicates behind: the benchmark's counts stay exact.
            cursor.execute("DELETE FROM articles WHERE id = ANY(%s)", (by_app + by_copy,))
            cursor.execute("DELETE FROM article_search WHERE article_id = ANY(%s)", (by_app + by_copy,))
        raw.commit()
    finally:
        raw.close()
    print(f"bulk seeding checked against the app's import on {len(drafts)} articles: same rows "
          "(articles, tags, search heading and document)")


def sample(count: int = 30) -> list[ArticleDraft]:
    return [draft for batch in generate(count, random.Random(99)) for draft in batch][:count]
