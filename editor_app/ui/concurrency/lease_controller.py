"""«يحرّره الآن»: the open article's lease in the window.

Opening an article takes its lease. If someone else holds it, the editor turns read-only
under a banner naming them, with "ask to edit" and "take over". The holder is asked above
their editor, and hands the article over (their text saved first) or declines, which the
asker is told. Heartbeats renew the lease;
a change event about the lease (another window took it over) or a heartbeat tells the
holder at once: its unsaved text becomes a revision and its editor turns read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from editor_app.core.changes import Change, What
from editor_app.core.errors import MidadError
from editor_app.core.leases import HEARTBEAT_INTERVAL, Lease, Leases, Notice
from editor_app.core.models import RevisionReason
from editor_app.core.records import ArticleRecord
from editor_app.ui.concurrency.live_text import replace_text_in_place
from editor_app.ui.icons import icon
from editor_app.ui.i18n import translate
from editor_app.ui.theme import state_colour

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow


class LeaseBanner(QFrame):
    """Above the editor while someone else edits the article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lease_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel(self)
        self.icon.setPixmap(icon("mdi6.account-edit").pixmap(20, 20))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.ask_button = QPushButton(translate("lease_banner", "اطلب التحرير"), self)
        self.take_over_button = QPushButton(translate("lease_banner", "تولَّ التحرير"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.ask_button)
        layout.addWidget(self.take_over_button)
        self.setStyleSheet(f"#lease_banner {{ border: 1px solid {state_colour('muted')}; border-radius: 4px; }}")
        self.hide()

    def show_holder(self, lease: Lease, note: str = "") -> None:
        text = translate("lease_banner", "يحرّره الآن: {person} — المقال للقراءة فقط").format(person=lease.person)
        self.label.setText(f"{note} {text}".strip())
        self.label.setToolTip(translate("lease_banner", "على الجهاز {machine}").format(machine=lease.machine))
        self.show()


class AskBanner(QFrame):
    """Above the holder's editor: someone asks to edit this article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ask_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.hand_over_button = QPushButton(translate("lease_banner", "سلّمه التحرير"), self)
        self.decline_button = QPushButton(translate("lease_banner", "أواصل التحرير"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.hand_over_button)
        layout.addWidget(self.decline_button)
        self.setStyleSheet(f"#ask_banner {{ border: 1px solid {state_colour('muted')}; border-radius: 4px; }}")
        self.hide()

    def show_ask(self, person: str) -> None:
        self.label.setText(translate("lease_banner", "{person} يطلب تحرير هذا المقال").format(person=person))
        self.show()


class LeaseController(QObject):
    def __init__(self, window: ArticleWindow, leases: Leases | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.leases = leases or Leases(window.library.database)
        self.lease: Lease | None = None
        self.banner = LeaseBanner(window.editor)
        window.editor.layout().insertWidget(0, self.banner)
        self.banner.ask_button.clicked.connect(self.ask)
        self.banner.take_over_button.clicked.connect(self.take_over)
        self.ask_banner = AskBanner(window.editor)
        window.editor.layout().insertWidget(0, self.ask_banner)
        self.ask_banner.hand_over_button.clicked.connect(self.hand_over)
        self.ask_banner.decline_button.clicked.connect(self.decline)
        self.asked: Notice | None = None  # the ask waiting for this holder's answer
        window.autosave.base_loaded.connect(self.opened)
        self._timer = QTimer(self)
        self._timer.setInterval(int(HEARTBEAT_INTERVAL.total_seconds() * 1000))
        self._timer.timeout.connect(self.heartbeat)
        self._timer.start()

    @property
    def read_only(self) -> bool:
        return self.lease is not None and not self.leases.is_mine(self.lease)

    # -- opening ---------------------------------------------------------------------------

    def opened(self, record: ArticleRecord) -> None:
        if self.lease is not None and self.lease.article_id == record.id and not self.read_only:
            return
        for article_id in list(self.leases.held):
            if article_id != record.id:
                self._quietly(lambda: self.leases.release(article_id))
        self._show(self._quietly(lambda: self.leases.acquire(record.id)))

    def _show(self, lease: Lease | bool | None, note: str = "") -> None:
        self.lease = lease if isinstance(lease, Lease) else None  # (False: the database was busy)
        if self.asked is not None and (self.read_only or self.lease is None
                                       or self.lease.article_id != self.asked.article_id):
            self.asked = None  # no longer ours to give
            self.ask_banner.hide()
        self.enforce()
        if self.read_only:
            self.banner.show_holder(self.lease, note)
        else:
            self.banner.hide()
        self.refresh_list()

    def enforce(self) -> None:
        """Text and details editable only while the lease is ours (again after the details reload)."""
        editor = self.window.editor
        read_only = self.read_only
        editor.title_edit.setReadOnly(read_only)
        editor.body_edit.setReadOnly(read_only)
        if read_only:
            self.window.metadata.setEnabled(False)
        elif self.window.editor.article_id is not None:
            self.window.metadata.setEnabled(True)

    def refresh_list(self) -> None:
        holders = self._quietly(self.leases.holders) or {}
        self.window.list_panel.model.set_leases({
            article_id: lease.person for article_id, lease in holders.items() if lease.holder != self.leases.holder})

    # -- asking, taking over ----------------------------------------------------------------

    def ask(self) -> None:
        if self.lease is not None and self._quietly(lambda: self.leases.ask(self.lease.article_id)) is not False:
            self.window.statusBar().showMessage(translate("lease_banner", "طُلب من {person} أن يترك لك التحرير").format(
                person=self.lease.person), 8000)

    def take_over(self) -> None:
        if self.lease is None:
            return
        article_id = self.lease.article_id
        lease = self._quietly(lambda: self.leases.take_over(article_id))
        if lease is None:
            return
        try:  # the text may have moved on while it was read-only here
            stored = self.window.library.get(article_id)
            replace_text_in_place(self.window.editor, stored.title, stored.body)
            self.window.autosave.loaded(stored)
        except MidadError:
            pass
        self._show(lease)

    def hand_over(self) -> None:
        """Yes to the ask: my text is saved first, then the article is theirs (read-only here)."""
        notice, window = self.asked, self.window
        if notice is None or not window.autosave.flush():
            return  # a save that failed keeps the lease: the text must not be left behind
        self.asked = None
        self.ask_banner.hide()
        if self._quietly(lambda: self.leases.hand_over(notice.article_id, notice)) is True:
            window.statusBar().showMessage(translate("lease_banner", "سلّمت التحرير إلى {person}").format(
                person=notice.asked_by), 8000)
        self._show(self._quietly(lambda: self.leases.current(notice.article_id)))

    def decline(self) -> None:
        notice = self.asked
        self.asked = None
        self.ask_banner.hide()
        if notice is not None:
            self._quietly(lambda: self.leases.decline(notice.article_id, notice))

    # -- hearing from others -------------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        if change.what & What.LEASE:
            self.refresh_list()
            if self.window.editor.article_id in change.article_ids:
                self.heartbeat()

    def heartbeat(self) -> None:
        open_id = self.window.editor.article_id
        for article_id in list(self.leases.held):
            if article_id != open_id:  # trashed or closed meanwhile
                self._quietly(lambda: self.leases.release(article_id))
        for notice in self._quietly(self.leases.heartbeat) or []:
            if notice.article_id != open_id:
                continue
            if notice.asked_by:
                self.asked = notice
                self.ask_banner.show_ask(notice.asked_by)
                self.window.statusBar().showMessage(translate("lease_banner", "{person} يطلب تحرير هذا المقال").format(
                    person=notice.asked_by), 15000)
            elif notice.taken_by:
                self._taken_over()
            elif notice.lost:
                self._show(self._quietly(lambda: self.leases.acquire(open_id)))
        if self.read_only and open_id is not None:
            declined = self._quietly(lambda: self.leases.was_declined(open_id))
            if isinstance(declined, Lease):
                self.window.statusBar().showMessage(translate(
                    "lease_banner", "{person} يواصل تحرير المقال الآن؛ اطلب لاحقًا أو تولَّ التحرير").format(
                    person=declined.person), 15000)
            # Still someone else's? An expired or released lease becomes ours (or was handed to us).
            self._show(self._quietly(lambda: self.leases.acquire(open_id)))

    def _taken_over(self) -> None:
        """Someone took the article over: keep what was not saved yet as a revision, then
        show the stored text, read-only."""
        window = self.window
        article_id = window.editor.article_id
        note = ""
        if window.autosave.has_unsaved_changes:
            title, body = window.editor.title(), window.editor.body()
            window.autosave.discard_unsaved()
            if self._quietly(lambda: window.library.keep_revision(article_id, title, body, RevisionReason.TAKEOVER)) is not False:
                note = translate("lease_banner", "حُفظ نصك غير المحفوظ في النسخ السابقة.")
        try:
            stored = window.library.get(article_id)
            replace_text_in_place(window.editor, stored.title, stored.body)
            window.autosave.loaded(stored)
        except MidadError:
            pass
        self._show(self._quietly(lambda: self.leases.current(article_id)), note)

    def _quietly(self, operation):
        """Leases are advice: a busy database must not interrupt writing (the next heartbeat retries)."""
        try:
            result = operation()
        except MidadError:
            return False
        return True if result is None else result

    def shutdown(self) -> None:
        self._timer.stop()
        self._quietly(self.leases.release_all)
