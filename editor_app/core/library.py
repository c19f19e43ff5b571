"""Use cases over the stored articles: create, import, edit, status, revisions, search, trash.

Every public method is one transaction: it either happens completely or not at all.
The search index is kept in step inside the same transaction as the change.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from editor_app.core import revisions as revision_rules
from editor_app.core.assets import ImageFile, asset_source, checked_image, read_image
from editor_app.core.changes import ChangeDispatcher, What, announces
from editor_app.core.errors import QT_TRANSLATE_NOOP, ArticleNotFound, EditConflict, InvalidField, Text
from editor_app.core.merge import check_fields
from editor_app.core.fields import (
    clean_name,
    normalise_locale,
    normalise_status,
    normalise_tags,
)
from editor_app.core.listing import ListQuery, category_paths, count_articles, list_page, summaries_by_ids
from editor_app.core.models import (
    Article,
    ArticleStatus,
    ArticleTag,
    Asset,
    Author,
    PrivateNote,
    Revision,
    RevisionReason,
    StatusChange,
    Tag,
    utc_now,
)
from editor_app.core.records import (
    IMPORTED_IMAGE_SOURCE,
    ArticleDraft,
    ArticleRecord,
    ArticleSummary,
    RevisionRecord,
    StatusChangeRecord,
)
from editor_app.core import stamping  # noqa: F401 - who created, changed and saved what, on every flush
from editor_app.core.search import SearchHit, search_index_for, snippet
from editor_app.core.server.people import current_login, display_names, valid_login
from editor_app.core.slugs import normalise_slug, slugify, unique_slug
from editor_app.core.storage import Database
from editor_app.core.vocabulary import Vocabulary

# A copy's title, in the language of whoever asks: the window passes its translation (midad_ar.ts).
COPY_TITLE = QT_TRANSLATE_NOOP("library", "{title} (copy)")
BULK_IMPORT = 100  # imports this large tidy the search index at once
TIDY_PAGES = 500
_ASSET_REFERENCE = re.compile(r"(?<=\()asset:(\d{1,18})(?=[\s)])")  # a body image naming a stored asset
EDITABLE_FIELDS = frozenset(
    {"title", "column", "author", "category", "tags", "slug", "excerpt", "locale", "published_at", "notes",
     "featured_caption"}
)


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "midad"


class Library:
    def __init__(self, database: Database, actor: str | None = None) -> None:
        self.database = database
        self.changes = ChangeDispatcher()
        self.search_index = search_index_for(database.engine.dialect.name)
        with database.transaction() as session:
            # On a newsroom server the actor is the logged-in person, whatever the client says.
            self.actor = current_login(session) or actor or default_actor()
            database.actor = self.actor
            self.search_index.rebuild_if_behind(session)

    def reload_after_restore(self) -> None:
        """The database's content was replaced (a backup restored): forget what was cached."""
        self.search_index = search_index_for(self.database.engine.dialect.name)
        self.database.engine.dispose()
        with self.database.transaction() as session:
            self.search_index.rebuild_if_behind(session)

    # -- creating ------------------------------------------------------------

    def create(self, draft: ArticleDraft | None = None) -> ArticleRecord:
        return self.import_drafts([draft or ArticleDraft()])[0]

    @announces(What.MEMBERSHIP)
    def import_drafts(self, drafts: Sequence[ArticleDraft]) -> list[ArticleRecord]:
        """Store all drafts in one transaction: a failure stores none of them."""
        validated = [_validated(draft) for draft in drafts]
        with self.database.transaction() as session:
            vocabulary = Vocabulary(session)
            articles = []
            for draft in validated:
                article = Article(
                    title=draft.title, column=draft.column, slug=draft.slug, excerpt=draft.excerpt,
                    body=draft.body, status=draft.status, locale=draft.locale, published_at=draft.published_at,
                    author=vocabulary.author(draft.author), category=vocabulary.category(draft.category),
                )
                article.tag_links = [
                    ArticleTag(tag=vocabulary.tag(name), position=index) for index, name in enumerate(draft.tags)
                ]
                session.add(article)
                articles.append(article)
            session.flush()
            for article, draft in zip(articles, validated):
                _store_imported_images(session, article, draft.images)
            self.search_index.update_many(session, articles)  # one statement for the batch on a server
            if len(articles) >= BULK_IMPORT:
                self.search_index.tidy(session, TIDY_PAGES)
            return [ArticleRecord.from_model(article) for article in articles]

    @announces(What.MEMBERSHIP)
    def duplicate(self, article_id: int, title_format: str = COPY_TITLE) -> ArticleRecord:
        """A draft copy; title_format names the source's title {title} (COPY_TITLE, translated by the window)."""
        with self.database.transaction() as session:
            source = _load(session, article_id)
            copy = Article(
                title=title_format.replace("{title}", source.title), column=source.column, author_id=source.author_id,
                category_id=source.category_id, excerpt=source.excerpt, body=source.body,
                status=ArticleStatus.DRAFT.value, locale=source.locale, notes=source.notes,
                featured_caption=source.featured_caption,
                slug=unique_slug(source.slug, _taken_slugs(session)) if source.slug else "",
            )
            copy.tag_links = [ArticleTag(tag_id=link.tag_id, position=link.position) for link in source.tag_links]
            session.add(copy)
            session.flush()
            # Every asset comes along (the body's images too), and the copy's body names its own.
            new_ids: dict[int, int] = {}
            for asset in session.scalars(select(Asset).where(Asset.article_id == source.id).order_by(Asset.id)):
                cloned = Asset(article_id=copy.id, sha256=asset.sha256, filename=asset.filename,
                               mime_type=asset.mime_type, data=asset.data)
                session.add(cloned)
                session.flush()
                new_ids[asset.id] = cloned.id
            if source.featured_asset_id in new_ids:
                copy.featured_asset_id = new_ids[source.featured_asset_id]
            copy.body = _ASSET_REFERENCE.sub(
                lambda found: asset_source(new_ids.get(int(found.group(1)), int(found.group(1)))), copy.body)
            self.search_index.update(session, copy)
            return ArticleRecord.from_model(copy)

    # -- reading -------------------------------------------------------------

    def get(self, article_id: int) -> ArticleRecord:
        with self.database.transaction() as session:
            return ArticleRecord.from_model(_load(session, article_id))

    def version_of(self, article_id: int) -> int | None:
        """The stored version alone (None: no such article), without reading a long body."""
        with self.database.transaction() as session:
            return session.scalar(select(Article.version).where(Article.id == article_id))

    def exists(self, article_id: int) -> bool:
        with self.database.transaction() as session:
            return session.get(Article, article_id) is not None

    def id_for_uuid(self, uuid: str) -> int | None:
        with self.database.transaction() as session:
            return session.scalar(select(Article.id).where(Article.uuid == uuid))

    def summaries(self, *, trashed: bool = False) -> list[ArticleSummary]:
        """Every article, most recently updated first (the CLI, exports): no limit, however many.
        The window's list reads page() instead, a page at a time."""
        return self.page(ListQuery(trashed=trashed), 0, None)

    def page(self, request: ListQuery, offset: int, limit: int | None) -> list[ArticleSummary]:
        """limit None: every article from `offset` on."""
        with self.database.transaction() as session:
            return list_page(session, request, offset, limit)

    def summaries_for(self, ids: list[int]) -> list[ArticleSummary]:
        with self.database.transaction() as session:
            return summaries_by_ids(session, ids)

    def count(self, request: ListQuery = ListQuery()) -> int:
        with self.database.transaction() as session:
            return count_articles(session, request)

    def authors(self) -> list[str]:
        with self.database.transaction() as session:
            return list(session.scalars(select(Author.name).order_by(Author.name)))

    def categories(self) -> list[str]:
        with self.database.transaction() as session:
            return sorted(category_paths(session).values())

    def tags(self) -> list[str]:
        with self.database.transaction() as session:
            return list(session.scalars(select(Tag.name).order_by(Tag.name)))

    def tidy_search_index(self, pages: int = TIDY_PAGES) -> None:
        """Merge the search index's segments; the app calls this when the writer is idle."""
        with self.database.transaction() as session:
            self.search_index.tidy(session, pages)

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        with self.database.transaction() as session:
            ranked = self.search_index.ranked_ids(session, query, limit)
            if not ranked:
                return []
            rows = {row.id: row for row in session.execute(
                select(Article.id, Article.title, Article.body).where(Article.id.in_([i for i, _ in ranked]))
            )}
            return [SearchHit(i, rows[i].title, snippet(rows[i].body, query), rank) for i, rank in ranked if i in rows]

    def status_history(self, article_id: int) -> list[StatusChangeRecord]:
        with self.database.transaction() as session:
            changes = session.scalars(
                select(StatusChange).where(StatusChange.article_id == article_id).order_by(StatusChange.changed_at)
            ).all()
            names = display_names(session, (c.changed_by for c in changes))
            return [StatusChangeRecord(c.from_status, c.to_status, names.get(c.changed_by, c.changed_by), c.changed_at)
                    for c in changes]

    # -- changing ------------------------------------------------------------

    @announces(What.TEXT)
    def save_text(self, article_id: int, *, title: str, body: str, explicit: bool = False,
                  base_version: int | None = None) -> ArticleRecord:
        """Store the editor's text. Autosave (explicit=False) keeps a revision at most every
        10 minutes; an explicit save (Ctrl+S) always keeps one when the text changed.

        base_version: the version this text was written from. When the stored article moved
        on since (another window, process or person saved), nothing is written and
        EditConflict carries theirs: core.concurrent_edits merges."""
        try:
            return self._save_text(article_id, title, body, explicit, base_version)
        except StaleDataError:
            # Someone committed between our read and our write: the same conflict, found later.
            raise EditConflict(article_id, base_version, (title, body), self.get(article_id)) from None

    def _save_text(self, article_id: int, title: str, body: str, explicit: bool, base_version: int | None) -> ArticleRecord:
        with self.database.transaction() as session:
            article = _load(session, article_id)
            if (base_version is not None and article.version != base_version
                    and (article.title, article.body) != (title, body)):
                raise EditConflict(article_id, base_version, (title, body), ArticleRecord.from_model(article))
            changed = article.title != title or article.body != body
            if changed:
                article.title = title
                article.body = body
                article.updated_at = utc_now()
                session.flush()
                self.search_index.update(session, article)
            if explicit:
                self._revision_if_new(session, article, RevisionReason.SAVE)
            elif changed:
                last = _last_revision(session, article.id)
                if revision_rules.autosave_wants_revision(last.created_at if last else None, utc_now()):
                    self._revision_if_new(session, article, RevisionReason.AUTOSAVE)
            return ArticleRecord.from_model(article)

    @announces(What.METADATA)
    def update_metadata(self, article_id: int, expected: Mapping[str, object] | None = None, **fields) -> ArticleRecord:
        """Change only the given fields (so changes to other fields made elsewhere stay).
        expected: each field's value the change was based on; a field someone else changed
        meanwhile to another value is an EditConflict naming it, and nothing is written."""
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "cannot edit {fields}"), fields=", ".join(sorted(unknown))))
        with self.database.transaction() as session:
            article = _load(session, article_id)
            if expected:
                check_fields(ArticleRecord.from_model(article), expected, fields)
            vocabulary = Vocabulary(session)
            for name, value in fields.items():
                if name == "author":
                    article.author = vocabulary.author(clean_name(value))
                elif name == "category":
                    article.category = vocabulary.category(clean_name(value))
                elif name == "tags":
                    article.tag_links = [
                        ArticleTag(tag=vocabulary.tag(tag), position=index) for index, tag in enumerate(normalise_tags(value))
                    ]
                elif name == "locale":
                    article.locale = normalise_locale(value)
                elif name == "slug":
                    article.slug = self._available_slug(session, article, value)
                elif name == "published_at":
                    if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
                        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "the publication time must be a date-time with a time zone")))
                    article.published_at = value
                else:
                    setattr(article, name, "" if value is None else str(value))
            article.updated_at = utc_now()
            session.flush()
            self.search_index.update(session, article)
            return ArticleRecord.from_model(article)

    def _available_slug(self, session: Session, article: Article, value: str) -> str:
        slug = normalise_slug(value)
        if not slug:
            return ""
        return unique_slug(slug, _taken_slugs(session, excluding=article.id))

    def suggest_slug(self, article_id: int, title: str) -> str:
        with self.database.transaction() as session:
            return unique_slug(slugify(title), _taken_slugs(session, excluding=article_id)) if slugify(title) else ""

    @announces(What.STATUS)
    def change_status(self, article_id: int, status: str, *, reason: RevisionReason = RevisionReason.STATUS) -> ArticleRecord:
        new_status = normalise_status(status)
        with self.database.transaction() as session:
            article = _load(session, article_id)
            if article.status == new_status:
                return ArticleRecord.from_model(article)
            session.add(StatusChange(article_id=article.id, from_status=article.status, to_status=new_status,
                                     changed_by=self.actor, changed_at=utc_now()))
            article.status = new_status
            article.updated_at = utc_now()
            session.flush()
            self._add_revision(session, article, reason)
            return ArticleRecord.from_model(article)

    def set_featured_image(self, article_id: int, path: Path) -> ArticleRecord:
        return self.set_featured_image_data(article_id, read_image(Path(path)))

    @announces(What.METADATA)
    def set_featured_image_data(self, article_id: int, image: ImageFile) -> ArticleRecord:
        with self.database.transaction() as session:
            article = _load(session, article_id)
            article.featured_asset_id = _stored_image(session, article, image).id
            article.updated_at = utc_now()
            session.flush()
            return ArticleRecord.from_model(article)

    @announces(What.METADATA)
    def clear_featured_image(self, article_id: int) -> ArticleRecord:
        with self.database.transaction() as session:
            article = _load(session, article_id)
            article.featured_asset_id = None
            article.updated_at = utc_now()
            session.flush()
            return ArticleRecord.from_model(article)

    def add_image(self, article_id: int, image: ImageFile) -> int:
        """Stores an image for the article's body (once per content) and gives its asset id."""
        with self.database.transaction() as session:
            return _stored_image(session, _load(session, article_id), image).id

    def article_image(self, article_id: int, asset_id: int) -> ImageFile | None:
        """An image the article owns, and only if its stored bytes are a raster image:
        what the preview may show (never another article's file, never anything else)."""
        with self.database.transaction() as session:
            asset = session.get(Asset, asset_id)
            if asset is None or asset.article_id != article_id:
                return None
            return checked_image(asset.filename, asset.data)

    def asset(self, asset_id: int) -> ImageFile | None:
        with self.database.transaction() as session:
            asset = session.get(Asset, asset_id)
            return None if asset is None else ImageFile(asset.filename, asset.mime_type, asset.data)

    @announces(What.PUBLISH | What.STATUS)
    def record_publish(self, article_id: int, *, went_live: bool) -> ArticleRecord:
        """After a successful publish: a revision of what was sent, and the status
        "published" when the post is live (or scheduled) on the site."""
        if went_live:
            record = self.get(article_id)
            if record.status != ArticleStatus.PUBLISHED.value:
                return self.change_status(article_id, ArticleStatus.PUBLISHED.value, reason=RevisionReason.PUBLISH)
        with self.database.transaction() as session:
            article = _load(session, article_id)
            self._add_revision(session, article, RevisionReason.PUBLISH)
            return ArticleRecord.from_model(article)

    # -- revisions -------------------------------------------------------------

    def _revision_if_new(self, session: Session, article: Article, reason: RevisionReason) -> None:
        last = _last_revision(session, article.id)
        if last is None or (last.title, last.body, last.status) != (article.title, article.body, article.status):
            self._add_revision(session, article, reason)

    def _add_revision(self, session: Session, article: Article, reason: RevisionReason) -> None:
        session.add(Revision(article_id=article.id, reason=reason.value, status=article.status, title=article.title,
                             body=article.body, word_count=revision_rules.word_count(article.body),
                             created_at=utc_now()))

    def keep_revision(self, article_id: int, title: str, body: str, reason: RevisionReason) -> None:
        """Keep a text that is not (or no longer) the article's as a revision: the losing side of
        a conflict, the unsaved text of someone whose lease was taken over."""
        with self.database.transaction() as session:
            article = _load(session, article_id)
            last = _last_revision(session, article.id)
            if last is not None and (last.title, last.body) == (title, body):
                return
            session.add(Revision(article_id=article.id, reason=reason.value, status=article.status, title=title,
                                 body=body, word_count=revision_rules.word_count(body), created_at=utc_now()))

    def revisions(self, article_id: int) -> list[RevisionRecord]:
        """Newest first, each with its word delta against the one before it."""
        with self.database.transaction() as session:
            _load(session, article_id)
            rows = session.scalars(
                select(Revision).where(Revision.article_id == article_id).order_by(Revision.created_at, Revision.id)
            ).all()
            records = []
            previous_words = None
            names = display_names(session, (row.created_by for row in rows))
            for row in rows:
                delta = 0 if previous_words is None else row.word_count - previous_words
                previous_words = row.word_count
                records.append(RevisionRecord(row.id, row.article_id, row.created_at, row.reason, row.status,
                                              row.title, row.body, row.word_count, delta,
                                              names.get(row.created_by, row.created_by), row.note))
            return list(reversed(records))

    @announces(What.TEXT)
    def restore_revision(self, article_id: int, revision_id: int) -> ArticleRecord:
        """Bring back a revision's text; the text it replaces is kept as a revision first."""
        with self.database.transaction() as session:
            article = _load(session, article_id)
            revision = session.get(Revision, revision_id)
            if revision is None or revision.article_id != article.id:
                raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "article {article} has no revision {revision}"),
                                        article=article_id, revision=revision_id))
            self._revision_if_new(session, article, RevisionReason.RESTORE)
            article.title, article.body = revision.title, revision.body
            article.updated_at = utc_now()
            session.flush()
            self._add_revision(session, article, RevisionReason.RESTORE)
            self.search_index.update(session, article)
            return ArticleRecord.from_model(article)

    def prune_revisions(self) -> int:
        """Apply the pruning rule (core.revisions) to every article; returns how many went."""
        now = utc_now()
        with self.database.transaction() as session:
            rows = session.execute(select(Revision.id, Revision.article_id, Revision.reason, Revision.created_at)).all()
            by_article: dict[int, list] = {}
            for row in rows:
                by_article.setdefault(row.article_id, []).append((row.id, row.reason, row.created_at))
            doomed = [i for items in by_article.values() for i in revision_rules.prunable(items, now)]
            if doomed:
                session.execute(delete(Revision).where(Revision.id.in_(doomed)))
            return len(doomed)

    # -- people ------------------------------------------------------------------

    def assign(self, article_id: int, login: str | None) -> ArticleRecord:
        """Give an article to a person (None: to nobody). On a server only editors may."""
        with self.database.transaction() as session:
            article = _load(session, article_id)
            article.assigned_to = valid_login(login) if login else None
            article.updated_at = utc_now()
            session.flush()
            return ArticleRecord.from_model(article)

    def private_note(self, article_id: int) -> str:
        """My own note on an article: nobody else reads it (the server enforces it)."""
        with self.database.transaction() as session:
            note = session.get(PrivateNote, (article_id, self.actor))
            return "" if note is None else note.body

    def set_private_note(self, article_id: int, body: str) -> None:
        with self.database.transaction() as session:
            _load(session, article_id)
            note = session.get(PrivateNote, (article_id, self.actor))
            if note is None:
                session.add(PrivateNote(article_id=article_id, owner=self.actor, body=body, updated_at=utc_now()))
            else:
                note.body, note.updated_at = body, utc_now()

    # -- trash -------------------------------------------------------------------

    @announces(What.MEMBERSHIP)
    def trash(self, article_id: int) -> None:
        with self.database.transaction() as session:
            _load(session, article_id).trashed_at = utc_now()

    @announces(What.MEMBERSHIP)
    def restore_from_trash(self, article_id: int) -> None:
        with self.database.transaction() as session:
            _load(session, article_id).trashed_at = None

    def empty_trash(self) -> int:
        with self.database.transaction() as session:
            ids = list(session.scalars(select(Article.id).where(Article.trashed_at.is_not(None))))
            for article_id in ids:
                self.search_index.remove(session, article_id)
            if ids:
                session.execute(
                    Article.__table__.update().where(Article.id.in_(ids)).values(featured_asset_id=None)
                )
                session.execute(delete(Article).where(Article.id.in_(ids)))
        self.changes.announce(ids, What.MEMBERSHIP)
        return len(ids)


