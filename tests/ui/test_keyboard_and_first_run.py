"""The keyboard reaches every control in reading order (right to left in Arabic), every
control has an accessible name; the first start adds the welcome article and a tour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QPlainTextEdit, QWidget

from editor_app.core.importers import read_article_file
from editor_app.core.settings import Settings
from editor_app.resources import resource_path
from editor_app.ui.first_run import welcome_on_first_run
from editor_app.ui.tour import STEPS, TourOverlay
from tests.conftest import SEED_ARTICLE

SEED_TITLE = "العلاقات المغربية-الأمريكية: شراكة استراتيجية في مجال الأمن ومكافحة الإرهاب"


def _press_tab(widget: QWidget) -> None:
    # Tab indents inside the article's text; Ctrl+Tab leaves it, as in other text areas.
    text_area = isinstance(widget, QPlainTextEdit) and not widget.tabChangesFocus()
    modifier = Qt.KeyboardModifier.ControlModifier if text_area else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(widget, Qt.Key.Key_Tab, modifier)


def _walk_tab_order(window) -> list[QWidget]:
    """Presses Tab from the search box until focus comes back to it; each control once."""
    start = window.list_panel.search
    start.setFocus()
    QApplication.processEvents()
    visited: list[QWidget] = [start]
    for _ in range(200):
        _press_tab(QApplication.focusWidget())
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is start:
            return visited
        if focused is not visited[-1]:  # a date field takes Tab for its own sections first
            visited.append(focused)
    raise AssertionError(f"Tab never came back to the search box: {[w.objectName() for w in visited]}")


def _pane_of(window, widget: QWidget) -> str:
    for name in ("list_panel", "editor", "metadata"):
        pane = getattr(window, name)
        if pane is widget or pane.isAncestorOf(widget):
            return name
    return "elsewhere"


@pytest.fixture
def window_with_article(window_host, library, qtbot):
    library.import_drafts([read_article_file(SEED_ARTICLE)])

    def open_in(language: str):
        window = window_host.switch_language(language)
        qtbot.waitUntil(lambda: getattr(window.preview, "load_count", 1) >= 1, timeout=20000)
        return window

    return open_in


@pytest.mark.parametrize("language", ["ar", "en"])
def test_tab_walks_every_control_in_reading_order_and_each_has_a_name(window_with_article, language):
    window = window_with_article(language)
    visited = _walk_tab_order(window)
    panes = [_pane_of(window, widget) for widget in visited]
    assert "elsewhere" not in panes
    order = list(dict.fromkeys(panes))
    assert order == ["list_panel", "editor", "metadata"]  # and each pane's controls together
    assert panes == sorted(panes, key=order.index)
    # Reading order on screen: right to left in Arabic, left to right in English.
    centres = [getattr(window, pane).mapTo(window, getattr(window, pane).rect().center()).x() for pane in order]
    assert centres == (sorted(centres, reverse=True) if language == "ar" else sorted(centres))
    focusable = [w for w in window.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus and _pane_of(window, w) != "elsewhere"
                 and not w.focusProxy() and w.window() is window]
    missed = [w.objectName() or type(w).__name__ for w in focusable if w not in visited]
    assert missed == []
    unnamed = [w.objectName() or type(w).__name__ for w in visited
               if not w.accessibleName() and not (isinstance(w, QAbstractButton) and w.text())]
    assert unnamed == []
    for pane in (window.list_panel, window.editor, window.preview, window.metadata):
        assert pane.accessibleName() and pane.accessibleDescription()


def test_f6_moves_between_the_panes_including_the_preview(window_with_article):
    window = window_with_article("ar")
    window.list_panel.view.setFocus()
    QApplication.processEvents()
    reached = []
    for _ in range(4):
        window.commands.action("view.next_pane").trigger()
        QApplication.processEvents()
        reached.append(QApplication.focusWidget())
    assert reached == [window.editor.body_edit, window.navigation.preview_focus_widget(), window.metadata.status,
                       window.list_panel.view]
    window.commands.action("view.previous_pane").trigger()
    assert QApplication.focusWidget() is window.metadata.status
    assert window.commands.action("view.next_pane").shortcut().toString() == "F6"


def test_the_first_start_adds_the_welcome_article_once(library, location):
    settings = Settings(location.config_dir)
    assert welcome_on_first_run(library, settings) is True
    [summary] = library.summaries()
    article = library.get(summary.id)
    assert article.title == SEED_TITLE
    assert article.column == "افتتاحية" and article.author == "أمين نشاط" and article.status == "draft"
    assert "“مينا”" in article.body
    assert Settings(location.config_dir).preferences.welcomed is True
    assert welcome_on_first_run(library, Settings(location.config_dir)) is False
    assert library.count() == 1
    assert resource_path("welcome", "welcome.md").is_file()


def test_an_existing_library_gets_the_tour_but_no_example(library, location):
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    library.create()
    assert welcome_on_first_run(library, Settings(location.config_dir)) is True
    assert library.count() == 2


def test_the_tour_points_at_each_pane_and_the_keyboard_drives_it(open_window, qtbot):
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_tour()
    tour = window.findChild(TourOverlay)
    assert tour is not None and tour.isVisible() and len(tour.steps) == len(STEPS) == 5
    assert tour.title.text() == "المقالات" and tour.counter.text() == "1 من 5"
    hole = tour.target_rect()
    list_rect = window.list_panel.rect().translated(window.list_panel.mapTo(window, window.list_panel.rect().topLeft()))
    assert hole.contains(list_rect)
    QTest.keyClick(tour, Qt.Key.Key_Left)  # forward, in a right-to-left window
    assert tour.title.text() == "المحرر" and tour.back_button.isEnabled()
    QTest.keyClick(tour, Qt.Key.Key_Backspace)
    assert tour.index == 0
    for _ in range(5):
        tour.next_button.click()
    qtbot.waitUntil(lambda: window.findChild(TourOverlay) is None or not tour.isVisible())
    window.start_tour()
    again = [overlay for overlay in window.findChildren(TourOverlay) if overlay.isVisible()][0]
    QTest.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible() and QApplication.focusWidget() is window.editor.body_edit
