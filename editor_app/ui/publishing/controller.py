"""The publish flow in the window: choose a site, publish off the UI thread with progress
and cancel, resolve conflicts, and keep retrying the outbox while the app runs."""

from __future__ import annotations

import sys
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDockWidget, QMessageBox, QProgressDialog

from editor_app.core.errors import MidadError
from editor_app.core.publishing.waiting import waiting_publishes
from editor_app.ui import plain_text
from editor_app.ui.publishing.outbox_panel import OutboxPanel
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.i18n import translate, user_text

if TYPE_CHECKING:
    from editor_app.core.publishing.outbox import Outbox, Queued, RetryResult
    from editor_app.core.publishing.publisher import ConflictChoice, Publisher, PublishOutcome
    from editor_app.core.publishing.sites import SiteRegistry
    from editor_app.core.publishing.target import Progress
    from editor_app.ui.services import AppServices
    from editor_app.ui.window_parts import ArticleWindow

# The publishing core (httpx, keyring, BeautifulSoup: about 0.15 s to import) is loaded
# when first used: the first outbox check, a publish, the sites dialog; not to show the window.

OUTBOX_CHECK_MS = 30_000
FIRST_OUTBOX_CHECK_MS = 5_000
class PublishingController(QObject):
    progressed = Signal(object)  # a core Progress, emitted from the worker, delivered on the UI thread

    def __init__(self, window: ArticleWindow, services: AppServices) -> None:
        super().__init__(window)
        self.window, self.services, self.library = window, services, services.library
        self.runner = BackgroundRunner("publish", self)
        self.outbox_runner = BackgroundRunner("outbox", self)
        self.cancel_event = threading.Event()
        self.progress: QProgressDialog | None = None
        self.last_site: str | None = None
        self.progressed.connect(self._on_progress)

        self.panel = OutboxPanel(window)
        self.dock = QDockWidget(translate("controller", "صندوق الإرسال"), window)
        self.dock.setObjectName("outbox_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.retry_requested.connect(self.retry_job)
        self.panel.cancel_requested.connect(self.cancel_job)
        self.panel.retry_all_requested.connect(lambda: self.retry_due(everything=True))

        # Its menu entries (Publish, Outbox, Sites) are commands: ui/commands/publishing_commands.py.

        self.timer = QTimer(self)
        self.timer.setInterval(OUTBOX_CHECK_MS)
        self.timer.timeout.connect(self.retry_due)
        self.timer.start()
        QTimer.singleShot(FIRST_OUTBOX_CHECK_MS, self.retry_due)  # publishes queued before a restart (and the count)

    @property
    def registry(self) -> SiteRegistry:
        return self.services.sites

    @cached_property
    def publisher(self) -> Publisher:
        from editor_app.core.publishing.publisher import Publisher

        return Publisher(self.library, image_folders=self._image_folders())

    @property
    def outbox(self) -> Outbox:
        return self.services.outbox

    # -- sites ------------------------------------------------------------------------

    def show_sites(self) -> None:
        from editor_app.ui.publishing.sites_dialog import SitesDialog

        SitesDialog(self.registry, self.window).exec()

    # -- publishing -------------------------------------------------------------------

    def _image_folders(self) -> tuple[Path, ...]:
        settings = getattr(self.window, "settings", None)
        chosen = settings.preferences.image_folder if settings is not None else ""
        return (Path(chosen).expanduser(),) if chosen else ()

    def publish_current(self) -> None:
        self.publisher.image_folders = self._image_folders()  # the settings may have changed
        window = self.window
        article_id = window.editor.article_id
        if article_id is None or self.runner.busy:
            return
        if not window.autosave.flush():
            window.statusBar().showMessage(translate("controller", "تعذّر حفظ المقال، فلم يُنشر: ستُعاد محاولة الحفظ"), 10000)
            return
        window.metadata.flush()
        sites = self.registry.list()
        if not sites:
            if not self._offer_sites():
                return
            sites = self.registry.list()
            if not sites:
                return
        from editor_app.ui.publishing.password_store import ensure_password_store
        from editor_app.ui.publishing.publish_dialog import PublishDialog

        if not ensure_password_store(window):
            return
        from editor_app.core.publishing.links import SyncLinks

        links = SyncLinks(self.library.database)
        linked = frozenset(site.name for site in sites if links.post(article_id, site.id) is not None)
        dialog = PublishDialog(sites, window.editor.title(), self.last_site, window, linked_sites=linked)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        site, status = dialog.chosen()
        self.last_site = site
        self.start(article_id, site, status)

    def _offer_sites(self) -> bool:
        """No site yet: say so, and offer the Sites dialog in the same box."""
        box = QMessageBox(QMessageBox.Icon.Information, translate("controller", "النشر"),
                          translate("controller", "لا موقع بعد: أضف موقع ووردبريس (اسم المستخدم وكلمة مرور التطبيق) أو موقع Ghost (مفتاح Admin API)."),
                          QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("no_site_box")
        box.setTextFormat(Qt.TextFormat.PlainText)
        add = box.addButton(translate("controller", "إضافة موقع…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(add)
        box.exec()
        if box.clickedButton() is not add:
            return False
        self.show_sites()
        return True

    def start(self, article_id: int, site: str, status: str | None,
              choice: ConflictChoice | None = None) -> None:
        from editor_app.core.publishing.outbox import publish_or_queue
        from editor_app.core.publishing.publisher import ConflictChoice

        choice = choice or ConflictChoice.STOP
        self.cancel_event.clear()
        self.progress = QProgressDialog(translate("controller", "جارٍ النشر…"), translate("controller", "إلغاء"), 0, 100, self.window)
        self.progress.setObjectName("publish_progress")
        self.progress.setWindowTitle(translate("controller", "النشر"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self.cancel_event.set)
        self.progress.setValue(0)

        def work():
            return publish_or_queue(self.publisher, self.outbox, article_id, site, status=status, on_conflict=choice,
                                    progress=self.progressed.emit, cancelled=self.cancel_event.is_set)

        self.runner.run(work, lambda result: self._published(article_id, site, status, result),
                        lambda error: self._failed(article_id, site, status, error), latest_only=False)

    def _on_progress(self, progress: Progress) -> None:
        from editor_app.ui.publishing.labels import step_label

        if self.progress is not None:
            self.progress.setLabelText(step_label(progress))
            self.progress.setValue(int(progress.fraction * 100))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel_event.set)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _published(self, article_id: int, site: str, status: str | None, result: PublishOutcome | Queued) -> None:
        from editor_app.core.publishing.outbox import Queued

        self._close_progress()
        window = self.window
        if isinstance(result, Queued):
            window.statusBar().showMessage(
                translate("controller", "تعذّر الوصول إلى «{site}»؛ حُفظ الطلب في صندوق الإرسال وستُعاد المحاولة تلقائيًا").format(
                    site=site), 15000)
            self.refresh_panel()
            self.dock.show()
        else:
            state = translate("controller", "أُخذت نسخة الموقع") if result.took_site_version else (translate("controller", "نُشر على") if result.created else translate("controller", "حُدّث على"))
            window.statusBar().showMessage(f"{state} «{site}»: {result.link}", 15000)
            for warning in result.warnings:
                window.statusBar().showMessage(user_text(warning), 15000)
        self._refresh_article(article_id, reload_text=not isinstance(result, Queued) and result.took_site_version)

    def _failed(self, article_id: int, site: str, status: str | None, error: BaseException) -> None:
        from editor_app.core.publishing.publisher import PublishCancelled, PublishConflict
        from editor_app.ui.publishing.conflict_dialog import ConflictDialog

        self._close_progress()
        window = self.window
        if isinstance(error, PublishConflict):
            dialog = ConflictDialog(site, error.local, error.remote, window)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.choice is not None:
                self.start(article_id, site, status, dialog.choice)
        elif isinstance(error, PublishCancelled):
            window.statusBar().showMessage(translate("controller", "أُلغي النشر"), 8000)
        elif isinstance(error, MidadError):
            plain_text.warning(window, translate("controller", "تعذّر النشر"), user_text(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)  # logged, one friendly sentence
        self._refresh_article(article_id)

    def _refresh_article(self, article_id: int, reload_text: bool = False) -> None:
        window = self.window
        if window.editor.article_id == article_id and self.library.exists(article_id):
            record = self.library.get(article_id)
            if reload_text:
                window.editor.load(record, window.editor.cursor_position())
                window._show_record(record)
            else:
                window._on_record_changed(record)
        window.list_panel.reload(keep_article=window.editor.article_id)

    # -- the outbox ---------------------------------------------------------------------

    def refresh_panel(self) -> None:
        entries = self.outbox.entries()
        self.panel.show_entries(entries)
        waiting = sum(1 for entry in entries if entry.state == "pending")
        self.window.commands.set_text("publish.outbox", translate("controller", "صندوق الإرسال ({count})").format(count=waiting) if waiting else translate("controller", "صندوق الإرسال"))

    def retry_due(self, everything: bool = False) -> None:
        if self.outbox_runner.busy or self.runner.busy:
            return
        if "outbox" not in self.services.__dict__:
            try:
                if not waiting_publishes(self.library.database):
                    return  # nothing queued and nothing published yet: the publishing stack stays unloaded
            except MidadError:
                return  # the database is away (a full or unmounted disk): the next tick asks again
        from editor_app.core.publishing import credentials

        if credentials.needs_passphrase():
            # A locked password file would turn every waiting publish into a refusal: the timer's
            # retries wait for the passphrase, the writer's own retry asks for it.
            from editor_app.ui.publishing.password_store import ensure_password_store

            if not everything or not ensure_password_store(self.window):
                return
        outbox, publisher = self.outbox, self.publisher  # made here, on the UI thread
        self.outbox_runner.run(lambda: outbox.run_due(publisher, everything=everything),
                               self._outbox_done, self._outbox_failed, latest_only=False)

    def retry_job(self, job_id: int) -> None:
        from editor_app.ui.publishing.password_store import ensure_password_store

        if not ensure_password_store(self.window):
            return
        self.outbox.retry_now(job_id)
        self.retry_due()

    def cancel_job(self, job_id: int) -> None:
        answer = plain_text.question(self.window, translate("controller", "صندوق الإرسال"), translate("controller", "إلغاء طلب النشر هذا؟ يبقى المقال كما هو."))
        if answer == QMessageBox.StandardButton.Yes:
            self.outbox.cancel(job_id)
            self.refresh_panel()
            self.window.list_panel.reload(keep_article=self.window.editor.article_id)

    def _outbox_done(self, results: list[RetryResult]) -> None:
        self.refresh_panel()
        if not results:
            return
        landed = [result for result in results if result.outcome is not None]
        if landed:
            self.window.statusBar().showMessage(translate("controller", "نُشر من صندوق الإرسال: {count}").format(count=len(landed)), 10000)
        for result in results:
            self._refresh_article(result.article_id)

    def _outbox_failed(self, error: BaseException) -> None:
        self.refresh_panel()
        self.window.statusBar().showMessage(translate("controller", "تعذّر تشغيل صندوق الإرسال: {error}").format(error=user_text(error)), 10000)

    def shutdown(self) -> None:
        self.timer.stop()
        self.cancel_event.set()
        self.runner.shutdown()
        self.outbox_runner.shutdown()
