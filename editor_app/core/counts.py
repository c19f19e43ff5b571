"""Word, character and paragraph counts of an article, as a reader sees it.

Markdown syntax is not counted (markers, link targets, images, HTML tags);
punctuation alone is not a word; a word with attached و or ال is one word.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from editor_app.core.markdown_syntax import EMPHASIS, HTML_TAG, IMAGE, LINE_MARKERS, LINK

# Adult silent reading of Arabic news prose; stated in the status bar's tooltip.
WORDS_PER_MINUTE = 180

_FENCE_LINE = re.compile(r"^ {0,3}(?:`{3,}|~{3,}).*$", re.M)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:.*$", re.M)
_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.M)
_ATTRIBUTES = re.compile(r"\{:[^}]*\}")
_WORD = re.compile(r"\S*[^\W_]\S*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TextCounts:
    words: int
    characters: int
    characters_without_spaces: int
    paragraphs: int

    @property
    def reading_minutes(self) -> int:
        return math.ceil(self.words / WORDS_PER_MINUTE) if self.words else 0


def visible_text(markdown: str) -> str:
    text = _FENCE_LINE.sub("", markdown)
    text = _REFERENCE.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = HTML_TAG.sub("", text)
    text = _RULE.sub("", text)
    text = LINE_MARKERS.sub("", text)
    text = _ATTRIBUTES.sub("", text)
    return EMPHASIS.sub("", text)


def count_text(markdown: str) -> TextCounts:
    text = visible_text(markdown)
    paragraphs = sum(1 for block in _PARAGRAPH_BREAK.split(text) if block.strip())
    characters = len(text.strip())
    without_spaces = len(_SPACE.sub("", text))
    return TextCounts(len(_WORD.findall(text)), characters, without_spaces, paragraphs)


def remaining(text: str, limit: int) -> int:
    """Characters left before the limit (negative when over), as the site's counters show."""
    return limit - len(text)
