"""Operations on the open article that touch the library: metadata, status, image,
revisions, duplicate, trash. Failures become one sentence in the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.records import ArticleRecord
from editor_app.ui.i18n import user_text


class ArticleActions(QObject):
    record_changed = Signal(object)  # ArticleRecord: same article, new fields
    failed = Signal(str)

    def __init__(self, library: Library, current_id: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._current_id = current_id

    def _run(self, operation: Callable[[int], ArticleRecord | None]) -> ArticleRecord | None:
        article_id = self._current_id()
        if article_id is None:
            return None
        try:
            record = operation(article_id)
        except MidadError as error:
            self.failed.emit(user_text(error))
            return None
        if record is not None:
            self.record_changed.emit(record)
        return record

    def apply_metadata(self, changes: dict) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.update_metadata(article_id, **changes))

    def change_status(self, status: str) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.change_status(article_id, status))

    def set_featured_image(self, path: str) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.set_featured_image(article_id, path))

    def clear_featured_image(self) -> ArticleRecord | None:
        return self._run(self.library.clear_featured_image)

    def restore_revision(self, revision_id: int) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.restore_revision(article_id, revision_id))
