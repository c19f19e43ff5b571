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
from pathlib import Path
from xml.etree import ElementTree

from editor_app.core.assets import MAX_IMAGE_BYTES, ImageFile, image_mime_type
from editor_app.core.errors import ImportFailed, InvalidField
from editor_app.core.fields import normalise_datetime, normalise_locale, normalise_status, normalise_tags
from editor_app.core.importers.reading import MAX_IMPORT_BYTES
from editor_app.core.records import ArticleDraft

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CORE_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MIDAD_PREFIX = "midad:"
IMAGE_SOURCE = "midad-imported-image:"
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


def _prepared(path: Path) -> tuple[bytes, dict[str, str], dict[str, str]]:
    """The document with its emphasis completed, its core and its Midad properties."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportFailed(path, "the file is larger than 50 MB")
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise ImportFailed(path, "not a Word document (no word/document.xml inside)")
            output = io.BytesIO()
            with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as copy:
                for item in archive.infolist():
                    data = archive.read(item)
                    if item.filename in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
                        data = _complex_script_emphasis(data)
                    copy.writestr(item.filename, data)  # a fresh header: LibreOffice's flags do not carry over
            core = _core_properties(archive.read("docProps/core.xml")) if "docProps/core.xml" in names else {}
            custom = _custom_properties(archive.read("docProps/custom.xml")) if "docProps/custom.xml" in names else {}
    except zipfile.BadZipFile as error:
        raise ImportFailed(path, f"not a Word document ({error})") from None
    except FileNotFoundError:
        raise ImportFailed(path, "no such file") from None
    except OSError as error:
        raise ImportFailed(path, error.strerror or str(error)) from None
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
        return {"src": f"{IMAGE_SOURCE}{len(images)}", "alt": image.alt_text or ""}

    try:
        result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP,
                                         convert_image=mammoth.images.img_element(keep_image))
    except (KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError) as error:
        raise ImportFailed(path, f"not a Word document ({error})") from None
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
        raise ImportFailed(path, str(error)) from None
