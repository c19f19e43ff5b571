"""The live preview in QtWebEngine: loaded once, patched in place, inert, offline."""

from __future__ import annotations

import http.server
import json
import sys
import threading

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage

from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleDraft
from editor_app.ui.preview.text_preview import TextPreview
from editor_app.ui.preview.web_preview import WebPreview
from tests.conftest import SEED_ARTICLE
from tests.hostile_corpus import HOSTILE_MARKDOWN
from tests.ui.typing import type_text

JS_TIMEOUT_MS = 15_000


def evaluate(qtbot, preview, script):
    results = []
    preview.page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: len(results) > 0, timeout=JS_TIMEOUT_MS)
    return results[0]


def wait_for_text(qtbot, preview, text):
    qtbot.waitUntil(
        lambda: text in (evaluate(qtbot, preview, "document.body.innerText") or ""), timeout=JS_TIMEOUT_MS
    )


def roomy(window):
    """The offscreen screen is 800x600: give the preview the room a desktop would."""
    window.metadata_dock.hide()
    window.splitter.setSizes([0, 300, 500])
    window.preview.frame.set_preset("phone")
    return window


@pytest.fixture
def seeded_window(open_window, library):
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    return roomy(open_window())


def test_the_preview_is_the_site_template_with_the_article(seeded_window, qtbot):
    preview = seeded_window.preview
    assert isinstance(preview, WebPreview)
    wait_for_text(qtbot, preview, "العلاقات المغربية-الأمريكية")
    assert evaluate(qtbot, preview, "getComputedStyle(document.body).direction") == "rtl"
    assert evaluate(qtbot, preview, "document.querySelector('.kicker').innerText") == "افتتاحية.. بقلم: أمين نشاط"
    assert "أمن وعدالة" in evaluate(qtbot, preview, "document.querySelector('.breadcrumb').innerText")
    qtbot.waitUntil(
        lambda: evaluate(qtbot, preview, "document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')") is True,
        timeout=JS_TIMEOUT_MS,
    )


def test_edits_patch_the_page_without_reloading_and_keep_the_scroll(seeded_window, qtbot):
    preview = seeded_window.preview
    wait_for_text(qtbot, preview, "العلاقات المغربية-الأمريكية")
    evaluate(qtbot, preview, "window.__sameDocument = 'yes'; window.scrollTo(0, 400); window.scrollY")
    scroll_before = evaluate(qtbot, preview, "window.scrollY")
    assert scroll_before > 0

    # Editing the title patches the page without moving the editor (which the preview follows).
    title = seeded_window.editor.title_edit
    title.setFocus()
    title.end(False)
    for word in (" ", "(", "تحديث ", "عاجل", ")"):
        type_text(title, word)
    wait_for_text(qtbot, preview, "(تحديث عاجل)")

    assert preview.load_count == 1
    assert evaluate(qtbot, preview, "window.__sameDocument") == "yes"
    assert evaluate(qtbot, preview, "window.scrollY") == scroll_before
    # Keystrokes were collapsed: far fewer renders than edits.
    assert seeded_window.preview_controller.renders < len(" (تحديث عاجل)")


def test_a_patch_replaces_only_the_paragraphs_that_changed(seeded_window, qtbot, monkeypatch):
    """The untouched paragraphs stay the same DOM nodes (not rebuilt and laid out again), and
    the page ends up exactly as the patch's html would make it from scratch."""
    preview = seeded_window.preview
    wait_for_text(qtbot, preview, "العلاقات المغربية-الأمريكية")
    delivered = []
    patch = preview.patch_article
    monkeypatch.setattr(preview, "patch_article", lambda html: (delivered.append(html), patch(html)))
    paragraphs = "document.querySelectorAll('#midad-article .article-body p')"
    count = int(evaluate(qtbot, preview, f"{paragraphs}.forEach((p) => {{ p.__kept = true; }}); {paragraphs}.length"))
    assert count > 3
    body = seeded_window.editor.body_edit
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    type_text(body, " خاتمة جديدة")
    wait_for_text(qtbot, preview, "خاتمة جديدة")
    kept = json.loads(evaluate(qtbot, preview, f"JSON.stringify(Array.from({paragraphs}).map((p) => p.__kept === true))"))
    assert kept[:-1] == [True] * (count - 1)  # at most the edited (last) paragraph was replaced
    from_scratch = evaluate(qtbot, preview, "(() => { const fresh = document.createElement('div'); "
                                            f"fresh.innerHTML = {json.dumps(delivered[-1])}; return fresh.innerHTML; }})()")
    unmarked = ("(() => { const copy = document.getElementById('midad-article').cloneNode(true); "
                "copy.querySelectorAll('.midad-current').forEach((e) => { e.classList.remove('midad-current'); "
                "if (!e.classList.length) e.removeAttribute('class'); }); return copy.innerHTML; })()")
    assert evaluate(qtbot, preview, unmarked) == from_scratch  # (the cursor's block mark is the page's own)


