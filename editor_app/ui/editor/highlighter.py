"""Markdown highlighting, one block at a time, with block state for multi-line constructs.

Typing re-highlights only the edited block (and the following ones only when its
end state changed, e.g. an opened code fence). Misspelled words get a wavy
underline; on a freshly opened article spelling is added by SpellPass, visible
blocks first, so opening a long article is not slowed by the dictionary.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from editor_app.core.spelling import SpellChecker
from editor_app.ui.theme import current_theme

NORMAL, FRONT_MATTER = 0, 1
FENCE_BASE = 100  # state FENCE_BASE + n: inside a code fence of n backticks (negative n: tildes)

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+.*$")
_QUOTE = re.compile(r"^ {0,3}>.*$")
_LIST_MARKER = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])(?=[ \t])")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<![*_\s])\1(?![*_\w])")
_CODE = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\([^)]*\)|<(?:https?|mailto):[^>]+>|https?://\S+")
_LINK_ADDRESS = re.compile(r"(?<=\])\([^)]*\)$")  # the "(url)" that ends a [text](url) match
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_FRONT_MATTER_KEY = re.compile(r"^[\w-]+:")


def _format(color: str | None = None, *, bold: bool = False, italic: bool = False,
            background: str | None = None, monospace: bool = False, scale: float | None = None) -> QTextCharFormat:
    text_format = QTextCharFormat()
    if color:
        text_format.setForeground(QColor(color))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    if italic:
        text_format.setFontItalic(True)
    if background:
        text_format.setBackground(QColor(background))
    if monospace:
        text_format.setFontFamilies(["DejaVu Sans Mono", "monospace"])
    if scale:
        text_format.setProperty(QTextCharFormat.Property.FontSizeAdjustment, scale)
    return text_format


# Every colour reaches 4.5:1 on its theme's editor background (tests/ui/test_settings.py).
SYNTAX_COLOURS = {
    "light": {"heading": "#8c1020", "marker": "#66666d", "quote": "#4b5563", "code": "#0b4f8a", "code_bg": "#f1f3f5",
              "link": "#1a56b0", "image": "#6f3596", "html": "#66666d", "front_matter": "#5f5f66"},
    "dark": {"heading": "#ff8f8f", "marker": "#a3a3ad", "quote": "#c3c8d0", "code": "#8cc8ff", "code_bg": "#2a2c31",
             "link": "#8ab4f8", "image": "#d4a5ff", "html": "#a3a3ad", "front_matter": "#b0b0b9"},
}


def formats_for(theme: str) -> dict[str, QTextCharFormat]:
    colours = SYNTAX_COLOURS[theme]
    return {
        "heading": _format(colours["heading"], bold=True),
        "marker": _format(colours["marker"]),
        "quote": _format(colours["quote"], italic=True),
        "bold": _format(bold=True),
        "italic": _format(italic=True),
        "code": _format(colours["code"], background=colours["code_bg"], monospace=True),
        "link": _format(colours["link"]),
        # The address reads as secondary to the link's words, and a smaller one fits a line
        # more often (an address is never broken across lines: see spaced_layout).
        "link_address": _format(colours["marker"], scale=-1),
        "image": _format(colours["image"]),
        "html": _format(colours["html"]),
        "front_matter": _format(colours["front_matter"]),
        "front_matter_key": _format(colours["front_matter"], bold=True),
    }


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, spelling: SpellChecker | None = None) -> None:
        super().__init__(document)
        self.spelling = spelling
        self.spell_everything = False  # until SpellPass has been over the whole article
        self._spell_blocks: set[int] = set()
        # True while re-highlighting on its own (not because of an edit): the document
        # reports a change then too, which must not count as the writer's edit.
        self.rehighlighting = False
        # While a huge text arrives (opening a 200,000-word article, a 5 MB paste), blocks
        # get only their state (fences, front matter); SpellPass formats them afterwards,
        # visible ones first, a few per tick, so the window never freezes.
        self.deferred = False
        self.formats = formats_for(current_theme())

    # -- spelling pass ------------------------------------------------------

    def spell_blocks(self, numbers: list[int]) -> None:
        """Re-highlight these blocks with spelling (SpellPass calls this chunk by chunk)."""
        document = self.document()
        self._spell_blocks.update(numbers)
        self.rehighlighting = True
        try:
            for number in numbers:
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        finally:
            self.rehighlighting = False
            self._spell_blocks.difference_update(numbers)

    def _spelling_wanted(self) -> bool:
        if self.spelling is None or not self.spelling.available:
            return False
        return self.spell_everything or self.currentBlock().blockNumber() in self._spell_blocks

    # -- highlighting ---------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        previous = self.previousBlockState()
        number = self.currentBlock().blockNumber()
        if previous >= FENCE_BASE - 50:
            self._inside_fence(text, previous)
            return
        if previous == FRONT_MATTER or (number == 0 and text.strip() == "---"):
            self._front_matter(text, starts=(number == 0))
            return
        self.setCurrentBlockState(NORMAL)
        fence = _FENCE.match(text)
        if fence:
            marker = fence.group(1)
            self.setFormat(0, len(text), self.formats["code"])
            self.setCurrentBlockState(FENCE_BASE + (len(marker) if marker[0] == "`" else -len(marker)))
            return
        if self.deferred:
            return
        self._block_formats(text)
        self._inline_formats(text)
        if self._spelling_wanted():
            self._underline_misspellings(text)

    def _inside_fence(self, text: str, state: int) -> None:
        self.setFormat(0, len(text), self.formats["code"])
        size = state - FENCE_BASE
        closing = ("`" if size > 0 else "~") * abs(size)
        stripped = text.strip()
        closes = stripped.startswith(closing) and set(stripped) <= {closing[0]}
        self.setCurrentBlockState(NORMAL if closes else state)

    def _front_matter(self, text: str, starts: bool) -> None:
        self.setFormat(0, len(text), self.formats["front_matter"])
        key = _FRONT_MATTER_KEY.match(text)
        if key:
            self.setFormat(0, key.end(), self.formats["front_matter_key"])
        ends = not starts and text.strip() in ("---", "...")
        self.setCurrentBlockState(NORMAL if ends else FRONT_MATTER)

    def _block_formats(self, text: str) -> None:
        heading = _HEADING.match(text)
        if heading:
            self.setFormat(0, len(text), self.formats["heading"])
            self.setFormat(0, heading.end(1), self.formats["marker"])
            return
        if _RULE.match(text):
            self.setFormat(0, len(text), self.formats["marker"])
            return
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self.formats["quote"])
        marker = _LIST_MARKER.match(text)
        if marker:
            self.setFormat(0, marker.end(), self.formats["marker"])

    def _inline_formats(self, text: str) -> None:
        for pattern, name in ((_BOLD, "bold"), (_ITALIC, "italic")):
            for match in pattern.finditer(text):
                self._merge(match.start(), match.end() - match.start(), self.formats[name])
                marker = len(match.group(1))
                self._merge(match.start(), marker, self.formats["marker"])
                self._merge(match.end() - marker, marker, self.formats["marker"])
        for pattern, name in ((_LINK, "link"), (_IMAGE, "image"), (_HTML_TAG, "html"), (_CODE, "code")):
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self.formats[name])
                address = _LINK_ADDRESS.search(match.group()) if name == "link" else None
                if address:
                    self.setFormat(match.start() + address.start(), len(address.group()), self.formats["link_address"])

    def _merge(self, start: int, length: int, extra: QTextCharFormat) -> None:
        for position in range(start, start + length):
            merged = QTextCharFormat(self.format(position))
            merged.merge(extra)
            self.setFormat(position, 1, merged)

    def _underline_misspellings(self, text: str) -> None:
        for misspelling in self.spelling.misspellings(text):
            for position in range(misspelling.start, misspelling.start + misspelling.length):
                underlined = QTextCharFormat(self.format(position))
                underlined.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                underlined.setUnderlineColor(QColor("#d0021b"))
                self.setFormat(position, 1, underlined)
