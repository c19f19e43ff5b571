"""Use cases over the stored articles: create, import, read, list, autosave, trash.

Every public method is one transaction: it either happens completely or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core.errors import ArticleNotFound
from editor_app.core.fields import (
    category_parts,
    clean_name,
    normalise_locale,
    normalise_status,
)
from editor_app.core.models import Article, ArticleTag, Author, Category, Tag, utc_now
from editor_app.core.records import ArticleDraft, ArticleRecord, ArticleSummary
from editor_app.core.storage import Database


class Library:
    def __init__(self, database: Database) -> None:
        self.database = database

    # -- creating ------------------------------------------------------------

    def create(self, draft: ArticleDraft | None = None) -> ArticleRecord:
        return self.import_drafts([draft or ArticleDraft()])[0]

    def import_drafts(self, drafts: Sequence[ArticleDraft]) -> list[ArticleRecord]:
        """Store all drafts in one transaction: a failure stores none of them."""
        validated = [_validated(draft) for draft in drafts]
        with self.database.transaction() as session:
            vocabulary = _Vocabulary(session)
            articles = []
            for draft in validated:
                article = Article(
                    title=draft.title,
                    column=draft.column,
                    slug=draft.slug,
                    excerpt=draft.excerpt,
                    body=draft.body,
                    status=draft.status,
                    locale=draft.locale,
                    published_at=draft.published_at,
                    author=vocabulary.author(draft.author),
                    category=vocabulary.category(draft.category),
                )
                article.tag_links = [
                    ArticleTag(tag=vocabulary.tag(name), position=index)
                    for index, name in enumerate(draft.tags)
                ]
                session.add(article)
                articles.append(article)
            session.flush()
            return [ArticleRecord.from_model(article) for article in articles]

    # -- reading -------------------------------------------------------------

    def get(self, article_id: int) -> ArticleRecord:
        with self.database.transaction() as session:
            return ArticleRecord.from_model(_load(session, article_id))

    def exists(self, article_id: int) -> bool:
        with self.database.transaction() as session:
            article = session.get(Article, article_id)
            return article is not None and article.trashed_at is None

    def summaries(self, *, trashed: bool = False) -> list[ArticleSummary]:
        """Articles for the list, most recently updated first."""
        query = (
            select(Article)
            .where(Article.trashed_at.is_not(None) if trashed else Article.trashed_at.is_(None))
            .order_by(Article.updated_at.desc(), Article.id.desc())
        )
        with self.database.transaction() as session:
            return [
                ArticleSummary(
                    id=article.id,
                    title=article.title,
                    status=article.status,
                    author=article.author.name if article.author else None,
                    category=article.category.path if article.category else None,
                    updated_at=article.updated_at,
                )
                for article in session.scalars(query).unique()
            ]

    # -- changing ------------------------------------------------------------

    def save_text(self, article_id: int, *, title: str, body: str) -> ArticleRecord:
        """The autosave path: store the editor's text; a no-op when nothing changed."""
        with self.database.transaction() as session:
            article = _load(session, article_id)
            if article.title != title or article.body != body:
                article.title = title
                article.body = body
                article.updated_at = utc_now()
                session.flush()
            return ArticleRecord.from_model(article)

    def trash(self, article_id: int) -> None:
        with self.database.transaction() as session:
            article = _load(session, article_id)
            article.trashed_at = utc_now()

    def restore_from_trash(self, article_id: int) -> None:
        with self.database.transaction() as session:
            article = _load(session, article_id)
            article.trashed_at = None


def _load(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFound(article_id)
    return article


def _validated(draft: ArticleDraft) -> ArticleDraft:
    return replace(
        draft,
        status=normalise_status(draft.status),
        locale=normalise_locale(draft.locale),
        author=clean_name(draft.author),
        category=clean_name(draft.category),
    )


class _Vocabulary:
    """Authors, categories and tags: created on first use, reused after."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._authors: dict[str, Author] = {}
        self._categories: dict[tuple[int | None, str], Category] = {}
        self._tags: dict[str, Tag] = {}

    def author(self, name: str | None) -> Author | None:
        if not name:
            return None
        if name not in self._authors:
            found = self.session.scalar(select(Author).where(Author.name == name))
            self._authors[name] = found or Author(name=name)
        return self._authors[name]

    def category(self, path: str | None) -> Category | None:
        if not path:
            return None
        parent: Category | None = None
        for name in category_parts(path):
            parent = self._child_category(parent, name)
        return parent

    def _child_category(self, parent: Category | None, name: str) -> Category:
        key = (id(parent) if parent is not None else None, name)
        if key not in self._categories:
            query = select(Category).where(Category.name == name)
            if parent is None or parent.id is None:
                query = query.where(Category.parent_id.is_(None)) if parent is None else None
            else:
                query = query.where(Category.parent_id == parent.id)
            found = self.session.scalar(query) if query is not None else None
            self._categories[key] = found or Category(name=name, parent=parent)
        return self._categories[key]

    def tag(self, name: str) -> Tag:
        if name not in self._tags:
            found = self.session.scalar(select(Tag).where(Tag.name == name))
            self._tags[name] = found or Tag(name=name)
        return self._tags[name]
