"""Crash torture: start the real app, type Arabic through real key events, SIGKILL it at a
random moment (while typing, autosaving, writing a revision or exporting), and check that
the database is whole and holds everything typed more than 2 seconds before the kill.

Run: .venv/bin/python -m benchmarks.torture [KILLS]   (default 100; a few seconds per kill)
The test suite runs a short version (tests/ui/test_torture.py).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor_app.core.library import Library  # noqa: E402
from editor_app.core.storage import Database, resolve_location  # noqa: E402
from tests.ui.drivers.torture_writer import TORTURE_TITLE, chunks  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
GRACE_SECONDS = 2.0


@dataclass
class TortureReport:
    kills: int = 0
    integrity_failures: int = 0
    losses_older_than_grace: int = 0
    invented_text: int = 0
    oldest_loss_seconds: float = 0.0
    during: dict[str, int] = field(default_factory=lambda: {"revision": 0, "export": 0, "typing only": 0})
    typed_characters: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.kills} kills: {self.integrity_failures} integrity failures, {self.losses_older_than_grace} "
                f"losses older than {GRACE_SECONDS:.0f} s, {self.invented_text} with text never typed; oldest text "
                f"lost at a kill: {self.oldest_loss_seconds:.2f} s; kills during a revision write "
                f"{self.during['revision']}, during an export {self.during['export']}, while only typing "
                f"{self.during['typing only']}; {self.typed_characters:,} characters in the article at the end")


def _stored_body(data_dir: Path) -> str:
    database = Database(resolve_location(data_dir=data_dir, environ={}).database_url)
    try:
        library = Library(database)
        found = [s for s in library.summaries() if s.title == TORTURE_TITLE]
        return library.get(found[0].id).body if found else ""
    finally:
        database.close()


def one_kill(data_dir: Path, seed: int, delay: float, report: TortureReport, aim: str | None = None) -> None:
    """Kill after `delay` seconds, or (aim="revision"/"export") the moment that step begins."""
    before = _stored_body(data_dir) if (data_dir / "midad.db").exists() else ""
    process = subprocess.Popen([sys.executable, "-m", "tests.ui.drivers.torture_writer", str(data_dir), str(seed)],
                               cwd=REPO_ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    lines: list[str] = []
    ready = threading.Event()

    aimed = threading.Event()
    kill_times: list[float] = []

    def read() -> None:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                ready.set()
            elif aim and line.startswith("BEGIN ") and line.rstrip().endswith(aim) and not aimed.is_set():
                kill_times.append(time.monotonic())
                process.send_signal(signal.SIGKILL)  # while the step is still writing
                aimed.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(90):
        process.kill()
        process.wait()
        report.failures.append(f"seed {seed}: the app did not start")
        return
    if aim:
        aimed.wait(30)
    else:
        time.sleep(delay)
    killed_at = kill_times[0] if kill_times else time.monotonic()
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join(10)
    report.kills += 1

    typed = [(float(t), json.loads(chunk)) for kind, t, chunk in
             (line.split(" ", 2) for line in lines if line.startswith("TYPED "))]
    open_steps = {}
    for line in lines:
        kind, *rest = line.split(" ")
        if kind == "BEGIN":
            open_steps[rest[1]] = True
        elif kind == "END":
            open_steps.pop(rest[1], None)
    in_progress = [step for step in ("revision", "export") if step in open_steps]
    report.during[in_progress[0] if in_progress else "typing only"] += 1

    with sqlite3.connect(data_dir / "midad.db") as connection:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        report.integrity_failures += 1
        report.failures.append(f"seed {seed}: integrity_check says {verdict}")
        return
    stored = _stored_body(data_dir)
    possible = before + "".join(islice(chunks(seed), len(typed) + 1))  # one chunk may be typed, not yet reported
    required = before + "".join(chunk for t, chunk in typed if t <= killed_at - GRACE_SECONDS)
    if not possible.startswith(stored):
        report.invented_text += 1
        report.failures.append(f"seed {seed}: the stored text is not what was typed")
    if not stored.startswith(required):
        report.losses_older_than_grace += 1
        report.failures.append(f"seed {seed}: text typed more than {GRACE_SECONDS} s before the kill is missing")
    kept = len(stored) - len(before)
    position = 0
    for t, chunk in typed:
        position += len(chunk)
        if position > kept:
            report.oldest_loss_seconds = max(report.oldest_loss_seconds, killed_at - t)
            break
    report.typed_characters = len(stored)


def run_torture(kills: int, data_dir: Path, rng: random.Random, progress=None) -> TortureReport:
    report = TortureReport()
    for number in range(kills):
        # Most kills land at a random moment (typing, autosaving); some are aimed at the
        # start of a revision write or an export, which last only milliseconds.
        aim = rng.choices([None, "revision", "export"], weights=[3, 1, 1])[0]
        one_kill(data_dir, seed=rng.randrange(1_000_000), delay=rng.uniform(0.3, 6.0), report=report, aim=aim)
        if progress:
            progress(number + 1, report)
    return report


def main() -> None:
    kills = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    folder = Path(tempfile.mkdtemp(prefix="midad-torture-"))
    started = time.monotonic()
    report = run_torture(kills, folder / "data", random.Random(2024),
                         progress=lambda n, r: print(f"kill {n}/{kills}: {len(r.failures)} failures", flush=True))
    print(report.summary())
    print(f"database size at the end: {(folder / 'data' / 'midad.db').stat().st_size / 1024:.0f} KB; "
          f"total {time.monotonic() - started:.0f} s")
    for failure in report.failures:
        print("FAILURE:", failure)
    sys.exit(1 if report.failures else 0)


if __name__ == "__main__":
    main()
