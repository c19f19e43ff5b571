"""Draws the app's icon (qtawesome's pen nib on the site's red) as a PNG for the menus."""

import sys

import qtawesome
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

SIZE = 256

app = QGuiApplication(sys.argv[:1])
image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
painter.setRenderHint(QPainter.RenderHint.Antialiasing)
painter.setBrush(QColor("#b3121f"))
painter.setPen(Qt.PenStyle.NoPen)
painter.drawRoundedRect(QRectF(8, 8, SIZE - 16, SIZE - 16), 48, 48)
qtawesome.icon("mdi6.fountain-pen-tip", color="white").paint(painter, 40, 40, SIZE - 80, SIZE - 80)
painter.end()
image.save(sys.argv[1])
