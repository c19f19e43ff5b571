"""Images chosen, pasted and dropped reach the live preview (a loaded <img>: naturalWidth > 0);
File › Import… and files dropped on the window import articles, one bad file reported
without stopping the others, the new articles selected in the list."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from editor_app.core.assets import asset_id_of, asset_source, read_image
from editor_app.core.exporters.docx import export_docx
from editor_app.core.records import ArticleDraft
from editor_app.ui.preview.text_preview import TextPreview
from tests.ui.test_preview import JS_TIMEOUT_MS, evaluate, roomy
from tests.ui.typing import type_text

IMAGE_WIDTH, IMAGE_HEIGHT = 64, 40
BODY_IMAGE_WIDTHS = "JSON.stringify(Array.from(document.querySelectorAll('.article-body img')).map(i => i.complete ? i.naturalWidth : -1))"


def picture(colour: str = "#c03030") -> QImage:
    image = QImage(IMAGE_WIDTH, IMAGE_HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


@pytest.fixture
def image_file(tmp_path) -> Path:
    path = tmp_path / "مؤتمر.png"
    assert picture().save(str(path), "PNG")
    return path


@pytest.fixture
def article_window(open_window, library):
    record = library.create(ArticleDraft(title="عنوان", body="الفقرة الأولى. الفقرة الثانية.\n"))
    window = roomy(open_window())
    window.open_article(record.id)
    return window


def image_dialog(qtbot, window):
    qtbot.waitUntil(lambda: window.media_intake.images.dialog is not None and window.media_intake.images.dialog.isVisible())
    return window.media_intake.images.dialog


def accept(qtbot, dialog, alt: str, caption: str = "") -> None:
    type_text(dialog.alt_edit, alt)
    type_text(dialog.caption_edit, caption)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def wait_for_loaded_images(qtbot, window, count: int) -> None:
    def loaded():
        widths = json.loads(evaluate(qtbot, window.preview, BODY_IMAGE_WIDTHS) or "[]")
        return len(widths) == count and all(width == IMAGE_WIDTH for width in widths)
    qtbot.waitUntil(loaded, timeout=JS_TIMEOUT_MS)


def drop(qtbot, widget, paths: list[Path], where: QPoint | None = None) -> None:
    """A real drag-enter then drop on the widget, as the platform delivers them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPointF(where or widget.rect().center())
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    dropped = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, dropped)
    assert dropped.isAccepted()


def test_format_image_chooses_a_file_with_alt_text_and_caption_and_the_preview_shows_it(article_window, library, qtbot, image_file):
    window = article_window
    body = window.editor.body_edit
    cursor = body.textCursor()
    cursor.setPosition(len("الفقرة الأولى."))
    body.setTextCursor(cursor)
    window.commands.action("format.image").trigger()
    dialog = image_dialog(qtbot, window)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # nothing chosen yet
    dialog.choose_file(str(image_file))  # what the chooser's "Open" hands over
    assert dialog.thumbnail.pixmap() is not None and not dialog.thumbnail.pixmap().isNull()
    accept(qtbot, dialog, "الوزير يلقي كلمته", "الوزير في المؤتمر")

    text = body.toPlainText()
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "الفقرة الأولى."
    assert paragraphs[1].startswith("![الوزير يلقي كلمته](asset:") and paragraphs[1].endswith(' "الوزير في المؤتمر")')
    assert paragraphs[2].startswith("الفقرة الثانية.")
    asset_id = asset_id_of(paragraphs[1].split("(")[1].split(" ")[0])
    assert library.article_image(window.editor.article_id, asset_id).data == image_file.read_bytes()
    wait_for_loaded_images(qtbot, window, 1)
    assert evaluate(qtbot, window.preview, "document.querySelector('.article-body figcaption').innerText") == "الوزير في المؤتمر"
    assert evaluate(qtbot, window.preview, "document.querySelector('.article-body img').alt") == "الوزير يلقي كلمته"
    window.save_now()
    assert "asset:" in library.get(window.editor.article_id).body


def test_a_file_that_is_not_an_image_is_refused_in_the_dialog(article_window, qtbot, tmp_path):
    fake = tmp_path / "fake.png"
    fake.write_text("#!/bin/sh\n")
    article_window.commands.action("format.image").trigger()
    dialog = image_dialog(qtbot, article_window)
    dialog.choose_file(str(fake))
    assert "PNG" in dialog.problem.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_a_pasted_picture_goes_through_the_dialog_into_the_preview(article_window, qtbot):
    window = article_window
    body = window.editor.body_edit
    QApplication.clipboard().setImage(picture("#2040a0"))
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    dialog = image_dialog(qtbot, window)
    assert dialog.image is not None and dialog.image.mime_type == "image/png"
    accept(qtbot, dialog, "لقطة")
    assert "\n\n![لقطة](asset:" in body.toPlainText()
    wait_for_loaded_images(qtbot, window, 1)


