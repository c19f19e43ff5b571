"""Operations on the open article that touch the library: metadata, status, image,
revisions, duplicate, trash. Failures become one sentence in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from editor_app.core.errors import EditConflict, MidadError
from editor_app.core.library import Library
from editor_app.core.records import ArticleRecord
from editor_app.ui.i18n import translate, user_text


class ArticleActions(QObject):
    record_changed = Signal(object)  # ArticleRecord: same article, new fields
    failed = Signal(str)
    conflicted = Signal(object)  # ArticleRecord: theirs, after a metadata conflict

    def __init__(self, library: Library, current_id: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._current_id = current_id
        # The record the details panel was loaded from (kept by ui.concurrency): what its
        # edits are based on.
        self.shown: ArticleRecord | None = None

    def _run(self, operation: Callable[[int], ArticleRecord | None], conflicts: bool = False) -> ArticleRecord | None:
        article_id = self._current_id()
        if article_id is None:
            return None
        try:
            record = operation(article_id)
        except EditConflict:
            if conflicts:
                raise
            self.failed.emit(translate("article_actions", "عُدّل المقال من مكان آخر في الأثناء؛ أعد المحاولة"))
            return None
        except MidadError as error:
            self.failed.emit(user_text(error))
            return None
        if record is not None:
            self.record_changed.emit(record)
        return record

    def apply_metadata(self, changes: dict) -> ArticleRecord | None:
        # Based on the values the panel showed: a field someone else changed meanwhile is a
        # conflict (core.library.update_metadata), the other fields merge.
        shown = self.shown
        expected = ({name: getattr(shown, name) for name in changes}
                    if shown is not None and shown.id == self._current_id() else None)
        try:
            record = self._run(lambda article_id: self.library.update_metadata(article_id, expected, **changes),
                               conflicts=True)
            if record is not None and expected is not None:
                # The panel now shows these fields as stored; the others as they were loaded.
                self.shown = replace(shown, **{name: getattr(record, name) for name in changes})
            return record
        except EditConflict as conflict:
            mine = "، ".join(str(value) for value in changes.values() if value)
            self.failed.emit(translate("article_actions", "غيّر شخص آخر هذه البيانات في الأثناء؛ تظهر الآن قيمته، وكانت قيمتك: {mine}").format(mine=mine))
            self.conflicted.emit(conflict.theirs)
            return None

    def change_status(self, status: str) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.change_status(article_id, status))

    def set_featured_image(self, path: str) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.set_featured_image(article_id, path))

    def clear_featured_image(self) -> ArticleRecord | None:
        return self._run(self.library.clear_featured_image)

    def restore_revision(self, revision_id: int) -> ArticleRecord | None:
        return self._run(lambda article_id: self.library.restore_revision(article_id, revision_id))
