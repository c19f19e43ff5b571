"""Keeps the preview in step with the editor without ever queueing work.

Edits are debounced, for about twice what a render has been costing (see
debounce_ms); rendering (Markdown, sanitising, the template) runs on a worker thread; while one render is in flight, newer edits only replace the pending
request, so at most one render runs and one waits, however fast the writer types
(Ghostwriter's updateInProgress/updateAgain). The first render builds the whole
page; later ones only the article block, which the view patches in place.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from datetime import tzinfo
from typing import Protocol

import logging

from jinja2 import TemplateError
from PySide6.QtCore import QObject, Signal

from editor_app.core.records import ArticleRecord
from editor_app.core.template_problems import template_problem
from editor_app.core.templates import ArticleTemplates, PageOptions, article_context
from editor_app.ui.i18n import failure_text, user_text
from editor_app.ui.timers import single_shot_timer

# A fixed 200 ms debounce was most of the keystroke → preview time. The wait now follows the
# render's cost: twice the recent render time, so while the writer types the worker is busy
# at most a third of the time (the editor keeps the processor), a short article's preview
# follows within a few tens of ms, and a huge one waits longer, within these bounds.
# The ceiling is high on purpose: a 200,000-word article renders in about a second, and a
# worker rendering it back to back holds Python's lock the editor's keystrokes need (its
# highlighter and layout run Python); its preview follows every two seconds or so instead.
DEBOUNCE_MIN_MS = 20
DEBOUNCE_MAX_MS = 3000
DEBOUNCE_COST_FACTOR = 2.0
PREVIEW_DEBOUNCE_MS = 60  # until a render has been timed


log = logging.getLogger(__name__)


class PreviewView(Protocol):
    @property
    def has_page(self) -> bool: ...
    def load_page(self, html: str) -> None: ...
    def patch_article(self, article_html: str) -> None: ...


class PreviewController(QObject):
    rendered = Signal(bool, str, float)  # (whole page?, html, render ms) — delivered on the UI thread
    render_failed = Signal(str)
    template_problem = Signal(str)  # the newsroom template's error, translated; "" once it renders again

    def __init__(
        self,
        view: PreviewView,
        templates: ArticleTemplates,
        page_options: PageOptions,
        zone: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.templates = templates
        self.page_options = page_options
        self.zone = zone
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="midad-preview")
        self._latest: ArticleRecord | Callable[[], ArticleRecord | None] | None = None
        self._busy = False
        self._again = False
        self._force_page = False
        self.renders = 0
        self.render_cost_ms: float | None = None  # a running average of the worker's render time
        self._shut_down = False
        self._timer = single_shot_timer(self, PREVIEW_DEBOUNCE_MS, self._start)
        self.rendered.connect(self._deliver)
        engine_ready = getattr(view, "engine_ready", None)
        if engine_ready is not None:  # a web view starts its engine after the window's first paint
            engine_ready.connect(self._start)

    def show(self, record: ArticleRecord | Callable[[], ArticleRecord | None], *, immediately: bool = False) -> None:
        """`record` may be a function giving it, called when the render starts (on this
        thread): the editor's text is then read once per render, not once per keystroke."""
        self._latest = record
        if immediately:
            self._timer.stop()
            self._start()
        else:
            self._timer.start()

    def set_remote_media_allowed(self, allowed: bool) -> None:
        self.page_options = replace(self.page_options, allow_remote_media=allowed)
        self.reload_page()

    def set_templates(self, templates: ArticleTemplates) -> None:
        self.templates = templates
        self.reload_page()

    def reload_page(self) -> None:
        """Rebuild the whole page (its head changed: CSP, fonts, template)."""
        self._force_page = True
        if self._latest is not None:
            self.show(self._latest, immediately=True)

    def _start(self) -> None:
        if self._latest is None or self._shut_down:
            return
        if getattr(self.view, "waiting_for_engine", False):
            # Not while the window is being painted for the first time: the render's Python
            # (Markdown, Jinja2) would hold the interpreter the paint needs. engine_ready restarts it.
            return
        if self._busy:
            self._again = True
            return
        record = self._latest() if callable(self._latest) else self._latest
        if record is None:
            return
        self._busy = True
        whole_page = self._force_page or not self.view.has_page
        self._force_page = False
        future = self._executor.submit(self._render, record, whole_page)
        future.add_done_callback(lambda done, page=whole_page: self._finished(done, page))

    @property
    def debounce_ms(self) -> int:
        if self.render_cost_ms is None:
            return PREVIEW_DEBOUNCE_MS
        return round(min(DEBOUNCE_MAX_MS, max(DEBOUNCE_MIN_MS, DEBOUNCE_COST_FACTOR * self.render_cost_ms)))

    def _render(self, record: ArticleRecord, whole_page: bool) -> tuple[str, float]:
        """The html, and what it cost (ms): the debounce follows it."""
        started = time.perf_counter()
        options = self.page_options
        asset_url = partial(options.article_asset_url, record.id) if options.article_asset_url else options.asset_url
        context = article_context(record, zone=self.zone, asset_url=asset_url)
        try:
            html = self._render_with(self.templates, context, whole_page)
            if self.templates.template_dir is not None:
                self.template_problem.emit("")
        except TemplateError as error:
            if self.templates.template_dir is None:
                raise
            # A broken newsroom template must not leave the preview blank and silent: say
            # which file and line is wrong (log, and above the preview), and show the bundled
            # template meanwhile.
            problem = template_problem(error, self.templates.template_dir)
            log.warning("newsroom template failed, the bundled one is shown: %s", problem)
            self.template_problem.emit(user_text(problem))
            html = self._render_with(ArticleTemplates(None, digits=self.templates.digits), context, whole_page)
        return html, (time.perf_counter() - started) * 1000

    def _render_with(self, templates: ArticleTemplates, context: dict, whole_page: bool) -> str:
        if whole_page:
            return templates.render_page(context, self.page_options)
        return templates.render_article(context)

    def _finished(self, future: Future, whole_page: bool) -> None:
        # Runs on the worker thread: hand over to the UI thread through a signal.
        error = future.exception()
        if error is not None:
            log.error("the preview failed to render", exc_info=error)
            self.render_failed.emit(failure_text(error))  # in the window's language, not Python's
            self.rendered.emit(whole_page, "", 0.0)
            return
        self.rendered.emit(whole_page, *future.result())

    def _deliver(self, whole_page: bool, html: str, cost_ms: float) -> None:
        if html:
            self.renders += 1
            previous = self.render_cost_ms
            self.render_cost_ms = cost_ms if previous is None else (previous + cost_ms) / 2
            self._timer.setInterval(self.debounce_ms)
            if whole_page:
                self.view.load_page(html)
            else:
                self.view.patch_article(html)
        self._busy = False
        if self._again:
            self._again = False
            self._start()

    def shutdown(self) -> None:
        # A render delivered after this (queued before the window closed) must not start another.
        self._shut_down = True
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