@pytest.mark.parametrize("width_key, css_width", [("desktop", 1200), ("tablet", 768), ("phone", 390)])
def test_width_presets_give_the_page_the_devices_viewport(seeded_window, qtbot, width_key, css_width):
    preview = seeded_window.preview
    wait_for_text(qtbot, preview, "العلاقات")
    preview.frame.set_preset(width_key)
    qtbot.waitUntil(lambda: abs(evaluate(qtbot, preview, "window.innerWidth") - css_width) <= 2, timeout=JS_TIMEOUT_MS)


def test_no_hostile_markdown_executes_in_the_preview(open_window, library, qtbot):
    body = "\n\n".join(f"## {name}\n\n{payload}" for name, payload in HOSTILE_MARKDOWN.items())
    library.import_drafts([ArticleDraft(title="عدائي", body=body + "\n\nالنهاية")])
    window = open_window()
    preview = window.preview
    wait_for_text(qtbot, preview, "النهاية")
    qtbot.wait(300)  # let any load/error handler that survived have its chance
    assert evaluate(qtbot, preview, "1 + 1") == 2  # JavaScript itself works
    assert evaluate(qtbot, preview, "typeof window.__pwned") == "undefined"
    assert preview.page.url().scheme() == "midad"


def test_the_pages_csp_blocks_inline_script_even_without_the_sanitiser(seeded_window, qtbot):
    preview = seeded_window.preview
    wait_for_text(qtbot, preview, "العلاقات")
    evaluate(qtbot, preview, """window.midad.update('<img src="x" onerror="window.__pwned=1"><svg onload="window.__pwned=1"></svg>'); 1""")
    qtbot.wait(300)
    assert evaluate(qtbot, preview, "typeof window.__pwned") == "undefined"


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server API
        _CountingHandler.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
                         b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")

    def log_message(self, *_args):
        pass


@pytest.fixture
def image_server():
    _CountingHandler.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_images_are_not_fetched_unless_allowed(open_window, library, qtbot, image_server):
    library.import_drafts([ArticleDraft(title="صور", body=f"![صورة بعيدة]({image_server}/photo.gif)\n\nالنهاية")])
    window = open_window()
    preview = window.preview
    wait_for_text(qtbot, preview, "وسائط خارجية محجوبة")
    qtbot.wait(300)
    assert _CountingHandler.hits == []

    preview.remote_media_action.setChecked(True)
    qtbot.waitUntil(lambda: _CountingHandler.hits == ["/photo.gif"], timeout=JS_TIMEOUT_MS)


def test_clicked_links_open_in_the_system_browser_and_never_navigate_the_preview(seeded_window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr("editor_app.ui.preview.web_engine.QDesktopServices.openUrl", opened.append)
    page = seeded_window.preview.page
    clicked = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    assert page.acceptNavigationRequest(QUrl("https://www.reuters.com/"), clicked, True) is False
    assert opened == [QUrl("https://www.reuters.com/")]
    typed = QWebEnginePage.NavigationType.NavigationTypeTyped
    assert page.acceptNavigationRequest(QUrl("https://evil.example/"), typed, True) is False


def test_the_preview_follows_the_editor_and_marks_the_cursors_block(seeded_window, qtbot):
    preview = seeded_window.preview
    wait_for_text(qtbot, preview, "العلاقات")
    body = seeded_window.editor.body_edit
    block = body.document().findBlockByNumber(8)  # the fifth paragraph
    cursor = body.textCursor()
    cursor.setPosition(block.position() + 3)
    body.setTextCursor(cursor)
    expected = block.text()[:20]
    qtbot.waitUntil(
        lambda: (evaluate(qtbot, preview, "(document.querySelector('.midad-current')||{}).innerText") or "").startswith(expected),
        timeout=JS_TIMEOUT_MS,
    )
    body.verticalScrollBar().setValue(body.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: evaluate(qtbot, preview, "window.scrollY") > 200, timeout=JS_TIMEOUT_MS)


def test_without_qtwebengine_the_text_preview_takes_over(open_window, library, qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtWebEngineWidgets", None)
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    window = open_window()
    assert isinstance(window.preview, TextPreview)
    assert "QtWebEngine" in window.preview.notice.text()
    qtbot.waitUntil(lambda: "العلاقات المغربية-الأمريكية" in window.preview.toPlainText(), timeout=5000)
    type_text(window.editor.body_edit, "سطر مضاف")
    qtbot.waitUntil(lambda: "سطر مضاف" in window.preview.toPlainText(), timeout=5000)


def test_the_preview_byline_is_in_the_site_zone_and_follows_the_setting(seeded_window, qtbot, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")  # the machine's zone plays no part
    preview = seeded_window.preview
    wait_for_text(qtbot, preview, "9 أبريل 2024 - 6:23 م")  # Casablanca, the default site zone
    seeded_window.change_preferences(time_zone="Asia/Riyadh")
    wait_for_text(qtbot, preview, "9 أبريل 2024 - 9:23 م")