def _stored_image(session: Session, article: Article, image: ImageFile) -> Asset:
    """The article's asset holding these bytes, stored the first time (once per content)."""
    asset = session.scalar(select(Asset).where(Asset.article_id == article.id, Asset.sha256 == image.sha256))
    if asset is None:
        asset = Asset(article_id=article.id, sha256=image.sha256, filename=image.filename,
                      mime_type=image.mime_type, data=image.data)
        session.add(asset)
        session.flush()
    return asset


def _load(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFound(article_id)
    return article


def _last_revision(session: Session, article_id: int) -> Revision | None:
    return session.scalar(
        select(Revision).where(Revision.article_id == article_id).order_by(Revision.created_at.desc(), Revision.id.desc()).limit(1)
    )


def _taken_slugs(session: Session, excluding: int | None = None) -> set[str]:
    query = select(Article.slug).where(Article.slug != "", Article.trashed_at.is_(None))
    if excluding is not None:
        query = query.where(Article.id != excluding)
    return set(session.scalars(query))


def _validated(draft: ArticleDraft) -> ArticleDraft:
    return replace(
        draft,
        status=normalise_status(draft.status),
        locale=normalise_locale(draft.locale),
        author=clean_name(draft.author),
        category=clean_name(draft.category),
        slug=normalise_slug(draft.slug),  # from a file or a site: never a path (core.slugs)
    )


def _store_imported_images(session: Session, article: Article, images) -> None:
    """An imported file's images become the article's assets (once per content), and the
    body's `imported-image:N` references become `asset:ID` where they stood."""
    for number, image in enumerate(images, 1):
        asset_id = _stored_image(session, article, image).id
        article.body = article.body.replace(f"]({IMPORTED_IMAGE_SOURCE}{number})", f"]({asset_source(asset_id)})")
