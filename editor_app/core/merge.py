"""Three-way merge of an article's text: what I wrote and what someone else saved meanwhile,
both measured against the version we both started from.

Markdown is merged line by line (paragraphs are lines separated by blank lines) with
merge3, the maintained port of bzr's merge: edits in different paragraphs merge by
themselves; edits that touch the same lines become a `ConflictHunk` the writer settles
(keep mine / take theirs / by hand). The title is one field: whoever changed it wins,
both changing it differently is a conflict too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from merge3 import Merge3

from editor_app.core.errors import EditConflict


class Side(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class ConflictHunk:
    """The same place, changed differently by both sides (each as text, newlines kept)."""

    base: str
    mine: str
    theirs: str


# A merged text is a sequence of pieces: settled text, or a hunk waiting for a choice.
Piece = str | ConflictHunk


@dataclass(frozen=True)
class TextMerge:
    pieces: tuple[Piece, ...]

    @property
    def conflicts(self) -> tuple[ConflictHunk, ...]:
        return tuple(piece for piece in self.pieces if isinstance(piece, ConflictHunk))

    @property
    def clean(self) -> bool:
        return not self.conflicts

    def text(self, choices: dict[int, str] | None = None, default: Side = Side.MINE) -> str:
        """The merged text; each conflict (numbered in order) settled by `choices`: a Side,
        or any other string, which is the writer's own wording of that place."""
        choices = choices or {}
        parts = []
        number = 0
        for piece in self.pieces:
            if isinstance(piece, str):
                parts.append(piece)
                continue
            choice = choices.get(number, default)
            number += 1
            if choice == Side.MINE:
                parts.append(piece.mine)
            elif choice == Side.THEIRS:
                parts.append(piece.theirs)
            else:
                parts.append(choice)
        return "".join(parts)


def _merge_lines(base: str, mine: str, theirs: str) -> TextMerge:
    if mine == theirs or theirs == base:
        return TextMerge((mine,))
    if mine == base:
        return TextMerge((theirs,))
    merger = Merge3(_lines(base), _lines(mine), _lines(theirs))
    pieces: list[Piece] = []
    for group in merger.merge_groups():
        kind = group[0]
        if kind == "conflict":
            _, base_lines, mine_lines, theirs_lines = group
            pieces.append(ConflictHunk("".join(base_lines), "".join(mine_lines), "".join(theirs_lines)))
        else:
            text = "".join(group[1])
            if pieces and isinstance(pieces[-1], str):
                pieces[-1] += text
            else:
                pieces.append(text)
    return TextMerge(tuple(pieces))


def merge_field(base, mine, theirs) -> tuple[object, bool]:
    """One value (the title, a metadata field): (merged value, True when both changed it differently)."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    return mine, True


def _lines(text: str) -> list[str]:
    # merge3 compares whole lines, newline included: a last line without its newline would
    # conflict with the same line followed by an added one. merge_text takes it back off.
    # (split on "\n" only: str.splitlines would also cut at U+2028 and form feeds.)
    lines = [line + "\n" for line in text.split("\n")]
    if lines[-1] == "\n":
        lines.pop()
    return lines


@dataclass(frozen=True)
class ArticleMerge:
    """Title and body of one article, merged."""

    title: TextMerge
    body: TextMerge

    @property
    def clean(self) -> bool:
        return self.title.clean and self.body.clean


def merge_article(base: tuple[str, str], mine: tuple[str, str], theirs: tuple[str, str]) -> ArticleMerge:
    """(title, body) triples → the merge of both fields."""
    title, title_conflict = merge_field(base[0], mine[0], theirs[0])
    title_merge = TextMerge((ConflictHunk(base[0], mine[0], theirs[0]),)) if title_conflict else TextMerge((title,))
    return ArticleMerge(title_merge, merge_text(base[1], mine[1], theirs[1]))


def merge_text(base: str, mine: str, theirs: str) -> TextMerge:
    merged = _merge_lines(base, mine, theirs)
    final_newline = mine.endswith("\n") or theirs.endswith("\n") or not (mine or theirs)
    if final_newline or merged.pieces == (mine,) or merged.pieces == (theirs,):
        return merged
    # Neither side ends with a newline: take back the one _lines added to the last piece.
    pieces = list(merged.pieces)
    last = pieces[-1]
    if isinstance(last, str) and last.endswith("\n"):
        pieces[-1] = last[:-1]
    elif isinstance(last, ConflictHunk):
        pieces[-1] = ConflictHunk(last.base.removesuffix("\n"), last.mine.removesuffix("\n"),
                                  last.theirs.removesuffix("\n"))
    return TextMerge(tuple(pieces))


def check_fields(current, expected: Mapping[str, object], fields: Mapping[str, object]) -> None:
    """Field-level merge of an article's details: `fields` (the new values) were chosen while
    the fields showed `expected`; one is in conflict only when the stored record `current`
    has meanwhile changed it too, to something else. Raises EditConflict naming them."""
    clashing = [name for name, value in fields.items() if name in expected
                and not _same(getattr(current, name), expected[name]) and not _same(getattr(current, name), value)]
    if clashing:
        raise EditConflict(current.id, None, dict(fields), current, fields=tuple(clashing))


def _same(stored: object, given: object) -> bool:
    def plain(value: object) -> object:
        return tuple(value) if isinstance(value, list) else ("" if value is None else value)

    return plain(stored) == plain(given)
