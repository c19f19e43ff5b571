"""Word documents in: headings, emphasis, lists and links become Markdown.

Direction needs no markup in Markdown: each paragraph's direction follows from its
own text (core.bidi), the same way Word's bidi flag was set for it.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from docx import Document
from docx.opc.exceptions import PackageNotFoundError

from editor_app.core.errors import ImportFailed
from editor_app.core.fields import normalise_tags
from editor_app.core.importers.reading import read_limited
from editor_app.core.records import ArticleDraft

_LIST_STYLES = {"List Bullet": "- ", "List Bullet 2": "  - ", "List Number": "1. ", "List Number 2": "  1. "}


def _runs_markdown(paragraph) -> str:
    parts = []
    for run in paragraph.iter_inner_content():
        text = getattr(run, "text", "")
        if not text:
            continue
        url = getattr(run, "url", None)
        if url:
            parts.append(f"[{text}]({url})")
            continue
        core, stripped = text.strip(), text
        if core and (run.bold or run.italic):
            marker = "***" if run.bold and run.italic else "**" if run.bold else "*"
            leading = stripped[: len(stripped) - len(stripped.lstrip())]
            trailing = stripped[len(stripped.rstrip()):]
            parts.append(f"{leading}{marker}{core}{marker}{trailing}")
        else:
            parts.append(text)
    return "".join(parts).replace("****", "")


MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a news story's .docx unpacks to a few MB
MAX_MEMBERS = 10_000


def _checked_archive(path: Path, data: bytes) -> None:
    """Refuses a zip bomb before python-docx unpacks it: the sizes the archive declares are
    checked, and python-docx only ever reads the members it names."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ImportFailed(path, f"not a Word document ({error})") from None
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
        raise ImportFailed(path, "it unpacks to more than 200 MB; it is not an ordinary Word document")


def read_docx_file(path: Path) -> ArticleDraft:
    data = read_limited(path, MAX_DOCX_BYTES)
    _checked_archive(path, data)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError, IndexError, TypeError,
            etree.LxmlError, NotImplementedError, zlib.error, EOFError) as error:
        raise ImportFailed(path, f"not a readable Word document ({type(error).__name__}: {str(error)[:200]})") from None
    except OSError as error:
        raise ImportFailed(path, error.strerror or str(error)) from None
    try:
        return _draft(document, path)
    except (KeyError, ValueError, AttributeError, IndexError, TypeError, etree.LxmlError, zlib.error, EOFError) as error:
        # A part python-docx reads only when asked (styles, core properties) is malformed.
        raise ImportFailed(path, f"a part of the Word document is damaged ({type(error).__name__}: {str(error)[:200]})") from None


def _draft(document, path: Path) -> ArticleDraft:
    title = (document.core_properties.title or "").strip()
    blocks: list[str] = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        text = _runs_markdown(paragraph).strip()
        if not text:
            continue
        if style == "Title":
            title = title or paragraph.text.strip()
            continue
        if style == "Subtitle" and not blocks:
            continue  # the kicker ("column .. بقلم: author"), kept in the document properties
        if style.startswith("Heading") and style[-1:].isdigit():
            if not title and style == "Heading 1":
                title = paragraph.text.strip()
                continue
            blocks.append("#" * min(6, int(style[-1])) + " " + paragraph.text.strip())
        elif style in _LIST_STYLES:
            blocks.append(_LIST_STYLES[style] + text)
        elif style in ("Quote", "Intense Quote"):
            blocks.append("> " + text)
        else:
            blocks.append(text)
    if title and blocks and blocks[0].strip("*") == title:
        blocks.pop(0)
    body = ""
    for index, block in enumerate(blocks):
        is_item = block.lstrip().startswith(("- ", "1. "))
        previous_item = index > 0 and blocks[index - 1].lstrip().startswith(("- ", "1. "))
        body += ("\n" if is_item and previous_item else "\n\n" if body else "") + block
    properties = document.core_properties
    return ArticleDraft(
        title=title or path.stem,
        body=body + "\n" if body else "",
        author=(properties.author or "").strip() or None,
        column=(properties.subject or "").strip(),
        category=(properties.category or "").strip() or None,
        tags=normalise_tags(properties.keywords or ""),
    )
