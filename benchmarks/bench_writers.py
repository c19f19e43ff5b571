"""Many writers saving one article at once (issue 17's "0 lost updates"): each writer has its own
connection, keeps the version it last saw, adds a word to its own paragraph every INTERVAL
seconds and saves through core.concurrent_edits (merging when someone saved meanwhile). At the
end every accepted edit must be in the final text (or a revision): anything else is a lost update.

Run: .venv/bin/python -m benchmarks.bench_writers [--writers 50] [--seconds 300] [--interval 2]
     [--database-url URL]   (default: a new SQLite file)
"""

from __future__ import annotations

import argparse
from collections import Counter
import statistics
import tempfile
import threading
import time
from pathlib import Path

from editor_app.core import concurrent_edits
from editor_app.core.concurrent_edits import TextBase
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database


def run(url: str, writers: int, seconds: float, interval: float) -> None:
    setup = Database(url)
    body = "\n\n".join(f"فقرة الكاتب {number}:" for number in range(writers)) + "\n"
    article = Library(setup).create(ArticleDraft(title="مقال مشترك", body=body))
    accepted: list[str] = []
    save_times: list[float] = []
    merges = conflicts = failures = 0
    failure_kinds: Counter[str] = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def writer(number: int) -> None:
        nonlocal merges, conflicts, failures
        database = Database(url, migrate=False)
        library = Library(database, actor=f"w{number}")
        base = TextBase.of(library.get(article.id))
        title, text = base.title, base.body
        count = 0
        while time.monotonic() < deadline:
            count += 1
            word = f"w{number}n{count}"
            lines = text.split("\n\n")
            lines[number] = lines[number].rstrip("\n") + " " + word + ("\n" if number == writers - 1 else "")
            mine = "\n\n".join(lines)
            started = time.perf_counter()
            try:
                outcome = concurrent_edits.save_text(library, base, title, mine)
            except Exception as error:  # noqa: BLE001 - counted: a save that did not happen is not a lost one
                with lock:
                    failures += 1
                    failure_kinds[type(error).__name__] += 1
                time.sleep(interval)
                continue
            elapsed = time.perf_counter() - started
            with lock:
                save_times.append(elapsed)
                if outcome.conflict is not None:
                    conflicts += 1
                else:
                    accepted.append(word)
                    merges += outcome.merged
            if outcome.record is not None:
                base = TextBase.of(outcome.record)
                text = outcome.record.body
            else:  # a conflict (not expected: each writer has its own paragraph): start again from theirs
                base = TextBase.of(outcome.conflict.theirs)
                text = outcome.conflict.theirs.body
            time.sleep(interval)
        database.close()

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    library = Library(setup)
    final = library.get(article.id).body
    kept = final + "".join(revision.body for revision in library.revisions(article.id))
    lost = [word for word in accepted if f" {word}" not in kept]
    ordered = sorted(save_times)
    print(f"{writers} writers, {seconds:.0f} s, a save every {interval} s each ({setup.engine.dialect.name}): "
          f"{len(accepted)} saves accepted ({merges} merged with others' edits), {conflicts} conflicts, "
          f"{failures} failed saves {dict(failure_kinds)}, {len(lost)} lost updates; save p50 "
          f"{statistics.median(ordered) * 1000:.1f} ms, p95 {ordered[int(len(ordered) * 0.95) - 1] * 1000:.1f} ms")
    setup.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--interval", type=float, default=2)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'writers.db'}"
    run(url, args.writers, args.seconds, args.interval)


if __name__ == "__main__":
    main()
