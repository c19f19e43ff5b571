"""The visible words of one Markdown source line, to find the same block in the rendered page.

Used to keep the preview on the paragraph the writer is looking at: the preview
searches its blocks for text that starts with this snippet.
"""

from __future__ import annotations

import re

_MARKERS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|\[[ xX]\]\s+)*")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~|`+)")
_TAGS = re.compile(r"<[^>]+>")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]*\]")
SNIPPET_LENGTH = 40


def visible_snippet(line: str, length: int = SNIPPET_LENGTH) -> str:
    text = _MARKERS.sub("", line, count=1)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _TAGS.sub("", text)
    text = _EMPHASIS.sub("", text)
    return " ".join(text.split())[:length].strip()
