"""How comments and suggestions look in the editor: extra selections (a layer of their own,
MarkdownEditor.set_extra_selection_layer), so the Markdown highlighter's formats stay as
they are underneath.

- a comment: a soft yellow background (stronger for the thread in focus);
- a suggested insertion: underlined, in its author's colour;
- a suggested deletion: struck through, in its author's colour on a pale red.
"""

from __future__ import annotations

import zlib

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from editor_app.core.annotations.marks import MarkKind, MarkLayer
from editor_app.ui.editor.text_edits import PositionMap
from editor_app.ui.theme import current_theme

# Author colours that keep 4.5:1 on the editor's background in each theme.
AUTHOR_COLOURS = {
    "light": ("#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#b45309", "#be185d", "#0e7490"),
    "dark": ("#93c5fd", "#fca5a5", "#6ee7b7", "#c4b5fd", "#fcd34d", "#f9a8d4", "#67e8f9"),
}
BACKGROUNDS = {
    "light": {"comment": "#fff1b8", "active": "#ffd966", "delete": "#fde2e2"},
    "dark": {"comment": "#4a4020", "active": "#7a6420", "delete": "#4a2226"},
}
LAYER = "annotations"


_assigned: dict[str, int] = {}  # the open article's people → their colour's index


def assign_colours(logins) -> None:
    """Colours for the people of the open article: each their preferred one (from their login,
    the same on every machine), the next free one when two people would share it."""
    size = len(AUTHOR_COLOURS["light"])
    taken: set[int] = set()
    _assigned.clear()
    for login in sorted(set(logins)):
        index = _preferred(login, size)
        while index in taken and len(taken) < size:
            index = (index + 1) % size
        taken.add(index)
        _assigned[login] = index


def _preferred(login: str, size: int) -> int:
    return zlib.crc32(login.encode("utf-8")) % size  # not Python's hash: salted per process


def author_colour(login: str) -> QColor:
    palette = AUTHOR_COLOURS[current_theme()]
    return QColor(palette[_assigned.get(login, _preferred(login, len(palette)))])


def visible_range(editor, extra_blocks: int = 2) -> tuple[int, int]:
    """Qt positions from the first to the last character in view (and a few paragraphs on)."""
    block = editor.firstVisibleBlock()
    first = block.position()
    height = editor.viewport().height()
    offset = editor.contentOffset()
    last, beyond = first, 0
    while block.isValid() and beyond <= extra_blocks:
        last = block.position() + block.length()
        if editor.blockBoundingGeometry(block).translated(offset).top() > height:
            beyond += 1
        block = block.next()
    return first, last


def selections_for(editor, layer: MarkLayer, active_key: str | None = None, names: dict | None = None) -> list:
    """The marks in view (the editor asks again as it scrolls: a long article with many
    comments costs no more than a short one)."""
    document = editor.document()
    positions = PositionMap(layer.text)
    backgrounds = BACKGROUNDS[current_theme()]
    first, last = visible_range(editor)
    result = []
    # Comments first, suggestions over them: a suggestion inside a commented passage shows.
    for mark in sorted(layer.marks.values(), key=lambda m: m.kind is not MarkKind.COMMENT):
        if mark.anchor.orphaned or mark.anchor.end <= mark.anchor.start:
            continue
        if positions.to_qt(mark.anchor.end) < first or positions.to_qt(mark.anchor.start) > last:
            continue
        char_format = QTextCharFormat()
        if mark.kind is MarkKind.COMMENT:
            char_format.setBackground(QColor(backgrounds["active" if mark.key == active_key else "comment"]))
        elif mark.kind is MarkKind.INSERT:
            char_format.setForeground(author_colour(mark.author))
            char_format.setFontUnderline(True)
            char_format.setUnderlineColor(author_colour(mark.author))
        else:
            char_format.setForeground(author_colour(mark.author))
            char_format.setFontStrikeOut(True)
            char_format.setBackground(QColor(backgrounds["delete"]))
        char_format.setToolTip((names or {}).get(mark.author, mark.author))  # whose, by display name
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(positions.to_qt(mark.anchor.start))
        cursor.setPosition(positions.to_qt(mark.anchor.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = char_format
        result.append(selection)
    return result
