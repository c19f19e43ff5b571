"""PDF through QtWebEngine's printing of the same standalone page (print CSS, RTL,
fonts embedded by Chromium, page numbers from the @page margin boxes)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMarginsF, QTimer, QUrl
from PySide6.QtGui import QPageLayout, QPageSize

from editor_app.core.exporters.standalone_html import ExportOptions, render_standalone
from editor_app.core.files import WriteFailed, check_writable_target, reason
from editor_app.core.records import ArticleRecord

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
TIMEOUT_MS = 60_000


def _ensure_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:  # the CLI: no window, no display needed
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from editor_app.ui.application import create_application

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


def export_pdf(record: ArticleRecord, output: Path, options: ExportOptions = ExportOptions(), page_size: str = "A4",
               **_ignored) -> Path:
    _ensure_application()
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

    output = Path(output)
    check_writable_target(output)  # never a device, a pipe or a folder (os.replace would replace it)
    html, _resources = render_standalone(record, output.with_suffix(".html"), options)
    with tempfile.TemporaryDirectory(prefix="midad-pdf-") as folder:
        page_file = Path(folder) / "article.html"
        page_file.write_text(html, encoding="utf-8")
        profile = QWebEngineProfile()  # off the record
        page = QWebEnginePage(profile)
        try:
            page.load(QUrl.fromLocalFile(str(page_file)))
            loaded = _wait(page.loadFinished)
            if not loaded or not loaded[0]:
                raise WriteFailed(f"cannot make {output.name}: the page did not load")
            layout = QPageLayout(QPageSize(PAGE_SIZES.get(page_size, QPageSize.PageSizeId.A4)),
                                 QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            temporary = output.with_name(f".{output.name}.part")
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise WriteFailed(f"cannot write {output}: {reason(error)}") from None
            page.printToPdf(str(temporary), layout)
            finished = _wait(page.pdfPrintingFinished)
            if len(finished) < 2 or not finished[1] or not temporary.exists():
                temporary.unlink(missing_ok=True)
                raise WriteFailed(f"cannot write {output}: printing to PDF failed")
            try:
                _number_pages(temporary)
                os.replace(temporary, output)
            except OSError as error:
                temporary.unlink(missing_ok=True)
                raise WriteFailed(f"cannot write {output}: {reason(error)}") from None
        finally:
            page.deleteLater()
            profile.deleteLater()
    return output


def _number_pages(path: Path) -> None:
    """Stamp "N / M" at the foot of every page. Chromium here ignores CSS @page margin
    boxes, so Qt draws the numbers on an overlay and pypdf merges it onto the pages."""
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
    for number in range(1, total + 1):
        if number > 1:
            writer.newPage()
        painter.drawText(QRectF(0, float(first.height) - 40, float(first.width), 20), Qt.AlignmentFlag.AlignCenter, f"{number} / {total}")
    painter.end()
    numbers = PdfReader(str(overlay_path))
    stamped = PdfWriter(clone_from=reader)
    for page, overlay in zip(stamped.pages, numbers.pages):
        page.merge_page(overlay)
    with path.open("wb") as output:
        stamped.write(output)
    overlay_path.unlink(missing_ok=True)
