"""The few OOXML pieces python-docx has no API for, written by hand (each says why).

- Direction: a right-to-left paragraph is `<w:bidi/>` with *no* `w:jc`. In a bidi
  paragraph Word and LibreOffice read `left`/`right` as start/end (LibreOffice writes
  its own right-aligned Arabic paragraph as `<w:bidi w:val="1"/><w:jc w:val="left"/>`),
  so leaving `jc` out gives start alignment: right for Arabic, left for English, in
  every reader. Each Arabic run also carries `<w:rtl/>` and complex-script sizes.
- Footnotes: python-docx cannot write them; the footnotes part is built here.
- Styles: the default template's Title/Subtitle letter-space and slant their text,
  which breaks Arabic joining and fakes an italic Arabic has no face for.
"""

from __future__ import annotations

from datetime import datetime

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

ARABIC_FONT = "Noto Naskh Arabic"
CODE_FONT = "DejaVu Sans Mono"
# Styles whose template italics or letter spacing would deform Arabic.
_PLAIN_STYLES = ("Title", "Subtitle", "Quote", "Intense Quote", "Caption")
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def set_direction(paragraph, rtl: bool) -> None:
    properties = paragraph._p.get_or_add_pPr()
    for old in properties.findall(qn("w:bidi")) + properties.findall(qn("w:jc")):
        properties.remove(old)
    bidi = OxmlElement("w:bidi")
    bidi.set(qn("w:val"), "1" if rtl else "0")
    # pPr children have a schema order; bidi sits before spacing/ind/jc and the rest.
    anchor = next((properties.find(qn(tag)) for tag in ("w:spacing", "w:ind", "w:jc", "w:rPr") if properties.find(qn(tag)) is not None), None)
    if anchor is not None:
        anchor.addprevious(bidi)
    else:
        properties.append(bidi)


def style_run(run, rtl: bool, *, bold: bool = False, italic: bool = False, code: bool = False) -> None:
    properties = run._r.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    if code:
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), CODE_FONT)
    else:
        fonts.set(qn("w:cs"), ARABIC_FONT)
    if bold:
        run.bold = True
        properties.append(OxmlElement("w:bCs"))
    if italic:
        run.italic = True
        properties.append(OxmlElement("w:iCs"))
    if rtl and not code:
        properties.append(OxmlElement("w:rtl"))
    _reorder_run_properties(properties)


# The schema order of the rPr children Midad writes (Word refuses a file out of order).
_RUN_ORDER = [qn(tag) for tag in ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:spacing",
                                  "w:sz", "w:szCs", "w:u", "w:vertAlign", "w:rtl", "w:lang")]


def _reorder_run_properties(properties) -> None:
    children = list(properties)
    children.sort(key=lambda child: _RUN_ORDER.index(child.tag) if child.tag in _RUN_ORDER else len(_RUN_ORDER))
    for child in children:
        properties.append(child)


def superscript(run) -> None:
    properties = run._r.get_or_add_rPr()
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    _reorder_run_properties(properties)


def arabic_friendly_styles(document, size_half_points: int, locale: str = "ar") -> None:
    """Complex-script size equal to the Latin size everywhere, no letter spacing, no style
    italics, and the article's language for complex scripts (Word's Arabic proofing)."""
    normal = document.styles["Normal"].element.get_or_add_rPr()
    normal.get_or_add_rFonts().set(qn("w:cs"), ARABIC_FONT)
    if locale.startswith("ar"):
        language = normal.find(qn("w:lang"))
        if language is None:
            language = OxmlElement("w:lang")
            normal.append(language)
        language.set(qn("w:bidi"), locale.replace("_", "-") if "_" in locale else "ar-SA")
    for tag in ("w:sz", "w:szCs"):
        element = normal.find(qn(tag))
        if element is None:  # (an lxml element with no children is falsy: no `or` here)
            element = OxmlElement(tag)
            normal.append(element)
        element.set(qn("w:val"), str(size_half_points))
    _reorder_run_properties(normal)
    for style in document.styles.element.findall(qn("w:style")):
        properties = style.find(qn("w:rPr"))
        if properties is None:
            continue
        for spacing in properties.findall(qn("w:spacing")):
            properties.remove(spacing)
        name = style.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) in _PLAIN_STYLES:
            for tag in ("w:i", "w:iCs"):
                for element in properties.findall(qn(tag)):
                    properties.remove(element)
        fonts = properties.find(qn("w:rFonts"))
        if fonts is not None and fonts.get(qn("w:cstheme")):
            del fonts.attrib[qn("w:cstheme")]
            fonts.set(qn("w:cs"), ARABIC_FONT)
        size = properties.find(qn("w:sz"))
        if size is not None and properties.find(qn("w:szCs")) is None:
            complex_size = OxmlElement("w:szCs")
            complex_size.set(qn("w:val"), size.get(qn("w:val")))
            size.addnext(complex_size)


