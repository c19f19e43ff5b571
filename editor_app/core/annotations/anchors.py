"""Anchors into a text that follow it as it changes.

An anchor is a range (start, end) plus the text it quoted and some context on each side.
While the text is edited where we see it (the editor reports position, removed, added),
`shifted` moves it exactly. When the text changed where we could not see it (a sync, a
merge, another person's save, the CLI), `relocated` finds it again: first through the diff
between the old and the new text when the old one is known, then by the quote and its
context (diff-match-patch's fuzzy match, the Bitap algorithm with a distance penalty).

An anchor whose text is entirely deleted is *orphaned*: it keeps its quote and stays in the
thread list, collapsed where its text was. It is never dropped.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from diff_match_patch import diff_match_patch

CONTEXT = 32  # characters of context kept on each side: diff-match-patch matches up to 32 at once
_PATTERN = 32  # Match_MaxBits: the longest pattern the fuzzy matcher takes in one piece


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    before: str = ""
    after: str = ""
    orphaned: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """An anchor over text[start:end], with its context."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    return Anchor(start, end, text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])


def refreshed(anchor: Anchor, text: str) -> Anchor:
    """The same range with its quote and context read again from `text` (after exact shifts)."""
    if anchor.orphaned:
        return anchor
    fresh = anchor_at(text, anchor.start, anchor.end)
    return fresh


def shifted(anchor: Anchor, position: int, removed: int, added: int) -> Anchor:
    """The anchor after text[position:position + removed] was replaced by `added` characters.

    Insertions exactly at either edge stay outside (typing after a commented word does not
    join the comment); edits inside grow or shrink it; an edit that covers all of it orphans
    it where it was. The quote is not read again here (see `refreshed`)."""
    if anchor.orphaned:
        return anchor
    edit_end = position + removed
    delta = added - removed
    start, end = anchor.start, anchor.end
    if edit_end <= start:
        return replace(anchor, start=start + delta, end=end + delta)
    if position >= end:
        return anchor
    if start == end:
        # A point (where an insertion goes) inside text that was replaced: before the new text.
        return replace(anchor, start=position, end=position)
    overlap = min(end, edit_end) - max(start, position)
    if overlap >= end - start > 0:
        # All of its text went: orphaned, collapsed where the edit began.
        return replace(anchor, start=position, end=position, orphaned=True)
    if position >= start:
        # Begins inside: the anchor keeps its start; text added inside is part of it.
        new_end = end + delta if edit_end <= end else position + added
        return replace(anchor, end=new_end)
    # Begins before and ends inside: what was added stays outside, before it.
    return replace(anchor, start=position + added, end=end + delta)


_matcher = diff_match_patch()
_matcher.Match_Threshold = 0.35  # how different a found piece may be (0 exact, 1 anything)
_matcher.Match_Distance = 5000  # how far from the expected place a match may be before it costs


def relocated(anchor: Anchor, text: str, old_text: str | None = None) -> Anchor:
    """The anchor in a text that changed where we could not follow it.

    With the old text, positions go through the diff of the two texts (exact wherever the
    quoted text itself survived); without it, or when that fails, the quote is searched for
    near where it was, exact occurrences first (the context decides among several), then a
    fuzzy match of its beginning and end. Not found: orphaned, never lost."""
    if not anchor.quote:
        return _relocated_point(anchor, text, old_text)
    if not anchor.orphaned and text[anchor.start:anchor.end] == anchor.quote and old_text in (None, text):
        return refreshed(anchor, text)
    if old_text is not None and not anchor.orphaned:
        diffs = _diffs(old_text, text)
        start, end = _matcher.diff_xIndex(diffs, anchor.start), _matcher.diff_xIndex(diffs, anchor.end)
        if 0 <= start < end <= len(text) and text[start:end] == anchor.quote:
            return anchor_at(text, start, end)
    found = _exact(anchor, text) or _fuzzy(anchor, text)
    if found is None:
        where = min(anchor.start, len(text))
        return replace(anchor, start=where, end=where, orphaned=True)
    return anchor_at(text, *found)


@functools.lru_cache(maxsize=4)
def _diffs(old_text: str, text: str) -> list:
    """One diff for every anchor of an article moved from one text to the next."""
    return _matcher.diff_main(old_text, text)


def _relocated_point(anchor: Anchor, text: str, old_text: str | None) -> Anchor:
    """A zero-width anchor (where an insertion goes): between its two contexts."""
    if old_text is not None:
        where = _matcher.diff_xIndex(_diffs(old_text, text), anchor.start)
        return replace(anchor, start=where, end=where, before=text[max(0, where - CONTEXT):where],
                       after=text[where:where + CONTEXT])
    if text[max(0, anchor.start - len(anchor.before)):anchor.start] == anchor.before \
            and text[anchor.start:anchor.start + len(anchor.after)] == anchor.after:
        return anchor
    for piece, offset in ((anchor.before[-_PATTERN:], None), (anchor.after[:_PATTERN], 0)):
        if not piece:
            continue
        expected = max(0, anchor.start - len(piece)) if offset is None else anchor.start
        found = _matcher.match_main(text, piece, min(expected, len(text)))
        if found >= 0:
            where = found + len(piece) if offset is None else found
            return replace(anchor, start=where, end=where, orphaned=False,
                           before=text[max(0, where - CONTEXT):where], after=text[where:where + CONTEXT])
    where = min(anchor.start, len(text))
    return replace(anchor, start=where, end=where, orphaned=bool(anchor.before or anchor.after))


def _exact(anchor: Anchor, text: str) -> tuple[int, int] | None:
    best, best_score = None, None
    at = text.find(anchor.quote)
    while at >= 0:
        end = at + len(anchor.quote)
        # Matching context first, nearness to where it was second.
        context = _common_suffix(text[max(0, at - CONTEXT):at], anchor.before) + \
            _common_prefix(text[end:end + CONTEXT], anchor.after)
        score = (-context, abs(at - anchor.start))
        if best_score is None or score < best_score:
            best, best_score = (at, end), score
        at = text.find(anchor.quote, at + 1)
    return best


def _fuzzy(anchor: Anchor, text: str) -> tuple[int, int] | None:
    if not text:
        return None
    # The end is found by a short tail of its own, so that a change inside the quote does
    # not pull the end along with the beginning.
    head, tail = anchor.quote[:_PATTERN], anchor.quote[-min(len(anchor.quote), _PATTERN // 2):]
    start = _matcher.match_main(text, head, min(anchor.start, len(text)))
    if start < 0:
        return None
    expected_tail = start + len(anchor.quote) - len(tail)
    tail_at = _matcher.match_main(text, tail, max(0, min(expected_tail, len(text))))
    if tail_at < 0:
        return None
    end = tail_at + len(tail)
    # Too much longer or shorter than the quote: not the same passage.
    if end <= start or abs((end - start) - len(anchor.quote)) > max(4, len(anchor.quote) // 2):
        return None
    return start, min(end, len(text))


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
