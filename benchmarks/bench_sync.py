"""Offline-first sync (core.sync) against a newsroom server on 127.0.0.1.

Run: .venv/bin/python -m benchmarks.bench_sync [COUNT]
Starts a private PostgreSQL cluster (TLS, SCRAM), sets it up with `midad server init`,
imports COUNT generated 600-word Arabic articles (default 10,000), of which 3 in 10 were
changed in the last 30 days, then measures, as an editor's new desktop:
the first sync (time, articles replicated, local file size); one saved edit pushed (p95,
over 40 saves); catching up 1,000 changes made at the office while the desktop was offline.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks.bench_library import generate, summary
from editor_app.core.library import Library
from editor_app.core.listing import ListQuery
from editor_app.core.server.people import People
from editor_app.core.server.setup import initialise_server
from editor_app.core.storage import Database
from editor_app.core.sync.engine import SyncEngine
from tests.postgres.cluster import PostgresCluster

PASSWORD = "bench-password"
CATCH_UP = 1_000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    cluster = PostgresCluster.start()
    try:
        run(cluster, count)
    finally:
        cluster.stop()


def run(cluster: PostgresCluster, count: int) -> None:
    name = cluster.create_database("midad_bench")
    owner_url = cluster.url(name)
    initialise_server(owner_url)
    owner = Database(owner_url)
    editor = People(owner).add("bench_editor", "محرر", "editor", PASSWORD).login
    office = Library(owner)
    start = time.perf_counter()
    for batch in generate(count, random.Random(7)):
        office.import_drafts(batch)
    with owner.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE articles SET updated_at = now() - interval '90 days' WHERE mod(id, 10) >= 3")
        connection.exec_driver_sql("ANALYZE")
    print(f"newsroom of {count:,} articles (600 words; 3 in 10 changed in the last 30 days) made in "
          f"{time.perf_counter() - start:.0f} s")

    folder = Path(tempfile.mkdtemp(prefix="midad-bench-sync-"))
    local = Database(f"sqlite:///{folder / 'library.db'}")
    desktop = Library(local)
    server = Database(cluster.url(name, user=editor, password=PASSWORD), migrate=False)
    engine = SyncEngine(local, server, backoff=lambda attempts: timedelta(0))
    engine.join("bench")
    start = time.perf_counter()
    report = engine.sync_round()
    elapsed = time.perf_counter() - start
    size = (folder / "library.db").stat().st_size / 1024 / 1024
    print(f"first sync of a new desktop: {elapsed:.1f} s, {report.pulled:,} articles replicated, "
          f"local library {size:.0f} MB")

    ids = [row.id for row in desktop.page(ListQuery(), 0, 40)]
    samples = []
    for number, article_id in enumerate(ids):
        record = desktop.get(article_id)
        desktop.save_text(article_id, title=record.title, body=record.body + f" كلمة{number}")
        begin = time.perf_counter()
        engine.push()
        samples.append((time.perf_counter() - begin) * 1000)
    print(f"one saved edit pushed to the server (600-word article, search index kept in step there): {summary(samples)}")

    engine.sync_round()
    replicated = [row[0] for row in owner.engine.connect().exec_driver_sql(
        "SELECT id FROM articles WHERE updated_at > now() - interval '30 days' ORDER BY id LIMIT 1000")]
    for number in range(CATCH_UP):
        article_id = replicated[number % len(replicated)]
        record = office.get(article_id)
        office.save_text(article_id, title=record.title, body=record.body + f" مكتب{number}")
    start = time.perf_counter()
    report = engine.sync_round()
    print(f"catching up {CATCH_UP:,} changes made while offline ({report.pulled:,} articles changed here): "
          f"{time.perf_counter() - start:.1f} s")
    server.close()
    local.close()
    owner.close()


if __name__ == "__main__":
    main()
