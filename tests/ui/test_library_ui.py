"""The library in the window: lazy list, sorting, filters, search, metadata, revisions, trash."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QDateTime, Qt

from editor_app.core.dates import site_timezone
from editor_app.core.records import ArticleDraft
from editor_app.ui.article_list.list_model import PAGE_SIZE
from editor_app.ui.dialogs.revisions import RevisionsDialog, diff_html
from tests.ui.typing import type_text

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_the_list_loads_lazily(open_window, library, qtbot):
    library.import_drafts([ArticleDraft(title=f"مقال {i}") for i in range(PAGE_SIZE * 3 + 5)])
    window = open_window()
    model = window.list_panel.model
    assert model.total == PAGE_SIZE * 3 + 5
    assert model.rowCount() == PAGE_SIZE and model.pages_fetched == 1  # not every row at start
    window.list_panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_fetched >= 2, timeout=3000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total


def test_sorting_by_a_column_requeries(open_window, library):
    library.import_drafts([ArticleDraft(title=t) for t in ("ب", "أ", "ج")])
    window = open_window()
    window.list_panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    model = window.list_panel.model
    assert [model.index(r, 0).data() for r in range(3)] == ["أ", "ب", "ج"]
    window.list_panel.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data() for r in range(3)] == ["ج", "ب", "أ"]


def test_filters_and_current_article_stays_selected(open_window, library):
    library.import_drafts([
        ArticleDraft(title="أ", status="ready", author="سارة"), ArticleDraft(title="ب", status="draft", author="أمين"),
        ArticleDraft(title="ج", status="ready", author="أمين"),
    ])
    window = open_window()
    panel = window.list_panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("ready"))
    assert {panel.model.index(r, 0).data() for r in range(panel.model.rowCount())} == {"أ", "ج"}
    panel.author_filter.setCurrentIndex(panel.author_filter.findData("أمين"))
    assert [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())] == ["ج"]
    panel.select_row(0)
    current = window.editor.article_id
    panel.reload(keep_article=current)
    assert panel.current_article() == current


def test_search_as_you_type(open_window, library, qtbot):
    library.import_drafts([ArticleDraft(title="مكافحة الإرهاب", body="نص"), ArticleDraft(title="الرياضة", body="مباراة")])
    window = open_window()
    panel = window.list_panel
    panel.search.setText("الارهاب")
    qtbot.waitUntil(lambda: panel.model.search_text == "الارهاب", timeout=3000)
    assert [panel.model.index(r, 0).data().split("\n")[0] for r in range(panel.model.rowCount())] == ["مكافحة الإرهاب"]
    assert panel.model.index(0, 0).data().split("\n")[1] == "نص"  # the snippet, on its own line
    assert "نتيجة واحدة" == panel.summary.text()
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=3000)


def test_the_publication_date_is_typed_on_the_site_clock(open_window, library, qtbot, monkeypatch):
    from PySide6.QtCore import QDate, QTime

    monkeypatch.setenv("TZ", "America/New_York")  # this machine's zone plays no part
    record = library.create(ArticleDraft(title="عنوان", published_at=datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)))
    window = open_window()
    window.change_preferences(time_zone="Asia/Riyadh")
    window.open_article(record.id)
    panel = window.metadata
    assert panel.published_at.text() == "2024/04/09 21:23"
    assert "Asia/Riyadh" in panel.time_zone.text().replace("\u2060", "")  # word joiners keep the name whole
    panel.published_at.setDate(QDate(2024, 4, 10))
    panel.published_at.setTime(QTime(22, 0))  # what a writer types: Riyadh time
    panel.flush()
    assert library.get(record.id).published_at == datetime(2024, 4, 10, 19, 0, tzinfo=timezone.utc)


def test_metadata_panel_saves_every_field(open_window, library, qtbot):
    record = library.create(ArticleDraft(title="عنوان"))
    window = open_window()
    window.open_article(record.id)
    panel = window.metadata
    type_text(panel.column, "افتتاحية")
    panel.author.setCurrentText("أمين نشاط")
    panel.category.setCurrentText("أخبار/أمن وعدالة")
    panel.tags.setText("المغرب، الأمن")
    panel.excerpt.setPlainText("ملخص قصير")
    panel.has_date.setChecked(True)
    panel.published_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc).timestamp())))
    panel.locale.setCurrentIndex(panel.locale.findData("ar_MA"))
    panel.notes.setPlainText("لا تنشر قبل الموافقة")
    panel.flush()
    stored = library.get(record.id)
    assert (stored.column, stored.author, stored.category, stored.tags) == ("افتتاحية", "أمين نشاط", "أخبار/أمن وعدالة", ("المغرب", "الأمن"))
    assert (stored.excerpt, stored.locale, stored.notes) == ("ملخص قصير", "ar_MA", "لا تنشر قبل الموافقة")
    assert stored.published_at == datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)
    # Shown on the site's clock (Casablanca, UTC+0 in Ramadan 2024), sections in reading order.
    assert panel.published_at.text() == "2024/04/09 18:23"
    assert panel.excerpt_counter.text().startswith("151 / 160")
    window.metadata.slug_from_title.click()
    assert library.get(record.id).slug == "عنوان"


def test_status_change_shows_who_and_keeps_history(open_window, library):
    record = library.create(ArticleDraft(title="عنوان", body="نص"))
    window = open_window()
    window.open_article(record.id)
    panel = window.metadata
    panel.status.setCurrentIndex(panel.status.findData("in_review"))
    panel.status_requested.emit("in_review")
    assert library.get(record.id).status == "in_review"
    assert "قيد المراجعة" in panel.status_history.text() and library.actor in panel.status_history.text()
    row = window.list_panel.model.row_of(record.id)
    assert window.list_panel.model.index(row, 1).data() == "قيد المراجعة"


def test_featured_image_reaches_the_preview(open_window, library, qtbot, tmp_path):
    from tests.ui.test_preview import evaluate, roomy

    image = tmp_path / "صورة.png"
    image.write_bytes(PNG)
    record = library.create(ArticleDraft(title="عنوان", body="نص"))
    window = roomy(open_window())
    window.open_article(record.id)
    window.metadata.featured_image_chosen.emit(str(image))
    assert library.get(record.id).featured_asset_id is not None
    assert window.metadata.remove_image.isEnabled()
    qtbot.waitUntil(lambda: evaluate(qtbot, window.preview, "document.querySelector('.featured img') ? document.querySelector('.featured img').naturalWidth : -1") == 1, timeout=15000)


def test_a_bad_image_is_reported_not_raised(open_window, library, tmp_path):
    fake = tmp_path / "fake.png"
    fake.write_text("no")
    record = library.create()
    window = open_window()
    window.open_article(record.id)
    window.metadata.featured_image_chosen.emit(str(fake))
    assert "not a PNG" in window.statusBar().currentMessage()


def test_ctrl_s_keeps_a_revision_and_the_dialog_restores(open_window, library, qtbot):
    record = library.create(ArticleDraft(title="عنوان", body="النص الأول"))
    window = open_window()
    window.open_article(record.id)
    window.commands.action("file.save").trigger()
    window.editor.body_edit.selectAll()
    type_text(window.editor.body_edit, "نص جديد تماما")
    window.commands.action("file.save").trigger()
    revisions = library.revisions(record.id)
    assert [r.body for r in revisions] == ["نص جديد تماما", "النص الأول"]
    dialog = RevisionsDialog(revisions, window.editor.body(), window)
    dialog.restore_requested.connect(window._restore_revision)
    dialog.table.setCurrentCell(1, 0)
    assert "النص الأول" in dialog.diff.toPlainText()
    dialog.restore_button.click()
    assert window.editor.body() == "النص الأول"
    assert library.get(record.id).body == "النص الأول"


def test_diff_marks_added_and_removed_lines():
    html = diff_html("سطر قديم\nسطر باق", "سطر باق\nسطر جديد")
    assert "line-through" in html and "سطر قديم" in html and "#dcfce7" in html  # the light theme's "added"


def test_duplicate_and_trash_round_trip(open_window, library, qtbot, monkeypatch):
    from editor_app.ui.i18n import apply_language

    record = library.create(ArticleDraft(title="أصل", body="نص"))
    window = open_window()
    apply_language("ar")  # the copy's title is the core's, translated by the Arabic catalog
    window.open_article(record.id)
    window.commands.action("file.duplicate").trigger()
    assert window.editor.title() == "أصل (نسخة)"
    copy_id = window.editor.article_id
    window.commands.action("file.trash").trigger()
    assert library.count() == 1
    window.list_panel.trash_toggle.setChecked(True)
    assert window.list_panel.empty_trash_button.isVisible()
    assert [window.list_panel.model.article_id_at(r) for r in range(window.list_panel.model.rowCount())] == [copy_id]
    monkeypatch.setattr("editor_app.ui.plain_text.question", lambda *a, **k: pytest.importorskip("PySide6.QtWidgets").QMessageBox.StandardButton.Yes)
    window.empty_trash()
    assert library.count(window.list_panel.model.request) == 0
    assert not library.exists(copy_id)


def test_a_publication_time_typed_as_0930_is_stored_without_seconds(open_window, library, qtbot):
    from PySide6.QtCore import QTime

    record = library.create(ArticleDraft(title="موعد", body="نص"))  # no date yet: the field starts at "now"
    window = open_window()
    window.open_article(record.id)
    panel = window.metadata
    panel.has_date.setChecked(True)
    edit = panel.published_at
    shown = edit.time()
    # What typing 09 and 30 into the hour and minute sections does: the hidden seconds stay.
    edit.setTime(QTime(9, 30, shown.second(), shown.msec()))
    panel.flush()
    # Typed on the site's clock (the details panel shows the site's zone, not this machine's).
    stored = library.get(record.id).published_at.astimezone(site_timezone(window.byline_zone()))
    assert (stored.hour, stored.minute, stored.second, stored.microsecond) == (9, 30, 0, 0)


def test_metadata_typed_just_before_duplicate_goes_to_the_source_and_its_copy(open_window, library, qtbot):
    """The metadata panel writes 500 ms after the last keystroke: Duplicate pressed sooner made a
    copy without the new excerpt, and the pending edit was written afterwards."""
    from editor_app.ui.i18n import apply_language

    record = library.create(ArticleDraft(title="أصل", body="نص", excerpt="موجز قديم"))
    window = open_window()
    apply_language("ar")
    window.open_article(record.id)
    window.metadata.excerpt.setPlainText("موجز جديد كُتب للتو")
    window.metadata.author.setEditText("كاتبة")
    assert window.metadata._timer.isActive()  # still waiting: nothing written yet
    window.commands.action("file.duplicate").trigger()
    copy_id = window.editor.article_id
    assert copy_id != record.id and window.editor.title() == "أصل (نسخة)"
    qtbot.wait(700)  # past the panel's delay: whatever was still pending would be written now
    source, copy = library.get(record.id), library.get(copy_id)
    assert source.excerpt == copy.excerpt == "موجز جديد كُتب للتو"
    assert source.author == copy.author == "كاتبة"


def test_the_revisions_dialog_names_every_reason_a_revision_can_have():
    from editor_app.core.models import RevisionReason
    from editor_app.ui.dialogs.revisions import REASON_LABELS

    assert set(REASON_LABELS) == {reason.value for reason in RevisionReason}