class Footnotes:
    """The footnotes part, created on the first footnote (a document without one has none)."""

    def __init__(self, document) -> None:
        self.document = document
        self.element = None
        self.count = 0

    def add(self):
        """A new footnote's first paragraph element (its reference mark already in place)
        and the footnote's id, for the body's `w:footnoteReference`."""
        if self.element is None:
            self.element = parse_xml(
                f'<w:footnotes {nsdecls("w")}>'
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                "</w:footnotes>"
            )
            part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, self.element,
                           self.document.part.package)
            self.document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        self.count += 1
        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), str(self.count))
        self.element.append(footnote)
        return footnote, self.count

    def declare_separators(self) -> None:
        """settings.xml names the separator notes, as Word itself writes it (Word is strict
        about footnotes; LibreOffice is not). Schema order: before endnotePr, compat and the rest."""
        if self.element is None:
            return
        settings = self.document.settings.element
        properties = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        following = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids", "w:attachedSchema", "w:themeFontLang",
                     "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
                     "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType", "w:schemaLibrary",
                     "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
        later = {qn(tag) for tag in following}
        anchor = next((child for child in settings if child.tag in later), None)
        if anchor is not None:
            anchor.addprevious(properties)
        else:
            settings.append(properties)

    @staticmethod
    def reference(run, footnote_id: int) -> None:
        """Turns an empty run into the superscript mark that points at a footnote."""
        superscript(run)
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), str(footnote_id))
        run._r.append(mark)

    @staticmethod
    def own_mark(run) -> None:
        superscript(run)
        run._r.append(OxmlElement("w:footnoteRef"))


def restarted_numbering(document, style_name: str) -> int | None:
    """A numbering instance for one numbered list that starts again at 1: the style's own
    instance is shared by every list of the document, which Word and LibreOffice number
    on from the previous list (1, 2, then 3, 4 for the next one)."""
    properties = document.styles[style_name].element.pPr
    shared = properties.numPr.numId.val if properties is not None and properties.numPr is not None else None
    if shared is None:
        return None
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(shared).abstractNumId.val
    instance = numbering.add_num(abstract)
    instance.add_lvlOverride(ilvl=0).add_startOverride(1)
    return instance.numId


def right_to_left_list_indent(paragraph, level: int) -> None:
    """A right-to-left list item indented from the right, its number inside the page.
    The template's numbering indents with `w:left`, which LibreOffice takes physically in a
    bidi paragraph: the number then hangs into the right margin. `w:start` is the logical
    edge for both Word and LibreOffice."""
    properties = paragraph._p.get_or_add_pPr()
    indent = OxmlElement("w:ind")
    indent.set(qn("w:start"), str(360 * (level + 1)))
    indent.set(qn("w:hanging"), "360")
    later = next((properties.find(qn(tag)) for tag in ("w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
                                                        "w:jc", "w:textDirection", "w:textAlignment", "w:outlineLvl",
                                                        "w:rPr") if properties.find(qn(tag)) is not None), None)
    if later is not None:
        later.addprevious(indent)
    else:
        properties.append(indent)


def right_to_left_table(table) -> None:
    """Columns run from the right, as the HTML table's dir="rtl" shows them."""
    properties = table._tbl.tblPr
    visual = OxmlElement("w:bidiVisual")
    style = properties.find(qn("w:tblStyle"))
    if style is not None:
        style.addnext(visual)
    else:
        properties.insert(0, visual)


def prune_unused_styles(document, extra_roots=()) -> None:
    """Keep only the styles the document uses (and those they are based on or linked to).
    python-docx's template defines 166 (350 KB of styles.xml): readers parse them all, which
    made reading one article back take a second; Word and LibreOffice add styles as needed."""
    styles = document.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    roots = [document.element, *extra_roots]
    wanted = {element.get(qn("w:val")) for root in roots
              for tag in ("w:pStyle", "w:rStyle", "w:tblStyle") for element in root.iter(qn(tag))}
    wanted |= {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) in ("1", "true")}
    pending = list(wanted)
    while pending:
        style = by_id.get(pending.pop())
        for tag in ("w:basedOn", "w:link", "w:next"):
            reference = style.find(qn(tag)) if style is not None else None
            if reference is not None and reference.get(qn("w:val")) not in wanted:
                wanted.add(reference.get(qn("w:val")))
                pending.append(reference.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in wanted:
            styles.remove(style)
    for relation_id, relation in list(document.part.rels.items()):
        if relation.reltype == _STYLES_WITH_EFFECTS:  # Word 2010's copy of all 166 (438 KB); unrelated parts are not written
            del document.part.rels[relation_id]


def custom_properties(document, values: dict[str, str]) -> None:
    """Midad's own fields (slug, status, locale, date…) as Word custom document properties
    (File › Properties › Custom), so that `midad import` of our own file loses nothing."""
    format_id = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
    items = "".join(
        f'<property fmtid="{format_id}" pid="{pid}" name="{_xml_attr(name)}"><vt:lpwstr>{_xml_text(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    element = parse_xml(
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{items}</Properties>'
    )
    package = document.part.package
    part = XmlPart(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, element, package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(value: str) -> str:
    return _xml_text(value).replace('"', "&quot;")


def drop_template_traces(document, application: str) -> None:
    """python-docx's template carries a thumbnail of its own sample page and says it was
    written by "Microsoft Macintosh Word": neither is true of our file."""
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]
        elif relation.reltype == RELATIONSHIP_TYPE.EXTENDED_PROPERTIES and not relation.is_external:
            relation.target_part._blob = (
                "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                f"<Application>{_xml_text(application)}</Application></Properties>"
            ).encode("utf-8")


def utc_naive(moment: datetime) -> datetime:
    """python-docx writes core times as given with a 'Z': give it UTC."""
    from datetime import timezone

    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment
