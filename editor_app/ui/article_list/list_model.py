"""The article list as a lazily loaded table model over the library.

Rows arrive a page at a time (canFetchMore/fetchMore), so a library of 100,000
articles opens at once and the view asks for more only as it scrolls. Sorting and
filtering re-query the database; a search shows ranked hits with their snippets.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from editor_app.core.library import Library
from editor_app.core.listing import ListQuery, SortKey
from editor_app.core.records import ArticleRecord, ArticleSummary
from editor_app.core.search import SearchHit
from editor_app.ui.icons import icon
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, format_moment, translate

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SYNC_ROLE = Qt.ItemDataRole.UserRole + 3
PAGE_SIZE = 200

STATUS_LABELS = TranslatedLabels("list_model", {
    "draft": QT_TRANSLATE_NOOP("list_model", "مسودة"),
    "in_review": QT_TRANSLATE_NOOP("list_model", "قيد المراجعة"),
    "ready": QT_TRANSLATE_NOOP("list_model", "جاهز"),
    "published": QT_TRANSLATE_NOOP("list_model", "منشور"),
    "archived": QT_TRANSLATE_NOOP("list_model", "مؤرشف"),
})
SYNC_LABELS = TranslatedLabels("list_model", {
    "synced": QT_TRANSLATE_NOOP("list_model", "منشور على الموقع ومطابق له"),
    "changed": QT_TRANSLATE_NOOP("list_model", "عُدّل بعد آخر نشر على الموقع"),
    "queued": QT_TRANSLATE_NOOP("list_model", "في صندوق الإرسال: سيُنشر حين يتاح الموقع"),
    "refused": QT_TRANSLATE_NOOP("list_model", "رفض الموقع النشر: انظر صندوق الإرسال"),
})
# The newsroom copy's state of an article (core.sync), shown with the publishing marks' glyphs
# when the article has no publishing mark of its own; "in step" shows nothing.
NEWSROOM_SYNC_MARKS = {"waiting": "queued", "conflict": "refused", "refused": "refused"}
NEWSROOM_SYNC_LABELS = TranslatedLabels("list_model", {
    "waiting": QT_TRANSLATE_NOOP("list_model", "ينتظر الإرسال إلى غرفة الأخبار"),
    "conflict": QT_TRANSLATE_NOOP("list_model", "تعارض مع غرفة الأخبار: النصّان محفوظان في النسخ"),
    "refused": QT_TRANSLATE_NOOP("list_model", "رفضت غرفة الأخبار هذا التعديل"),
})
COLUMNS = (
    (SortKey.TITLE, QT_TRANSLATE_NOOP("list_model", "العنوان")),
    (SortKey.STATUS, QT_TRANSLATE_NOOP("list_model", "الحالة")),
    (SortKey.CATEGORY, QT_TRANSLATE_NOOP("list_model", "التصنيف")),
    (SortKey.AUTHOR, QT_TRANSLATE_NOOP("list_model", "الكاتب")),
    (SortKey.UPDATED, QT_TRANSLATE_NOOP("list_model", "آخر تعديل")),
    (SortKey.STAGE, QT_TRANSLATE_NOOP("list_model", "المرحلة")),  # shown when the newsroom has desks (ui.workflow)
)
Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    def __init__(self, library: Library, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.request = ListQuery()
        self._rows: list[ArticleSummary] = []
        self._total = 0
        self._snippets: dict[int, str] = {}
        self.search_text = ""
        self.pages_fetched = 0
        self._leases: dict[int, str] = {}  # article → who else is editing it now (ui.concurrency)
        self._loaded = False  # the view's sorting and the filters set the request before the first load
        self._newsroom_sync: dict[int, str] = {}  # article → its newsroom copy's state (ui.sync_status)
        # The workflow (ui.workflow.list_hook): ids → {id: "desk › stage · person"} for the rows read.
        self.placement_source = None
        self._placements: dict[int, str] = {}

    # -- Qt model API -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("list_model", COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if column is SortKey.TITLE and summary.id in self._snippets:
                return f"{summary.title.strip() or untitled()}\n{self._snippets[summary.id]}"
            return self._display_with_lease(summary, column)
        if role == Qt.ItemDataRole.DecorationRole and column is SortKey.TITLE and summary.id in self._leases:
            return icon("mdi6.account-edit")
        if role == Qt.ItemDataRole.ToolTipRole and column is SortKey.TITLE and summary.id in self._leases:
            return translate("list_model", "يحرّره الآن: {person}").format(person=self._leases[summary.id])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is SortKey.STATUS and summary.sync:
                return f"{STATUS_LABELS.get(summary.status, summary.status)} · {SYNC_LABELS[summary.sync]}"
            if column is SortKey.STATUS and self._newsroom_sync.get(summary.id) in NEWSROOM_SYNC_MARKS:
                state = self._newsroom_sync[summary.id]
                return f"{STATUS_LABELS.get(summary.status, summary.status)} · {NEWSROOM_SYNC_LABELS[state]}"
            snippet = self._snippets.get(summary.id)
            title = summary.title.strip() or untitled()
            return f"{title}\n{snippet}" if snippet else title
        if role == ARTICLE_ID_ROLE:
            return summary.id
        if role == STATUS_ROLE:
            return summary.status
        if role == SYNC_ROLE:
            return summary.sync or NEWSROOM_SYNC_MARKS.get(self._newsroom_sync.get(summary.id, ""), "")
        return None

    def _display(self, summary: ArticleSummary, column: SortKey) -> str:
        if column is SortKey.TITLE:
            return summary.title.strip() or untitled()
        if column is SortKey.STATUS:
            return STATUS_LABELS.get(summary.status, summary.status)
        if column is SortKey.CATEGORY:
            return summary.category or ""
        if column is SortKey.AUTHOR:
            return summary.author or ""
        if column is SortKey.STAGE:
            return self._placements.get(summary.id, "")
        return format_moment(summary.updated_at, translate("list_model", "d MMM y، h:mm a"))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and not self.search_text and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if parent.isValid() or self.search_text:
            return
        page = self.library.page(self.request, len(self._rows), PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        self.pages_fetched += 1
        first = len(self._rows)
        self._read_placements(page)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_request(replace(self.request, sort=COLUMNS[column][0],
                                 descending=order == Qt.SortOrder.DescendingOrder))

    # -- what to show ---------------------------------------------------------------

    def set_request(self, request: ListQuery) -> None:
        self.request = request
        if self._loaded:  # before the first reload (the window being built) it is only remembered
            self.reload()

    def reload(self) -> None:
        """Start over from the first page (after a sort, a filter, or a change elsewhere)."""
        self._loaded = True
        self.beginResetModel()
        self._snippets = {}
        self._total = self.library.count(self.request)
        # The first page comes with the reset itself: one reset a view (or the model tester)
        # reads whole, not an empty model that rows are inserted into while it handles the reset.
        self._rows = [] if self.search_text else self.library.page(self.request, 0, PAGE_SIZE)
        self._read_placements(self._rows)
        self.pages_fetched = 1 if self._rows else 0
        if len(self._rows) < PAGE_SIZE:
            self._total = len(self._rows)  # nothing more to fetch, whatever the count said a moment ago
        self.endResetModel()

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.search_text = query
        self._rows = self.library.summaries_for([hit.id for hit in hits])
        self._read_placements(self._rows)
        self._snippets = {hit.id: hit.snippet for hit in hits}
        self._total = len(self._rows)
        self.endResetModel()

    def clear_search(self) -> None:
        if self.search_text:
            self.search_text = ""
            self.reload()

    # -- lookups --------------------------------------------------------------------

    def row_of(self, article_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == article_id:
                return row
        return None

    def article_id_at(self, row: int) -> int:
        return self._rows[row].id

    @property
    def total(self) -> int:
        return self._total

    def _display_with_lease(self, summary: ArticleSummary, column: SortKey) -> str:
        text = self._display(summary, column)
        if column is not SortKey.TITLE or summary.id not in self._leases:
            return text
        # The name first: a long title is cut at its end, the name must stay visible.
        return translate("list_model", "{person} يحرّره: {title}").format(person=self._leases[summary.id], title=text)

    def set_leases(self, leases: dict[int, str]) -> None:
        """Who else is editing which article: shown by the title and in the status column."""
        changed = set(leases.items()) ^ set(self._leases.items())
        self._leases = dict(leases)
        for article_id in {article_id for article_id, _person in changed}:
            row = self.row_of(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_newsroom_sync(self, states: dict[int, str]) -> None:
        """Each article's newsroom copy state (core.sync.engine: in_step, waiting, conflict, refused)."""
        changed = set(states.items()) ^ set(self._newsroom_sync.items())
        self._newsroom_sync = dict(states)
        for article_id in {article_id for article_id, _state in changed}:
            row = self.row_of(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def refresh_rows(self, article_ids: list[int]) -> None:
        """Rows changed elsewhere (another window or process): read again, in place."""
        summaries = self.library.summaries_for(article_ids)
        self._read_placements(summaries)
        for summary in summaries:
            row = self.row_of(summary.id)
            if row is not None:
                self._rows[row] = summary
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def update_from_record(self, record: ArticleRecord) -> None:
        """Refresh one row in place (autosave of a title) without moving the selection."""
        row = self.row_of(record.id)
        if row is None:
            return
        previous = self._rows[row]
        # A saved change makes a published article differ from the site until published again.
        sync = "changed" if previous.sync == "synced" and record.updated_at != previous.updated_at else previous.sync
        self._rows[row] = ArticleSummary(record.id, record.title, record.status, record.author, record.category,
                                         record.updated_at, sync)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _read_placements(self, summaries: list[ArticleSummary]) -> None:
        if self.placement_source is not None and summaries:
            ids = [summary.id for summary in summaries]
            for article_id in ids:
                self._placements.pop(article_id, None)
            self._placements.update(self.placement_source(ids))


def untitled() -> str:
    return translate("list_model", "مقال بلا عنوان")
