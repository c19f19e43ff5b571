"""Takes the README's screenshots from the real app in a real X11 window (run under Xvfb).

Usage: scripts/screenshots.sh  (starts Xvfb and runs this for every scene)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from editor_app.core.importers import read_article_file
from editor_app.core.library import Library
from editor_app.core.storage import Database, resolve_location
from editor_app.ui.application import create_application, create_main_window
from editor_app.ui.i18n import apply_language
from editor_app.ui.theme import apply_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed_article.md"
MIXED = ROOT / "tests" / "fixtures" / "mixed_article.md"


def scene_main(window) -> None:
    """The window as it opens: the default layout, the preview fitted to its pane."""


def scene_preview_desktop(window) -> None:
    window.splitter.setSizes([0, 380, 1020])
    window.preview.frame.set_preset("desktop")


def scene_image_in_preview(window) -> None:
    """Format › Image's result: a stored picture with its caption, as its own paragraph."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter

    from editor_app.core.assets import ImageFile, asset_source

    picture = QImage(800, 450, QImage.Format.Format_RGB32)
    painter = QPainter(picture)
    sky = QLinearGradient(0, 0, 0, 450)
    sky.setColorAt(0, QColor("#1d4e89"))
    sky.setColorAt(1, QColor("#f0a04b"))
    painter.fillRect(picture.rect(), sky)
    painter.fillRect(QRectF(0, 330, 800, 120), QColor("#2b2d42"))
    painter.setPen(QColor("white"))
    painter.setFont(QFont("Noto Naskh Arabic", 40))
    painter.drawText(QRectF(0, 120, 800, 120), 0x0084, "الرباط")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    record = window.library.get(window.editor.article_id)
    asset_id = window.library.add_image(record.id, ImageFile("rabat.png", "image/png", bytes(data.data())))
    first, rest = record.body.split("\n\n", 1)
    body = f'{first}\n\n![مشهد من الرباط عند الغروب]({asset_source(asset_id)} "الرباط، حيث تُعقد اللقاءات الأمنية الثنائية")\n\n{rest}'
    window.editor.body_edit.setPlainText(body)
    window.preview.frame.set_preset("fit")


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


def _publishing_state(window) -> None:
    """A site, one article in step with it, one waiting in the outbox (the site was away)."""
    from editor_app.core.publishing.links import SyncLinks
    from editor_app.core.publishing.outbox import Outbox
    from editor_app.core.publishing.sites import SiteRegistry
    from editor_app.core.publishing.errors import SiteUnreachable

    library = window.library
    site = SiteRegistry(library.database).add("الموقع", "https://news.example.com", "editor", "xxxx xxxx xxxx")
    seed, mixed = sorted(library.summaries(), key=lambda s: s.title.startswith("Apple"))
    SyncLinks(library.database).remember_post(seed.id, site.id, remote_id=1204, link="https://news.example.com/?p=1204",
                                              modified_gmt="2024-04-09T17:23:00", version=library.get(seed.id).version)
    Outbox(library.database).enqueue(mixed.id, site.id, "publish",
                                     SiteUnreachable("https://news.example.com did not answer in time"))
    window.publishing.refresh_panel()
    window.list_panel.reload(keep_article=window.editor.article_id)


def scene_publishing(window) -> None:
    _publishing_state(window)
    window.publishing.dock.show()
    window.resizeDocks([window.publishing.dock], [170], Qt.Orientation.Vertical)
    window.splitter.setSizes([420, 560, 420])


def scene_publish_conflict(window) -> None:
    from editor_app.core.publishing.publisher import RemoteVersion
    from editor_app.ui.publishing.conflict_dialog import ConflictDialog

    record = window.library.get(window.editor.article_id)
    remote = RemoteVersion(title=record.title + " (عدّله المحرر على الموقع)",
                           body_markdown=record.body.replace("الإرهاب", "التطرف", 2), modified_gmt="2024-04-09T18:40:12",
                           link="https://news.example.com/?p=1204")
    dialog = ConflictDialog("الموقع", record, remote, window)
    dialog.resize(1000, 620)
    dialog.show()
    dialog.move(window.x() + 200, window.y() + 120)
    window._screenshot_dialog = dialog


def scene_lease(window) -> None:
    """Someone else is editing the open article (and another one in the list)."""
    from editor_app.core.leases import Leases

    controller = window.follower.leases
    open_id = window.editor.article_id
    controller.leases.release(open_id)
    Leases(window.library.database, person="سعاد العلوي", machine="مكتب-التحرير-3").acquire(open_id)
    others = [s.id for s in window.library.summaries() if s.id != open_id]
    if others:
        Leases(window.library.database, person="خالد بنعلي", machine="laptop-12").acquire(others[0])
    controller.lease = None
    controller.opened(window.library.get(open_id))


