"""Plain text: the first non-empty line is the title, the rest is the body."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.importers.reading import read_utf8
from editor_app.core.records import ArticleDraft


def read_text_file(path: Path) -> ArticleDraft:
    lines = read_utf8(path).split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            body = "\n".join(lines[index + 1 :]).strip("\n")
            return ArticleDraft(title=line.strip(), body=body + "\n" if body else "")
    return ArticleDraft(title=path.stem)
