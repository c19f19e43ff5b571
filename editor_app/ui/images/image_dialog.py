"""Format › Image: a file chooser, the alt text (read aloud, shown when the image cannot
be) and a caption. A pasted or dropped image opens the same dialog with its picture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.assets import ImageFile, NotAnImage, read_image
from editor_app.ui.i18n import translate, user_text

THUMBNAIL_SIZE = 220
DIALOG_WIDTH = 480
IMAGE_FILTER_PATTERNS = "*.png *.jpg *.jpeg *.gif *.webp"


class ImageDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, image: ImageFile | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image_dialog")
        self.setWindowTitle(translate("image_dialog", "إدراج صورة"))
        self.setMinimumWidth(DIALOG_WIDTH)
        self.image: ImageFile | None = None

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("image_path")
        self.path_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right, whatever its names
        self.path_edit.setPlaceholderText(translate("image_dialog", "ملف الصورة على هذا الجهاز"))
        self.path_edit.editingFinished.connect(lambda: self.choose_file(self.path_edit.text()))
        browse = QPushButton(translate("image_dialog", "اختيار…"), self)
        browse.setObjectName("image_browse")
        browse.clicked.connect(self._browse)
        chooser = QHBoxLayout()
        chooser.addWidget(self.path_edit, 1)
        chooser.addWidget(browse)

        self.thumbnail = QLabel(self)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setMinimumHeight(THUMBNAIL_SIZE // 2)
        self.problem = QLabel(self)
        self.problem.setObjectName("image_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # file names are outside text
        self.problem.setWordWrap(True)
        self.alt_edit = QLineEdit(self)
        self.alt_edit.setObjectName("image_alt")
        self.alt_edit.setPlaceholderText(translate("image_dialog", "ما تُظهره الصورة، لمن لا يراها"))
        self.caption_edit = QLineEdit(self)
        self.caption_edit.setObjectName("image_caption")
        self.caption_edit.setPlaceholderText(translate("image_dialog", "يظهر تحت الصورة (اختياري)"))

        form = QFormLayout()
        form.addRow(translate("image_dialog", "الملف:"), chooser)
        form.addRow(translate("image_dialog", "النص البديل:"), self.alt_edit)
        form.addRow(translate("image_dialog", "التعليق:"), self.caption_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("image_dialog", "إدراج"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.thumbnail)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._show(image)
        if image is not None:
            self.path_edit.setText(image.filename)
            self.alt_edit.setFocus()

    def choose_file(self, path: str) -> None:
        if not path.strip():
            return
        self.path_edit.setText(path)
        try:
            self._show(read_image(Path(path)))
        except NotAnImage as error:
            self._show(None)
            self.problem.setText(user_text(error))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("image_dialog", "اختيار صورة"), self.path_edit.text(),
            translate("image_dialog", "صور ({patterns})").format(patterns=IMAGE_FILTER_PATTERNS))
        if path:
            self.choose_file(path)
            self.alt_edit.setFocus()

    def _show(self, image: ImageFile | None) -> None:
        self.image = image
        self.problem.clear()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(image is not None)
        pixmap = QPixmap()
        if image is not None and pixmap.loadFromData(image.data):
            self.thumbnail.setPixmap(pixmap.scaled(THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumbnail.clear()

    def alt_text(self) -> str:
        return self.alt_edit.text().strip()

    def caption(self) -> str:
        return self.caption_edit.text().strip()
