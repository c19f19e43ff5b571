"""The live layer beside an open article: its comments and pending suggestions as ranges of
the text the editor shows, moved on every keystroke.

The editor shows the accepted text with every pending insertion in place (so a suggested
insertion is real text one can read, select and keep typing into), and a pending deletion
as a mark over accepted text that is still there. So:

    editor text = accepted text + pending insertions
    accepted text (what is saved as the body) = editor text − insertion marks

Stored anchors are in accepted text (core.annotations.store); `compose` builds the editor's
text and marks from them, `to_accepted` goes back.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from editor_app.core.annotations.anchors import Anchor, anchor_at, refreshed, relocated, shifted
from editor_app.core.models import utc_now


class MarkKind(StrEnum):
    COMMENT = "comment"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Mark:
    key: str  # "t<thread id>", "s<suggestion id>", or "new<n>" until stored
    kind: MarkKind
    anchor: Anchor  # in the editor's text
    author: str = ""
    created_at: datetime | None = None
    stored_id: int | None = None


@dataclass(frozen=True)
class StoredMark:
    """A mark as kept in the database: its anchor is in the accepted text."""

    kind: MarkKind
    anchor: Anchor
    stored_id: int
    author: str = ""
    created_at: datetime | None = None


_new_keys = itertools.count(1)


class MarkLayer:
    def __init__(self, text: str = "", marks: list[Mark] | None = None) -> None:
        self.text = text
        self.marks: dict[str, Mark] = {mark.key: mark for mark in marks or []}
        self.dirty: set[str] = set()  # keys whose anchor or text changed since they were stored

    # -- following the editor ----------------------------------------------------

    def edit(self, position: int, removed: int, added: str) -> None:
        """text[position:position + removed] became `added` (the editor's contentsChange)."""
        old = self.text
        self.text = old[:position] + added + old[position + removed:]
        for key, mark in list(self.marks.items()):
            moved = shifted(mark.anchor, position, removed, len(added))
            if moved.orphaned and not mark.anchor.orphaned and mark.kind is not MarkKind.COMMENT:
                # A suggestion whose text is all gone has nothing left to suggest.
                del self.marks[key]
                self.dirty.add(key)
                continue
            if moved != mark.anchor or (moved.start <= position <= moved.end and not moved.orphaned):
                self.marks[key] = replace(mark, anchor=refreshed(moved, self.text))
                self.dirty.add(key)
            elif mark.anchor.orphaned and added and mark.anchor.quote and added.find(mark.anchor.quote) >= 0 \
                    and position <= mark.anchor.start <= position + len(added):
                # Its text came back where it was (an undo): it is anchored again.
                at = position + added.find(mark.anchor.quote)
                self.marks[key] = replace(mark, anchor=anchor_at(self.text, at, at + len(mark.anchor.quote)))
                self.dirty.add(key)

    def text_replaced(self, new_text: str) -> None:
        """The whole text changed where we could not follow (a reload after a sync or merge)."""
        old = self.text
        self.text = new_text
        for key, mark in self.marks.items():
            moved = relocated(mark.anchor, new_text, old_text=old)
            if moved != mark.anchor:
                self.marks[key] = replace(mark, anchor=moved)
                self.dirty.add(key)

    # -- suggestions typed in suggest mode -------------------------------------------

    def record_insertion(self, position: int, length: int, author: str) -> Mark:
        """Text just typed at `position` (already in self.text) is a suggestion by `author`:
        it joins their insertion that it touches, or starts a new one."""
        for mark in self.marks.values():
            touching = mark.anchor.start <= position + length and mark.anchor.end >= position
            if mark.kind is MarkKind.INSERT and mark.author == author and touching:
                grown = replace(mark, anchor=anchor_at(self.text, min(mark.anchor.start, position),
                                                       max(mark.anchor.end, position + length)))
                self.marks[mark.key] = grown
                self.dirty.add(mark.key)
                return grown
        key = f"new{next(_new_keys)}"
        mark = Mark(key, MarkKind.INSERT, anchor_at(self.text, position, position + length), author, utc_now())
        self.marks[key] = mark
        self.dirty.add(key)
        return mark

    def plan_deletion(self, start: int, end: int, author: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """What deleting text[start:end] in suggest mode means: (pieces to really remove, since
        they are the author's own pending insertion; pieces of accepted text to mark deleted)."""
        own = sorted((m.anchor.start, m.anchor.end) for m in self.marks.values()
                     if m.kind is MarkKind.INSERT and m.author == author)
        others = sorted((m.anchor.start, m.anchor.end) for m in self.marks.values()
                        if m.kind is MarkKind.INSERT and m.author != author)
        remove, mark = [], []
        position = start
        while position < end:
            inside = next(((s, e) for s, e in own if s <= position < e), None)
            foreign = next(((s, e) for s, e in others if s <= position < e), None)
            if inside:
                piece_end = min(end, inside[1])
                remove.append((position, piece_end))
            elif foreign:
                piece_end = min(end, foreign[1])  # another person's suggestion: theirs to withdraw
            else:
                boundaries = [s for s, _ in own + others if s > position] + [end]
                piece_end = min(boundaries)
                mark.append((position, piece_end))
            position = piece_end
        return remove, _without_marked(mark, self._deleted_ranges())

    def record_deletion(self, start: int, end: int, author: str) -> Mark:
        """Accepted text[start:end] suggested for deletion; joins the author's touching one."""
        for mark in self.marks.values():
            if mark.kind is MarkKind.DELETE and mark.author == author and \
                    (mark.anchor.end == start or mark.anchor.start == end):
                joined = replace(mark, anchor=anchor_at(self.text, min(start, mark.anchor.start),
                                                        max(end, mark.anchor.end)))
                self.marks[mark.key] = joined
                self.dirty.add(mark.key)
                return joined
        key = f"new{next(_new_keys)}"
        mark = Mark(key, MarkKind.DELETE, anchor_at(self.text, start, end), author, utc_now())
        self.marks[key] = mark
        self.dirty.add(key)
        return mark

    def add_comment(self, key: str, start: int, end: int, author: str, stored_id: int | None = None) -> Mark:
        mark = Mark(key, MarkKind.COMMENT, anchor_at(self.text, start, end), author, utc_now(), stored_id)
        self.marks[key] = mark
        return mark

    def _deleted_ranges(self) -> list[tuple[int, int]]:
        return sorted((m.anchor.start, m.anchor.end) for m in self.marks.values() if m.kind is MarkKind.DELETE)

    # -- between the editor's text and the accepted text ------------------------------

    def insertion_ranges(self) -> list[tuple[int, int]]:
        return sorted((m.anchor.start, m.anchor.end) for m in self.marks.values()
                      if m.kind is MarkKind.INSERT and m.anchor.end > m.anchor.start)

    def accepted_text(self) -> str:
        pieces, position = [], 0
        for start, end in self.insertion_ranges():
            pieces.append(self.text[position:start])
            position = max(position, end)
        pieces.append(self.text[position:])
        return "".join(pieces)

    def to_accepted(self, position: int) -> int:
        inserted_before = sum(max(0, min(end, position) - start) for start, end in self.insertion_ranges()
                              if start < position)
        return position - inserted_before

    def stored_anchor(self, mark: Mark) -> Anchor:
        """The mark's anchor in the accepted text (an insertion: the point where it goes)."""
        accepted = self.accepted_text()
        if mark.kind is MarkKind.INSERT:
            point = self.to_accepted(mark.anchor.start)
            return Anchor(point, point, mark.anchor.quote, accepted[max(0, point - 32):point], accepted[point:point + 32])
        if mark.anchor.orphaned:
            point = self.to_accepted(mark.anchor.start)
            return replace(mark.anchor, start=point, end=point)
        return anchor_at(accepted, self.to_accepted(mark.anchor.start), self.to_accepted(mark.anchor.end))

    def at(self, position: int) -> list[Mark]:
        """The marks under a position of the editor's text (for a context menu)."""
        return [m for m in self.marks.values() if m.anchor.start <= position <= m.anchor.end and not m.anchor.orphaned]


def compose(accepted: str, stored: list[StoredMark]) -> MarkLayer:
    """The editor's text and marks for an article: pending insertions put in their places
    (several at one place in the order they were made), the other anchors moved with them."""
    insertions = sorted((m for m in stored if m.kind is MarkKind.INSERT),
                        key=lambda m: (m.anchor.start, m.created_at or utc_now(), m.stored_id))
    pieces, position, placed = [], 0, []
    for mark in insertions:
        point = min(mark.anchor.start, len(accepted))
        pieces.append(accepted[position:point])
        position = point
        offset = sum(len(piece) for piece in pieces)
        pieces.append(mark.anchor.quote)
        placed.append((point, offset, len(mark.anchor.quote), mark))
    pieces.append(accepted[position:])
    text = "".join(pieces)

    def editor_position(point: int, at_start: bool) -> int:
        # Text inserted at a range's first character comes before it; at its end, after it.
        return point + sum(length for where, _, length, _ in placed if where < point or (at_start and where == point))

    marks = []
    for where, offset, length, mark in placed:
        marks.append(Mark(f"s{mark.stored_id}", MarkKind.INSERT, anchor_at(text, offset, offset + length), mark.author,
                          mark.created_at, mark.stored_id))
    for mark in stored:
        if mark.kind is MarkKind.INSERT:
            continue
        key = f"{'t' if mark.kind is MarkKind.COMMENT else 's'}{mark.stored_id}"
        if mark.anchor.orphaned:
            point = editor_position(mark.anchor.start, True)
            anchor = replace(mark.anchor, start=point, end=point)
        else:
            anchor = anchor_at(text, editor_position(mark.anchor.start, True), editor_position(mark.anchor.end, False))
        marks.append(Mark(key, mark.kind, anchor, mark.author, mark.created_at, mark.stored_id))
    return MarkLayer(text, marks)


def _without_marked(pieces: list[tuple[int, int]], marked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces minus what is already marked deleted (deleting it again changes nothing)."""
    result = []
    for start, end in pieces:
        cuts = [(max(start, s), min(end, e)) for s, e in marked if s < end and e > start]
        position = start
        for cut_start, cut_end in sorted(cuts):
            if cut_start > position:
                result.append((position, cut_start))
            position = max(position, cut_end)
        if position < end:
            result.append((position, end))
    return result
