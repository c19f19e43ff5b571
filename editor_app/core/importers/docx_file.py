"""Word documents in, through mammoth (docx → HTML) and markdownify (HTML → Markdown).

Why mammoth rather than walking OOXML by hand (as Midad did) or pandoc: the hand
walker lost lists (Word numbering), tables, images, quotes and footnotes; mammoth
knows numbering, tables, images, footnotes and style mapping, is pure Python
(about 0.7 MB installed, ~80 ms to import, loaded only when a .docx is read) and
works on every platform Midad ships to, while pypandoc-binary adds a ~100 MB pandoc
binary per platform. Two gaps are filled here:
- Arabic bold and italic: LibreOffice and Word mark them on right-to-left runs with
  the complex-script flags only (`w:bCs`, `w:iCs`), which mammoth does not read; the
  document is given `w:b`/`w:i` beside them before mammoth sees it.
- Midad's own fields (slug, excerpt, status, locale, date) come back from the custom
  document properties the Word export writes (docx_ooxml.custom_properties).

Direction needs no markup in Markdown: each paragraph's direction follows from its
own text (core.bidi), the same way Word's bidi flag was set for it.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers.expat import ExpatError

from editor_app.core.assets import MAX_IMAGE_BYTES, ImageFile, image_mime_type
from editor_app.core.errors import QT_TRANSLATE_NOOP, ImportFailed, InvalidField, Text
from editor_app.core.fields import normalise_datetime, normalise_locale, normalise_status, normalise_tags
from editor_app.core.importers.reading import read_limited
from editor_app.core.records import IMPORTED_IMAGE_SOURCE, ArticleDraft

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CORE_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MIDAD_PREFIX = "midad:"
# Word's, LibreOffice's and Midad's own style names → the structure they stand for.
STYLE_MAP = """
p[style-name='Title'] => h1.midad-title:fresh
p[style-name='Subtitle'] => !
p[style-name='Byline'] => !
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Quotations'] => blockquote > p:fresh
p[style-name='Block Text'] => blockquote > p:fresh
p[style-name='Preformatted Text'] => pre:separator('\\n')
r[style-name='Source Text'] => code
r[style-name='Verbatim Char'] => code
"""
_SUFFIXES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp"}


def _complex_script_emphasis(xml: bytes) -> bytes:
    """`w:b`/`w:i` beside every `w:bCs`/`w:iCs` that has none (see the module's note)."""
    for flag, latin in ((b"bCs", b"b"), (b"iCs", b"i")):
        def add(match: re.Match) -> bytes:
            properties = match.group(0)
            if re.search(rb"<w:" + latin + rb"(?:\s[^>]*)?/>", properties):
                return properties
            return properties.replace(b"<w:" + flag, b"<w:" + latin + b"/><w:" + flag, 1)

        xml = re.sub(rb"<w:rPr>(?:(?!</w:rPr>).)*?<w:" + flag + rb"(?:\s+w:val=\"(?:1|true|on)\")?\s*/>.*?</w:rPr>",
                     add, xml, flags=re.S)
    return xml


MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a news story's .docx unpacks to a few MB
MAX_MEMBERS = 10_000


def _prepared(path: Path) -> tuple[bytes, dict[str, str], dict[str, str]]:
    """The document with its emphasis completed, its core and its Midad properties.
    A zip bomb is refused from the sizes the archive declares, before anything is unpacked,
    and each member is read with a bound, whatever its header claims."""
    data = read_limited(path, MAX_DOCX_BYTES)  # a regular file only, never /dev/zero or a FIFO
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "it unpacks to more than 200 MB; it is not an ordinary Word document")))
            names = {member.filename for member in members}
            if "word/document.xml" not in names:
                raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "not a Word document (no word/document.xml inside)")))
            output = io.BytesIO()
            with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
                for item in members:
                    with archive.open(item) as member:
                        content = member.read(MAX_UNPACKED_BYTES + 1)
                    if len(content) > MAX_UNPACKED_BYTES:
                        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "it unpacks to more than 200 MB; it is not an ordinary Word document")))
                    if item.filename in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
                        content = _complex_script_emphasis(content)
                    copy.writestr(item.filename, content)  # a fresh header: LibreOffice's flags do not carry over
            core = _core_properties(archive.read("docProps/core.xml")) if "docProps/core.xml" in names else {}
            custom = _custom_properties(archive.read("docProps/custom.xml")) if "docProps/custom.xml" in names else {}
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as error:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "not a Word document ({detail})"),
                                       detail=f"{type(error).__name__}: {str(error)[:200]}")) from None
    return output.getvalue(), core, custom


def _core_properties(xml: bytes) -> dict[str, str]:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return {}
    values = {}
    for key, tag in (("title", "dc:title"), ("author", "dc:creator"), ("subject", "dc:subject"),
                     ("category", "cp:category"), ("keywords", "cp:keywords"), ("description", "dc:description")):
        element = root.find(tag, _CORE_NAMESPACES)
        if element is not None and element.text:
            values[key] = element.text.strip()
    return values


def _custom_properties(xml: bytes) -> dict[str, str]:
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return {}
    values = {}
    for prop in root.iter(f"{_CUSTOM}property"):
        name = prop.get("name", "")
        if name.startswith(MIDAD_PREFIX) and len(prop):
            values[name[len(MIDAD_PREFIX):]] = (prop[0].text or "").strip()
    return values


def read_docx_file(path: Path) -> ArticleDraft:
    import mammoth  # loaded only here: start-up never pays for it

    data, core, custom = _prepared(path)
    images: list[ImageFile] = []

    def keep_image(image) -> dict[str, str]:
        with image.open() as stream:
            content = stream.read(MAX_IMAGE_BYTES + 1)
        mime = image_mime_type(content)
        if mime is None or len(content) > MAX_IMAGE_BYTES:
            return {"src": "", "alt": image.alt_text or ""}
        images.append(ImageFile(f"{path.stem}-{len(images) + 1}{_SUFFIXES[mime]}", mime, content))
        return {"src": f"{IMPORTED_IMAGE_SOURCE}{len(images)}", "alt": image.alt_text or ""}

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP,
                                         convert_image=mammoth.images.img_element(keep_image))
    except (KeyError, ValueError, AttributeError, IndexError, TypeError, zipfile.BadZipFile, zlib.error, EOFError,
            ElementTree.ParseError, ExpatError) as error:
        # A part mammoth reads (styles, numbering, relationships) is malformed.
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "a part of the Word document is damaged ({detail})"),
                                    detail=f"{type(error).__name__}: {str(error)[:200]}")) from None
    from editor_app.core.importers.docx_markdown import html_to_markdown

    title, body = html_to_markdown(result.value, core.get("title", ""))
    try:
        return ArticleDraft(
            title=title or path.stem,
            body=body,
            author=core.get("author") or None,
            column=core.get("subject", ""),
            category=core.get("category") or None,
            tags=normalise_tags(core.get("keywords", "")),
            slug=custom.get("slug", ""),
            excerpt=custom.get("excerpt", "") or core.get("description", ""),
            status=normalise_status(custom.get("status") or "draft"),
            locale=normalise_locale(custom.get("locale") or "ar"),
            published_at=normalise_datetime(custom.get("published")),
            images=tuple(images),
        )
    except InvalidField as error:
        raise ImportFailed(path, error.text) from None
