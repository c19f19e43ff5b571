"""The article list as a Qt model over the library's summaries."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from editor_app.core.records import ArticleRecord, ArticleSummary

UNTITLED = "مقال بلا عنوان"
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title.strip() or UNTITLED
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [summary.title or UNTITLED, summary.status]
            if summary.category:
                parts.append(summary.category)
            return " · ".join(parts)
        if role == ARTICLE_ID_ROLE:
            return summary.id
        return None

    def set_summaries(self, summaries: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def row_of(self, article_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                return row
        return None

    def article_id_at(self, row: int) -> int:
        return self._rows[row].id

    def update_from_record(self, record: ArticleRecord) -> None:
        """Refresh one row in place (autosave of a title) without moving the selection."""
        row = self.row_of(record.id)
        if row is None:
            return
        self._rows[row] = ArticleSummary(
            id=record.id,
            title=record.title,
            status=record.status,
            author=record.author,
            category=record.category,
            updated_at=record.updated_at,
        )
        index = self.index(row)
        self.dataChanged.emit(index, index)
