"""Exports that need Chromium: the exported page checked in QtWebEngine, PDF, the dialog."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineUrlRequestInterceptor

from editor_app.core.exporters import ExportOptions
from editor_app.core.exporters.markdown import export_markdown
from editor_app.core.exporters.standalone_html import export_standalone_html
from editor_app.core.files import FILE_MODE
from editor_app.core.importers import read_article_file
from editor_app.ui.dialogs.export_dialog import ExportDialog
from editor_app.ui.export.pdf import export_pdf
from tests.conftest import FIXTURES, SEED_ARTICLE
from tests.readers import MM, pdf_info, pdf_pages

TIMEOUT = 20_000


class _Recorder(QWebEngineUrlRequestInterceptor):
    def __init__(self):
        super().__init__()
        self.requests = []

    def interceptRequest(self, info):  # noqa: N802 - Qt API
        self.requests.append(info.requestUrl().toString())


def _evaluate(qtbot, page, script):
    results = []
    page.runJavaScript(script, 0, results.append)
    qtbot.waitUntil(lambda: len(results) > 0, timeout=TIMEOUT)
    return results[0]


def test_exported_html_in_chromium_is_rtl_uses_the_bundled_font_and_fetches_nothing(qtbot, library, tmp_path):
    [record] = library.import_drafts([read_article_file(SEED_ARTICLE)])
    output = export_standalone_html(record, tmp_path / "article.html", ExportOptions(asset_loader=library.asset))
    profile = QWebEngineProfile()
    recorder = _Recorder()
    profile.setUrlRequestInterceptor(recorder)
    page = QWebEnginePage(profile)
    try:
        with qtbot.waitSignal(page.loadFinished, timeout=TIMEOUT) as loaded:
            page.load(QUrl.fromLocalFile(str(output)))
        assert loaded.args == [True]
        assert _evaluate(qtbot, page, "getComputedStyle(document.body).direction") == "rtl"
        assert _evaluate(qtbot, page, "document.title") == record.title
        qtbot.waitUntil(lambda: _evaluate(qtbot, page, "document.fonts.status") == "loaded", timeout=TIMEOUT)
        assert _evaluate(qtbot, page, "document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')") is True
        assert _evaluate(qtbot, page, "[...document.fonts].some(f => f.family.includes('Noto Naskh Arabic') && f.status === 'loaded')") is True
        assert [url for url in recorder.requests if not url.startswith(("file:", "data:"))] == []
    finally:
        page.deleteLater()
        qtbot.wait(50)


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("size", "points"), [("A4", "(A4)"), ("Letter", "(letter)")])
def test_pdf_has_margins_one_page_number_per_page_and_metadata(qtbot, library, tmp_path, size, points):
    draft = read_article_file(SEED_ARTICLE)
    [record] = library.import_drafts([draft.__class__(**{**draft.__dict__, "body": draft.body * 2})])
    path = export_pdf(record, tmp_path / "article.pdf", ExportOptions(asset_loader=library.asset, page_size=size))
    text = _pdf_text(path)
    assert "العلاقات المغربية" in text and "استراتيجية" in text
    assert "أبريل" in text and "2024" in text
    info = pdf_info(path)
    assert points in info["Page size"]
    assert info["Title"] == record.title and info["Author"] == "أمين نشاط"
    pages = pdf_pages(path)
    assert len(pages) == int(info["Pages"]) >= 2
    for number, page in enumerate(pages, 1):
        # One page number per page ("1 / 3", not also a reversed "3 / 1" from the stylesheet)...
        numbers = [line for line in page.lines if "/" in line.text and line.text.replace(" ", "").replace("/", "").isdigit()]
        assert [line.text.replace(" ", "") for line in numbers] == [f"{number}/{len(pages)}"]
        body = [line for line in page.lines if line not in numbers]
        # ...below the last line of text, in the bottom margin; all text inside >= 15 mm margins.
        assert numbers[0].y_min > max(line.y_max for line in body)
        assert min(line.x_min for line in body) >= 15 * MM - 1
        assert max(line.x_max for line in body) <= page.width - 15 * MM + 1
        assert min(line.y_min for line in body) >= 15 * MM - 1
        assert max(line.y_max for line in body) <= page.height - 15 * MM + 1
        assert page.height - numbers[0].y_max >= 5 * MM  # the number itself is not at the paper's edge
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "NotoNaskhArabic" in fonts


def test_pdf_file_mode_follows_the_umask_like_other_exports(qtbot, library, tmp_path):
    [record] = library.import_drafts([read_article_file(SEED_ARTICLE)])
    pdf = export_pdf(record, tmp_path / "article.pdf", ExportOptions())
    markdown = export_markdown(record, tmp_path / "article.md")
    assert stat.S_IMODE(pdf.stat().st_mode) == stat.S_IMODE(markdown.stat().st_mode) == FILE_MODE


def test_the_export_dialog_exports_and_reports_errors(qtbot, library, tmp_path):
    [record] = library.import_drafts([read_article_file(FIXTURES / "mixed_article.md")])
    dialog = ExportDialog(library, record.id)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.destination.setText(str(tmp_path / "out.md"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=TIMEOUT)
    assert read_article_file(tmp_path / "out.md").title == record.title
    assert dialog.open_folder.isVisible() or not dialog.isVisible()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    dialog.format.setCurrentIndex(dialog.format.findData("site"))
    dialog.destination.setText(str(blocker / "site"))
    dialog.result_path = None
    dialog.start()
    qtbot.waitUntil(lambda: "تعذّر التصدير" in dialog.message.text(), timeout=TIMEOUT)
    assert "not a folder" in dialog.message.text()


def test_the_dialog_site_export_leaves_drafts_out_unless_checked(qtbot, library, tmp_path):
    published, _draft = library.import_drafts([read_article_file(SEED_ARTICLE), read_article_file(FIXTURES / "mixed_article.md")])
    dialog = ExportDialog(library, published.id, time_zone="Asia/Riyadh")
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("site"))
    for checked, folder, expected in ((False, "published", 1), (True, "all", 2)):
        dialog.include_drafts.setChecked(checked)
        dialog.destination.setText(str(tmp_path / folder))
        dialog.result_path = None
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=TIMEOUT)
        assert len(list((tmp_path / folder / "articles").glob("*.html"))) == expected
    index = (tmp_path / "published" / "index.html").read_text(encoding="utf-8")
    assert "9 أبريل 2024 - 9:23 م" in index  # the byline in the zone the window gave (Riyadh)
