"""Markdown with the YAML front matter `midad import` reads: export then import is lossless."""

from __future__ import annotations

from pathlib import Path

import yaml

from editor_app.core.errors import QT_TRANSLATE_NOOP
from editor_app.core.exporters.base import ArticleExporter
from editor_app.core.files import atomic_write_text
from editor_app.core.records import ArticleRecord


def front_matter(record: ArticleRecord) -> dict:
    values = {
        "title": record.title,
        "column": record.column,
        "author": record.author,
        "category": record.category,
        "tags": list(record.tags),
        "slug": record.slug,
        "excerpt": record.excerpt,
        "date": record.published_at.isoformat() if record.published_at else None,
        "status": record.status,
        "locale": record.locale,
    }
    # The title always goes in: without it, import would take a heading or the file name.
    return {key: value for key, value in values.items() if key == "title" or value not in (None, "", [])}


def markdown_document(record: ArticleRecord) -> str:
    header = yaml.safe_dump(front_matter(record), allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{header}---\n{record.body}"


def export_markdown(record: ArticleRecord, output: Path) -> Path:
    atomic_write_text(output, markdown_document(record))
    return output


class MarkdownExporter(ArticleExporter):
    name = "md"
    extension = ".md"
    label = QT_TRANSLATE_NOOP("exporters", "Markdown with the article's details")

    def export_article(self, record, output, options):
        return export_markdown(record, output)
