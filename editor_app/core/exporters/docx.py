"""Word documents with python-docx, checked by LibreOffice (tests/core/test_docx_in_libreoffice.py).

The page is laid out as the site shows it: kicker «افتتاحية.. بقلم: …», title, byline
with the date in the site's time zone, featured image, then the body (docx_body).
Direction, footnotes and the template's styles need OOXML python-docx has no API
for: docx_ooxml writes those and says why.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from editor_app import __version__
from editor_app.core.dates import format_byline_date
from editor_app.core.errors import QT_TRANSLATE_NOOP
from editor_app.core.exporters.base import PAGE_SIZE, ArticleExporter
from editor_app.core.exporters.docx_body import BodyWriter, is_rtl
from editor_app.core.exporters.docx_ooxml import (
    arabic_friendly_styles,
    custom_properties,
    drop_template_traces,
    prune_unused_styles,
    set_direction,
    style_run,
    utc_naive,
)
from editor_app.core.exporters.standalone_html import ExportOptions
from editor_app.core.files import atomic_write
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown
from editor_app.core.templates import ArticleTemplates

BODY_SIZE_PT = 13
PAPER_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
MARGIN_MM = 20
# Custom document properties `midad import` reads back (docx_file.MIDAD_PROPERTIES).
PROPERTY_PREFIX = "midad:"


def kicker_text(record: ArticleRecord, words: dict[str, str]) -> str:
    """As the site prints it: «افتتاحية.. بقلم: أمين نشاط» (no space before the two dots).
    The words are the template folder's (core.templates.PAGE_WORDS), as on the site's page."""
    byline = f"{words['by']} {record.author}" if record.author else ""
    if record.column and byline:
        return f"{record.column}.. {byline}"
    return record.column or byline


def byline_text(record: ArticleRecord, options: ExportOptions, words: dict[str, str]) -> str:
    parts = []
    if record.author:
        parts.append(f"{words['written_by']} {record.author}")
    if record.published_at:
        parts.append(f"{words['written_on']} {format_byline_date(record.published_at, record.locale, options.zone())}")
    return " — ".join(parts)


def _page(document, size: str, rtl: bool) -> None:
    width, height = PAPER_MM[size]
    for section in document.sections:
        if rtl:  # a right-to-left section: footnote separator and columns start on the right
            properties = section._sectPr
            later = next((properties.find(qn(tag)) for tag in ("w:rtlGutter", "w:docGrid", "w:printerSettings")
                          if properties.find(qn(tag)) is not None), None)
            (later.addprevious if later is not None else properties.append)(OxmlElement("w:bidi"))
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin = section.bottom_margin = Mm(MARGIN_MM)


def _properties(document, record: ArticleRecord) -> None:
    core = document.core_properties
    core.title = record.title
    core.author = record.author or ""
    core.last_modified_by = record.author or ""
    core.language = record.locale.replace("_", "-")
    core.subject = record.column  # where `midad import` finds them again (File › Info)
    core.category = record.category or ""
    core.keywords = "، ".join(record.tags)
    core.comments = record.excerpt
    core.content_status = record.status
    core.identifier = record.slug
    core.created = utc_naive(record.created_at)
    core.modified = utc_naive(record.updated_at)
    for printed in core._element.findall(qn("cp:lastPrinted")):  # the template's 2013 date
        core._element.remove(printed)
    core.revision = max(1, record.version)
    values = {"slug": record.slug, "excerpt": record.excerpt, "status": record.status, "locale": record.locale}
    if record.published_at:
        values["published"] = record.published_at.isoformat()
    custom_properties(document, {PROPERTY_PREFIX + key: value for key, value in values.items() if value})
    drop_template_traces(document, f"Midad {__version__}")


def _paragraph(document, text: str, style: str | None = None, *, bold: bool = False):
    paragraph = document.add_paragraph(style=style)
    rtl = is_rtl(text)
    set_direction(paragraph, rtl)
    style_run(paragraph.add_run(text), rtl, bold=bold)
    return paragraph


def docx_bytes(record: ArticleRecord, options: ExportOptions = ExportOptions()) -> bytes:
    document = Document()
    arabic_friendly_styles(document, BODY_SIZE_PT * 2, record.locale)
    document.styles["Normal"].font.name = "Noto Naskh Arabic"
    document.styles["Normal"].font.size = Pt(BODY_SIZE_PT)
    _page(document, options.paper(record.locale), record.locale.startswith("ar"))
    _properties(document, record)
    words = (options.templates or ArticleTemplates()).words
    if record.column or record.author:
        _paragraph(document, kicker_text(record, words), "Subtitle", bold=True)
    _paragraph(document, record.title, "Title")
    if byline := byline_text(record, options, words):
        # Its own style, so that `midad import` knows it is not body text.
        document.styles.add_style("Byline", WD_STYLE_TYPE.PARAGRAPH).base_style = document.styles["Normal"]
        _paragraph(document, byline, "Byline")
    if record.featured_asset_id and options.asset_loader:
        image = options.asset_loader(record.featured_asset_id)
        if image is not None and image.mime_type in ("image/png", "image/jpeg", "image/gif"):
            document.add_picture(io.BytesIO(image.data), width=int(document.sections[0].page_width * 0.7))
            if record.featured_caption:
                _paragraph(document, record.featured_caption, "Caption")
    body = BodyWriter(document, options.image_policy(record))
    body.write(render_markdown(record.body))
    body.footnotes.declare_separators()
    prune_unused_styles(document, [body.footnotes.element] if body.footnotes.element is not None else [])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_docx(record: ArticleRecord, output: Path, options: ExportOptions = ExportOptions()) -> Path:
    atomic_write(output, docx_bytes(record, options))
    return output


class DocxExporter(ArticleExporter):
    name = "docx"
    extension = ".docx"
    label = QT_TRANSLATE_NOOP("exporters", "Word (.docx)")
    options = frozenset({PAGE_SIZE})

    def export_article(self, record, output, options):
        return export_docx(record, output, options)
