"""Autosave: an edit reaches the database soon after typing stops, and always on
switching articles, on focus loss and on quit.

A failed save keeps the text in the editor, reports it, and is retried.

Every save states the version the editor's text was written from (`base`): a save that
finds the article changed elsewhere merges (core.concurrent_edits); when both changed the
same paragraph, `resolve_conflict` (the window's merge dialog) settles it before saving.
"""

from __future__ import annotations

from collections.abc import Callable
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from editor_app.core import concurrent_edits
from editor_app.core.concurrent_edits import ArticleConflict, SaveOutcome, TextBase
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


# Shows the conflict to the writer; returns the settled (title, body).
ConflictResolver = Callable[[ArticleConflict], tuple[str, str]]


class AutosaveController(QObject):
    saved = Signal(object)  # ArticleRecord
    save_failed = Signal(str)
    # ArticleRecord: someone else's changes were merged into the saved text; the editor shows it
    merged = Signal(object)
    base_loaded = Signal(object)  # ArticleRecord: the editor's text was (re)loaded from it

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
        self._landed: tuple[int, SaveOutcome] | None = None
        self._base: TextBase | None = None
        # article id → the newest version this autosave stored (set on the worker too): the
        # window hears its own background save from the database before the save's result
        # arrives here, and must not take it for someone else's change.
        self._written: dict[int, int] = {}
        self._resolving = False  # the conflict dialog is open: no save until it is settled
        self.resolve_conflict: ConflictResolver = lambda conflict: conflict.mine
        self.delay_ms = AUTOSAVE_DELAY_MS  # a setting
        self._timer = single_shot_timer(self, AUTOSAVE_DELAY_MS, self._timer_fired)
        self._idle_timer = single_shot_timer(self, IDLE_TIDY_MS, self._tidy)

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def loaded(self, record: ArticleRecord) -> None:
        """The editor's text was (re)loaded from this stored version."""
        self._base = TextBase.of(record)
        self.base_loaded.emit(record)

    def discard_unsaved(self) -> None:
        """Forget the unsaved edits (they were kept elsewhere: a revision before a takeover)."""
        self._timer.stop()
        self._dirty = False
        self._dirty_since = None

    def observed(self, record: ArticleRecord) -> None:
        """A newer version whose text is the one the editor was loaded from (a metadata or status
        change): saves are based on it. A version with other text is not a base: the editor
        never saw it, and the next save merges with it."""
        base = self._base
        if (base is not None and base.article_id == record.id and record.version > base.version
                and (record.title, record.body) == (base.title, base.body)):
            self._base = TextBase.of(record)

    def base_for(self, article_id: int) -> TextBase | None:
        return self._base if self._base is not None and self._base.article_id == article_id else None

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
        if self._resolving:
            return  # the open conflict dialog saves when it is settled
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
        base = self.base_for(snapshot.article_id)

        def save() -> SaveOutcome:
            outcome = self._store(snapshot, base, False)
            self._landed = (edits, outcome)  # read by flush() right after wait(), before the signal arrives
            return outcome

        self._runner.run(save, lambda outcome: self._background_saved(outcome, snapshot, edits),
                         self._background_failed, latest_only=False)

    def _background_saved(self, outcome: SaveOutcome, snapshot: EditorSnapshot, edits: int) -> None:
        if self._base is not None and self._base.article_id != snapshot.article_id:
            # Another article was opened since (its flush already took this save into account).
            if outcome.record is not None:
                self.saved.emit(outcome.record)
            return
        base = self.base_for(snapshot.article_id)
        if outcome.record is not None and base is not None and outcome.record.version < base.version:
            return  # a flush already took this save into account and saved after it
        if edits == self._edits:  # nothing typed meanwhile: what is on screen is what is stored
            self._settle(outcome, snapshot)
        elif outcome.record is not None and not outcome.merged:
            self._base = TextBase.of(outcome.record)
            self.saved.emit(outcome.record)
            self._timer.start(self.delay_ms)
        else:
            # Typed while a merge or conflict was being saved: the next save merges the newer
            # text again, from the same base (the conflict's sides are already revisions).
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
        if self._resolving:
            return True  # the conflict dialog is open; it saves what the writer settles on
        if landed is not None and landed[0] == self._edits and not explicit and self._dirty:
            return self._settle(landed[1], self._snapshot())  # it already holds what is on screen
        if landed is not None and landed[1].record is not None and not landed[1].merged:
            self._base = TextBase.of(landed[1].record)  # the newer text is written from what landed
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
            outcome = self._store(snapshot, self.base_for(snapshot.article_id), explicit)
        except MidadError as error:
            self._failing = True
            self._timer.start(RETRY_DELAY_MS)
            self.save_failed.emit(user_text(error))
            return False
        return self._settle(outcome, snapshot)

    def wrote(self, article_id: int, version: int) -> bool:
        """Whether this autosave stored that version of the article."""
        return self._written.get(article_id) == version

    def _store(self, snapshot: EditorSnapshot, base: TextBase | None, explicit: bool) -> SaveOutcome:
        with self._library.changes.initiated_by(self):
            if base is None:  # nothing known to compare with (an article this window never loaded)
                outcome = SaveOutcome(self._library.save_text(snapshot.article_id, title=snapshot.title,
                                                              body=snapshot.body, explicit=explicit))
            else:
                outcome = concurrent_edits.save_text(self._library, base, snapshot.title, snapshot.body, explicit=explicit)
        if outcome.record is not None:
            self._written[outcome.record.id] = outcome.record.version
        return outcome

    def _settle(self, outcome: SaveOutcome, snapshot: EditorSnapshot) -> bool:
        """After a save: done, merged (the editor shows the combined text), or a conflict for the writer."""
        while outcome.conflict is not None:
            self._resolving = True
            try:
                title, body = self.resolve_conflict(outcome.conflict)
                with self._library.changes.initiated_by(self):
                    outcome = concurrent_edits.settle(self._library, outcome.conflict, title, body)
            except MidadError as error:
                self._failing = True
                self._timer.start(RETRY_DELAY_MS)
                self.save_failed.emit(user_text(error))
                return False
            finally:
                self._resolving = False
            outcome = SaveOutcome(outcome.record, True, outcome.conflict)
        record = outcome.record
        self._base = TextBase.of(record)
        if outcome.merged or (snapshot is not None and (record.title, record.body) != (snapshot.title, snapshot.body)):
            self.merged.emit(record)
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
