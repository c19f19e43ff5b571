"""pytest-qt's qtmodeltester over the article list model with a realistic library: Arabic
titles (and an untitled one), nested categories, trash, filters, sorting, search hits and
clearing them, pages fetched lazily, rows refreshed in place, leases and newsroom marks."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt

from editor_app.core.listing import ListQuery, SortKey
from editor_app.core.records import ArticleDraft
from editor_app.ui.article_list.list_model import ARTICLE_ID_ROLE, COLUMNS, PAGE_SIZE, STATUS_ROLE, SYNC_ROLE, ArticleListModel

TITLES = ("العلاقات المغربية-الأمريكية: شراكة", "مكافحة الإرهاب في الساحل", "Apple تكشف عن iPhone 16", "",
          "الأمن السيبراني والجيوسياسية", "   ", "ميزانية 2025: الأرقام")
STATUSES = ("draft", "in_review", "ready", "published", "archived")
CATEGORIES = ("أخبار/المغرب", "أخبار/دولي", "رأي", None)
AUTHORS = ("أمين نشاط", "سارة", None)


def _fill(library, count: int):
    drafts = [ArticleDraft(title=f"{TITLES[n % len(TITLES)]} {n}" if n % 9 else TITLES[n % len(TITLES)],
                           body=f"نص المقال رقم {n} عن الإرهاب والأمن.\n", status=STATUSES[n % len(STATUSES)],
                           category=CATEGORIES[n % len(CATEGORIES)], author=AUTHORS[n % len(AUTHORS)],
                           tags=("سياسة",) if n % 2 else ())
              for n in range(count)]
    records = library.import_drafts(drafts)
    for record in records[::11]:
        library.trash(record.id)
    return library


def _all_rows_are_consistent(model: ArticleListModel) -> None:
    for row in range(model.rowCount()):
        article_id = model.index(row, 0).data(ARTICLE_ID_ROLE)
        assert model.row_of(article_id) == row
        for column in range(model.columnCount()):
            shown = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            assert isinstance(shown, str)
        assert model.index(row, 0).data(Qt.ItemDataRole.DisplayRole).strip()  # "untitled", never blank
        assert model.index(row, 1).data(STATUS_ROLE) in STATUSES
        assert isinstance(model.index(row, 1).data(SYNC_ROLE), str)


def _exercise(model: ArticleListModel, library) -> None:
    """What the window does to the list, each step watched by a model tester."""
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == library.count()
    _all_rows_are_consistent(model)
    for column in range(len(COLUMNS)):  # every sort key, both ways
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            _all_rows_are_consistent(model)
    model.set_request(replace(model.request, category="أخبار"))  # a parent: its subcategories too
    assert model.rowCount() > 0
    assert {model.index(row, 2).data() for row in range(model.rowCount())} <= {"أخبار/المغرب", "أخبار/دولي"}
    model.set_request(replace(model.request, status="published", category=None))
    assert {model.index(row, 1).data(STATUS_ROLE) for row in range(model.rowCount())} == {"published"}
    model.set_request(ListQuery(trashed=True))
    assert model.rowCount() == library.count(ListQuery(trashed=True)) > 0
    _all_rows_are_consistent(model)
    model.set_request(ListQuery())

    hits = library.search("الارهاب")  # no hamza, no diacritics: still found
    model.show_hits("الارهاب", hits)
    assert model.rowCount() == len(hits) > 0 and not model.canFetchMore()
    assert "\n" in model.index(0, 0).data()  # the snippet under the title
    model.show_hits("لا شيء يطابق هذا", [])
    assert model.rowCount() == 0
    model.clear_search()
    assert model.rowCount() == min(PAGE_SIZE, library.count())

    first = model.article_id_at(0)
    library.save_text(first, title="عنوان جديد بعد الحفظ", body="نص.\n")
    model.update_from_record(library.get(first))
    assert model.index(0, 0).data() == "عنوان جديد بعد الحفظ"
    model.refresh_rows([first, model.article_id_at(1), 10**9])  # an id not in the list is skipped
    model.set_leases({first: "سارة"})
    assert "سارة" in model.index(0, 0).data()
    model.set_leases({})
    model.set_newsroom_sync({model.article_id_at(2): "conflict"})
    library.trash(first)
    model.reload()
    assert model.row_of(first) is None
    _all_rows_are_consistent(model)


def test_pytest_qts_model_tester_over_a_library_of_one_page(qapp, qtmodeltester, library):
    """The Python tester re-checks the whole model on every signal. It found that a reload reset the
    model to empty and then inserted the first page while views still handled the reset."""
    _fill(library, PAGE_SIZE // 3)
    model = ArticleListModel(library)
    model.reload()
    qtmodeltester.check(model, force_py=True)
    _exercise(model, library)


def test_qts_model_tester_over_a_library_of_many_pages(qapp, qtlog, library):
    """Qt's own tester, with pages fetched the way the view does, not from inside a reset
    (its useFetchMore off: a lazy model's next page is not part of the reset being checked)."""
    from PySide6.QtTest import QAbstractItemModelTester

    _fill(library, PAGE_SIZE * 2 + 37)
    model = ArticleListModel(library)
    model.reload()
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    tester.setUseFetchMore(False)  # after its first check (which fetched every page itself)
    _exercise(model, library)
    failures = [record.message for record in qtlog.records if "FAIL" in record.message]
    assert failures == []
    del tester


def test_the_model_answers_nothing_for_invalid_parents_and_indexes(library):
    library.create(ArticleDraft(title="مقال"))
    model = ArticleListModel(library)
    model.reload()
    child_parent = model.index(0, 0)
    assert model.rowCount(child_parent) == model.columnCount(child_parent) == 0
    assert model.data(QModelIndex()) is None
    assert not model.canFetchMore(child_parent)
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))] == \
        ["العنوان", "الحالة", "التصنيف", "الكاتب", "آخر تعديل", "المرحلة"]
    assert model.request.sort is SortKey.UPDATED
