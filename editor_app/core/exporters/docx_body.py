"""The article's body in Word: walked from the sanitised HTML the preview shows, so Word
gets the same structure (headings, emphasis, lists, quotes, tables, code, links,
images and real footnotes), each paragraph with its own direction."""

from __future__ import annotations

import base64
import io

from bs4 import BeautifulSoup, NavigableString, Tag
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, RGBColor
from docx.text.paragraph import Paragraph

from editor_app.core.assets import image_mime_type
from editor_app.core.image_sources import ImagePolicy, ImageRefused, is_remote, load_image
from editor_app.core.bidi import Direction, paragraph_direction
from editor_app.core.exporters.docx_ooxml import (
    Footnotes,
    restarted_numbering,
    right_to_left_list_indent,
    right_to_left_table,
    set_direction,
    style_run,
)

HEADING_STYLES = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 4", "h5": "Heading 4", "h6": "Heading 4"}
_WORD_IMAGES = ("image/png", "image/jpeg", "image/gif")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "table", "blockquote", "figure", "div")


def is_rtl(text: str) -> bool:
    return (paragraph_direction(text) or Direction.RTL) is Direction.RTL


def _element_rtl(element: Tag) -> bool:
    """The renderer's own dir (the editor's paragraph rule) when it gave one."""
    direction = element.get("dir")
    if direction in ("rtl", "ltr"):
        return direction == "rtl"
    return is_rtl(element.get_text(" ", strip=True))


def _image_bytes(source: str, policy: ImagePolicy) -> bytes | None:
    """A body image's bytes: raster data: URLs, and files the image policy lets through
    (core.image_sources); remote images stay out (offline)."""
    if source.startswith("data:") and ";base64," in source:
        mime = source[5 : source.index(";")]
        try:
            data = base64.b64decode(source.split(",", 1)[1])
        except ValueError:
            return None
        return data if mime in _WORD_IMAGES and image_mime_type(data) in _WORD_IMAGES else None
    if is_remote(source):
        return None
    image = load_image(source, policy)
    if isinstance(image, ImageRefused):
        policy.refused(image)
        return None
    return image.data if image.mime_type in _WORD_IMAGES else None


