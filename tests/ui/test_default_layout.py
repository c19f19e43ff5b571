"""At the default 1400×860 the editor has the room, the whole headline shows, list rows
never scroll sideways and their tooltips carry the full title and snippet; a layout
saved by an older version does not bring the cramped panes back."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleDraft
from editor_app.ui.window_state import STATE_FILENAME
from tests.conftest import SEED_ARTICLE
from tests.ui.typing import type_text

SEED_TITLE = "العلاقات المغربية-الأمريكية: شراكة استراتيجية في مجال الأمن ومكافحة الإرهاب"
ROOMY_EDITOR_PX = 500  # about 10 Arabic words a line at the default font; it was 340


def opened_at_default_size(open_window, qtbot):
    window = open_window()
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.width() == 1400)
    QApplication.processEvents()
    return window


def test_the_editor_has_the_room_and_the_whole_headline_shows(open_window, library, qtbot):
    record = library.import_drafts([read_article_file(SEED_ARTICLE)])[0]
    assert record.title == SEED_TITLE
    window = opened_at_default_size(open_window, qtbot)
    window.open_article(record.id)
    QApplication.processEvents()
    assert window.editor.width() >= ROOMY_EDITOR_PX
    assert window.editor.width() > window.list_panel.width() and window.editor.width() > window.preview.width()
    title = window.editor.title_edit
    assert title.text() == SEED_TITLE
    assert title.line_count() >= 2  # wrapped, not cut
    assert title.verticalScrollBar().maximum() == 0  # every line of it is in view
    assert title.document().size().height() <= title.viewport().height() + 1


def test_the_title_stays_one_paragraph_and_enter_moves_to_the_text(open_window, library, qtbot):
    library.create(ArticleDraft(title="", body="النص\n"))
    window = opened_at_default_size(open_window, qtbot)
    title = window.editor.title_edit
    title.setFocus()
    type_text(title, "عنوان طويل\n")
    assert title.text() == "عنوان طويل"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor.body_edit)
    title.setFocus()
    title.end()
    pasted = QMimeData()
    pasted.setText(" جدًا\nمن سطرين")
    title.insertFromMimeData(pasted)
    assert title.text() == "عنوان طويل جدًا من سطرين"
    qtbot.waitUntil(lambda: window.library.get(window.editor.article_id).title == "عنوان طويل جدًا من سطرين", timeout=3000)


def test_list_rows_never_scroll_sideways_and_tooltips_are_whole(open_window, library, qtbot):
    long_title = "عنوان طويل جدًا لمقال عن " + " ".join(["الأمن الإقليمي والتعاون الاستراتيجي بين البلدين"] * 3)
    library.create(ArticleDraft(title=long_title, body="الإرهاب في المنطقة موضوع التقرير.\n"))
    window = opened_at_default_size(open_window, qtbot)
    view = window.list_panel.view
    assert view.horizontalHeader().length() <= view.viewport().width() + 1  # the columns fit: nothing to scroll to
    assert view.horizontalScrollBar().maximum() == 0
    model = window.list_panel.model
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == long_title
    window.list_panel.search.setText("الارهاب")
    qtbot.waitUntil(lambda: "\n" in (model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) or ""), timeout=5000)
    tooltip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(long_title + "\n") and "الإرهاب" in tooltip


def test_a_layout_saved_by_an_older_version_gives_way_to_the_roomy_default(open_window, location, qtbot):
    from PySide6.QtCore import QSettings

    window = opened_at_default_size(open_window, qtbot)
    window.splitter.setSizes([700, 200, 200])  # how the old default felt, or worse
    window.close()
    again = opened_at_default_size(open_window, qtbot)
    assert again.editor.width() < ROOMY_EDITOR_PX  # a layout the writer chose is kept...
    again.splitter.setSizes([700, 200, 200])
    again.close()
    settings = QSettings(str(location.data_dir / STATE_FILENAME), QSettings.Format.IniFormat)
    settings.remove("window/layout_version")  # ...but one saved before layout versions is not
    settings.sync()
    third = opened_at_default_size(open_window, qtbot)
    assert third.editor.width() >= ROOMY_EDITOR_PX
