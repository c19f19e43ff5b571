"""Takes the README's screenshots from the real app in a real X11 window (run under Xvfb).

Usage: scripts/screenshots.sh  (starts Xvfb and runs this for every scene)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from editor_app.core.importers import read_article_file
from editor_app.core.library import Library
from editor_app.core.storage import Database, resolve_location
from editor_app.ui.application import create_application, create_main_window

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_article.md"
MIXED = ROOT / "tests" / "fixtures" / "mixed_article.md"


def scene_main(window) -> None:
    window.preview.frame.set_preset("tablet")


def scene_preview_desktop(window) -> None:
    window.splitter.setSizes([0, 380, 1020])
    window.preview.frame.set_preset("desktop")


def scene_preview_phone(window) -> None:
    window.splitter.setSizes([220, 700, 480])
    window.preview.frame.set_preset("phone")


def scene_editor_mixed(window) -> None:
    mixed = next(s.id for s in window.library.summaries() if s.title.startswith("Apple"))
    window.open_article(mixed)
    window.splitter.setSizes([220, 760, 420])
    window.preview.frame.set_preset("phone")
    body = window.editor.body_edit
    cursor = body.textCursor()
    cursor.setPosition(body.toPlainText().index("المحلل"))
    body.setTextCursor(cursor)


def scene_library_search(window) -> None:
    window.metadata_dock.hide()
    window.splitter.setSizes([620, 520, 260])
    window.list_panel.search.setText("الارهاب")


SCENES = {
    "library-search": scene_library_search,
    "editor-mixed": scene_editor_mixed,
    "main-window": scene_main,
    "preview-desktop": scene_preview_desktop,
    "preview-phone": scene_preview_phone,
}


def main() -> None:
    scene, output = sys.argv[1], Path(sys.argv[2])
    data_dir = Path(tempfile.mkdtemp())
    location = resolve_location(data_dir=data_dir, environ={})
    database = Database(location.database_url)
    drafts = [read_article_file(path) for path in (MIXED, SEED) if path.exists()]
    Library(database).import_drafts(drafts)
    app = create_application(sys.argv[:1])
    window = create_main_window(database, location)
    window.resize(1400, 860)
    window.show()
    SCENES[scene](window)

    def capture() -> None:
        screen = window.screen()
        picture = screen.grabWindow(0, window.x(), window.y(), window.frameGeometry().width(), window.frameGeometry().height())
        picture.save(str(output))
        print(f"saved {output}")
        window.close()
        app.quit()

    QTimer.singleShot(int(os.environ.get("MIDAD_SCREENSHOT_DELAY_MS", "3500")), capture)
    app.exec()


if __name__ == "__main__":
    main()
