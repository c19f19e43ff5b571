"""The preview is readable at the default window size, its zoom works at every width,
and "fit width" lays the page out at the pane's width."""

from __future__ import annotations

import pytest

from editor_app.core.importers import read_article_file
from tests.conftest import SEED_ARTICLE
from tests.ui.test_preview import JS_TIMEOUT_MS, evaluate, wait_for_text

READABLE_PX = 14  # body text smaller than this on screen is hard to read
PARAGRAPH_PX = "parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize) * window.devicePixelRatio"


@pytest.fixture
def seeded(open_window, library, qtbot):
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    window = open_window()
    window.resize(1400, 860)
    wait_for_text(qtbot, window.preview, "العلاقات")
    return window


def on_screen_px(qtbot, preview) -> float:
    return evaluate(qtbot, preview, PARAGRAPH_PX)


def test_the_default_window_shows_readable_text_laid_out_at_the_panes_width(seeded, qtbot):
    preview = seeded.preview
    frame = preview.frame
    assert frame.preset.key == "fit"
    qtbot.waitUntil(lambda: abs(evaluate(qtbot, preview, "window.innerWidth") - frame.stage.width()) <= 2, timeout=JS_TIMEOUT_MS)
    assert on_screen_px(qtbot, preview) >= READABLE_PX
    assert evaluate(qtbot, preview, "document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scrolling


def test_zoom_works_at_desktop_width_and_a_wide_page_scrolls_sideways(seeded, qtbot):
    preview = seeded.preview
    frame = preview.frame
    frame.set_preset("desktop")
    qtbot.waitUntil(lambda: abs(evaluate(qtbot, preview, "window.innerWidth") - 1200) <= 2, timeout=JS_TIMEOUT_MS)
    overview = on_screen_px(qtbot, preview)  # the whole desktop page shrunk into the pane
    assert preview.view.width() <= frame.stage.width()
    for _ in range(12):
        frame.zoom_in_action.trigger()
    assert frame.zoom_button.text() == "200٪"
    qtbot.waitUntil(lambda: on_screen_px(qtbot, preview) > overview, timeout=JS_TIMEOUT_MS)
    for _ in range(5):  # 175, 150, 125, 110, 100
        frame.zoom_out_action.trigger()
    assert frame.zoom_button.text() == "100٪"
    # still the desktop's viewport, now at full size
    qtbot.waitUntil(lambda: abs(evaluate(qtbot, preview, "window.innerWidth") - 1200) <= 2, timeout=JS_TIMEOUT_MS)
    qtbot.waitUntil(lambda: on_screen_px(qtbot, preview) >= READABLE_PX, timeout=JS_TIMEOUT_MS)
    assert preview.view.width() > frame.stage.width() and frame.stage.horizontalScrollBar().maximum() > 0
    frame.zoom_button.click()  # back to the page shrunk into the pane
    qtbot.waitUntil(lambda: on_screen_px(qtbot, preview) == overview, timeout=JS_TIMEOUT_MS)


def test_zoom_in_fit_width_enlarges_the_text_and_reflows_it(seeded, qtbot):
    preview = seeded.preview
    frame = preview.frame
    before = on_screen_px(qtbot, preview)
    frame.zoom_in_action.trigger()
    qtbot.waitUntil(lambda: on_screen_px(qtbot, preview) > before, timeout=JS_TIMEOUT_MS)
    expected = round(frame.stage.width() / frame.zoom)
    qtbot.waitUntil(lambda: abs(evaluate(qtbot, preview, "window.innerWidth") - expected) <= 2, timeout=JS_TIMEOUT_MS)
    assert preview.view.width() == frame.stage.width()
