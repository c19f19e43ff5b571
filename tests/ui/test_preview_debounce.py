"""The preview's debounce follows what a render costs: short for a cheap render, longer
for an expensive one, within bounds (no fixed 200 ms wait on every keystroke)."""

from __future__ import annotations

from editor_app.core.importers import read_article_file
from editor_app.core.templates import ArticleTemplates, PageOptions
from editor_app.ui.preview.controller import (
    DEBOUNCE_COST_FACTOR,
    DEBOUNCE_MAX_MS,
    DEBOUNCE_MIN_MS,
    PREVIEW_DEBOUNCE_MS,
    PreviewController,
)
from editor_app.ui.preview.text_preview import TextPreview
from tests.conftest import SEED_ARTICLE


def test_the_wait_before_a_render_is_twice_its_recent_cost_within_bounds(qtbot, library):
    record = library.import_drafts([read_article_file(SEED_ARTICLE)])[0]
    view = TextPreview()
    qtbot.addWidget(view)
    controller = PreviewController(view, ArticleTemplates(), PageOptions(font_url=lambda filename: ""))
    assert controller.debounce_ms == PREVIEW_DEBOUNCE_MS  # nothing measured yet

    controller.show(record, immediately=True)
    qtbot.waitUntil(lambda: controller.renders == 1, timeout=10_000)
    measured = controller.render_cost_ms
    assert measured is not None and measured > 0
    expected = round(min(DEBOUNCE_MAX_MS, max(DEBOUNCE_MIN_MS, DEBOUNCE_COST_FACTOR * measured)))
    assert controller.debounce_ms == expected
    assert controller._timer.interval() == expected  # the next edit waits that long

    controller.render_cost_ms = 1.0  # a trivial render: the floor
    assert controller.debounce_ms == DEBOUNCE_MIN_MS
    controller.render_cost_ms = 40.0
    assert controller.debounce_ms == round(DEBOUNCE_COST_FACTOR * 40.0)
    controller.render_cost_ms = 5_000.0  # a huge article: the ceiling
    assert controller.debounce_ms == DEBOUNCE_MAX_MS
    controller.shutdown()
