"""Editor speed on a 20,000-word Arabic article: opening, keystrokes, find-all.

Run: .venv/bin/python -m benchmarks.bench_editor [--words 200000]   (offscreen; prints numbers)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.articles import arabic_markdown  # noqa: E402
from editor_app.core.find import find_all  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.records import ArticleDraft  # noqa: E402
from editor_app.core.storage import Database, resolve_location  # noqa: E402
from editor_app.ui.application import create_application, create_main_window  # noqa: E402

WORDS = 20_000


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def describe(samples: list[float]) -> str:
    return f"median {statistics.median(samples):.2f} ms, p95 {percentile(samples, 0.95):.2f} ms, max {max(samples):.2f} ms, n={len(samples)}"


def keystrokes(app, editor, count: int) -> list[float]:
    samples = []
    text = "وقال المسؤول إن التعاون مستمر "
    for index in range(count):
        character = text[index % len(text)]
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character))
        editor.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    return samples


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=WORDS)
    body = arabic_markdown(parser.parse_args().words)
    print(f"article: {len(body.split()):,} words, {len(body):,} characters, {body.count(chr(10)):,} lines")
    data_dir = Path(tempfile.mkdtemp())
    location = resolve_location(data_dir=data_dir, environ={})
    database = Database(location.database_url)
    library = Library(database)
    small = library.create(ArticleDraft(title="قصير", body="نص قصير"))
    big = library.create(ArticleDraft(title="طويل", body=body))

    app = create_application(sys.argv[:1])
    window = create_main_window(database, location)
    window.resize(1400, 900)
    window.show()
    window.open_article(small.id)
    app.processEvents()
    editor = window.editor.body_edit

    start = time.perf_counter()
    window.open_article(big.id)
    editor.viewport().repaint()
    opened = (time.perf_counter() - start) * 1000
    print(f"open the article (load, highlight, lay out, first paint): {opened:.0f} ms")

    spell_start = time.perf_counter()
    while window.editor.spell_pass.running:
        app.processEvents()
    print(f"background spelling pass over the whole article: {(time.perf_counter() - spell_start) * 1000:.0f} ms")

    cursor = editor.textCursor()
    cursor.setPosition(len(body) // 2)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    app.processEvents()
    samples = keystrokes(app, editor, 300)
    print(f"keystroke → handled and painted (highlighting + spelling on): {describe(samples)}")

    text = editor.toPlainText()
    find_samples = []
    for query in ("مكافحه", "الارهاب", "الولايات المتحده", "التعاون"):
        start = time.perf_counter()
        matches = find_all(text, query)
        find_samples.append((time.perf_counter() - start) * 1000)
    print(f"find-all with normalisation (core, 4 queries, {len(matches)} matches for the last): {describe(find_samples)}")

    find = window.editor.find_bar
    find.open_find()
    find.query.setText("التعاون")
    start = time.perf_counter()
    find.refresh()
    print(f"find-all in the window (search + highlight {len(find.matches)} matches): {(time.perf_counter() - start) * 1000:.0f} ms")
    window.close()


if __name__ == "__main__":
    main()
