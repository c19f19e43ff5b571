"""Parts of a Markdown text that text tools must never change.

Code (fenced and inline), URLs (bare, autolinks, link and image targets) and HTML
tags carry characters that look like prose but are not: turning "?" into "؟" in
a URL, or 3 into ٣ in code, would break them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_PATTERNS = [
    re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\1[ \t]*$|\Z)", re.M | re.S),  # fenced code
    re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S),  # inline code
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link / image target
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>"),  # autolink
    re.compile(r"(?:https?://|ftp://|mailto:|www\.)[^\s<>()\[\]\"“”«»،؛]+", re.I),  # bare URL
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # HTML tag
    re.compile(r"^ {0,3}\[[^\]]+\]:[^\n]*$", re.M),  # reference definition
    re.compile(r"\{:[^}\n]*\}"),  # attribute list
]


@lru_cache(maxsize=64)
def protected_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping (start, end) spans of text that tools leave alone."""
    spans = sorted(match.span() for pattern in _PATTERNS for match in pattern.finditer(text))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


class ProtectedIndex:
    """Answers "is position i protected?" in O(log n)."""

    def __init__(self, text: str) -> None:
        self.spans = protected_spans(text)
        self._starts = [start for start, _ in self.spans]

    def __contains__(self, position: int) -> bool:
        index = bisect_right(self._starts, position) - 1
        return index >= 0 and position < self.spans[index][1]
