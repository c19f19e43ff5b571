"""Plain text: the title is the first line that reads like one, the rest is the body.

Text saved from a web page starts with the site's chrome ("-", "°C", "+ تابعنا", a
breadcrumb ending with the headline): such lines are not a title. A line that a
breadcrumb just before it ends with is the headline; otherwise the first line made
mostly of letters is.
"""

from __future__ import annotations

from pathlib import Path

from editor_app.core.importers.reading import read_utf8
from editor_app.core.records import ArticleDraft

_LOOK_AHEAD = 15  # page chrome above a headline is a handful of lines
_MIN_LETTERS = 2


def _reads_like_a_title(line: str) -> bool:
    visible = [character for character in line if not character.isspace()]
    letters = sum(character.isalpha() for character in visible)
    return letters >= _MIN_LETTERS and letters * 5 >= len(visible) * 3  # mostly letters


def _title_index(lines: list[str]) -> int | None:
    filled = [index for index, line in enumerate(lines) if line.strip()][:_LOOK_AHEAD]
    for previous, index in zip(filled, filled[1:]):
        line, before = lines[index].strip(), lines[previous].strip()
        if _reads_like_a_title(line) and len(before) > len(line) and before.endswith(line):
            return index  # "الرئيسية أمن وعدالة <headline>" then "<headline>"
    for index in filled:
        if _reads_like_a_title(lines[index]):
            return index
    return filled[0] if filled else None


def read_text_file(path: Path) -> ArticleDraft:
    lines = read_utf8(path).split("\n")
    index = _title_index(lines)
    if index is None:
        return ArticleDraft(title=path.stem)
    body = "\n".join(lines[index + 1 :]).strip("\n")
    return ArticleDraft(title=lines[index].strip(), body=body + "\n" if body else "")
