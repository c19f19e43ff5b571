"""Preview speed: render time, first page load, keystroke-to-updated-preview, memory.

Run: .venv/bin/python -m benchmarks.bench_preview   (offscreen; prints numbers)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.articles import arabic_markdown  # noqa: E402
from editor_app.core.records import ArticleDraft  # noqa: E402
from editor_app.core import render as render_module  # noqa: E402
from editor_app.core.render import render_markdown  # noqa: E402
from editor_app.core.templates import ArticleTemplates, article_context  # noqa: E402

WORDS = 5000


def timed(function, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, n={len(ordered)}"


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def webengine_children_rss_mb() -> float:
    total = 0.0
    me = str(os.getpid())
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if "QtWebEngineProc" in text and f"PPid:\t{me}" in text or ("QtWebEngineProc" in text and _ancestor_is(status.parent.name, me)):
            total += rss_mb(status.parent.name)
    return total


def _ancestor_is(pid: str, ancestor: str) -> bool:
    for _ in range(5):
        try:
            ppid = next(l.split()[1] for l in Path(f"/proc/{pid}/status").read_text().splitlines() if l.startswith("PPid:"))
        except (OSError, StopIteration):
            return False
        if ppid == ancestor:
            return True
        pid = ppid
    return False


def main() -> None:
    body = arabic_markdown(WORDS)
    print(f"article: {len(body.split())} words, {len(body):,} characters")
    def cold() -> None:
        render_module._local.segments = None  # no cached segments: the first render of an article
        render_markdown(body)

    print(f"render, cold (Markdown + sanitise, nothing cached): {summary(timed(cold, 30))}")
    edits = iter(range(10**6))
    render_markdown(body)
    print(f"render after a one-word edit (other segments cached): "
          f"{summary(timed(lambda: render_markdown(body + f' كلمة{next(edits)}'), 30))}")
    templates = ArticleTemplates()
    from editor_app.core.library import Library
    from editor_app.core.storage import Database

    data_dir = Path(tempfile.mkdtemp())
    database = Database(f"sqlite:///{data_dir / 'bench.db'}")
    record = Library(database).create(ArticleDraft(title="مقال للقياس", body=body, author="أمين نشاط"))
    context_time = timed(lambda: templates.render_article(article_context(record)), 30)
    print(f"article block for the preview (render + template, warm): {summary(context_time)}")

    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    from editor_app.core.storage import resolve_location
    from editor_app.ui.application import create_application, create_main_window

    rss_before_app = rss_mb()
    app = create_application(sys.argv[:1])
    location = resolve_location(data_dir=data_dir, environ={}, database_url=database.url)
    clock = QElapsedTimer()
    clock.start()
    window = create_main_window(database, location)
    window.resize(1400, 900)
    window.show()
    preview = window.preview
    while preview.load_count == 0 and clock.elapsed() < 20_000:
        app.processEvents()
    print(f"window + preview first load (cold WebEngine): {clock.elapsed()} ms")

    clock.restart()
    preview.load_page(templates.render_page(article_context(record), window.preview_controller.page_options))
    loads = preview.load_count
    while preview.load_count == loads and clock.elapsed() < 20_000:
        app.processEvents()
    print(f"preview page load (warm, {WORDS} words): {clock.elapsed()} ms")

    latencies = []
    editor = window.editor.body_edit
    for round_number in range(20):
        patched = preview.patch_count
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        start = time.perf_counter()
        editor.insertPlainText(f" كلمة{round_number}")
        while preview.patch_count == patched and time.perf_counter() - start < 10:
            app.processEvents()
        latencies.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    print(f"keystroke → preview patched (adaptive debounce included: {window.preview_controller.debounce_ms} ms at the end): {summary(latencies)}")

    app.processEvents()
    print(f"memory: app process {rss_mb():.0f} MB RSS (was {rss_before_app:.0f} MB before Qt); "
          f"WebEngine helper processes {webengine_children_rss_mb():.0f} MB RSS")
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