class BodyWriter:
    def __init__(self, document, policy: ImagePolicy) -> None:
        self.document = document
        self.policy = policy
        self.footnotes = Footnotes(document)
        self.notes: dict[str, Tag] = {}  # "fn:1" -> the note's <li>

    def write(self, html: str) -> None:
        soup = BeautifulSoup(html, "html.parser")
        for container in soup.find_all("div", class_="footnote"):
            for item in container.find_all("li", id=True):
                self.notes[item["id"]] = item
            container.extract()  # kept alive: the notes are read from it later
        self._blocks(soup, self.document)

    # -- blocks ----------------------------------------------------------------

    def _blocks(self, parent: Tag, container, quote: bool = False) -> None:
        for element in parent.children:
            if isinstance(element, NavigableString):
                if str(element).strip():
                    paragraph = container.add_paragraph(style="Quote" if quote else None)
                    set_direction(paragraph, is_rtl(str(element)))
                    style_run(paragraph.add_run(str(element).strip()), is_rtl(str(element)))
                continue
            if not isinstance(element, Tag):
                continue
            if element.name in ("ul", "ol"):
                self._list(element, container, 1)
            elif element.name == "blockquote":
                self._blocks(element, container, quote=True)
            elif element.name == "table":
                self._table(element, container)
            elif element.name == "pre":
                paragraph = container.add_paragraph()
                set_direction(paragraph, False)
                for number, line in enumerate(element.get_text().rstrip("\n").split("\n")):
                    run = paragraph.add_run(line)
                    if number:
                        run._r.insert(0, OxmlElement("w:br"))
                    style_run(run, False, code=True)
            elif element.name in ("figure", "div"):
                self._blocks(element, container, quote)
            elif element.name == "img":  # a figure's picture: a paragraph of its own
                self._image(container.add_paragraph(), element.get("src", ""), element.get("alt", ""))
            elif element.name == "figcaption":
                paragraph = container.add_paragraph(style="Caption")
                rtl = _element_rtl(element)
                set_direction(paragraph, rtl)
                self._inline(paragraph, element, rtl)
            elif element.name == "hr":
                continue
            else:
                style = HEADING_STYLES.get(element.name) or ("Quote" if quote else None)
                paragraph = container.add_paragraph(style=style)
                rtl = _element_rtl(element)
                set_direction(paragraph, rtl)
                self._inline(paragraph, element, rtl)

    def _list(self, element: Tag, container, level: int) -> None:
        kind = "List Number" if element.name == "ol" else "List Bullet"
        style = kind if level == 1 else f"{kind} {min(level, 3)}"
        restart = restarted_numbering(self.document, style) if element.name == "ol" else None
        for item in element.find_all("li", recursive=False):
            nested = [child for child in item.children if isinstance(child, Tag) and child.name in ("ul", "ol")]
            for child in nested:
                child.extract()
            paragraph = container.add_paragraph(style=style)
            if restart is not None:
                paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = restart
            rtl = _element_rtl(item)
            set_direction(paragraph, rtl)
            if rtl:
                right_to_left_list_indent(paragraph, level)
            self._inline(paragraph, item, rtl)
            for child in nested:
                self._list(child, container, level + 1)

    def _table(self, element: Tag, container) -> None:
        rows = element.find_all("tr")
        if not rows:
            return
        columns = max(len(row.find_all(["td", "th"], recursive=False)) for row in rows)
        table = container.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles["Table Grid"]
        if element.get("dir", "rtl") == "rtl":
            right_to_left_table(table)
        for row_element, row in zip(rows, table.rows):
            if row_element.parent is not None and row_element.parent.name == "thead":
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on each page; read back as <th>
            for cell_element, cell in zip(row_element.find_all(["td", "th"], recursive=False), row.cells):
                paragraph = cell.paragraphs[0]
                rtl = _element_rtl(cell_element)
                set_direction(paragraph, rtl)
                self._inline(paragraph, cell_element, rtl, bold=cell_element.name == "th")

    def _code_style(self):
        styles = self.document.styles
        if "Source Text" not in [style.name for style in styles]:
            styles.add_style("Source Text", WD_STYLE_TYPE.CHARACTER)
        return styles["Source Text"]

    # -- inline ----------------------------------------------------------------

    def _inline(self, paragraph, node: Tag, rtl: bool, bold: bool = False, italic: bool = False, in_note: bool = False) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                text = str(child).replace("\n", " ")
                if text:
                    style_run(paragraph.add_run(text), rtl, bold=bold, italic=italic)
                continue
            if not isinstance(child, Tag):
                continue
            if child.name in ("strong", "b"):
                self._inline(paragraph, child, rtl, True, italic, in_note)
            elif child.name in ("em", "i"):
                self._inline(paragraph, child, rtl, bold, True, in_note)
            elif child.name == "code":
                # "Source Text" is LibreOffice's character style for code: readers map it back.
                style_run(paragraph.add_run(child.get_text(), style=self._code_style()), False, bold=bold, code=True)
            elif child.name == "sup" and child.find("a", class_="footnote-ref"):
                self._footnote(paragraph, child.find("a", class_="footnote-ref"))
            elif child.name == "a" and "footnote-backref" in (child.get("class") or []):
                continue
            elif child.name == "a" and child.get("href") and not in_note and not child["href"].startswith("#"):
                self._hyperlink(paragraph, child["href"], child.get_text(), rtl)
            elif child.name == "br":
                paragraph.add_run().add_break()
            elif child.name == "img":
                if not in_note:
                    self._image(paragraph, child.get("src", ""), child.get("alt", ""))
            elif child.name in _BLOCKS:
                self._inline(paragraph, child, rtl, bold, italic, in_note)  # a <p> inside an <li>
            else:
                self._inline(paragraph, child, rtl, bold, italic, in_note)

    def _footnote(self, paragraph, reference: Tag) -> None:
        note = self.notes.get(reference.get("href", "").lstrip("#"))
        if note is None:
            style_run(paragraph.add_run(reference.get_text()), False)
            return
        footnote, number = self.footnotes.add()
        Footnotes.reference(paragraph.add_run(), number)
        blocks = note.find_all("p", recursive=False) or [note]
        for index, block in enumerate(blocks):
            element = OxmlElement("w:p")
            footnote.append(element)
            note_paragraph = Paragraph(element, paragraph._parent)
            rtl = _element_rtl(block)
            set_direction(note_paragraph, rtl)
            if index == 0:
                Footnotes.own_mark(note_paragraph.add_run())
                note_paragraph.add_run(" ")
            self._inline(note_paragraph, block, rtl, in_note=True)

    def _hyperlink(self, paragraph, url: str, text: str, rtl: bool) -> None:
        relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = paragraph.add_run(text)
        run.font.color.rgb = RGBColor(0x1A, 0x5F, 0xB4)
        run.underline = True
        style_run(run, rtl)
        link.append(run._r)
        paragraph._p.append(link)

    def _image(self, paragraph, source: str, alt: str) -> None:
        data = _image_bytes(source, self.policy)
        if data is not None:
            picture = paragraph.add_run().add_picture(io.BytesIO(data), width=Inches(4.5))
            if alt:  # the alternative text Word shows, and readers (screen readers, import) take back
                picture._inline.docPr.set("descr", alt)
