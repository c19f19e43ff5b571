"""Word documents in: headings, emphasis, lists and links become Markdown.

Direction needs no markup in Markdown: each paragraph's direction follows from its
own text (core.bidi), the same way Word's bidi flag was set for it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError

from editor_app.core.errors import ImportFailed
from editor_app.core.fields import normalise_tags
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


def read_docx_file(path: Path) -> ArticleDraft:
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportFailed(path, f"not a Word document ({error})") from None
    except OSError as error:
        raise ImportFailed(path, error.strerror or str(error)) from None
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
