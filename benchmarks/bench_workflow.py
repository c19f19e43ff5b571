"""The editorial workflow on a newsroom server on 127.0.0.1 (core.workflow).

Run: .venv/bin/python -m benchmarks.bench_workflow [SENDS]
Starts a private PostgreSQL cluster, sets it up with `midad server init`, adds a writer and an
editor with a desk, then measures over SENDS sends (default 200) of the writer's articles to the
editor: the send itself (the server's checks, placement, event, notifications in one call), and
how long until the editor's session hears of it (LISTEN midad_workflow: from the send's commit to
the editor's watcher waking). Also the cost of the list's stage column: placements of a page of
200 rows, and the editor's unread count.
"""

from __future__ import annotations

import statistics
import sys
import time

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.server.people import People
from editor_app.core.server.setup import initialise_server
from editor_app.core.storage import Database
from editor_app.core.workflow.service import Workflow
from editor_app.core.workflow.watch import NotificationWatcher
from tests.postgres.cluster import PostgresCluster

PASSWORD = "bench-password"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, seconds: list[float]) -> None:
    milliseconds = [value * 1000 for value in seconds]
    print(f"{name}: p50 {statistics.median(milliseconds):.1f} ms, p95 {percentile(milliseconds, 0.95):.1f} ms, "
          f"max {max(milliseconds):.1f} ms (n={len(milliseconds)})")


def main() -> None:
    sends = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    cluster = PostgresCluster.start()
    try:
        name = cluster.create_database("bench_workflow")
        initialise_server(cluster.url(name))
        owner = Database(cluster.url(name))
        people = People(owner)
        people.add("bench_writer", "كاتب", "writer", PASSWORD)
        people.add("bench_editor", "محرر", "editor", PASSWORD)
        people.add("bench_chief", "رئيس", "chief", PASSWORD)
        open_ = lambda login: Database(cluster.url(name, user=login, password=PASSWORD))  # noqa: E731
        chief = Workflow(Library(open_("bench_chief")))
        chief.add_desk("أخبار")
        writer = Workflow(Library(open_("bench_writer")))
        editor_database = open_("bench_editor")
        editor = Workflow(Library(editor_database))
        watcher = NotificationWatcher(editor_database, "bench_editor")
        stage = writer.find_stage("أخبار/تحرير").id
        articles = writer.library.import_drafts([ArticleDraft(title=f"مقال {n}", body="نص") for n in range(sends)])
        send_times, heard = [], []
        for article in articles:
            started = time.perf_counter()
            writer.send(article.id, stage, "bench_editor", "راجعه")
            committed = time.perf_counter()
            if not watcher.wait(5.0):
                raise SystemExit("the editor never heard of a send")
            heard.append(time.perf_counter() - committed)
            send_times.append(committed - started)
        report("send (server checks + placement + event + notifications)", send_times)
        report("send → the editor's session hears it (LISTEN/NOTIFY)", heard)
        ids = [article.id for article in articles][:200]
        column = []
        for _ in range(50):
            started = time.perf_counter()
            editor.placements(ids)
            column.append(time.perf_counter() - started)
        report(f"stage column: placements of a page of {len(ids)} rows", column)
        counts = []
        for _ in range(50):
            started = time.perf_counter()
            editor.unread_count()
            counts.append(time.perf_counter() - started)
        report(f"unread count ({editor.unread_count()} unread)", counts)
        watcher.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
