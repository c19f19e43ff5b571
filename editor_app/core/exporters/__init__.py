"""Articles leave Midad as files: one module per format, chosen here by name.

PDF needs QtWebEngine's printing, so it lives in the Qt layer (editor_app.ui.export.pdf).
"""

from __future__ import annotations

from editor_app.core.exporters.body_html import export_body_html
from editor_app.core.exporters.docx import export_docx
from editor_app.core.exporters.markdown import export_markdown
from editor_app.core.exporters.site import export_site
from editor_app.core.exporters.standalone_html import ExportOptions, export_standalone_html

SINGLE_ARTICLE_FORMATS = {
    "html": (export_standalone_html, ".html"),
    "html-body": (export_body_html, ".html"),
    "md": (export_markdown, ".md"),
    "docx": (export_docx, ".docx"),
}
FORMATS = (*SINGLE_ARTICLE_FORMATS, "pdf", "site")

__all__ = ["ExportOptions", "FORMATS", "SINGLE_ARTICLE_FORMATS", "export_site"]
