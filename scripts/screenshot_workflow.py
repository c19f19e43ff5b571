"""Screenshots of the editorial workflow for the README, from a private test cluster, offscreen.

Usage: QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python scripts/screenshot_workflow.py docs/screenshots
Writes workflow-list.png (an editor's window: the list grouped by desk and stage with the stage
column, the bell with its count) and workflow-board.png (Workflow › Desks and stages).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from editor_app.core.records import ArticleDraft
from editor_app.core.storage import resolve_location
from editor_app.core.workflow.service import Workflow
from editor_app.ui.application import create_application, create_main_window
from editor_app.ui.i18n import apply_language
from editor_app.ui.workflow.actions import STAGE_COLUMN
from editor_app.ui.workflow.stage_board import StageBoard
from tests.postgres.cluster import PostgresCluster
from tests.postgres.fixtures import Newsroom

STORIES = (  # title, writer, desk/stage, sent to
    ("الموانئ المغربية تستعد لموسم الصيف", "samir", "أخبار/تحرير", "huda"),
    ("البرلمان يناقش قانون المالية الجديد", "layla", "أخبار/تحرير", "huda"),
    ("حوار مع وزير النقل عن القطار السريع", "samir", "أخبار/تدقيق", "nadia"),
    ("العلاقات المغربية-الأمريكية: شراكة استراتيجية", "layla", "أخبار/جاهز", None),
    ("أسعار القمح ترتفع في الأسواق العالمية", "samir", "اقتصاد/كتابة", "samir"),
    ("البنك المركزي يبقي سعر الفائدة دون تغيير", "layla", "اقتصاد/تدقيق", "nadia"),
)


def settle(app: QApplication, milliseconds: int) -> None:
    QTimer.singleShot(milliseconds, app.quit)
    app.exec()


def main(folder: Path) -> None:
    cluster = PostgresCluster.start()
    try:
        app = create_application([])
        apply_language("ar")
        room = Newsroom(cluster, cluster.create_database("workflow"))
        people = {"samir": room.add("writer", "سمير العلوي"), "layla": room.add("writer", "ليلى حداد"),
                  "huda": room.add("editor", "هدى السعدي"), "nadia": room.add("editor", "نادية بنعلي")}
        chief = Workflow(room.library(room.add("chief", "أمين نشاط")))
        chief.add_desk("أخبار")
        chief.add_desk("اقتصاد")
        for title, writer, path, person in STORIES:
            flow = Workflow(room.library(people[writer]))
            article = flow.library.create(ArticleDraft(title=title, body="نص المسودة."))
            target = path.split("/")[1]
            sender = flow if target in ("كتابة", "تحرير") else chief
            sender.send(article.id, sender.find_stage(path).id, people[person] if person else None, "للمتابعة")
        location = resolve_location(data_dir=Path(tempfile.mkdtemp(prefix="midad-shot-")), environ={})
        window = create_main_window(room.open(room.url(people["huda"])), location)
        window.resize(1400, 860)
        window.show()
        window.splitter.setSizes([760, 380, 260])
        window.list_panel.view.sortByColumn(STAGE_COLUMN, Qt.SortOrder.AscendingOrder)
        window.list_panel.view.setColumnWidth(STAGE_COLUMN, 190)
        settle(app, 2500)
        window.grab().save(str(folder / "workflow-list.png"))
        board = StageBoard(window)
        flow = window.workflow.workflow
        placements = flow.placements()
        board.show_board(flow.desks(), placements,
                         {s.id: s.title for s in window.library.summaries_for(list(placements))})
        board.resize(560, 520)
        board.show()
        settle(app, 800)
        board.grab().save(str(folder / "workflow-board.png"))
        board.close()
        window.close()
        room.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
