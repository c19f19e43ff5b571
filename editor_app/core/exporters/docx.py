"""Word documents with python-docx: right-to-left paragraphs and runs marked as such.

Word needs to be told three things for Arabic: the paragraph is bidi (w:bidi), each
run is right-to-left (w:rtl), and which font serves complex scripts (w:cs). The
body is walked from the sanitised HTML the preview shows, so Word gets the same
structure: headings, bold and italic, lists, quotes, links, images.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup, NavigableString, Tag
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from editor_app.core.assets import image_mime_type, with_asset_urls
from editor_app.core.bidi import Direction, paragraph_direction
from editor_app.core.exporters.standalone_html import ExportOptions
from editor_app.core.files import atomic_write
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown

ARABIC_FONT = "Noto Naskh Arabic"
HEADING_STYLES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 4", "h5": "Heading 4", "h6": "Heading 4"}


def _set_bidi(paragraph, rtl: bool) -> None:
    properties = paragraph._p.get_or_add_pPr()
    bidi = properties.find(qn("w:bidi"))
    if rtl and bidi is None:
        properties.append(OxmlElement("w:bidi"))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if rtl else WD_ALIGN_PARAGRAPH.LEFT


def _style_run(run, rtl: bool, bold: bool = False, italic: bool = False) -> None:
    properties = run._r.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    if rtl:
        properties.append(OxmlElement("w:rtl"))
    if bold:
        run.bold = True
        properties.append(OxmlElement("w:bCs"))
    if italic:
        run.italic = True
        properties.append(OxmlElement("w:iCs"))


def _is_rtl(text: str) -> bool:
    return (paragraph_direction(text) or Direction.RTL) is Direction.RTL


def _add_hyperlink(paragraph, url: str, text: str, rtl: bool) -> None:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text)
    run.font.color.rgb = RGBColor(0x1A, 0x5F, 0xB4)
    run.underline = True
    _style_run(run, rtl)
    link.append(run._r)
    paragraph._p.append(link)


def _inline(paragraph, node, rtl: bool, folder: Path | None, bold: bool = False, italic: bool = False) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            text = str(child).replace("\n", " ")
            if text:
                _style_run(paragraph.add_run(text), rtl, bold, italic)
        elif isinstance(child, Tag):
            if child.name in ("strong", "b"):
                _inline(paragraph, child, rtl, folder, True, italic)
            elif child.name in ("em", "i"):
                _inline(paragraph, child, rtl, folder, bold, True)
            elif child.name == "a" and child.get("href"):
                _add_hyperlink(paragraph, child["href"], child.get_text(), rtl)
            elif child.name == "br":
                paragraph.add_run().add_break()
            elif child.name == "img":
                _add_image(paragraph, child.get("src", ""), folder)
            else:
                _inline(paragraph, child, rtl, folder, bold, italic)


_WORD_IMAGES = ("image/png", "image/jpeg", "image/gif")


def _image_bytes(source: str, folder: Path | None) -> bytes | None:
    """A body image's bytes: data: URLs and local files; remote images stay out (offline)."""
    if source.startswith("data:") and ";base64," in source:
        mime = source[5 : source.index(";")]
        return base64.b64decode(source.split(",", 1)[1]) if mime in _WORD_IMAGES else None
    path = Path(unquote(urlparse(source).path))
    if urlparse(source).scheme not in ("", "file"):
        return None
    if not path.is_absolute() and folder is not None:
        path = folder / path
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if image_mime_type(data) in _WORD_IMAGES else None


def _stored_image_url(options: ExportOptions, asset_id: int) -> str:
    image = options.asset_loader(asset_id) if options.asset_loader else None
    return f"data:{image.mime_type};base64,{base64.b64encode(image.data).decode('ascii')}" if image else ""


def _add_image(paragraph, source: str, folder: Path | None) -> None:
    data = _image_bytes(source, folder)
    if data is not None:
        paragraph.add_run().add_picture(io.BytesIO(data), width=Inches(4.5))


def _block(document, element: Tag, folder: Path | None, list_style: str | None = None) -> None:
    text = element.get_text(" ", strip=True)
    rtl = _is_rtl(text)
    if element.name in HEADING_STYLES:
        paragraph = document.add_paragraph(style=HEADING_STYLES[element.name])
    elif element.name == "li":
        paragraph = document.add_paragraph(style=list_style or "List Bullet")
    elif element.name == "pre":
        paragraph = document.add_paragraph()
        run = paragraph.add_run(element.get_text())
        run.font.name = "DejaVu Sans Mono"
        _set_bidi(paragraph, False)
        return
    else:
        paragraph = document.add_paragraph(style="Quote" if element.name == "blockquote" else None)
    _set_bidi(paragraph, rtl)
    _inline(paragraph, element, rtl, folder)


def _body(document, html: str, folder: Path | None) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(recursive=False):
        if element.name in ("ul", "ol"):
            style = "List Number" if element.name == "ol" else "List Bullet"
            for item in element.find_all("li", recursive=False):
                _block(document, item, folder, style)
        elif element.name == "blockquote":
            for inner in element.find_all(["p", "h1", "h2", "h3"], recursive=False) or [element]:
                inner.name = "blockquote" if inner.name == "p" else inner.name
                _block(document, inner, folder)
        elif element.name == "table":
            continue  # tables are rare in news copy; left for the HTML export
        elif isinstance(element, Tag):
            _block(document, element, folder)


def docx_bytes(record: ArticleRecord, options: ExportOptions = ExportOptions()) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = ARABIC_FONT
    style.font.size = Pt(13)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), ARABIC_FONT)
    document.core_properties.title = record.title
    document.core_properties.author = record.author or ""
    document.core_properties.language = record.locale.replace("_", "-")
    # Where `midad import` finds them again (Word shows them under File › Info).
    document.core_properties.subject = record.column
    document.core_properties.category = record.category or ""
    document.core_properties.keywords = "، ".join(record.tags)
    if record.column or record.author:
        kicker = document.add_paragraph(style="Subtitle")
        _set_bidi(kicker, True)
        _style_run(kicker.add_run(" .. ".join(p for p in (record.column, f"بقلم: {record.author}" if record.author else "") if p)), True, bold=True)
    title = document.add_paragraph(style="Title")
    _set_bidi(title, _is_rtl(record.title))
    _style_run(title.add_run(record.title), _is_rtl(record.title))
    if record.featured_asset_id and options.asset_loader:
        image = options.asset_loader(record.featured_asset_id)
        if image is not None and image.mime_type in ("image/png", "image/jpeg", "image/gif"):
            document.add_picture(io.BytesIO(image.data), width=document.sections[0].page_width * 0.7)
            if record.featured_caption:
                caption = document.add_paragraph(style="Caption")
                _set_bidi(caption, _is_rtl(record.featured_caption))
                _style_run(caption.add_run(record.featured_caption), _is_rtl(record.featured_caption))
    # Images stored with the article (`asset:ID`) travel as data: URLs, which _image_bytes reads.
    _body(document, with_asset_urls(render_markdown(record.body), lambda asset_id: _stored_image_url(options, asset_id)),
          options.source_folder)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_docx(record: ArticleRecord, output: Path, options: ExportOptions = ExportOptions(), **_ignored) -> Path:
    atomic_write(output, docx_bytes(record, options))
    return output
