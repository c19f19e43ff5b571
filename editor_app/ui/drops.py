"""What arrives by paste or drop: a picture goes into the article (through the image
dialog), article files are imported, anything else is left to the widget (plain text)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QObject
from PySide6.QtGui import QImage

from editor_app.core.assets import ImageFile, NotAnImage, image_mime_type, read_image
from editor_app.ui.i18n import user_text
from editor_app.ui.images.image_inserter import ImageInserter
from editor_app.ui.importing import ArticleImporter

_SIGNATURE_BYTES = 16  # enough to recognise PNG, JPEG, GIF and WebP


def pasted_image(source: QMimeData) -> ImageFile | None:
    """A picture on the clipboard (a screenshot, "Copy image"), as PNG; None when the
    clipboard also holds text: a word processor offers a picture of copied text too."""
    if not source.hasImage() or (source.hasText() and source.text().strip()):
        return None
    image = source.imageData()
    if not isinstance(image, QImage) or image.isNull():
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return ImageFile("pasted.png", "image/png", bytes(data.data()))


def local_files(source: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()] if source.hasUrls() else []


def is_image_file(path: Path) -> bool:
    """By its first bytes, like every image Midad reads, not by its name."""
    try:
        with path.open("rb") as file:
            return path.is_file() and image_mime_type(file.read(_SIGNATURE_BYTES)) is not None
    except OSError:
        return False


class MediaIntake(QObject):
    def __init__(self, images: ImageInserter, importer: ArticleImporter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.images = images
        self.importer = importer

    def wants(self, source: QMimeData) -> bool:
        return pasted_image(source) is not None or bool(local_files(source))

    def take(self, source: QMimeData) -> bool:
        """True when the paste or drop was handled here."""
        image = pasted_image(source)
        if image is not None:
            self.images.offer(image)
            return True
        files = local_files(source)
        if not files:
            return False
        others = []
        for path in files:
            if is_image_file(path):
                try:
                    self.images.offer(read_image(path))
                except NotAnImage as error:
                    self.images.failed.emit(user_text(error))
            else:
                others.append(path)
        if others:
            # Unsupported files are named in the import's report rather than dropped silently.
            self.importer.import_paths(others)
        return True


def install_media_intake(window) -> MediaIntake:
    """Format › Image, File › Import…, paste and drop, wired to the main window (kept out of
    main_window.py, which only calls this). Their menu entries are commands (ui/commands)."""
    images = ImageInserter(window.library, window.editor.body_edit, lambda: window.editor.article_id, window)
    importer = ArticleImporter(window.library, window)
    intake = MediaIntake(images, importer, window)
    window.editor.body_edit.media_intake = intake
    window.editor.commands.image_requested.connect(images.choose)
    images.failed.connect(lambda message: window.statusBar().showMessage(message, 10000))
    importer.finished.connect(lambda report: _show_imported(window, report))
    window.setAcceptDrops(True)
    window.installEventFilter(_WindowDrops(intake, window))
    return intake


def _show_imported(window, report) -> None:
    if not report.records:
        return
    window.list_panel.reload()
    window.open_article(report.records[0].id)
    window.list_panel.select_articles([record.id for record in report.records])


class _WindowDrops(QObject):
    """Files dropped anywhere on the window (the list, the details, the preview's frame)."""

    def __init__(self, intake: MediaIntake, window) -> None:
        super().__init__(window)
        self.intake = intake

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and self.intake.wants(event.mimeData()):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and self.intake.take(event.mimeData()):
            event.acceptProposedAction()
            return True
        return False
