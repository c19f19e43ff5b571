"""Full-text search that ignores diacritics, tatweel and letter variants, ranked, with snippets.

The index holds normalised text (core.arabic), so `الارهاب` finds `الإرهاب` and
`مكافحه` finds `مُكافحة`; every word is also indexed without its attached
proclitics (و ف ب ك ل and ال), so `الإرهاب` finds `والإرهاب`. The words of a query
match as prefixes. On SQLite the index is FTS5, ranked by bm25 with the title
weighing most; the core keeps it in step on every save. On PostgreSQL it is a tsvector
with a GIN index over the same words (core.server.search). Other databases get a plain
scan behind the same interface until they provide their own index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from sqlalchemy import event, select, text
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
# A prefix with at most this many words is searched as those words joined by OR, which FTS5
# walks lazily (0.8 ms for "استراتيج*" at 100,000 articles); the prefix syntax itself first
# merges the postings of every word under it (23 ms). Beyond this, OR costs more than it saves.
EXPANSION_LIMIT = 24
ROW_EXPANSION_LIMIT = 128
_FTS_TOKEN = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer calls a token
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
TRASH_MARGIN = 20  # a few extra candidates, so trashed articles can be dropped afterwards


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    snippet: str
    rank: float

    def to_json_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "snippet": self.snippet}


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


def match_expression(query: str, *, prefix: bool = True, expansions: list[str] | None = None) -> str | None:
    """FTS5 query: every word of the query, normalised; the last one (still being typed)
    as a prefix unless prefix=False, or as the given words it expands to. None if no words.
    A prefix on every word would make common words expand to thousands of terms, and a
    search over 100,000 articles slow."""
    words = _TOKEN.findall(normalise(query))
    if not words:
        return None
    *whole, last = words
    if expansions:
        tail = "(" + " OR ".join(f'"{term}"' for term in expansions) + ")"
    else:
        tail = f'"{last}"*' if prefix else f'"{last}"'
    return " AND ".join([*(f'"{word}"' for word in whole), tail])  # FTS5 wants AND before "("


def last_word(query: str) -> str | None:
    words = _TOKEN.findall(normalise(query))
    return words[-1] if words else None


@lru_cache(maxsize=256)
def _snippet_pattern(query: str) -> re.Pattern[str] | None:
    words = sorted(_TOKEN.findall(normalise(query)), key=len, reverse=True)
    stems = [_PROCLITICS.sub("", word) or word for word in words]
    alternatives = [loose_word_pattern(word) for word in dict.fromkeys(words + stems) if word]
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def snippet(body: str, query: str) -> str:
    """A short extract of the original text around the first match of a query word."""
    pattern = _snippet_pattern(query)
    match = pattern.search(body) if pattern is not None else None
    if match is None:
        size = SNIPPET_BEFORE + SNIPPET_AFTER
        flat = " ".join(body[: size * 4].split())  # only the opening is shown: no need to flatten it all
        return flat[:size].strip() + ("…" if len(flat) > size or len(body) > size * 4 else "")
    # Flatten only a window around the match (whitespace runs collapse, so take extra).
    window_start = max(0, match.start() - SNIPPET_BEFORE * 4)
    window_end = min(len(body), match.end() + SNIPPET_AFTER * 4)
    before = " ".join(body[window_start:match.start()].split()) + (" " if body[match.start() - 1:match.start()].isspace() else "")
    matched = " ".join(body[match.start():match.end()].split())
    after = (" " if body[match.end():match.end() + 1].isspace() else "") + " ".join(body[match.end():window_end].split())
    flat = before + matched + after
    match_start, match_end = len(before), len(before) + len(matched)
    at_start, at_end = window_start == 0, window_end == len(body)
    start = max(0, match_start - SNIPPET_BEFORE)
    end = min(len(flat), match_end + SNIPPET_AFTER)
    if start > 0 or not at_start:
        start = min(flat.find(" ", start) + 1 or start, match_start)
    if end < len(flat):
        space = flat.rfind(" ", 0, end)
        end = space if space > match_end else end
    opening = "…" if start > 0 or not at_start else ""
    closing = "…" if end < len(flat) or not at_end else ""
    return opening + flat[start:end].strip() + closing


class SearchIndex(Protocol):
    def update(self, session: Session, article: Article) -> None: ...
    def update_many(self, session: Session, articles: list[Article]) -> None: ...
    def remove(self, session: Session, article_id: int) -> None: ...
    def ranked_ids(self, session: Session, query: str, limit: int) -> list[tuple[int, float]]: ...
    def rebuild_if_behind(self, session: Session) -> int: ...
    def tidy(self, session: Session, pages: int) -> None: ...


class SqliteSearchIndex:
    def __init__(self) -> None:
        # Words already in article_search_terms: an autosave adds only the words just typed.
        self._known_terms: set[str] = set()

    def update_many(self, session: Session, articles: list[Article]) -> None:
        for article in articles:  # in-process: nothing to gain from one statement
            self.update(session, article)

    def update(self, session: Session, article: Article) -> None:
        fields = indexed_fields(article)
        terms = {term.lower() for value in fields.values() for term in _FTS_TOKEN.findall(value)}
        new_terms = terms - self._known_terms
        if new_terms:
            session.execute(text("INSERT OR IGNORE INTO article_search_terms (term) VALUES (:term)"),
                            [{"term": term} for term in new_terms])
            # Known only once committed: after a rollback (a full disk) the next save adds them again.
            event.listen(session, "after_commit", lambda _session: self._known_terms.update(new_terms), once=True)
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
        expansions = self._expansions(session, query)
        few = expansions if expansions and len(expansions) <= EXPANSION_LIMIT else None
        expression = match_expression(query, expansions=few)
        if expression is None:
            return []
        # FTS5 gathers the postings of every term under a prefix before it can rank or
        # stop: for a common word ("الأمن*": الأمنية، الأمني...) that is most of the index.
        # When the whole word already fills the results, the prefix adds nothing one sees.
        wanted = limit + TRASH_MARGIN
        exact = match_expression(query, prefix=False)
        if self._count(session, exact, wanted) >= wanted:
            expression = exact
        # A prefix left as a prefix (many words under it) costs a merge per query: fetch its
        # matches once and reuse them; whole words are cheaper to count than to fetch.
        # (With up to ROW_EXPANSION_LIMIT words under it, OR still walks the rows faster, 7.6
        # vs 13 ms for "مدا*"; ranking and the title filter stay faster with the prefix.)
        rows_expression = match_expression(query, expansions=expansions) if expansions and not few else expression
        newest = self._newest(session, rows_expression, RANKING_CAP) if expression.endswith("*") else None
        matches = len(newest) if newest is not None else self._count(session, expression, RANKING_CAP)
        if matches < RANKING_CAP:
            ranked = self._bm25(session, expression, wanted)
        else:
            in_title = f"{{title}} : ({expression})"
            if self._count(session, in_title, RANKING_CAP) < RANKING_CAP:
                head = self._bm25(session, in_title, wanted)
            else:
                head = [(article_id, 0.0) for article_id in self._newest(session, in_title, wanted)]
            seen = {article_id for article_id, _ in head}
            enough = newest is not None and len(newest) >= wanted + len(head)
            fill = newest if enough else self._newest(session, rows_expression, wanted + len(head))
            ranked = head + [(article_id, 0.0) for article_id in fill if article_id not in seen]
        candidates = ranked[: limit + TRASH_MARGIN]
        trashed = set(session.scalars(
            select(Article.id).where(Article.id.in_([i for i, _ in candidates]), Article.trashed_at.is_not(None))
        ))
        return [(article_id, rank) for article_id, rank in candidates if article_id not in trashed][:limit]

    @staticmethod
    def _expansions(session: Session, query: str) -> list[str] | None:
        """The indexed words that start with the query's last word, when there are few."""
        word = last_word(query)
        if word is None or _LATIN.search(word):
            return None  # the index folds Latin accents (é → e), which this word list does not
        terms = list(session.scalars(
            text("SELECT term FROM article_search_terms WHERE term >= :low AND term < :high LIMIT :cap"),
            {"low": word.lower(), "high": word.lower() + "\U0010ffff", "cap": ROW_EXPANSION_LIMIT + 1}))
        return terms if 0 < len(terms) <= ROW_EXPANSION_LIMIT else None

    @staticmethod
    def _count(session: Session, expression: str, cap: int) -> int:
        """How many articles match, counting no further than cap (cheaper than fetching them)."""
        return session.scalar(
            text("SELECT count(*) FROM (SELECT rowid FROM article_search WHERE article_search MATCH :expression "
                 "LIMIT :cap)"), {"expression": expression, "cap": cap}) or 0

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
        if indexed and session.scalar(text("SELECT count(*) FROM (SELECT 1 FROM article_search_terms LIMIT 1)")) == 0:
            # A database indexed before the term list existed: list the index's words once.
            session.execute(text("CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_search_vocabulary "
                                 "USING fts5vocab(main, article_search, row)"))
            session.execute(text("INSERT OR IGNORE INTO article_search_terms (term) "
                                 "SELECT term FROM temp.article_search_vocabulary"))
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

    def update_many(self, session: Session, articles: list[Article]) -> None:
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
    if dialect_name == "sqlite":
        return SqliteSearchIndex()
    if dialect_name == "postgresql":
        from editor_app.core.server.search import PostgresSearchIndex  # the newsroom server's own index

        return PostgresSearchIndex()
    return ScanSearchIndex()
