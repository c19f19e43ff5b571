"""The main window: wires the article list, the editor, the metadata panel and the preview.

Behaviour lives in the widgets and controllers; this module only connects them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QSplitter

from editor_app.core.errors import MidadError
from editor_app.core.library import COPY_TITLE
from editor_app.core.records import ArticleDraft, ArticleRecord
from editor_app.core.spelling import SpellChecker
from editor_app.core.templates import ArticleTemplates
from editor_app.ui import plain_text
from editor_app.ui.article_actions import ArticleActions
from editor_app.ui.article_list.panel import ArticleListPanel
from editor_app.ui.autosave import AutosaveController, EditorSnapshot
from editor_app.ui.commands.window_commands import WindowCommands
from editor_app.ui.concurrency.follower import ChangeFollower
from editor_app.ui.drops import install_media_intake
from editor_app.ui.editor.article_editor import ArticleEditor
from editor_app.ui.editor.counts_label import CountsLabel
from editor_app.ui.icons import icon, recolour_icons
from editor_app.ui.menus import install_menus, install_toolbar
from editor_app.ui.metadata.panel import MetadataPanel
from editor_app.ui.pane_navigation import PaneNavigation
from editor_app.ui.preview.controller import PreviewController
from editor_app.ui.preview.factory import create_preview
from editor_app.ui.preferences import apply_to_application, apply_to_window
from editor_app.ui.preview.sync import PreviewSync
from editor_app.ui.publishing.controller import PublishingController
from editor_app.ui.revision_pruner import RevisionPruner
from editor_app.ui.services import AppServices
from editor_app.ui.theme import state_colour, theme_events
from editor_app.ui.newsroom import NewsroomStatus
from editor_app.ui.sync_status import SyncStatus, is_newsroom_copy, saved_server_url
from editor_app.ui.window_state import LAYOUT_VERSION, WindowState
from editor_app.ui.workflow.actions import install_workflow
from editor_app.ui.writing_comfort import WritingComfort
from editor_app.core.wording import ARTICLES
from editor_app.ui.i18n import app_title, counted, translate, user_text



# At the default 1400×860 the editor gets about 540 px (it had 340 before); see README, "One window".
DEFAULT_PANE_WIDTHS = (230, 560, 340)  # list, editor, preview
DEFAULT_DETAILS_WIDTH = 280


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)  # the application rebuilds the window in that language
    database_change_requested = Signal(object)  # a newsroom server's Database: the window reopens on it

    def __init__(self, services: AppServices, state: WindowState, templates: ArticleTemplates,
                 spelling: SpellChecker | None = None) -> None:
        super().__init__()
        self.services = services
        library = self.library = services.library
        self.settings = services.settings
        self.state = state
        self.current_record: ArticleRecord | None = None
        self.setObjectName("main_window")
        self.setWindowTitle(app_title())
        self.setWindowIcon(icon("app"))

        self.list_panel = ArticleListPanel(library, self)
        self.editor = ArticleEditor(self, spelling)
        self.preview, page_options = create_preview(self, asset_loader=library.article_image)
        self.preview_controller = PreviewController(self.preview, templates, page_options, parent=self)
        self.preview_controller.render_failed.connect(lambda problem: self.statusBar().showMessage(
            translate("main_window", "تعذّرت المعاينة: {problem}").format(problem=problem)))
        self.preview_controller.template_problem.connect(self.preview.template_problem.show_problem)
        self.preview_sync = PreviewSync(self.editor.body_edit, self.preview, self)
        if hasattr(self.preview, "remote_media_changed"):
            self.preview.remote_media_changed.connect(self.preview_controller.set_remote_media_allowed)
        self.metadata = MetadataPanel(self)
        self.metadata_dock = QDockWidget(translate("main_window", "بيانات المقال"), self)
        self.metadata_dock.setObjectName("metadata_dock")
        self.metadata_dock.setWidget(self.metadata)
        self.addDockWidget(self._trailing_dock_area(), self.metadata_dock)
        self.resizeDocks([self.metadata_dock], [DEFAULT_DETAILS_WIDTH], Qt.Orientation.Horizontal)
        self.article_actions = ArticleActions(library, lambda: self.editor.article_id, self)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        for widget in (self.list_panel, self.editor, self.preview):
            self.splitter.addWidget(widget)
        # The editor has the room: it takes most of what a larger window adds, the list least.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)

        self.save_label = QLabel(self)
        plain_text.plain(self.save_label)
        self.counts_label = CountsLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.save_label)
        self.newsroom_status = NewsroomStatus(library, self)
        self.statusBar().addPermanentWidget(self.newsroom_status)
        self.sync_status = SyncStatus(library, saved_server_url(self) if is_newsroom_copy(library) else None,
                                      self.list_panel.model, self)
        self.statusBar().addPermanentWidget(self.sync_status)
        if spelling is not None:
            self.report_missing_dictionaries(spelling)

        self.autosave = AutosaveController(library, self.snapshot, state.remember_article, self)
        self.revision_pruner = RevisionPruner(library, self.autosave.saved, self)
        self.publishing = PublishingController(self, services)
        self.comfort = WritingComfort(self)
        self.commands = WindowCommands(self, services)
        self.media_intake = install_media_intake(self)
        self.shortcut_label_style = install_menus(self, self.commands)
        install_toolbar(self, self.commands)
        self.workflow = install_workflow(self)  # desks, send to, budget, bell, history (issue 19)
        self._connect()
        self.resize(1400, 860)
        self.layout().activate()  # the panes get their default widths at this size, not at the first show's
        self.splitter.setSizes(list(DEFAULT_PANE_WIDTHS))
        apply_to_window(self, self.settings.preferences)
        theme_events().changed.connect(self.on_theme_changed)
        self.navigation = PaneNavigation(self)
        self.follower = ChangeFollower(self)
        self.commands.connect_watched()
        self.commands.refresh()

    # -- construction --------------------------------------------------------

    def report_missing_dictionaries(self, spelling: SpellChecker) -> None:
        if spelling.missing:
            missing = translate("main_window", "، ").join(spelling.missing)
            self.statusBar().showMessage(translate("main_window", "التدقيق الإملائي غير متاح لـ: {languages} (القاموس غير مثبت)").format(languages=missing), 15000)

    def _connect(self) -> None:
        self.editor.edited.connect(self._on_edited)
        self.editor.focus_lost.connect(self.autosave.flush)
        self.autosave.saved.connect(self._on_saved)
        self.autosave.save_failed.connect(self._on_save_failed)
        self.list_panel.current_article_changed.connect(self._on_list_selection)
        self.list_panel.empty_trash_button.clicked.connect(lambda: self.commands.run("file.empty_trash"))
        self.metadata.changed.connect(self.article_actions.apply_metadata)
        self.metadata.status_requested.connect(self.article_actions.change_status)
        self.metadata.featured_image_chosen.connect(self.article_actions.set_featured_image)
        self.metadata.featured_image_removed.connect(self.article_actions.clear_featured_image)
        self.metadata.slug_from_title.clicked.connect(self._slug_from_title)
        self.article_actions.record_changed.connect(self._on_record_changed)
        self.article_actions.failed.connect(lambda message: self.statusBar().showMessage(message, 10000))

    # -- startup -------------------------------------------------------------

    def restore_session(self) -> None:
        """Reopen where the writer left off: layout, last article, cursor."""
        if self.state.layout_version < LAYOUT_VERSION:
            self.state.forget_layout()  # an older version's cramped panes: the new default layout instead
        if self.state.geometry is not None:
            self.restoreGeometry(self.state.geometry)
            # Never a bare full screen at start (an older version saved focus mode's).
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowFullScreen)
        if self.state.window_state is not None:
            self.restoreState(self.state.window_state)
            if self.state.saved_right_to_left != self.isRightToLeft():
                self._mirror_docks()
        if self.state.splitter is not None:
            self.splitter.restoreState(self.state.splitter)
        self.list_panel.refresh_filters()
        self.list_panel.reload()
        if self.list_panel.model.total == 0:
            self.new_article()
            return
        last = self.state.last_article_id
        if last is not None and self.library.exists(last):
            self.open_article(last)
        else:
            self.list_panel.select_row(0)

    def _trailing_dock_area(self) -> Qt.DockWidgetArea:
        """Details sit after the panes in reading order: on the left in Arabic, the right in English.
        (Qt does not mirror dock areas with the layout direction.)"""
        return Qt.DockWidgetArea.LeftDockWidgetArea if self.isRightToLeft() else Qt.DockWidgetArea.RightDockWidgetArea

    def _mirror_docks(self) -> None:
        """The layout was saved in the other direction (the language changed): mirror the docks' sides."""
        sides = {Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
                 Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea}
        for dock in self.findChildren(QDockWidget):
            area = self.dockWidgetArea(dock)
            if area in sides and not dock.isFloating():
                self.addDockWidget(sides[area], dock)

    # -- articles ------------------------------------------------------------

    def _on_list_selection(self, article_id: int) -> None:
        if article_id != self.editor.article_id:
            self.open_article(article_id)

    def open_article(self, article_id: int) -> None:
        if not self.autosave.flush():
            return  # keep the unsaved text in front of the writer
        self.metadata.flush()
        try:
            record = self.library.get(article_id)
        except MidadError as error:
            self.statusBar().showMessage(user_text(error), 8000)
            return
        self.editor.load(record, self.state.cursor_position(record.id))
        self.state.remember_article(record.id, self.editor.cursor_position())
        self.comfort.article_opened(record.id)
        self._show_record(record)
        self.autosave.loaded(record)  # (after the details: the lease may make them read-only)
        self.list_panel.select_article(record.id, quietly=True)

    def new_article(self) -> None:
        if not self.autosave.flush():
            return
        preferences = self.settings.preferences
        record = self.library.create(ArticleDraft(
            author=preferences.default_author or None, category=preferences.default_category or None,
            locale=preferences.date_locale))
        self.list_panel.reload()
        self.open_article(record.id)
        self.editor.title_edit.setFocus()

    def duplicate_current(self) -> None:
        if self.editor.article_id is None or not self.autosave.flush():
            return
        self.metadata.flush()  # fields typed in the last moments belong to the source, and so to its copy
        copy = self.library.duplicate(self.editor.article_id, translate("library", COPY_TITLE))
        self.list_panel.reload()
        self.open_article(copy.id)
        self.statusBar().showMessage(translate("main_window", "أُنشئت نسخة من المقال"), 5000)

    def trash_current(self) -> None:
        article_id = self.editor.article_id
        if article_id is None or not self.autosave.flush():
            return
        row = self.list_panel.model.row_of(article_id) or 0
        self.library.trash(article_id)
        self.editor.clear()
        self.current_record = None
        self.list_panel.reload()
        self.statusBar().showMessage(translate("main_window", "نُقل المقال إلى المهملات"), 5000)
        if self.list_panel.model.rowCount():
            self.list_panel.select_row(min(row, self.list_panel.model.rowCount() - 1))

    def restore_current(self) -> None:
        if self.current_record is not None and self.current_record.trashed_at is not None:  # else nothing to restore
            self.library.restore_from_trash(self.editor.article_id)
            self.current_record = self.library.get(self.editor.article_id)
            self.list_panel.reload(keep_article=self.editor.article_id)
            self.statusBar().showMessage(translate("main_window", "أُعيد المقال من المهملات"), 5000)

    def empty_trash(self) -> None:
        count = self.library.count(replace(self.list_panel.model.request, trashed=True, status=None, category=None, author=None))
        if count == 0:
            return
        answer = plain_text.question(
            self, app_title(), translate("main_window", "حذف {articles} في المهملات نهائيًا؟ لا يمكن التراجع عن ذلك.").format(
                articles=counted(count, ARTICLES)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            if self.current_record is not None and self.current_record.trashed_at is not None:
                self.editor.clear()
                self.current_record = None
            self.library.empty_trash()
            self.list_panel.reload()

    def save_now(self) -> None:
        """Ctrl+S: save at once and keep a revision."""
        self.autosave.flush(explicit=True)
        self.metadata.flush()

    # Dialogs are imported when opened: the export dialog alone brings python-docx and Jinja2.
    def show_revisions(self) -> None:
        from editor_app.ui.dialogs.revisions import RevisionsDialog

        if self.editor.article_id is None or not self.autosave.flush():
            return
        dialog = RevisionsDialog(self.library.revisions(self.editor.article_id), self.editor.body(), self)
        dialog.restore_requested.connect(self._restore_revision)
        dialog.exec()

    def show_export(self) -> None:
        from editor_app.ui.dialogs.export_dialog import ExportDialog

        self.autosave.flush()
        self.metadata.flush()
        ExportDialog(self.library, self.editor.article_id, self, time_zone=self.byline_zone()).exec()

    def byline_zone(self) -> str:
        """The default site's own time zone, else the one in Settings."""
        preferences = self.settings.preferences
        if not preferences.default_site:  # no site to ask, and the publishing stack stays unloaded
            return preferences.time_zone
        return self.publishing.registry.byline_zone(preferences.default_site, preferences.time_zone)

    def show_backups(self) -> None:
        from editor_app.core.backups import list_backups, sqlite_path
        from editor_app.ui.dialogs.backups_dialog import BackupsDialog

        path = sqlite_path(self.library.database.url)
        if path is None:
            plain_text.information(self, app_title(), translate("main_window", "النسخ الاحتياطية للقاعدة المحلية فقط؛ انسخ قاعدة الخادم بأدواته."))
            return
        self.autosave.flush()
        self.metadata.flush()
        dialog = BackupsDialog(list_backups(path), self)
        dialog.restore_requested.connect(self.restore_backup)
        dialog.backup_requested.connect(lambda: self._backup_now(path, dialog))
        dialog.exec()

    def _backup_now(self, path, dialog) -> None:
        from editor_app.core.backups import create_backup

        try:
            made = create_backup(path, "manual")
        except MidadError as error:
            plain_text.warning(dialog, app_title(), user_text(error))
            return
        self.statusBar().showMessage(translate("main_window", "حُفظت نسخة احتياطية: {name}").format(name=made.name), 8000)
        dialog.reject()
        self.show_backups()

    def restore_backup(self, backup) -> None:
        """Replace the library with a backup; the current state becomes a backup first."""
        from editor_app.core.backups import restore_backup, sqlite_path

        if not self.autosave.flush():
            plain_text.warning(self, app_title(), translate("main_window", "تعذّر حفظ التعديلات الأخيرة، فلم تُستعد النسخة."))
            return
        self.metadata.flush()
        self.follower.pause()  # its connection must not hold the old file
        try:
            self.library.database.engine.dispose()
            report = restore_backup(sqlite_path(self.library.database.url), backup)
            self.library.reload_after_restore()
        except MidadError as error:
            self.follower.start()
            plain_text.warning(self, app_title(), translate("main_window", "تعذّرت الاستعادة: {error}").format(error=user_text(error)))
            return
        self.follower.start()
        self.editor.clear()
        self.current_record = None
        self.list_panel.refresh_filters()
        self.list_panel.reload()
        if self.list_panel.model.rowCount():
            self.list_panel.select_row(0)
        message = translate("main_window", "استُعيدت النسخة الاحتياطية")
        if report.previous:
            message = translate("main_window", "استُعيدت النسخة الاحتياطية؛ للتراجع استعد «{previous}»").format(
                previous=report.previous.name)
        self.statusBar().showMessage(message, 15000)

    def _restore_revision(self, revision_id: int) -> None:
        record = self.article_actions.restore_revision(revision_id)
        if record is not None:
            self.editor.load(record, self.editor.cursor_position())
            self._show_record(record)
            self.autosave.loaded(record)
            self.statusBar().showMessage(translate("main_window", "استُعيدت النسخة؛ النص السابق محفوظ في النسخ"), 8000)

    def show_settings(self) -> None:
        from editor_app.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings.preferences, [site.name for site in self.services.sites.list()], self)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.change_preferences(**dialog.changes())

    def change_preferences(self, **changes) -> None:
        """Stores changed settings and puts them into effect; a new language rebuilds the window."""
        before = self.settings.preferences
        clashes = self.commands.shortcut_problems(changes["shortcuts"]) if "shortcuts" in changes else []
        if clashes:  # the Settings dialog refuses these first; a script calling this is told too
            plain_text.warning(self, app_title(), "\n".join(clashes))
            return
        try:
            after = self.settings.update(**changes)
        except OSError as error:
            plain_text.warning(self, app_title(), translate("main_window", "تعذّر حفظ الإعدادات: {error}").format(
                error=error.strerror or error))
            return
        apply_to_application(after)
        apply_to_window(self, after, before)
        if after.language != before.language:
            self.language_change_requested.emit(after.language)

    def on_theme_changed(self, _theme: str | None = None) -> None:
        self.editor.set_theme()
        recolour_icons(self)

    def start_tour(self) -> None:
        from editor_app.ui.tour import TourOverlay

        TourOverlay(self).start()

    def snapshot(self) -> EditorSnapshot | None:
        if self.editor.article_id is None:
            return None
        return EditorSnapshot(self.editor.article_id, self.editor.title(), self.editor.body(), self.editor.cursor_position())

    # -- reactions -----------------------------------------------------------

    def _on_edited(self) -> None:
        self.autosave.schedule()
        # Both are debounced: they read the editor's text when they run, not on every key.
        self.counts_label.schedule(self.editor.body)
        self.save_label.setText(translate("main_window", "تعديلات غير محفوظة"))
        if self.current_record is not None:
            self.preview_controller.show(self._live_record)

    def _live_record(self) -> ArticleRecord | None:
        """The open article as the editor holds it now (None once it was closed or trashed)."""
        if self.current_record is None:
            return None
        return replace(self.current_record, title=self.editor.title(), body=self.editor.body())

    def _on_saved(self, record: ArticleRecord) -> None:
        if self.current_record is not None and record.id == self.current_record.id:
            self.current_record = record
        self.list_panel.model.update_from_record(record)
        self._update_title(record)
        self.save_label.setText(translate("main_window", "محفوظ"))
        self.save_label.setStyleSheet("")

    def _on_save_failed(self, message: str) -> None:
        self.save_label.setText(translate("main_window", "تعذّر الحفظ — سيُعاد المحاولة"))
        self.save_label.setStyleSheet(f"color: {state_colour('error')}; font-weight: bold;")
        self.save_label.setToolTip(plain_text.plain_tooltip(message))

    def _on_record_changed(self, record: ArticleRecord) -> None:
        """Metadata, status, image or a restored revision changed the open article."""
        self.current_record = record
        self.autosave.observed(record)
        self.list_panel.model.update_from_record(record)
        self.metadata.show_history(self.library.status_history(record.id))
        image = self.library.asset(record.featured_asset_id) if record.featured_asset_id else None
        self.metadata.show_image(image.data if image else None)
        self.metadata.set_vocabulary(self.library.authors(), self.library.categories(), self.library.tags())
        self.list_panel.refresh_filters()
        self.preview_controller.show(replace(record, title=self.editor.title(), body=self.editor.body()))
        self.commands.refresh()

    def _slug_from_title(self) -> None:
        if self.editor.article_id is not None:
            self.metadata.slug.setText(self.library.suggest_slug(self.editor.article_id, self.editor.title()))
            self.article_actions.apply_metadata({"slug": self.metadata.slug.text()})

    def _show_record(self, record: ArticleRecord) -> None:
        self.current_record = record
        self._update_title(record)
        self.save_label.setText(translate("main_window", "محفوظ"))
        self.metadata.set_vocabulary(self.library.authors(), self.library.categories(), self.library.tags())
        image = self.library.asset(record.featured_asset_id) if record.featured_asset_id else None
        self.metadata.load(record, self.library.status_history(record.id), image.data if image else None)
        self.preview_controller.show(record, immediately=True)
        self.counts_label.schedule(record.body, immediately=True)
        self.commands.refresh()

    def _update_title(self, record: ArticleRecord) -> None:
        title = record.title.strip()
        self.setWindowTitle(f"{title} — {app_title()}" if title else app_title())

    # -- closing -------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.metadata.flush()
        if not self.autosave.flush():
            answer = plain_text.warning(
                self,
                app_title(),
                translate("main_window", "تعذّر حفظ آخر التعديلات. هل تريد الإغلاق رغم ذلك؟ ستضيع التعديلات غير المحفوظة."),
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.state.save_layout(*self.comfort.normal_layout(), self.isRightToLeft())
        self.preview_controller.shutdown()
        self.follower.shutdown()
        self.publishing.shutdown()
        self.media_intake.importer.shutdown()
        self.counts_label.shutdown()
        self.list_panel.search_runner.shutdown()
        self.sync_status.shutdown()
        self.revision_pruner.shutdown()
        self.workflow.shutdown()
        event.accept()
