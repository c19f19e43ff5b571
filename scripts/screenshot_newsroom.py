"""Screenshots of the window on a newsroom server (a private test cluster), for the README.

Usage (under Xvfb): DISPLAY=:57 PYTHONPATH=. .venv/bin/python scripts/screenshot_newsroom.py docs/screenshots
Writes newsroom-window.png (an editor's window: who, the server, the person filter) and
newsroom-connect.png (File › Connect to newsroom… after a wrong password).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import resolve_location
from editor_app.ui.application import create_application, create_main_window
from editor_app.ui.dialogs.newsroom_dialog import NewsroomDialog
from editor_app.ui.i18n import apply_language
from tests.postgres.cluster import PostgresCluster
from tests.postgres.fixtures import PASSWORD, Newsroom

ROOT = Path(__file__).resolve().parents[1]


def settle(app: QApplication, milliseconds: int) -> None:
    QTimer.singleShot(milliseconds, app.quit)
    app.exec()


def main(folder: Path) -> None:
    cluster = PostgresCluster.start()
    try:
        app = create_application([])
        apply_language("ar")
        room = Newsroom(cluster, cluster.create_database("newsroom"))
        samir, layla = room.add("writer", "سمير العلوي"), room.add("writer", "ليلى حداد")
        huda = room.add("editor", "هدى السعدي")
        seed = read_article_file(ROOT / "tests" / "fixtures" / "seed_article.md")
        article = room.library(samir).create(ArticleDraft(title=seed.title, body=seed.body, author="أمين نشاط",
                                                          category="أخبار/أمن وعدالة", column=seed.column)).id
        room.library(layla).create(ArticleDraft(title="الموانئ المغربية تستعد لموسم الصيف", body="نص المسودة الأولى."))
        room.library(huda).change_status(article, "in_review")
        room.library(huda).create(ArticleDraft(title="افتتاحية العدد: الشراكات الأمنية", body="مسودة."))
        location = resolve_location(data_dir=Path(tempfile.mkdtemp(prefix="midad-shot-")), environ={})
        window = create_main_window(room.open(room.url(huda)), location)
        window.resize(1600, 1000)
        window.show()
        window.list_panel.refresh_filters()
        window.open_article(article)
        settle(app, 4000)
        window.grab().save(str(folder / "newsroom-window.png"))
        dialog = NewsroomDialog(location.config_dir, None, window)
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(cluster.port)
        dialog.database_name.setText(room.name)
        dialog.login.setText(samir)
        dialog.password.setText(PASSWORD + "x")
        dialog.certificate.setText(str(cluster.ca_file))
        dialog.show()
        dialog.try_connect()
        settle(app, 3000)
        dialog.grab().save(str(folder / "newsroom-connect.png"))
        window.close()
        room.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
