"""Markdown formatting as pure text edits: wrap/unwrap emphasis, headings, quotes, lists, links.

Each operation takes the text and the selection (logical positions, so right-to-
left text needs nothing special) and returns one Edit; the editor applies it as a
single undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    start: int  # replace text[start:end] ...
    end: int
    replacement: str  # ... with this
    selection: tuple[int, int]  # and select this range of the new text

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]


BOLD = "**"
ITALIC = "*"
CODE = "`"
_WORD_CHARACTER = re.compile(r"[\w\u064B-\u065F\u0670\u0640]")


def _word_at(text: str, position: int) -> tuple[int, int]:
    start = end = position
    while start > 0 and _WORD_CHARACTER.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHARACTER.match(text[end]):
        end += 1
    return start, end


def toggle_inline(text: str, start: int, end: int, marker: str) -> Edit:
    """Wrap the selection (or the word at the cursor) in marker, or unwrap it if wrapped."""
    if start == end:
        start, end = _word_at(text, start)
        if start == end:
            return Edit(start, end, marker * 2, (start + len(marker), start + len(marker)))
    # Emphasis cannot start or end with a space: keep spaces outside the markers.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end]
    size = len(marker)
    if _wrapped(inner, marker):
        unwrapped = inner[size:-size]
        return Edit(start, end, unwrapped, (start, start + len(unwrapped)))
    if text[max(0, start - size) : start] == marker and text[end : end + size] == marker and _marker_alone(text, start - size, end + size, marker):
        return Edit(start - size, end + size, inner, (start - size, start - size + len(inner)))
    return Edit(start, end, f"{marker}{inner}{marker}", (start + size, end + size))


def _wrapped(inner: str, marker: str) -> bool:
    size = len(marker)
    if len(inner) < 2 * size or not (inner.startswith(marker) and inner.endswith(marker)):
        return False
    # "*x*" is not "**"-wrapped, and "**x**" is not merely "*"-wrapped.
    return marker != ITALIC or not (inner.startswith(BOLD) and inner.endswith(BOLD)) or inner.startswith("***")


def _marker_alone(text: str, start: int, end: int, marker: str) -> bool:
    """The markers just outside the selection are exactly `marker`, not part of a longer run."""
    character = marker[0]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before != character and after != character


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    if end > start and end > line_start and text[end - 1] == "\n":
        end -= 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+")
_NUMBER = re.compile(r"^ {0,3}\d+[.)][ \t]+")


def set_heading(text: str, start: int, end: int, level: int) -> Edit:
    """Make the line(s) a heading of this level; the same level again removes it."""
    line_start, line_end = _line_bounds(text, start, end)
    lines = text[line_start:line_end].split("\n")
    marker = "#" * level + " "
    all_at_level = all(line.lstrip().startswith(marker) for line in lines if line.strip())
    changed = [
        _HEADING.sub("", line) if all_at_level else marker + _HEADING.sub("", line) if line.strip() else line
        for line in lines
    ]
    return _line_edit(line_start, line_end, changed)


def _toggle_prefix(text: str, start: int, end: int, pattern: re.Pattern[str], make_prefix) -> Edit:
    line_start, line_end = _line_bounds(text, start, end)
    lines = text[line_start:line_end].split("\n")
    content_lines = [line for line in lines if line.strip()]
    remove = bool(content_lines) and all(pattern.match(line) for line in content_lines)
    changed = []
    number = 0
    for line in lines:
        if not line.strip():
            changed.append(line)
        elif remove:
            changed.append(pattern.sub("", line, count=1))
        else:
            number += 1
            changed.append(make_prefix(number) + _strip_block_prefixes(line))
    return _line_edit(line_start, line_end, changed)


def _strip_block_prefixes(line: str) -> str:
    for pattern in (_BULLET, _NUMBER, _QUOTE):
        line = pattern.sub("", line, count=1)
    return line


def toggle_quote(text: str, start: int, end: int) -> Edit:
    return _toggle_prefix(text, start, end, _QUOTE, lambda _number: "> ")


def toggle_bullets(text: str, start: int, end: int) -> Edit:
    return _toggle_prefix(text, start, end, _BULLET, lambda _number: "- ")


def toggle_numbering(text: str, start: int, end: int) -> Edit:
    return _toggle_prefix(text, start, end, _NUMBER, lambda number: f"{number}. ")


def _line_edit(line_start: int, line_end: int, lines: list[str]) -> Edit:
    replacement = "\n".join(lines)
    return Edit(line_start, line_end, replacement, (line_start + len(replacement), line_start + len(replacement)))


def insert_link(text: str, start: int, end: int, url: str) -> Edit:
    """[selection](url); with no selection, the URL is also the visible text."""
    label = text[start:end].strip() or url
    replacement = f"[{label}]({url})"
    return Edit(start, end, replacement, (start + 1, start + 1 + len(label)))


def insert_image(text: str, start: int, end: int, source: str, alt: str = "") -> Edit:
    alt_text = alt or text[start:end].strip()
    replacement = f"![{alt_text}]({source})"
    return Edit(start, end, replacement, (start + 2, start + 2 + len(alt_text)))


def image_paragraph(text: str, start: int, end: int, source: str, alt: str = "", caption: str = "") -> Edit:
    """An image as its own paragraph (`![alt](source "caption")`, blank lines around it):
    inside a line Markdown would make it part of the sentence. The selection, if any, is
    replaced; a paragraph split at the cursor keeps both halves."""
    alt_text = " ".join((alt or text[start:end]).split()).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    # A caption is the image's title; straight quotes would end it, so they become curly ones.
    title = " ".join(caption.split()).replace('"', "”")
    markup = f"![{alt_text}]({source}" + (f' "{title}"' if title else "") + ")"
    while start > 0 and text[start - 1] in " \t":  # no stray space left at the ends of the split paragraph
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    before, after = text[:start], text[end:]
    lead = "" if not before or before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
    trail = "" if after.startswith("\n\n") else ("\n" if after.startswith("\n") else "\n\n")
    replacement = lead + markup + trail
    caret = start + len(replacement)
    return Edit(start, end, replacement, (caret, caret))
