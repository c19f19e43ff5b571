"""A newsroom server on 127.0.0.1: search and save on PostgreSQL, as its people see them.

Run: .venv/bin/python -m benchmarks.bench_server [COUNT] [SECONDS] [--seed-bulk] [--rounds N]
         [--writers-seconds S]
Starts a private PostgreSQL cluster (tests/postgres/cluster.py: TLS, SCRAM), sets it up with
`midad server init`, imports up to COUNT generated 600-word Arabic articles (default 100,000)
for at most SECONDS of importing (default 240), spreads them over eight writers, then
measures, through the row-level security each person has:
search (an editor sees every article; a writer only theirs), an autosave, a list page, and
how long one person's save takes to show in another's list (polled as the window does).

--seed-bulk: the articles go in by COPY (benchmarks/seed_newsroom.py: the same rows as the
  app's import, checked on a sample first) instead of through Library.import_drafts, which
  manages about 60 articles/s: 100,000 in minutes instead of half an hour. SECONDS is ignored.
  --distinct D: only D of them generated (a multiple of 1,000), each stored COUNT/D times: the
  words' spread over the articles stays the same; making D distinct search rows is what costs.
--rounds N: measure N times (the machine is shared: each round prints the load average).
--writers-seconds S: then run benchmarks/bench_writers (50 writers, a save every 2 s) for S
  seconds against this server (the 100,000 articles in it) and report the server's CPU.
"""

from __future__ import annotations

import argparse
import os
import random
import threading
import time

from benchmarks.bench_library import generate, summary
from editor_app.core import concurrent_edits
from editor_app.core.changes import ExternalChanges
from editor_app.core.concurrent_edits import TextBase
from editor_app.core.library import Library
from editor_app.core.listing import ListQuery
from editor_app.core.server.people import People
from editor_app.core.server.setup import initialise_server
from editor_app.core.storage import Database
from tests.postgres.cluster import PostgresCluster

