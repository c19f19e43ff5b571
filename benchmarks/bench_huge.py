"""Huge input: opening a 200,000-word article and pasting 5 MB of text into the editor.
Reports the time and the longest the event loop was blocked (a 10 ms ticker measures
the gaps), and the save that follows.

Run: .venv/bin/python -m benchmarks.bench_huge   (offscreen; prints numbers)
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.articles import arabic_markdown  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.records import ArticleDraft  # noqa: E402
from editor_app.core.storage import Database, resolve_location  # noqa: E402
from editor_app.ui.application import create_application, create_main_window  # noqa: E402


class StallMeter:
    """The longest gap between ticks of a 10 ms timer: how long the window could not respond."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def measure(self, action, settle_seconds: float = 3.0) -> tuple[float, float]:
        self.longest, self.last = 0.0, time.perf_counter()
        self.timer.start()
        start = time.perf_counter()
        action()
        took = time.perf_counter() - start
        end = time.perf_counter() + settle_seconds  # what the action left queued runs too
        while time.perf_counter() < end:
            QApplication.processEvents()
            time.sleep(0.002)
        self.timer.stop()
        return took * 1000, self.longest * 1000


def main() -> None:
    app = create_application([])  # noqa: F841
    location = resolve_location(data_dir=Path(tempfile.mkdtemp()), environ={})
    database = Database(location.database_url)
    library = Library(database)
    body = arabic_markdown(200_000)
    record = library.create(ArticleDraft(title="مقال ضخم", body=body))
    print(f"article: {len(body.split()):,} words, {len(body) / 1e6:.1f} M characters")
    window = create_main_window(database, location)
    window.show()
    meter = StallMeter()
    took, stall = meter.measure(lambda: window.open_article(record.id))
    print(f"open the 200,000-word article: {took:.0f} ms; longest the window was blocked: {stall:.0f} ms")

    paste = arabic_markdown(5_000_000 // 6)[:5_000_000]
    window.new_article()
    mime = QMimeData()
    mime.setText(paste)
    took, stall = meter.measure(lambda: window.editor.body_edit.insertFromMimeData(mime))
    print(f"paste {len(paste) / 1e6:.1f} MB of text: {took:.0f} ms; longest the window was blocked: {stall:.0f} ms")
    start = time.perf_counter()
    assert window.autosave.flush()
    print(f"save after the paste: {(time.perf_counter() - start) * 1000:.0f} ms; stored "
          f"{len(library.get(window.editor.article_id).body) / 1e6:.1f} M characters")
    database.close()


if __name__ == "__main__":
    main()
