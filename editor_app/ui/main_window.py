"""The main window: wires the article list, the editor and the preview together.

Behaviour lives in the widgets and controllers; this module only connects them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QMessageBox, QSplitter, QToolBar

from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.records import ArticleRecord
from editor_app.ui.article_list.list_model import ArticleListModel
from editor_app.ui.autosave import AutosaveController, EditorSnapshot
from editor_app.core.spelling import SpellChecker
from editor_app.ui.editor.article_editor import ArticleEditor
from editor_app.ui.editor.counts_label import CountsLabel
from editor_app.ui.menus import install_menus
from editor_app.ui.icons import icon
from editor_app.core.templates import ArticleTemplates
from editor_app.ui.preview.controller import PreviewController
from editor_app.ui.preview.factory import create_preview
from editor_app.ui.preview.sync import PreviewSync
from editor_app.ui.window_state import WindowState

APP_TITLE = "مداد"


class MainWindow(QMainWindow):
    def __init__(
        self,
        library: Library,
        state: WindowState,
        templates: ArticleTemplates,
        spelling: SpellChecker | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.current_record: ArticleRecord | None = None
        self.setObjectName("main_window")
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(icon("app"))

        self.list_model = ArticleListModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("article_list")
        self.list_view.setModel(self.list_model)
        self.list_view.setAccessibleName("قائمة المقالات")
        self.list_view.setUniformItemSizes(True)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setWordWrap(False)
        self.editor = ArticleEditor(self, spelling)
        self.preview, page_options = create_preview(self)
        self.preview_controller = PreviewController(self.preview, templates, page_options, parent=self)
        self.preview_sync = PreviewSync(self.editor.body_edit, self.preview, self)
        if hasattr(self.preview, "remote_media_changed"):
            self.preview.remote_media_changed.connect(self.preview_controller.set_remote_media_allowed)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        for widget in (self.list_view, self.editor, self.preview):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([240, 560, 560])
        self.setCentralWidget(self.splitter)

        self.save_label = QLabel(self)
        self.counts_label = CountsLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.save_label)

        if spelling is not None and spelling.missing:
            missing = "، ".join(spelling.missing)
            self.statusBar().showMessage(f"التدقيق الإملائي غير متاح لـ: {missing} (القاموس غير مثبت)", 15000)

        self.autosave = AutosaveController(library, self.snapshot, state.remember_article, self)
        self._create_actions()
        install_menus(self)
        self._connect()
        self.resize(1280, 800)

    # -- construction --------------------------------------------------------

    def _create_actions(self) -> None:
        self.new_action = QAction(icon("new"), "مقال جديد", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_article)
        self.save_action = QAction(icon("save"), "حفظ", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_now)
        self.trash_action = QAction(icon("trash"), "نقل إلى المهملات", self)
        self.trash_action.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.trash_action.triggered.connect(self.trash_current)
        toolbar = QToolBar("الأدوات", self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.save_action, self.trash_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        self.editor.edited.connect(self._on_edited)
        self.editor.focus_lost.connect(self.autosave.flush)
        self.autosave.saved.connect(self._on_saved)
        self.autosave.save_failed.connect(self._on_save_failed)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)

    # -- startup -------------------------------------------------------------

    def restore_session(self) -> None:
        """Reopen where the writer left off: layout, last article, cursor."""
        if self.state.geometry is not None:
            self.restoreGeometry(self.state.geometry)
        if self.state.window_state is not None:
            self.restoreState(self.state.window_state)
        if self.state.splitter is not None:
            self.splitter.restoreState(self.state.splitter)
        self.refresh_list()
        if self.list_model.rowCount() == 0:
            self.new_article()
            return
        last = self.state.last_article_id
        row = self.list_model.row_of(last) if last is not None else None
        self._select_row(row if row is not None else 0)

    # -- articles ------------------------------------------------------------

    def refresh_list(self) -> None:
        current = self.editor.article_id
        self.list_model.set_summaries(self.library.summaries())
        if current is not None:
            row = self.list_model.row_of(current)
            if row is not None:
                self._select_row(row, load=False)

    def _select_row(self, row: int, load: bool = True) -> None:
        index = self.list_model.index(row)
        selection = self.list_view.selectionModel()
        if not load:
            selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.list_view.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = self.list_model.article_id_at(current.row())
        if article_id != self.editor.article_id:
            self.open_article(article_id)

    def open_article(self, article_id: int) -> None:
        if not self.autosave.flush():
            return  # keep the unsaved text in front of the writer
        try:
            record = self.library.get(article_id)
        except MidadError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        self.editor.load(record, self.state.cursor_position(record.id))
        self.state.remember_article(record.id, self.editor.cursor_position())
        self._show_record(record)
        row = self.list_model.row_of(record.id)
        if row is not None:
            self._select_row(row, load=False)

    def new_article(self) -> None:
        if not self.autosave.flush():
            return
        record = self.library.create()
        self.refresh_list()
        row = self.list_model.row_of(record.id)
        self._select_row(row if row is not None else 0)
        self.editor.title_edit.setFocus()

    def trash_current(self) -> None:
        article_id = self.editor.article_id
        if article_id is None or not self.autosave.flush():
            return
        row = self.list_model.row_of(article_id) or 0
        self.library.trash(article_id)
        self.editor.clear()
        self.current_record = None
        self.list_model.set_summaries(self.library.summaries())
        self.statusBar().showMessage("نُقل المقال إلى المهملات", 5000)
        if self.list_model.rowCount():
            self._select_row(min(row, self.list_model.rowCount() - 1))

    def save_now(self) -> None:
        self.autosave.schedule()
        self.autosave.flush()

    def snapshot(self) -> EditorSnapshot | None:
        if self.editor.article_id is None:
            return None
        return EditorSnapshot(
            article_id=self.editor.article_id,
            title=self.editor.title(),
            body=self.editor.body(),
            cursor_position=self.editor.cursor_position(),
        )

    # -- reactions -----------------------------------------------------------

    def _on_edited(self) -> None:
        self.autosave.schedule()
        self.counts_label.schedule(self.editor.body())
        self.save_label.setText("تعديلات غير محفوظة")
        if self.current_record is not None:
            live = replace(self.current_record, title=self.editor.title(), body=self.editor.body())
            self.preview_controller.show(live)

    def _on_saved(self, record: ArticleRecord) -> None:
        if self.current_record is not None and record.id == self.current_record.id:
            self.current_record = record
        self.list_model.update_from_record(record)
        self._update_title(record)
        self.save_label.setText("محفوظ")
        self.save_label.setStyleSheet("")

    def _on_save_failed(self, message: str) -> None:
        self.save_label.setText("تعذّر الحفظ — سيُعاد المحاولة")
        self.save_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.save_label.setToolTip(message)

    def _show_record(self, record: ArticleRecord) -> None:
        self.current_record = record
        self._update_title(record)
        self.save_label.setText("محفوظ")
        self.preview_controller.show(record, immediately=True)
        self.counts_label.schedule(record.body, immediately=True)

    def _update_title(self, record: ArticleRecord) -> None:
        title = record.title.strip()
        self.setWindowTitle(f"{title} — {APP_TITLE}" if title else APP_TITLE)

    # -- closing -------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.autosave.flush():
            answer = QMessageBox.warning(
                self,
                APP_TITLE,
                "تعذّر حفظ آخر التعديلات. هل تريد الإغلاق رغم ذلك؟ ستضيع التعديلات غير المحفوظة.",
                QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.state.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.preview_controller.shutdown()
        event.accept()
