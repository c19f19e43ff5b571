"""Turn files into article drafts. One module per format; this registry picks by suffix."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from editor_app.core.errors import QT_TRANSLATE_NOOP, ImportFailed, Text
from editor_app.core.importers.docx_file import read_docx_file
from editor_app.core.importers.markdown_file import read_markdown_file
from editor_app.core.importers.text_file import read_text_file
from editor_app.core.records import ArticleDraft

Reader = Callable[[Path], ArticleDraft]

READERS: dict[str, Reader] = {
    ".md": read_markdown_file,
    ".markdown": read_markdown_file,
    ".txt": read_text_file,
    ".docx": read_docx_file,
}


def read_article_file(path: Path) -> ArticleDraft:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(READERS))
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "unsupported file type (supported: {supported})"), supported=supported))
    return reader(path)


def read_article_files(paths: Iterable[Path]) -> list[ArticleDraft]:
    """Read every file first, so that one bad file stops the import before anything is stored."""
    return [read_article_file(Path(path)) for path in paths]
