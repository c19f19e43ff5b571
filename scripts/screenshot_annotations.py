"""Takes docs/screenshots/comments.png and suggestions.png: the seed editorial on a private
newsroom PostgreSQL, a comment thread between the desk editor and the writer, and suggested
edits by two editors, as the desk editor's window shows them (offscreen, widget.grab()).

Usage: QT_QPA_PLATFORM=offscreen PYTHONPATH=. python scripts/screenshot_annotations.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor_app.core.annotations.store import Annotations
from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import resolve_location
from editor_app.ui.application import create_application, create_main_window
from editor_app.ui.i18n import apply_language
from tests.postgres.cluster import PostgresCluster
from tests.postgres.fixtures import Newsroom

ROOT = Path(__file__).resolve().parents[1]


def settle(app: QApplication, milliseconds: int) -> None:
    """Let the window lay out and paint (a loop of its own: QApplication.quit would close it)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def span(body: str, words: str) -> tuple[int, int]:
    start = body.index(words)
    return start, start + len(words)


def main(folder: Path) -> None:
    cluster = PostgresCluster.start()
    try:
        app = create_application([])
        apply_language("ar")
        room = Newsroom(cluster, cluster.create_database("newsroom"))
        samir, huda, nadia = (room.add("writer", "سمير العلوي"), room.add("editor", "هدى السعدي"),
                              room.add("editor", "نادية بنعلي"))
        seed = read_article_file(ROOT / "tests" / "fixtures" / "seed_article.md")
        article = room.library(samir).create(ArticleDraft(title=seed.title, body=seed.body, author="أمين نشاط",
                                                          category="أخبار/أمن وعدالة", column=seed.column))
        body = article.body
        desk, writer, copy = (Annotations(room.library(login)) for login in (huda, samir, nadia))
        thread = desk.start_thread(article.id, *span(body, "وزارة الخارجية الأمريكية"),
                                   "@سمير العلوي ما اسم التقرير بالضبط؟ نحتاج رابط المصدر.")
        writer.reply(thread.id, "«تقرير التعاون الأمني 2024» — أضفت الرابط في الملاحظات.")
        desk.reply(thread.id, "شكرًا، سأراجع الفقرة الثالثة أيضًا.")
        copy.start_thread(article.id, *span(body, "الجريمة المنظمة"),
                          "هل نذكر مثالًا؟ خلية طنجة في مارس مثلًا.")

        location = resolve_location(data_dir=Path(tempfile.mkdtemp(prefix="midad-shot-")), environ={})
        window = create_main_window(room.open(room.url(huda)), location)
        window.resize(1400, 860)
        window.show()
        window.open_article(article.id)
        window.preview.hide()  # the margin beside the text, the preview folded away
        settle(app, 2500)
        window.grab().save(str(folder / "comments.png"))

        # Suggested edits: by two editors, each in their own colour.
        desk.suggest_insert(article.id, body.index("في صون الأمن"), "وشريك موثوق ")
        desk.suggest_delete(article.id, *span(body, "مجددًا "))
        copy.suggest_delete(article.id, *span(body, "والجهوي"))
        copy.suggest_insert(article.id, body.index("والجهوي"), "والدولي")
        desk.resolve(thread.id)
        window.editor.load(window.library.get(article.id))
        window.annotation_controller.set_suggesting(True)
        editor = window.editor.body_edit
        cursor = editor.textCursor()
        cursor.setPosition(editor.toPlainText().index("هذا الإقرار"))
        editor.setTextCursor(cursor)
        # Typed in suggest mode: struck, not removed; inserted, underlined.
        start = editor.toPlainText().index("حيوية ")
        cursor.setPosition(start)
        cursor.setPosition(start + len("حيوية"), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.setFocus()
        from tests.ui.typing import type_text

        type_text(editor, "استراتيجية")
        window.annotation_controller.save()
        window.annotation_pane.refresh()
        settle(app, 2500)
        window.grab().save(str(folder / "suggestions.png"))
        window.close()
        room.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
