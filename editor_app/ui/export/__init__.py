"""Exporters that need Qt, registered into the core's registry (core.exporters.EXPORTERS).

This module imports no Qt itself: `midad export --format md` reads the registry without
loading PySide6; exporting a PDF loads QtWebEngine (editor_app.ui.export.pdf).
"""

from __future__ import annotations

from editor_app.core.errors import QT_TRANSLATE_NOOP
from editor_app.core.exporters.base import PAGE_SIZE, ArticleExporter, ExporterRegistry


class PdfExporter(ArticleExporter):
    name = "pdf"
    extension = ".pdf"
    label = QT_TRANSLATE_NOOP("exporters", "PDF")
    needs_qt = True  # QtWebEngine prints on the UI thread (the dialog does not use its worker)
    options = frozenset({PAGE_SIZE})

    def export_article(self, record, output, options):
        from editor_app.ui.export.pdf import export_pdf

        return export_pdf(record, output, options)


def register_qt_exporters(registry: ExporterRegistry | None = None) -> ExporterRegistry:
    """Adds the Qt layer's formats to `registry` (the core's EXPORTERS by default) and returns it."""
    if registry is None:
        from editor_app.core.exporters import EXPORTERS as registry
    registry.register(PdfExporter())
    return registry
