"""Articles leave Midad as files: one module per format, each an Exporter in one registry.

The CLI and the export dialog read EXPORTERS (core.exporters.base); PDF needs QtWebEngine's
printing, so the Qt layer registers it (editor_app.ui.export.register_qt_exporters).
"""

from __future__ import annotations

from editor_app.core.exporters.base import EXPORTERS, Exporter, ExporterRegistry, ExportReport
from editor_app.core.exporters.body_html import BodyHtmlExporter
from editor_app.core.exporters.docx import DocxExporter
from editor_app.core.exporters.markdown import MarkdownExporter
from editor_app.core.exporters.site import SiteExporter, export_site
from editor_app.core.exporters.standalone_html import ExportOptions, StandaloneHtmlExporter

# The dialog lists them in this order.
for _exporter in (StandaloneHtmlExporter(), BodyHtmlExporter(), MarkdownExporter(), DocxExporter(), SiteExporter()):
    EXPORTERS.register(_exporter)

__all__ = ["EXPORTERS", "ExportOptions", "ExportReport", "Exporter", "ExporterRegistry", "export_site"]
