"""The Markdown syntax that text measures skip: one definition for bidi, counts and snippets."""

from __future__ import annotations

import re

# Block markers at the start of a line: heading, quote, list item, task box (any nesting).
LINE_MARKERS = re.compile(r"^ {0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+|\[[ xX]\][ \t]+)+", re.M)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")  # group 1: the alt text
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # group 1: the visible text
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
EMPHASIS = re.compile(r"\*{1,3}|_{2,3}|~~|`+")
FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]]*\]")
