"""Splits Markdown into top-level segments that convert independently.

A keystroke changes one paragraph; converting only the changed segment (the rest
come from a cache) keeps the preview fast on long articles. Splitting is only
done where Python-Markdown could not join the parts anyway: never inside fenced
code, never before an indented line, a list item after a list, or a quote line
after a quote; and documents with document-wide state (reference links,
footnotes, raw HTML blocks) are not split at all. tests/core/test_render.py
checks that segmented output equals the whole-document output.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])(?:\s|$)")
_QUOTE = re.compile(r"^ {0,3}>")
# Document-wide constructs: reference/footnote definitions, raw HTML blocks.
_NOT_SPLITTABLE = re.compile(r"^ {0,3}(?:\[[^\]]+\]:|<)", re.M)


def split_segments(text: str) -> list[str] | None:
    """The segments (joined by "\\n" they give back the text), or None: convert whole."""
    if _NOT_SPLITTABLE.search(text):
        return None
    segments: list[list[str]] = []
    current: list[str] = []
    fence: str | None = None
    after_blank = False
    has_list = has_quote = False  # anywhere in the current segment: its last block may continue
    for line in text.split("\n"):
        if fence is not None:
            current.append(line)
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
            continue
        if not line.strip():
            current.append(line)
            after_blank = True
            continue
        if after_blank and current and _starts_fresh_block(line, has_list, has_quote):
            segments.append(current)
            current = []
            has_list = has_quote = False
        has_list = has_list or bool(_LIST_ITEM.match(line))
        has_quote = has_quote or bool(_QUOTE.match(line))
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)[0] * len(opening.group(1))
        current.append(line)
        after_blank = False
    if current:
        segments.append(current)
    return ["\n".join(segment) for segment in segments]


def _starts_fresh_block(line: str, after_list: bool, after_quote: bool) -> bool:
    if line[0] in " \t":
        return False  # a continuation: indented code, a list item's paragraph
    if after_list and _LIST_ITEM.match(line):
        return False  # possibly the same (loose) list
    if after_quote and _QUOTE.match(line):
        return False  # possibly the same quote
    return True
