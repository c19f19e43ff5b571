"""Concurrency costs on SQLite (and on PostgreSQL with --database-url): a save that states its
base, a three-way merge of a long article, the change poll when nothing changed, and how long
a change by another connection takes to be seen by a tight poll (the window polls every 250 ms).

Run: .venv/bin/python -m benchmarks.bench_concurrency [--database-url URL]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.articles import arabic_markdown
from editor_app.core import concurrent_edits
from editor_app.core.changes import ExternalChanges
from editor_app.core.concurrent_edits import TextBase
from editor_app.core.library import Library
from editor_app.core.merge import merge_text
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    url = parser.parse_args().database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    mine_db, theirs_db = Database(url), Database(url)
    mine, theirs = Library(mine_db), Library(theirs_db)
    body = arabic_markdown(2000)
    record = mine.create(ArticleDraft(title="مقال", body=body))

    base = TextBase.of(record)
    saves = []
    for number in range(60):
        started = time.perf_counter()
        outcome = concurrent_edits.save_text(mine, base, "مقال", body + f"\nسطر {number}\n")
        saves.append(time.perf_counter() - started)
        base = TextBase.of(outcome.record)
    print(f"autosave with its base (2,000 words): {_ms(saves)}")
    plain = []
    for number in range(60):
        started = time.perf_counter()
        mine.save_text(record.id, title="مقال", body=body + f"\nسطر آخر {number}\n")
        plain.append(time.perf_counter() - started)
    print(f"the same save without a base (as before): {_ms(plain)}")
    base = TextBase.of(mine.get(record.id))

    paragraphs = body.split("\n\n")
    ours = "\n\n".join(paragraphs[:3] + [paragraphs[3] + " إضافة"] + paragraphs[4:])
    other = "\n\n".join(paragraphs[:-2] + [paragraphs[-2] + " تصحيح"] + paragraphs[-1:])
    merges = []
    for _ in range(30):
        started = time.perf_counter()
        merged = merge_text(body, ours, other)
        merges.append(time.perf_counter() - started)
    assert merged.clean
    print(f"three-way merge of a 2,000-word article, edits in two paragraphs: {_ms(merges)}")

    watcher = ExternalChanges(mine_db)
    idle = []
    for _ in range(500):
        started = time.perf_counter()
        watcher.poll()
        idle.append(time.perf_counter() - started)
    print(f"change poll when nothing changed: {_ms(idle)}")

    seen = []
    for number in range(40):
        committed = threading.Event()
        moment: list[float] = []

        def save_elsewhere(number=number) -> None:
            theirs.save_text(record.id, title="مقال", body=body + f"\nمن مكان آخر {number}\n")
            moment.append(time.perf_counter())
            committed.set()

        thread = threading.Thread(target=save_elsewhere)
        thread.start()
        committed.wait()
        while watcher.poll() is None:
            time.sleep(0.0005)
        seen.append(time.perf_counter() - moment[0])
        thread.join()
    print(f"another connection's save seen by a tight poll after its commit: {_ms(seen)} "
          f"(the window adds up to its 250 ms poll interval)")
    watcher.close()
    mine_db.close()
    theirs_db.close()


if __name__ == "__main__":
    main()
