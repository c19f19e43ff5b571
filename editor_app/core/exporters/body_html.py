"""The article's body alone, sanitised, for pasting into another CMS (dir attributes kept)."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.errors import QT_TRANSLATE_NOOP
from editor_app.core.exporters.base import ArticleExporter
from editor_app.core.files import atomic_write_text
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown


def export_body_html(record: ArticleRecord, output: Path) -> Path:
    atomic_write_text(output, render_markdown(record.body))
    return output


class BodyHtmlExporter(ArticleExporter):
    name = "html-body"
    extension = ".html"
    label = QT_TRANSLATE_NOOP("exporters", "HTML (the article's text only)")

    def export_article(self, record, output, options):
        return export_body_html(record, output)