WRITERS = 8
PASSWORD = "bench-password"
POLL_INTERVAL = 0.25  # ui.concurrency.change_events.POLL_INTERVAL_MS
QUERIES = ["الإرهاب", "الارهاب", "مكافحة", "مكافحه", "مُكافحة", "الأمن", "الامن", "والأمن", "الأَمْن", "التعاون",
           "التَّعاوُن", "المغرب", "الولايات المتحدة", "استراتيج", "إستراتيجية", "الاستخبار", "السيبراني",
           "الجيوسياسية", "تعزيز الأمن", "تعزيز الامن", "الشرق الأوسط", "الشَّرق الاوسط", "منطقة", "منطقه",
           "الإقليمي", "الاقليمي", "وزارة الخارجية", "العصر الرقمي", "مدا", "تكنولوجي", "الدبلوماسية الأمنية",
           "حيوية", "المسؤول", "المسئول", "بالتعاون", "للأمن"]


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("budget", nargs="?", type=float, default=240.0)
    parser.add_argument("--seed-bulk", action="store_true")
    parser.add_argument("--distinct", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--writers-seconds", type=float, default=0)
    args = parser.parse_args()
    cluster = PostgresCluster.start()
    try:
        run(cluster, args)
    finally:
        cluster.stop()


def run(cluster: PostgresCluster, args: argparse.Namespace) -> None:
    count, budget = args.count, args.budget
    name = cluster.create_database("midad_bench")
    owner_url = cluster.url(name)
    initialise_server(owner_url)
    owner = Database(owner_url)
    people = People(owner)
    writers = [people.add(f"bench_writer_{n}", f"كاتب {n}", "writer", PASSWORD).login for n in range(WRITERS)]
    editor = people.add("bench_editor", "محرر", "editor", PASSWORD).login

    if args.seed_bulk:
        from benchmarks import seed_newsroom

        seed_newsroom.check_against_app(owner, seed_newsroom.sample())
        imported, elapsed = seed_newsroom.seed(owner, count, args.distinct or count)
    else:
        imported, elapsed = import_through_app(Library(owner), count, budget)
    with owner.engine.begin() as connection:
        for number, login in enumerate(writers):
            connection.exec_driver_sql(f"UPDATE articles SET created_by = '{login}' WHERE mod(id, {WRITERS}) = {number}")
        connection.exec_driver_sql("ANALYZE")
    size = cluster.execute(f"SELECT pg_database_size('{name}')")[0][0] / 1024 / 1024
    how = (f"by COPY (--seed-bulk, {args.distinct or count:,} distinct)" if args.seed_bulk
           else "through the app, over TLS on 127.0.0.1")
    print(f"imported {imported:,} articles of 600 words in {elapsed:.0f} s ({imported / elapsed:,.0f} articles/s, "
          f"search index kept in step, {how}); database {size:,.0f} MB")

    if not args.seed_bulk:
        compare_search_rows(owner)
    for round_number in range(1, args.rounds + 1):
        print(f"-- round {round_number} ({load()})")
        measure(cluster, name, editor, writers)
    if args.writers_seconds:
        from benchmarks.server_writers import run_writers

        run_writers(cluster, cluster.url(name), args.writers_seconds, load)
    owner.close()


def import_through_app(library: Library, count: int, budget: float) -> tuple[int, float]:
    start = time.perf_counter()
    imported = 0
    for batch in generate(count, random.Random(7)):
        library.import_drafts(batch)
        imported += len(batch)
        if time.perf_counter() - start > budget:
            break
    return imported, time.perf_counter() - start


def measure(cluster: PostgresCluster, name: str, editor: str, writers: list[str]) -> None:
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
    print(f"autosave of a 600-word article by its writer (search index kept in step): {summary(samples)} ({load()})")
    based = []
    for number, article_id in enumerate(ids):
        base = TextBase.of(writer.get(article_id))
        based.append(timed(lambda: concurrent_edits.save_text(writer, base, base.title, base.body + f" كلمة{number}")))
    print(f"  the window's save, with its base version (UPDATE … WHERE version): {summary(based)}")
    seen_in_list(cluster, name, writers[0], ids)
    database.close()


def seen_in_list(cluster: PostgresCluster, name: str, writer: str, ids: list[int], saves: int = 40) -> None:
    """One writer saves; another client (the same person's second window: it may see the article)
    polls as the window does (ExternalChanges every 250 ms, woken by NOTIFY) and reloads its list
    page: the time from the save's commit to the new version in that list."""
    saving = Library(Database(cluster.url(name, user=writer, password=PASSWORD), migrate=False))
    watching_db = Database(cluster.url(name, user=writer, password=PASSWORD), migrate=False)
    watching = Library(watching_db)
    watcher = ExternalChanges(watching_db)
    generator = random.Random(5)
    samples = []
    for number in range(saves):
        article_id = ids[number % len(ids)]
        record = saving.get(article_id)
        committed: list[float] = []
        thread = threading.Thread(target=lambda: (time.sleep(generator.uniform(0, POLL_INTERVAL)),
                                                  saving.save_text(article_id, title=record.title,
                                                                   body=record.body + f" مرئي{number}"),
                                                  committed.append(time.perf_counter())))
        thread.start()
        while True:
            time.sleep(POLL_INTERVAL)
            change = watcher.poll()
            if change is not None and article_id in change.article_ids:
                rows = watching.page(ListQuery(), 0, 200)
                if any(row.id == article_id and row.updated_at > record.updated_at for row in rows):
                    break
        thread.join()
        samples.append((time.perf_counter() - committed[0]) * 1000)
    print(f"a save seen in another client's list (poll every {POLL_INTERVAL * 1000:.0f} ms as the window, "
          f"NOTIFY, list page reloaded): {summary(samples)} ({load()})")
    watcher.close()
    watching_db.close()
    saving.database.close()


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
