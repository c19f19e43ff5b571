"""Autosave: an edit reaches the database soon after typing stops, and always on
switching articles, on focus loss and on quit.

A failed save keeps the text in the editor, reports it, and is retried.
"""

from __future__ import annotations

from collections.abc import Callable
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.records import ArticleRecord
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.timers import single_shot_timer
from editor_app.ui.i18n import user_text

AUTOSAVE_DELAY_MS = 1000
# A writer who never pauses for a second still gets a save this often: a crash loses at
# most this much typing (plus the save itself).
AUTOSAVE_MAX_WAIT_MS = 1500
RETRY_DELAY_MS = 5000
# A text this long is saved by the timer on a worker thread (a 5 MB article takes seconds
# to index); explicit flushes (switch, close, Ctrl+S) still save at once, after it.
BACKGROUND_SAVE_CHARACTERS = 500_000
# After this long without a save, the search index is tidied (a ~60 ms merge that
# would otherwise land on autosaves; see core.search.SqliteSearchIndex.tidy).
IDLE_TIDY_MS = 30_000


@dataclass(frozen=True)
class EditorSnapshot:
    article_id: int
    title: str
    body: str
    cursor_position: int


class AutosaveController(QObject):
    saved = Signal(object)  # ArticleRecord
    save_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        snapshot: Callable[[], EditorSnapshot | None],
        remember_cursor: Callable[[int, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._snapshot = snapshot
        self._remember_cursor = remember_cursor
        self._dirty = False
        self._dirty_since: float | None = None
        self._failing = False
        self._edits = 0  # edits counted, so a background save knows if it is still the latest text
        self._runner = BackgroundRunner("autosave", self)
        self._landed: tuple[int, ArticleRecord] | None = None
        self.delay_ms = AUTOSAVE_DELAY_MS  # a setting
        self._timer = single_shot_timer(self, AUTOSAVE_DELAY_MS, self._timer_fired)
        self._idle_timer = single_shot_timer(self, IDLE_TIDY_MS, self._tidy)

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def schedule(self) -> None:
        """Called on every edit: (re)starts the countdown to the next save, which comes
        a second after typing stops, or AUTOSAVE_MAX_WAIT_MS after the first unsaved edit."""
        now = time.monotonic()
        self._edits += 1
        if self._dirty_since is None:
            self._dirty_since = now
        self._dirty = True
        if self._failing and self._timer.isActive():
            return  # the retry is already scheduled: keystrokes must not hammer a full disk
        waited_ms = (now - self._dirty_since) * 1000
        self._timer.start(int(max(0, min(self.delay_ms, max(AUTOSAVE_MAX_WAIT_MS, self.delay_ms) - waited_ms))))

    def _timer_fired(self) -> None:
        if self._runner.busy:
            self._timer.start(self.delay_ms)  # the previous background save is still running
            return
        snapshot = self._snapshot()  # read once: a long article's text costs milliseconds
        if snapshot is not None and len(snapshot.body) >= BACKGROUND_SAVE_CHARACTERS and self._dirty:
            self._save_in_background(snapshot)
        else:
            self._save(snapshot)

    def _save_in_background(self, snapshot: EditorSnapshot) -> None:
        edits = self._edits
        self._remember_cursor(snapshot.article_id, snapshot.cursor_position)

        def save() -> ArticleRecord:
            record = self._library.save_text(snapshot.article_id, title=snapshot.title, body=snapshot.body)
            self._landed = (edits, record)  # read by flush() right after wait(), before the signal arrives
            return record

        self._runner.run(save, lambda record: self._background_saved(record, edits), self._background_failed,
                         latest_only=False)

    def _background_saved(self, record: ArticleRecord, edits: int) -> None:
        if edits == self._edits:  # nothing typed meanwhile: what is on screen is what is stored
            self._saved(record)
        else:
            self.saved.emit(record)
            self._timer.start(self.delay_ms)

    def _background_failed(self, error: BaseException) -> None:
        self._failing = True
        self._timer.start(RETRY_DELAY_MS)
        self.save_failed.emit(user_text(error))

    def flush(self, explicit: bool = False) -> bool:
        """Save now if anything changed (explicit: Ctrl+S, which also keeps a revision).
        Returns False if the save failed."""
        self._timer.stop()
        self._runner.wait()  # a background save in flight lands first
        landed, self._landed = self._landed, None
        if landed is not None and landed[0] == self._edits and not explicit and self._dirty:
            self._saved(landed[1])  # it already holds exactly what is on screen
            return True
        return self._save(self._snapshot(), explicit)

    def _save(self, snapshot: EditorSnapshot | None, explicit: bool = False) -> bool:
        if snapshot is None:
            self._dirty = False
            self._dirty_since = None
            return True
        self._remember_cursor(snapshot.article_id, snapshot.cursor_position)
        if not self._dirty and not explicit:
            return True
        try:
            record: ArticleRecord = self._library.save_text(
                snapshot.article_id, title=snapshot.title, body=snapshot.body, explicit=explicit
            )
        except MidadError as error:
            self._failing = True
            self._timer.start(RETRY_DELAY_MS)
            self.save_failed.emit(user_text(error))
            return False
        self._saved(record)
        return True

    def _saved(self, record: ArticleRecord) -> None:
        self._dirty = False
        self._dirty_since = None
        self._failing = False
        self._idle_timer.start()
        self.saved.emit(record)

    def _tidy(self) -> None:
        try:
            self._library.tidy_search_index()
        except MidadError:
            pass  # only housekeeping: the next idle moment tries again
