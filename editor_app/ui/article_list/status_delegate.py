"""Draws an article's status as a coloured badge in the list."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from editor_app.ui.article_list.list_model import STATUS_ROLE, SYNC_ROLE
from editor_app.ui.theme import current_theme

# Background and text colours chosen for at least 4.5:1 contrast.
STATUS_COLOURS = {
    "draft": ("#e5e7eb", "#1f2937"),
    "in_review": ("#fef3c7", "#78350f"),
    "ready": ("#dbeafe", "#1e3a8a"),
    "published": ("#dcfce7", "#14532d"),
    "archived": ("#f3f4f6", "#4b5563"),
}
# The state with the site, as a mark beside the badge (the tooltip says it in words).
# Per theme: each mark keeps 4.5:1 on the list's background (tests/ui/test_settings_ui.py).
SYNC_GLYPHS = {"synced": "✓", "changed": "●", "queued": "⟳", "refused": "!"}
SYNC_COLOURS = {
    "light": {"synced": "#15803d", "changed": "#b45309", "queued": "#1d4ed8", "refused": "#b91c1c"},
    "dark": {"synced": "#6fdc8c", "changed": "#f5b041", "queued": "#8ab4f8", "refused": "#ff7b7b"},
}


class StatusBadgeDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        background, foreground = STATUS_COLOURS.get(index.data(STATUS_ROLE), ("#e5e7eb", "#1f2937"))
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 16
        height = metrics.height() + 4
        rect = QRectF(option.rect)
        x = rect.right() - width - 4 if option.direction == Qt.LayoutDirection.RightToLeft else rect.left() + 4
        badge = QRectF(x, rect.center().y() - height / 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        sync = index.data(SYNC_ROLE) or ""
        if sync in SYNC_GLYPHS:
            glyph, colour = SYNC_GLYPHS[sync], SYNC_COLOURS[current_theme()][sync]
            size = metrics.height()
            right_to_left = option.direction == Qt.LayoutDirection.RightToLeft
            mark_x = badge.left() - size - 2 if right_to_left else badge.right() + 2
            painter.setPen(QColor(colour))
            painter.drawText(QRectF(mark_x, badge.top(), size, height), Qt.AlignmentFlag.AlignCenter, glyph)
        painter.restore()
