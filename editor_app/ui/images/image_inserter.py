"""Puts an image into the open article: stored as its asset, written as its own paragraph
at the cursor. Format › Image, a pasted picture and a dropped image file all come here,
through the same dialog (alt text and caption are asked every time)."""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor_app.core.assets import ImageFile, asset_source
from editor_app.core.errors import MidadError
from editor_app.core.formatting import image_paragraph
from editor_app.core.library import Library
from editor_app.ui.editor.text_edits import apply_edit, selection_range
from editor_app.ui.i18n import user_text
from editor_app.ui.images.image_dialog import ImageDialog


class ImageInserter(QObject):
    failed = Signal(str)

    def __init__(self, library: Library, body: QPlainTextEdit, article_id, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.body = body
        self._article_id = article_id  # () -> the open article's id, or None
        self.dialog: ImageDialog | None = None
        self._waiting: deque[ImageFile | None] = deque()  # several dropped images: one dialog after another

    def choose(self) -> None:
        """Format › Image: the dialog with its file chooser."""
        self.offer(None)

    def offer(self, image: ImageFile | None) -> None:
        """The dialog, already showing a pasted or dropped image (None: choose a file)."""
        if self._article_id() is None:
            return
        if self.dialog is not None:
            self._waiting.append(image)
            return
        # open(), not exec(): the window keeps running (autosave, preview) while the writer describes the picture.
        self.dialog = ImageDialog(self.parent(), image)
        self.dialog.accepted.connect(self._insert)
        self.dialog.finished.connect(self._next)
        self.dialog.open()

    def _next(self) -> None:
        self.dialog.deleteLater()
        self.dialog = None
        if self._waiting:
            self.offer(self._waiting.popleft())

    def _insert(self) -> None:
        dialog, article_id = self.dialog, self._article_id()
        if dialog is None or dialog.image is None or article_id is None:
            return
        try:
            asset_id = self.library.add_image(article_id, dialog.image)
        except MidadError as error:
            self.failed.emit(user_text(error))
            return
        text = self.body.toPlainText()
        start, end = selection_range(self.body, text)
        apply_edit(self.body, text, image_paragraph(text, start, end, asset_source(asset_id), dialog.alt_text(), dialog.caption()))
        self.body.setFocus()
