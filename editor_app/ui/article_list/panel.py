"""The article list pane: search as you type, filters, the lazily loaded table, trash."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.library import Library
from editor_app.core.wording import ARTICLES, MATCHES
from editor_app.ui import plain_text
from editor_app.ui.article_list.list_model import STATUS_LABELS, ArticleListModel
from editor_app.ui.article_list.person_filter import fill_person_filter, person_request
from editor_app.ui.article_list.status_delegate import StatusBadgeDelegate
from editor_app.ui.newsroom import is_newsroom
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.timers import single_shot_timer
from editor_app.ui.i18n import counted, translate

SEARCH_DELAY_MS = 150
SECONDARY_COLUMNS_FROM = {4: 420, 2: 520, 3: 620}  # column -> list width (px) from which it is shown


class ArticleListPanel(QWidget):
    current_article_changed = Signal(int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article_list_panel")
        self.library = library
        self.model = ArticleListModel(library, self)
        self.search_runner = BackgroundRunner("search", self)

        self.search = QLineEdit(self)
        self.search.setObjectName("search_box")
        self.search.setPlaceholderText(translate("panel", "ابحث في العناوين والنصوص والوسوم…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("panel", "البحث في المقالات"))
        self.status_filter = self._combo("status_filter", translate("panel", "تصفية حسب الحالة"))
        self.category_filter = self._combo("category_filter", translate("panel", "تصفية حسب التصنيف"))
        self.author_filter = self._combo("author_filter", translate("panel", "تصفية حسب الكاتب"))
        # On a newsroom server: mine, assigned to me, by person (hidden on a local library).
        self.person_filter = self._combo("person_filter", translate("panel", "تصفية حسب الشخص"))
        self.person_filter.setVisible(is_newsroom(library))
        self.trash_toggle = QPushButton(translate("panel", "المهملات"), self)
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setAccessibleName(translate("panel", "عرض المهملات"))
        self.empty_trash_button = QPushButton(translate("panel", "إفراغ المهملات…"), self)
        self.empty_trash_button.hide()
        self.summary = QLabel(self)
        # Said inside the empty list, so an empty library or search is never a blank pane.
        self.empty_state = QLabel(self)
        plain_text.plain(self.summary, self.empty_state)  # may quote a search
        self.empty_state.setObjectName("empty_state")
        self.empty_state.setWordWrap(True)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.hide()
        self.summary.setObjectName("list_summary")

        self.view = QTableView(self)
        self.view.setObjectName("article_list")
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("panel", "قائمة المقالات"))
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (arrows move within it)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # imports select all they added
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Titles are elided (the tooltip has them whole), never pushed out sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegateForColumn(1, StatusBadgeDelegate(self.view))
        self.view.setColumnHidden(5, True)  # the workflow's stage: shown by ui.workflow when there are desks
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        # Two filters a row: the list can be narrow and leave the editor the room.
        filters = QGridLayout()
        for number, widget in enumerate((self.status_filter, self.category_filter, self.author_filter,
                                         self.person_filter, self.trash_toggle)):
            filters.addWidget(widget, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.empty_trash_button)
        layout.addLayout(bottom)

        self._search_timer = single_shot_timer(self, SEARCH_DELAY_MS, self._run_search)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.status_filter, self.category_filter, self.author_filter, self.person_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.trash_toggle.toggled.connect(self._apply_filters)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(self._update_summary)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        # Narrow enough for a narrow list: a long category name is elided, the popup shows it whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    # -- contents -------------------------------------------------------------------

    def refresh_filters(self) -> None:
        """Fill the filter menus from the library, keeping the current choices."""
        for combo, values, labels in (
            (self.status_filter, list(STATUS_LABELS), STATUS_LABELS),
            (self.category_filter, self.library.categories(), {}),
            (self.author_filter, self.library.authors(), {}),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(translate("panel", "الكل"), None)
            for value in values:
                combo.addItem(labels.get(value, value), value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        if is_newsroom(self.library):
            fill_person_filter(self.person_filter, self.library)

    def reload(self, keep_article: int | None = None) -> None:
        if self.model.search_text:
            self._run_search()
        else:
            self.model.reload()
        if keep_article is not None:
            self.select_article(keep_article, quietly=True)

    def _apply_filters(self) -> None:
        trashed = self.trash_toggle.isChecked()
        self.empty_trash_button.setVisible(trashed)
        self.model.set_request(replace(
            self.model.request,
            status=self.status_filter.currentData(),
            category=self.category_filter.currentData(),
            author=self.author_filter.currentData(),
            **person_request(self.person_filter.currentData()),
            trashed=trashed,
        ))

    def _run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.model.clear_search()
            return
        self.search_runner.run(lambda: self.library.search(query, limit=200),
                               lambda hits: self.model.show_hits(query, hits))

    def _update_summary(self, *_args) -> None:
        # Search hits show their snippet on a second line.
        lines = 2 if self.model.search_text else 1
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * lines + 14)
        if self.model.search_text:
            self.summary.setText(counted(self.model.rowCount(), MATCHES))
        else:
            self.summary.setText(counted(self.model.total, ARTICLES))
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.empty_state.hide()
            return
        if self.model.search_text:
            message = translate("panel", "لا مقال يطابق «{query}».").format(query=self.model.search_text)
        elif self.trash_toggle.isChecked():
            message = translate("panel", "المهملات فارغة.")
        elif any(combo.currentData() is not None for combo in (self.status_filter, self.category_filter,
                                                                self.author_filter)):
            message = translate("panel", "لا مقال بهذه التصفية.")
        else:
            message = translate("panel", "لا مقالات بعد. ابدأ مقالًا جديدًا بـ {shortcut}.").format(
                shortcut=QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText))
        self.empty_state.setText(message)
        self.empty_state.setGeometry(self.view.geometry().adjusted(12, 40, -12, -12))
        self.empty_state.show()
        self.empty_state.raise_()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_columns()
        if self.empty_state.isVisible():
            self.empty_state.setGeometry(self.view.geometry().adjusted(12, 40, -12, -12))

    def _fit_columns(self) -> None:
        """A narrow list keeps the title and the status; category, author and date come back
        as it widens (the title column stretches into what is left)."""
        width = self.view.viewport().width()
        for column, needed in SECONDARY_COLUMNS_FROM.items():
            self.view.setColumnHidden(column, width < needed)

    # -- selection ------------------------------------------------------------------

    def current_article(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.article_id_at(index.row()) if index.isValid() else None

    def select_article(self, article_id: int, quietly: bool = False) -> bool:
        row = self.model.row_of(article_id)
        if row is None:
            return False
        selection = self.view.selectionModel()
        if quietly:
            selection.blockSignals(True)
        selection.setCurrentIndex(self.model.index(row, 0),
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def select_articles(self, article_ids: list[int]) -> None:
        """Selects these rows (freshly imported articles) without changing the open article."""
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            for article_id in article_ids:
                row = self.model.row_of(article_id)
                if row is not None:
                    selection.select(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            selection.blockSignals(False)
        self.view.viewport().update()

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.select_article(self.model.article_id_at(row))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.current_article_changed.emit(self.model.article_id_at(current.row()))
