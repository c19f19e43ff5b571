"""The writer the crash torture kills: the real window, real key events, Arabic words
appended to one article without pause, Ctrl+S every few seconds (a revision write) and
an HTML export every few seconds, each step reported on stdout with the monotonic clock.

Usage: python -m tests.ui.drivers.torture_writer DATA_DIR SEED
Lines: READY id | TYPED t json-chunk | BEGIN t what | END t what
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from editor_app.core.exporters import ExportOptions  # noqa: E402
from editor_app.core.exporters.standalone_html import export_standalone_html  # noqa: E402
from editor_app.core.storage import open_database, resolve_location  # noqa: E402
from editor_app.ui.application import create_application, create_main_window  # noqa: E402
from tests.ui.typing import type_text  # noqa: E402

WORDS = ("الأمن", "السيبراني", "وزارة", "الخارجية", "“التعاون”", "Interpol", "2024", "الرباط،", "مكافحة",
         "الإرهاب", "الرقمي", "iPhone", "16", "في", "من", "إلى", "العصر", "الجيوسياسية", "؛", "تعزيز")
TORTURE_TITLE = "مقال التعذيب"


def chunks(seed: int):
    """The words this writer types, in order: the torture replays them to know what was typed."""
    generator = random.Random(seed)
    while True:
        yield generator.choice(WORDS) + (" " if generator.random() > 0.08 else "\n\n")


def say(*parts: object) -> None:
    print(*parts, flush=True)


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    words = chunks(seed)
    app = create_application(sys.argv[:1])
    location = resolve_location(data_dir=data_dir, environ={})
    database = open_database(location)
    window = create_main_window(database, location)
    window.show()
    library = window.library
    existing = [s for s in library.summaries() if s.title == TORTURE_TITLE]
    if existing:
        window.open_article(existing[0].id)
    else:
        window.new_article()
        window.editor.title_edit.setText(TORTURE_TITLE)
        window.autosave.schedule()
        window.autosave.flush()
    editor = window.editor.body_edit
    editor.setFocus()
    say("READY", window.editor.article_id)

    def type_word() -> None:
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        chunk = next(words)
        type_text(editor, chunk)
        say("TYPED", time.monotonic(), json.dumps(chunk, ensure_ascii=False))

    def explicit_save() -> None:
        say("BEGIN", time.monotonic(), "revision")
        window.save_now()
        say("END", time.monotonic(), "revision")

    def export() -> None:
        say("BEGIN", time.monotonic(), "export")
        record = library.get(window.editor.article_id)
        export_standalone_html(record, data_dir / "exports" / f"torture-{seed}.html",
                               ExportOptions(asset_loader=library.asset))
        say("END", time.monotonic(), "export")

    window.autosave.saved.connect(lambda record: say("END", time.monotonic(), "autosave"))
    for interval, action in ((60, type_word), (2500, explicit_save), (3300, export)):
        timer = QTimer(window)
        timer.timeout.connect(action)
        timer.start(interval)
    app.exec()


if __name__ == "__main__":
    main()
