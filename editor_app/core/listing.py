"""What the article list asks for: one page of rows, sorted and filtered, and a count.

Only the columns the list shows are read (never bodies), so a page of 200 rows
out of 100,000 costs a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import Session

from editor_app.core.models import CATEGORY_SEPARATOR, Article, Author, Category, OutboxJob, OutboxState, RemotePost
from editor_app.core.records import ArticleSummary


class SortKey(StrEnum):
    TITLE = "title"
    STATUS = "status"
    CATEGORY = "category"
    AUTHOR = "author"
    UPDATED = "updated"
    STAGE = "stage"  # the workflow's desk, then stage, in their order: the list grouped by them


@dataclass(frozen=True)
class ListQuery:
    status: str | None = None
    category: str | None = None  # a path; includes its subcategories
    author: str | None = None
    created_by: str | None = None  # a login: "mine", "by person"
    assigned_to: str | None = None  # a login: "assigned to me"
    trashed: bool = False
    desk_id: int | None = None  # the workflow (core.workflow): articles at this desk…
    stage_id: int | None = None  # …or at this stage
    sort: SortKey = SortKey.UPDATED
    descending: bool = True


def category_paths(session: Session) -> dict[int, str]:
    rows = session.execute(select(Category.id, Category.name, Category.parent_id)).all()
    by_id = {row.id: row for row in rows}
    paths: dict[int, str] = {}

    def path(category_id: int) -> str:
        if category_id not in paths:
            row = by_id[category_id]
            prefix = path(row.parent_id) + CATEGORY_SEPARATOR if row.parent_id in by_id else ""
            paths[category_id] = prefix + row.name
        return paths[category_id]

    for category_id in by_id:
        path(category_id)
    return paths


def _filtered(query: Select, request: ListQuery, session: Session, paths: dict[int, str]) -> Select:
    query = query.where(Article.trashed_at.is_not(None) if request.trashed else Article.trashed_at.is_(None))
    if request.status:
        query = query.where(Article.status == request.status)
    if request.author:
        # A subquery, not a join: the page query already reads the author's name by subquery.
        query = query.where(Article.author_id.in_(select(Author.id).where(Author.name == request.author)))
    if request.created_by:
        query = query.where(Article.created_by == request.created_by)
    if request.assigned_to:
        query = query.where(Article.assigned_to == request.assigned_to)
    if request.desk_id is not None or request.stage_id is not None:
        query = query.where(Article.id.in_(_placed(request)))
    if request.category:
        wanted = request.category.strip(CATEGORY_SEPARATOR)
        ids = [cid for cid, p in paths.items() if p == wanted or p.startswith(wanted + CATEGORY_SEPARATOR)]
        query = query.where(Article.category_id.in_(ids or [-1]))
    return query


def _placed(request: ListQuery) -> Select:
    from editor_app.core.workflow.tables import ArticlePlacement, Stage

    placed = select(ArticlePlacement.article_id)
    if request.stage_id is not None:
        return placed.where(ArticlePlacement.stage_id == request.stage_id)
    return placed.where(ArticlePlacement.stage_id.in_(select(Stage.id).where(Stage.desk_id == request.desk_id)))


def _stage_order():
    """Desk order, then stage order (articles nowhere in the workflow last)."""
    from editor_app.core.workflow.tables import ArticlePlacement, Desk, Stage

    return (select(Desk.position * 10000 + Stage.position).select_from(ArticlePlacement)
            .join(Stage, Stage.id == ArticlePlacement.stage_id).join(Desk, Desk.id == Stage.desk_id)
            .where(ArticlePlacement.article_id == Article.id).scalar_subquery())


def count_articles(session: Session, request: ListQuery) -> int:
    query = _filtered(select(func.count(Article.id)), request, session, category_paths(session))
    return session.scalar(query) or 0


def _sync_state():
    """The article's state with the sites, worst first (one indexed lookup per row shown)."""
    def job(state: str):
        return exists().where(OutboxJob.article_id == Article.id, OutboxJob.state == state)
    return case(
        (job(OutboxState.REFUSED.value), "refused"),
        (job(OutboxState.PENDING.value), "queued"),
        (exists().where(RemotePost.article_id == Article.id, RemotePost.synced_version < Article.version), "changed"),
        (exists().where(RemotePost.article_id == Article.id), "synced"),
        else_="",
    )


def _summary_query(author_name) -> Select:
    return select(Article.id, Article.title, Article.status, Article.category_id, Article.updated_at,
                  author_name.label("author"), _sync_state().label("sync"))


def _summaries(rows, paths: dict[int, str]) -> list[ArticleSummary]:
    return [
        ArticleSummary(id=row.id, title=row.title, status=row.status, author=row.author,
                       category=paths.get(row.category_id) if row.category_id else None, updated_at=row.updated_at,
                       sync=row.sync)
        for row in rows
    ]


def summaries_by_ids(session: Session, ids: list[int]) -> list[ArticleSummary]:
    """Summaries of these articles, in this order (search hits)."""
    author_name = select(Author.name).where(Author.id == Article.author_id).scalar_subquery()
    rows = {row.id: row for row in session.execute(_summary_query(author_name).where(Article.id.in_(ids)))}
    return _summaries([rows[i] for i in ids if i in rows], category_paths(session))


def list_page(session: Session, request: ListQuery, offset: int, limit: int | None) -> list[ArticleSummary]:
    paths = category_paths(session)
    author_name = select(Author.name).where(Author.id == Article.author_id).scalar_subquery()
    query = _filtered(_summary_query(author_name), request, session, paths)
    order = {
        SortKey.TITLE: Article.title,
        SortKey.STATUS: Article.status,
        SortKey.AUTHOR: author_name,
        SortKey.CATEGORY: select(Category.name).where(Category.id == Article.category_id).scalar_subquery(),
        SortKey.UPDATED: Article.updated_at,
        SortKey.STAGE: _stage_order(),
    }[request.sort]
    query = query.order_by(order.desc() if request.descending else order.asc(), Article.id.desc())
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return _summaries(session.execute(query).all(), paths)
