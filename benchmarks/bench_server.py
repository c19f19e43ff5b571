"""A newsroom server on 127.0.0.1: search and save on PostgreSQL, as its people see them.

Run: .venv/bin/python -m benchmarks.bench_server [COUNT] [SECONDS]
Starts a private PostgreSQL cluster (tests/postgres/cluster.py: TLS, SCRAM), sets it up with
`midad server init`, imports up to COUNT generated 600-word Arabic articles (default 100,000)
for at most SECONDS of importing (default 240), spreads them over eight writers, then
measures, through the row-level security each person has:
search (an editor sees every article; a writer only theirs), an autosave, a list page.
"""

from __future__ import annotations

import random
import sys
import time

from benchmarks.bench_library import generate, summary
from editor_app.core.library import Library
from editor_app.core.listing import ListQuery
from editor_app.core.server.people import People
from editor_app.core.server.setup import initialise_server
from editor_app.core.storage import Database
from tests.postgres.cluster import PostgresCluster

WRITERS = 8
PASSWORD = "bench-password"
QUERIES = ["الإرهاب", "الارهاب", "مكافحة", "مكافحه", "مُكافحة", "الأمن", "والأمن", "التعاون", "المغرب", "الولايات المتحدة",
           "استراتيج", "الاستخبار", "السيبراني", "الجيوسياسية", "تعزيز الأمن", "الشرق الأوسط", "منطقة", "الإقليمي",
           "وزارة الخارجية", "العصر الرقمي", "مدا", "تكنولوجي", "الدبلوماسية الأمنية", "حيوية"]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    budget = float(sys.argv[2]) if len(sys.argv) > 2 else 240.0
    cluster = PostgresCluster.start()
    try:
        run(cluster, count, budget)
    finally:
        cluster.stop()


def run(cluster: PostgresCluster, count: int, budget: float) -> None:
    name = cluster.create_database("midad_bench")
    owner_url = cluster.url(name)
    initialise_server(owner_url)
    owner = Database(owner_url)
    people = People(owner)
    writers = [people.add(f"bench_writer_{n}", f"كاتب {n}", "writer", PASSWORD).login for n in range(WRITERS)]
    editor = people.add("bench_editor", "محرر", "editor", PASSWORD).login

    library = Library(owner)
    start = time.perf_counter()
    imported = 0
    for batch in generate(count, random.Random(7)):
        library.import_drafts(batch)
        imported += len(batch)
        if time.perf_counter() - start > budget:
            break
    elapsed = time.perf_counter() - start
    with owner.engine.begin() as connection:
        for number, login in enumerate(writers):
            connection.exec_driver_sql(f"UPDATE articles SET created_by = '{login}' WHERE mod(id, {WRITERS}) = {number}")
        connection.exec_driver_sql("ANALYZE")
    size = cluster.execute(f"SELECT pg_database_size('{name}')")[0][0] / 1024 / 1024
    print(f"imported {imported:,} articles of 600 words in {elapsed:.0f} s ({imported / elapsed:,.0f} articles/s, "
          f"search index kept in step, over TLS on 127.0.0.1); database {size:,.0f} MB")

    compare_search_rows(owner)

    for who, login in (("editor (every article)", editor), (f"writer (1/{WRITERS} of them)", writers[0])):
        database = Database(cluster.url(name, user=login, password=PASSWORD))
        person = Library(database)
        for query in QUERIES[:3]:
            person.search(query)  # warm the server's cache as a running newsroom would be
        samples = [timed(lambda q=query: person.search(q, limit=50)) for query in QUERIES * 2]
        print(f"search as {who}, {len(QUERIES)} queries ×2, top 50 with snippets: {summary(samples)}")
        slowest = sorted(zip(samples, QUERIES * 2), reverse=True)[:3]
        print("  slowest: " + ", ".join(f"{query} {ms:.1f} ms" for ms, query in slowest))
        pages = [timed(lambda o=offset: person.page(ListQuery(), o, 200)) for offset in range(0, 200 * 20, 200)]
        print(f"  list page of 200 rows (newest first, row-level security applied): {summary(pages)}")
        database.close()

    database = Database(cluster.url(name, user=writers[0], password=PASSWORD))
    writer = Library(database)
    ids = [row.id for row in writer.page(ListQuery(), 0, 60)]
    samples = []
    for number, article_id in enumerate(ids):
        record = writer.get(article_id)
        samples.append(timed(lambda: writer.save_text(article_id, title=record.title,
                                                      body=record.body + f" كلمة{number}")))
    print(f"autosave of a 600-word article by its writer (search index kept in step): {summary(samples)}")
    database.close()
    owner.close()


def compare_search_rows(owner: Database, count: int = 1000, repeats: int = 3) -> None:
    """An import's search rows, one INSERT per article (as before) against one batched statement
    (PostgresSearchIndex.update_many), on the same stored articles (rolled back each time)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from editor_app.core.models import Article
    from editor_app.core.server.search import PostgresSearchIndex

    index = PostgresSearchIndex()
    one_by_one, batched = [], []
    with Session(owner.engine) as session:
        articles = list(session.scalars(select(Article).order_by(Article.id).limit(count)))
        for _ in range(repeats):
            for samples, write in ((one_by_one, lambda: [index.update(session, a) for a in articles]),
                                   (batched, lambda: index.update_many(session, articles))):
                samples.append(timed(write))
                session.rollback()
                articles = list(session.scalars(select(Article).order_by(Article.id).limit(count)))
    print(f"search rows of {len(articles):,} imported articles: one statement each "
          f"{min(one_by_one) / 1000:.2f} s, batched {min(batched) / 1000:.2f} s (best of {repeats})")


if __name__ == "__main__":
    main()
