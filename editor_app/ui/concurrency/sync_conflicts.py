"""Sync conflicts in the window: the open article changed on the newsroom server and here while
offline, in the same place (core.sync marked it, the list shows it). A banner above the editor
says so and offers the merge dialog (keep mine / take theirs / merge by hand); the settled
text is saved here and sent over theirs at the next sync round. Until then both texts are
kept as revisions: nobody's words are overwritten unseen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from editor_app.core.errors import MidadError
from editor_app.core.records import ArticleRecord
from editor_app.core.sync.conflicts import settle_sync_conflict, sync_conflict
from editor_app.ui.concurrency.live_text import replace_text_in_place
from editor_app.ui.concurrency.merge_dialog import MergeDialog
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.icons import icon
from editor_app.ui.sync_status import is_newsroom_copy
from editor_app.ui.theme import state_colour

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow


class SyncConflictBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_conflict_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        mark = QLabel(self)
        mark.setPixmap(icon("mdi6.call-split").pixmap(20, 20))
        self.label = QLabel(translate(
            "sync_conflict", "عُدّل هذا المقال في غرفة الأخبار وهنا في الموضع نفسه. النصّان محفوظان في النسخ السابقة."), self)
        self.label.setWordWrap(True)
        self.settle_button = QPushButton(translate("sync_conflict", "حلّ التعارض…"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(mark)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.settle_button)
        self.setStyleSheet(f"#sync_conflict_banner {{ border: 1px solid {state_colour('error')}; border-radius: 4px; }}")
        self.hide()


class SyncConflictController(QObject):
    settled = Signal(object)  # ArticleRecord: the writer's settled text, saved here, waiting to be sent

    def __init__(self, window: ArticleWindow) -> None:
        super().__init__(window)
        self.window = window
        self.banner = SyncConflictBanner(window.editor)
        window.editor.layout().insertWidget(0, self.banner)
        self.banner.settle_button.clicked.connect(self.settle)
        window.autosave.base_loaded.connect(self.opened)
        self.dialog: MergeDialog | None = None  # while open (tests drive it)

    def _is_copy(self) -> bool:
        try:
            return is_newsroom_copy(self.window.library)
        except MidadError:
            return False

    def opened(self, record: ArticleRecord) -> None:
        self.refresh(record.id)

    def refresh(self, article_id: int | None = None) -> None:
        """Show the banner when the open article is in conflict (after a sync round too)."""
        article_id = article_id if article_id is not None else self.window.editor.article_id
        conflicted = False
        if article_id is not None and self._is_copy():
            try:
                conflicted = sync_conflict(self.window.library, article_id) is not None
            except MidadError:
                conflicted = False
        self.banner.setVisible(conflicted)

    def settle(self) -> None:
        window = self.window
        article_id = window.editor.article_id
        if article_id is None or not window.autosave.flush():
            return  # (a failed save keeps the text on screen: settle once it is stored)
        try:
            conflict = sync_conflict(window.library, article_id)
        except MidadError as error:
            window.statusBar().showMessage(user_text(error), 8000)
            return
        if conflict is None:
            self.banner.hide()
            return
        if conflict.merge.clean:  # the writer's later edits (or theirs) left nothing to choose
            title, body = conflict.merge.title.text(), conflict.merge.body.text()
        else:
            self.dialog = MergeDialog(conflict, window)
            accepted = self.dialog.exec() == QDialog.DialogCode.Accepted
            title, body = self.dialog.settled()
            self.dialog.deleteLater()
            self.dialog = None
            if not accepted:
                return  # still in conflict: offered again, nothing lost
        try:
            record = settle_sync_conflict(window.library, article_id, title, body)
        except MidadError as error:
            window.statusBar().showMessage(user_text(error), 8000)
            return
        replace_text_in_place(window.editor, record.title, record.body)
        window.autosave.loaded(record)
        self.banner.hide()
        window.statusBar().showMessage(translate(
            "sync_conflict", "حُلّ التعارض: سيُرسل النص إلى غرفة الأخبار عند المزامنة التالية"), 8000)
        self.settled.emit(record)
        window.sync_status.sync_now()
