"""Comments and suggestions on a 20,000-word Arabic article: what they add to a keystroke,
to opening the article, and to finding anchors again after the text changed elsewhere.

Run: .venv/bin/python -m benchmarks.bench_annotations   (offscreen; prints numbers)
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.articles import arabic_markdown  # noqa: E402
from benchmarks.bench_editor import describe, keystrokes  # noqa: E402
from editor_app.core.annotations.anchors import anchor_at, relocated  # noqa: E402
from editor_app.core.annotations.marks import MarkLayer  # noqa: E402
from editor_app.core.annotations.store import Annotations  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.records import ArticleDraft  # noqa: E402
from editor_app.core.storage import Database, resolve_location  # noqa: E402
from editor_app.ui.application import create_application, create_main_window  # noqa: E402

WORDS = 20_000
THREADS, SUGGESTIONS = 100, 50


def main() -> None:
    body = arabic_markdown(WORDS)
    rng = random.Random(7)
    print(f"article: {len(body.split()):,} words, {len(body):,} characters; {THREADS} threads, {SUGGESTIONS} suggestions")
    location = resolve_location(data_dir=Path(tempfile.mkdtemp()), environ={})
    database = Database(location.database_url)
    library = Library(database)
    plain = library.create(ArticleDraft(title="بلا تعليقات", body=body))
    annotated = library.create(ArticleDraft(title="بتعليقات", body=body))
    notes = Annotations(library)
    for index in range(THREADS):
        start = rng.randrange(0, len(body) - 40)
        notes.start_thread(annotated.id, start, start + rng.randint(5, 40), f"تعليق {index}")
    for index in range(SUGGESTIONS):
        start = rng.randrange(0, len(body) - 20)
        if index % 2:
            notes.suggest_insert(annotated.id, start, " إضافة مقترحة")
        else:
            notes.suggest_delete(annotated.id, start, start + rng.randint(3, 20))

    layer = MarkLayer(body)
    for index in range(THREADS + SUGGESTIONS):
        start = rng.randrange(0, len(body) - 40)
        layer.add_comment(f"t{index}", start, start + 20, "hoda")
    samples = []
    for _ in range(300):
        position = rng.randrange(0, len(layer.text))
        start = time.perf_counter()
        layer.edit(position, 0, "ك")
        samples.append((time.perf_counter() - start) * 1000)
    print(f"core: one keystroke moves {THREADS + SUGGESTIONS} marks: {describe(samples)}")

    changed = "فقرة جديدة أضافها زميل من مكتب آخر.\n\n" + body.replace("التعاون", "التنسيق", 20)
    anchors = [anchor_at(body, s, s + 25) for s in (rng.randrange(0, len(body) - 30) for _ in range(THREADS))]
    for label, old in (("with the old text (diff)", body), ("by quote and context only", None)):
        start = time.perf_counter()
        found = [relocated(anchor, changed, old_text=old) for anchor in anchors]
        elapsed = (time.perf_counter() - start) * 1000
        kept = sum(not anchor.orphaned for anchor in found)
        print(f"core: {THREADS} anchors found again after a change elsewhere, {label}: {elapsed:.0f} ms ({kept} found)")

    app = create_application(sys.argv[:1])
    window = create_main_window(database, location)
    window.resize(1400, 900)
    window.show()
    editor = window.editor.body_edit
    for record, label in ((plain, "no annotations"), (annotated, "with annotations")):
        start = time.perf_counter()
        window.open_article(record.id)
        editor.viewport().repaint()
        print(f"open the article, {label}: {(time.perf_counter() - start) * 1000:.0f} ms")
        while window.editor.spell_pass.running:
            app.processEvents()
        cursor = editor.textCursor()
        cursor.setPosition(len(body) // 2)
        editor.setTextCursor(cursor)
        editor.centerCursor()
        app.processEvents()
        print(f"keystroke → handled and painted, {label}: {describe(keystrokes(app, editor, 200))}")
    window.annotation_controller.set_suggesting(True)
    print(f"keystroke in suggest mode: {describe(keystrokes(app, editor, 200))}")
    window.close()


if __name__ == "__main__":
    main()