def test_dropped_image_files_are_inserted_where_they_are_dropped(article_window, qtbot, image_file, tmp_path):
    window = article_window
    second = tmp_path / "ثانية.png"
    picture("#20a040").save(str(second), "PNG")
    body = window.editor.body_edit
    drop(qtbot, body.viewport(), [image_file, second])
    accept(qtbot, image_dialog(qtbot, window), "الأولى")
    qtbot.waitUntil(lambda: window.media_intake.images.dialog is not None and window.media_intake.images.dialog.image is not None
                    and window.media_intake.images.dialog.image.filename == "ثانية.png")
    accept(qtbot, image_dialog(qtbot, window), "الثانية")
    text = body.toPlainText()
    assert "![الأولى](asset:" in text and "![الثانية](asset:" in text
    wait_for_loaded_images(qtbot, window, 2)


def test_a_preview_image_that_is_not_the_articles_own_is_not_served(open_window, library, qtbot, image_file):
    other = library.create(ArticleDraft(title="مقال آخر"))
    foreign = library.add_image(other.id, read_image(image_file))
    mine = library.create(ArticleDraft(title="مقالي", body=f"![صورة غيري]({asset_source(foreign)})\n"))
    window = roomy(open_window())
    window.open_article(mine.id)
    qtbot.waitUntil(lambda: json.loads(evaluate(qtbot, window.preview, BODY_IMAGE_WIDTHS) or "[]") == [0], timeout=JS_TIMEOUT_MS)


@pytest.fixture
def article_files(tmp_path, library):
    markdown = tmp_path / "مقال.md"
    markdown.write_text("---\ntitle: مقال من ماركداون\n---\nنص.\n", encoding="utf-8")
    text = tmp_path / "صفحة.txt"
    text.write_text("-\n°C\n\nعنوان من ملف نصي\nالنص.\n", encoding="utf-8")
    record = library.create(ArticleDraft(title="مقال من وورد", body="فقرة من وورد.\n"))
    word = export_docx(record, tmp_path / "وورد.docx")
    library.trash(record.id)
    library.empty_trash()
    broken = tmp_path / "معطوب.docx"
    broken.write_bytes(b"not a zip")
    return [markdown, text, word, broken]


def wait_for_import(qtbot, window, titles: set[str]) -> None:
    def shown():
        model = window.list_panel.model
        return titles <= {model.index(row, 0).data() for row in range(model.rowCount())}
    qtbot.waitUntil(shown, timeout=15000)


def selected_titles(window) -> set[str]:
    return {index.data() for index in window.list_panel.view.selectionModel().selectedRows(0)}


TITLES = {"مقال من ماركداون", "عنوان من ملف نصي", "مقال من وورد"}


def test_file_import_reads_several_files_reports_the_bad_one_and_selects_the_new_articles(
        open_window, library, qtbot, monkeypatch, article_files):
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(p) for p in article_files], ""))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.commands.action("file.import") in file_menu.actions()
    window.commands.action("file.import").trigger()
    wait_for_import(qtbot, window, TITLES)
    qtbot.waitUntil(lambda: selected_titles(window) == TITLES, timeout=10000)  # the list reloads after the import
    assert window.editor.title() in TITLES
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "import_problems") is not None)
    problems = window.findChild(QMessageBox, "import_problems")
    assert "معطوب.docx" in problems.informativeText()
    assert len(library.page(window.list_panel.model.request, 0, 100)) >= 3


def test_article_files_dropped_on_the_list_are_imported(open_window, library, qtbot, article_files):
    window = open_window()
    drop(qtbot, window.list_panel.view.viewport(), article_files[:3])
    wait_for_import(qtbot, window, TITLES)
    assert selected_titles(window) == TITLES


def test_the_simple_preview_shows_stored_images_too(open_window, library, qtbot, monkeypatch, image_file):
    monkeypatch.setitem(sys.modules, "PySide6.QtWebEngineWidgets", None)
    record = library.create(ArticleDraft(title="عنوان"))
    asset_id = library.add_image(record.id, read_image(image_file))
    library.save_text(record.id, title="عنوان", body=f"نص\n\n![صورة]({asset_source(asset_id)})\n", explicit=True)
    window = open_window()
    window.open_article(record.id)
    assert isinstance(window.preview, TextPreview)
    document = window.preview.browser.document()
    qtbot.waitUntil(lambda: "data:image/png;base64," in window.preview.browser.toHtml(), timeout=5000)
    source = next(part.split('"')[0] for part in window.preview.browser.toHtml().split('src="')[1:])
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(source))
    assert image is not None and image.width() == IMAGE_WIDTH