def scene_edit_conflict(window) -> None:
    """Two people changed the same paragraph: the per-paragraph merge dialog."""
    from editor_app.core.concurrent_edits import ArticleConflict, TextBase
    from editor_app.core.merge import merge_article
    from editor_app.ui.concurrency.merge_dialog import MergeDialog

    record = window.library.get(window.editor.article_id)
    paragraphs = record.body.split("\n\n")
    target = next(i for i, text in enumerate(paragraphs) if len(text) > 80 and not text.startswith("#"))
    theirs_paragraphs, mine_paragraphs = list(paragraphs), list(paragraphs)
    theirs_paragraphs[target] = paragraphs[target].replace("،", "، بحسب مصدر دبلوماسي،", 1)
    mine_paragraphs[target] = paragraphs[target] + " وأكد الناطق الرسمي ذلك مساء أمس."
    theirs = (record.title, "\n\n".join(theirs_paragraphs))
    mine = (record.title, "\n\n".join(mine_paragraphs))
    conflict = ArticleConflict(TextBase.of(record), mine, record, merge_article((record.title, record.body), mine, theirs))
    dialog = MergeDialog(conflict, window)
    dialog.body_choices[0].take_theirs.setChecked(True)
    dialog.resize(1000, 620)
    dialog.show()
    window._screenshot_dialog = dialog


def scene_focus_mode(window) -> None:
    seed = next(s.id for s in window.library.summaries() if not s.title.startswith("Apple"))
    window.open_article(seed)
    window.commands.action("view.focus_mode").trigger()


def scene_editor_long_article_end(window) -> None:
    """The seed column at the default line spacing, Ctrl+End, a few words typed: the last
    paragraph and the cursor in view (issue 15)."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    seed = next(s.id for s in window.library.summaries() if not s.title.startswith("Apple"))
    window.open_article(seed)
    body = window.editor.body_edit
    body.setFocus()

    def keys() -> None:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(body, QKeyEvent(kind, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier))
        for character in " انتهى.":
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                QApplication.sendEvent(body, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character))

    QTimer.singleShot(1500, keys)  # once the window is laid out, as a writer would


def scene_settings(window) -> None:
    from editor_app.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.settings.preferences, ["الموقع الرئيسي"], window)
    dialog.tabs.setCurrentIndex(2)
    dialog.digits.setCurrentIndex(dialog.digits.findData("arab"))
    dialog.show()
    window._screenshot_dialog = dialog


def scene_tour(window) -> None:
    QTimer.singleShot(800, window.start_tour)


SCENES = {
    "lease": scene_lease,
    "edit-conflict": scene_edit_conflict,
    "theme-dark": scene_main,
    "interface-english": scene_main,
    "focus-mode": scene_focus_mode,
    "editor-long-article-end": scene_editor_long_article_end,
    "settings": scene_settings,
    "tour": scene_tour,
    "publishing": scene_publishing,
    "publish-conflict": scene_publish_conflict,
    "library-search": scene_library_search,
    "editor-mixed": scene_editor_mixed,
    "main-window": scene_main,
    "preview-desktop": scene_preview_desktop,
    "image-in-preview": scene_image_in_preview,
    "preview-phone": scene_preview_phone,
}


def main() -> None:
    scene, output = sys.argv[1], Path(sys.argv[2])
    # The publishing scenes store a (made-up) site password: in a throwaway keyring file.
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.keyring_backend.TestFileKeyring")
    os.environ.setdefault("MIDAD_TEST_KEYRING_FILE", str(Path(tempfile.mkdtemp()) / "keyring.json"))
    data_dir = Path(tempfile.mkdtemp())
    location = resolve_location(data_dir=data_dir, environ={})
    database = Database(location.database_url)
    drafts = [read_article_file(path) for path in (MIXED, SEED) if path.exists()]
    Library(database).import_drafts(drafts)
    app = create_application(sys.argv[:1])
    apply_language("en" if scene == "interface-english" else "ar")
    apply_theme("dark" if scene == "theme-dark" else "light")
    window = create_main_window(database, location)
    window.resize(1400, 860)
    window.show()
    SCENES[scene](window)

    def capture() -> None:
        dialog = getattr(window, "_screenshot_dialog", None)
        screen = window.screen()
        if dialog is not None:  # without a window manager a dialog may sit under the window: take it alone
            picture = dialog.grab()
        else:
            picture = screen.grabWindow(0, window.x(), window.y(), window.frameGeometry().width(),
                                        window.frameGeometry().height())
        picture.save(str(output))
        print(f"saved {output}")
        window.close()
        app.quit()

    QTimer.singleShot(int(os.environ.get("MIDAD_SCREENSHOT_DELAY_MS", "3500")), capture)
    app.exec()


if __name__ == "__main__":
    main()
