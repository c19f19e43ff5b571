"""The window follows changes it did not make itself: another window, `midad import` in a
terminal, a publish on a worker thread, another person on the server.

- the list gains, loses or refreshes the rows concerned;
- the open article: details and preview follow; its text, when changed elsewhere, reloads in
  place (cursor kept) if the writer has nothing unsaved, otherwise it is merged at once
  (core.concurrent_edits: the same rule as any save);
- changes this window's own autosave made are skipped (their initiator is the autosave).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from editor_app.core.changes import Change, What
from editor_app.core.errors import ArticleNotFound, MidadError
from editor_app.core.records import ArticleRecord
from editor_app.ui.concurrency.change_events import ChangeEvents
from editor_app.ui.concurrency.lease_controller import LeaseController
from editor_app.ui.concurrency.live_text import replace_text_in_place
from editor_app.ui.concurrency.merge_dialog import ask_writer
from editor_app.ui.concurrency.sync_conflicts import SyncConflictController

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow


class ChangeFollower(QObject):
    def __init__(self, window: ArticleWindow) -> None:
        super().__init__(window)
        self.window = window
        self.events: ChangeEvents | None = None
        self.start()
        window.autosave.resolve_conflict = ask_writer(window)
        window.autosave.merged.connect(self.show_merged)
        self.leases = LeaseController(window)
        self.sync_conflicts = SyncConflictController(window)
        window.sync_status.round_finished.connect(lambda: self.sync_conflicts.refresh())
        window.autosave.base_loaded.connect(self._panel_loaded)
        window.article_actions.conflicted.connect(self._show_details)

    def on_change(self, change: Change) -> None:
        if change.initiator is self.window.autosave:
            return  # the autosave already told the list and the title bar
        try:
            self._follow_list(change)
            if self.window.editor.article_id in change.article_ids:
                self._follow_open_article()
        except MidadError:
            pass  # the database is busy or away: the next change (or poll) brings the window up to date
        self.leases.on_change(change)

    # -- the list -------------------------------------------------------------------------

    def _follow_list(self, change: Change) -> None:
        panel = self.window.list_panel
        model = panel.model
        if model.search_text:
            if change.external and change.what & (What.MEMBERSHIP | What.TEXT):
                panel.reload(keep_article=self.window.editor.article_id)
            return
        if change.what & What.MEMBERSHIP and change.external and self._rows_changed(change):
            panel.reload(keep_article=self.window.editor.article_id)
            return
        listed = [article_id for article_id in change.article_ids if model.row_of(article_id) is not None]
        if listed:
            model.refresh_rows(listed)

    def _rows_changed(self, change: Change) -> bool:
        """Whether the list's membership differs from what it shows (an import elsewhere adds
        rows; this window's own trash or new article was already shown when it was made)."""
        model = self.window.list_panel.model
        if self.window.library.count(model.request) != model.total:
            return True
        listed = [article_id for article_id in change.article_ids if model.row_of(article_id) is not None]
        still = {summary.id for summary in self.window.library.summaries_for(listed)} if listed else set()
        return any(article_id not in still or self._trashed_state_differs(article_id) for article_id in listed)

    def _trashed_state_differs(self, article_id: int) -> bool:
        record = self.window.library.get(article_id)
        return (record.trashed_at is not None) != self.window.list_panel.model.request.trashed

    # -- the open article ----------------------------------------------------------------------

    def _follow_open_article(self) -> None:
        window = self.window
        article_id = window.editor.article_id
        # The version first: reading a long article's body on this thread costs tens of
        # milliseconds, and most changes heard are this window's own saves.
        version = window.library.version_of(article_id)
        if version is None:
            return  # deleted elsewhere: the list no longer shows it; the text stays on screen
        base = window.autosave.base_for(article_id)
        if base is not None and version == base.version:
            return  # nothing newer than what the editor holds
        if window.autosave.wrote(article_id, version):
            return  # this window's background save, heard before its result arrived: the autosave settles it
        try:
            stored = window.library.get(article_id)
        except ArticleNotFound:
            return
        if base is not None and stored.version == base.version:
            return
        if base is None or (stored.title, stored.body) == (base.title, base.body):
            window.autosave.observed(stored)
        elif window.autosave.has_unsaved_changes:
            window.autosave.flush()  # merges with the newer text now (or asks, if both changed one paragraph)
            return
        else:
            replace_text_in_place(window.editor, stored.title, stored.body)
            window.autosave.loaded(stored)
        self._show_details(stored)

    def show_merged(self, record: ArticleRecord) -> None:
        """A save combined the writer's text with someone else's: show the combined text."""
        window = self.window
        if record.id != window.editor.article_id:
            return
        replace_text_in_place(window.editor, record.title, record.body)
        self._show_details(record)

    def _panel_loaded(self, record: ArticleRecord) -> None:
        self.window.article_actions.shown = record

    def _show_details(self, record: ArticleRecord) -> None:
        window = self.window
        window.metadata.flush()  # edits still pending are based on what the panel showed
        newer = window.current_record
        if newer is not None and newer.id == record.id and newer.version > record.version:
            record = newer  # that flush saved something: show the result
        window.current_record = record
        window.list_panel.model.update_from_record(record)
        window.article_actions.shown = record
        image = window.library.asset(record.featured_asset_id) if record.featured_asset_id else None
        window.metadata.load(record, window.library.status_history(record.id), image.data if image else None)
        window.preview_controller.show(replace(record, title=window.editor.title(), body=window.editor.body()))
        window.counts_label.schedule(window.editor.body)
        self.leases.enforce()

    def start(self) -> None:
        """Follow the library's changes (again, after a backup replaced the database)."""
        self.events = ChangeEvents(self.window.library, self)
        self.events.changed.connect(self.on_change)

    def shutdown(self) -> None:
        """The window closes: let go of the leases, stop following."""
        self.leases.shutdown()
        self.pause()

    def pause(self) -> None:
        """Stop following until start() (a backup replaces the database meanwhile)."""
        if self.events is not None:
            self.events.shutdown()
            self.events.deleteLater()
            self.events = None
