"""Two imports at once that add the same author, tag or top-level category: both succeed, and
there is still one of each (issue 22, Low). Real processes on one SQLite file."""

from __future__ import annotations

import multiprocessing

from sqlalchemy import func, select

from editor_app.core.library import Library
from editor_app.core.models import Author, Category, Tag
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database

WRITERS = 4
ROUNDS = 3


def _import_at_once(url: str, barrier, round_number: int, results) -> None:
    database = Database(url)
    try:
        library = Library(database, actor="racer")
        barrier.wait()
        library.import_drafts([ArticleDraft(title="سباق", author=f"كاتب {round_number}", tags=(f"وسم {round_number}",),
                                            category=f"قسم {round_number}/فرع")])
        results.put("ok")
    except Exception as error:  # noqa: BLE001 - reported to the test
        results.put(f"{type(error).__name__}: {error}")
    finally:
        database.close()


def test_simultaneous_imports_share_new_authors_tags_and_root_categories(database):
    url = database.url
    context = multiprocessing.get_context("spawn")
    outcomes = []
    for round_number in range(ROUNDS):
        barrier, results = context.Barrier(WRITERS), context.Queue()
        workers = [context.Process(target=_import_at_once, args=(url, barrier, round_number, results))
                   for _ in range(WRITERS)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(120)
        outcomes += [results.get(timeout=10) for _ in workers]
    assert outcomes == ["ok"] * (WRITERS * ROUNDS)
    with database.transaction() as session:
        for model in (Author, Tag):
            names = session.execute(select(model.name, func.count()).group_by(model.name)).all()
            assert len(names) == ROUNDS and all(count == 1 for _name, count in names)
        roots = session.execute(select(Category.name, func.count()).where(Category.parent_id.is_(None))
                                .group_by(Category.name)).all()
        assert len(roots) == ROUNDS and all(count == 1 for _name, count in roots)


def test_the_root_index_refuses_a_second_top_level_category(database):
    library = Library(database)
    library.create(ArticleDraft(title="أ", category="أخبار"))
    library.create(ArticleDraft(title="ب", category="أخبار"))
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Category).where(Category.name == "أخبار")) == 1
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with database.engine.begin() as connection:
            connection.execute(Category.__table__.insert().values(name="أخبار", parent_id=None))
