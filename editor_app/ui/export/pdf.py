"""PDF through QtWebEngine's printing of the same standalone page (print CSS, RTL,
fonts embedded by Chromium).

Chromium takes the page margins from the print layout, not from the stylesheet, so
the template's `@page { margin }` is read (core.exporters.page_setup, at least 15 mm)
and handed over; the page number is then stamped once per page inside the bottom
margin, below the last line. Title and Author are set in the PDF's information.

Known limit of Chromium's PDF text (not fixable here): a word whose last letter
carries a mark before a final alef, e.g. «مجددًا», is shaped as one glyph cluster
whose text Chromium maps to the cluster's first glyph, so `pdftotext` and copy/paste
can give «مجدًد ا». The page looks right; the README says so.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMarginsF, QTimer, QUrl
from PySide6.QtGui import QPageLayout, QPageSize

from editor_app.core.errors import Text
from editor_app.core.exporters.page_setup import PAGE_DID_NOT_LOAD, PRINTING_FAILED, WRITE_FAILED, PageMargins, page_margins
from editor_app.core.exporters.standalone_html import ExportOptions, render_standalone
from editor_app.core.files import FILE_MODE, WriteFailed, check_writable_target, reason
from editor_app.core.templates import ArticleTemplates, PageOptions
from editor_app.core.records import ArticleRecord

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
TIMEOUT_MS = 60_000


def _ensure_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:  # the CLI: no window, no display needed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from editor_app.ui.qt_app import create_application

        app = create_application(sys.argv[:1])
    return app


def _wait(signal, timeout_ms: int = TIMEOUT_MS) -> list:
    loop = QEventLoop()
    received: list = []

    def done(*args) -> None:
        received.extend(args)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)
    return received


def export_pdf(record: ArticleRecord, output: Path, options: ExportOptions = ExportOptions()) -> Path:
    _ensure_application()
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

    output = Path(output)
    page_size = options.paper(record.locale)
    check_writable_target(output)  # never a device, a pipe or a folder (os.replace would replace it)
    html, _resources = render_standalone(record, output.with_suffix(".html"), options)
    margins = page_margins((options.templates or ArticleTemplates()).stylesheet(PageOptions(font_url=lambda name: "")))
    with tempfile.TemporaryDirectory(prefix="midad-pdf-") as folder:
        page_file = Path(folder) / "article.html"
        page_file.write_text(html, encoding="utf-8")
        profile = QWebEngineProfile()  # off the record
        page = QWebEnginePage(profile)
        try:
            page.load(QUrl.fromLocalFile(str(page_file)))
            loaded = _wait(page.loadFinished)
            if not loaded or not loaded[0]:
                raise WriteFailed(Text(PAGE_DID_NOT_LOAD, path=output.name))
            layout = QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                                 QMarginsF(margins.left, margins.top, margins.right, margins.bottom),
                                 QPageLayout.Unit.Millimeter)
            temporary = output.with_name(f".{output.name}.part")
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise WriteFailed(Text(WRITE_FAILED, path=output, reason=reason(error))) from None
            page.printToPdf(str(temporary), layout)
            finished = _wait(page.pdfPrintingFinished)
            if len(finished) < 2 or not finished[1] or not temporary.exists():
                temporary.unlink(missing_ok=True)
                raise WriteFailed(Text(PRINTING_FAILED, path=output))
            try:
                _number_pages(temporary, margins, record)
                os.chmod(temporary, FILE_MODE)  # as every other export: the umask decides, not 0600
                os.replace(temporary, output)
            except OSError as error:
                temporary.unlink(missing_ok=True)
                raise WriteFailed(Text(WRITE_FAILED, path=output, reason=reason(error))) from None
        finally:
            page.deleteLater()
            profile.deleteLater()
    return output


def _number_pages(path: Path, margins: PageMargins, record: ArticleRecord) -> None:
    """Stamp "N / M" in the middle of every page's bottom margin (the stylesheet prints
    none: its margin boxes would come out reversed in a right-to-left page), and set
    the document's Title and Author. Qt draws the numbers on an overlay that pypdf
    merges onto the pages."""
    from pypdf import PdfReader, PdfWriter
    from PySide6.QtCore import QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter

    reader = PdfReader(str(path))
    total = len(reader.pages)
    overlay_path = path.with_name(path.name + ".numbers")
    first = reader.pages[0].mediabox
    writer = QPdfWriter(str(overlay_path))
    writer.setPageSize(QPageSize(QSizeF(float(first.width), float(first.height)), QPageSize.Unit.Point))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "1 / 3", not "3 / 1"
    font = QFont()
    font.setFamilies(["Noto Naskh Arabic"])
    font.setPointSize(9)
    painter.setFont(font)
    painter.setPen(QColor("#6b6b70"))
    bottom = margins.bottom * 72 / 25.4
    band = QRectF(0, float(first.height) - bottom * 0.75, float(first.width), bottom * 0.5)  # clear of the text above
    for number in range(1, total + 1):
        if number > 1:
            writer.newPage()
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, f"{number} / {total}")
    painter.end()
    numbers = PdfReader(str(overlay_path))
    stamped = PdfWriter(clone_from=reader)
    for page, overlay in zip(stamped.pages, numbers.pages):
        page.merge_page(overlay)
    stamped.add_metadata({"/Title": record.title, "/Author": record.author or "", "/Subject": record.excerpt,
                          "/Creator": "Midad"})
    with path.open("wb") as output:
        stamped.write(output)
    overlay_path.unlink(missing_ok=True)
