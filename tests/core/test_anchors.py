"""Anchors follow the text: exactly through edits the editor reports, and found again when
the text changed elsewhere. The property tests follow each character of the text through
random edits, so the expected anchored text is known without trusting the code under test."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.annotations.anchors import anchor_at, relocated
from editor_app.core.annotations.marks import MarkLayer

LETTERS = "ابتثجحخدذرسشصضطعغفقكلمنهوي ،"
SEED = "في ظل التحولات الجيوسياسية المتسارعة، يواجه المغرب تحديات أمنية متزايدة تتطلب يقظة دائمة."


def _random_text(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(length))


class CharacterModel:
    """Each character flagged inside/outside the anchor; edits applied by the anchor rules:
    typing at either edge stays outside, typing between two anchored characters joins it,
    a replacement joins it when it begins on an anchored character."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.chars = [(c, start <= i < end) for i, c in enumerate(text)]

    def edit(self, position: int, removed: int, added: str) -> None:
        gone = self.chars[position:position + removed]
        survivors = any(flag for c, flag in self.chars[:position] + self.chars[position + removed:])
        if removed:
            # Replacing all of its text deletes it (orphaned); the new words are not it.
            inside = gone[0][1] and survivors
        else:
            before = self.chars[position - 1][1] if position > 0 else False
            after = self.chars[position][1] if position < len(self.chars) else False
            inside = before and after
        self.chars[position:position + removed] = [(c, inside) for c in added]

    @property
    def anchored(self) -> str:
        return "".join(c for c, inside in self.chars if inside)

    @property
    def orphaned(self) -> bool:
        return not any(inside for _, inside in self.chars)

    @property
    def text(self) -> str:
        return "".join(c for c, _ in self.chars)


def _random_edit(rng: random.Random, length: int, around: tuple[int, int] | None = None) -> tuple[int, int, str]:
    """An edit anywhere, or (with `around`) one that stays outside the range."""
    if around is None:
        position = rng.randint(0, length)
        removed = rng.randint(0, min(6, length - position))
    else:
        start, end = around
        if rng.random() < 0.5 and start > 0:
            position = rng.randint(0, start)
            removed = rng.randint(0, start - position)
        else:
            position = rng.randint(end, length)
            removed = rng.randint(0, length - position)
            removed = min(removed, 6)
    added = _random_text(rng, rng.choice((0, 0, 1, 1, 2, 5)))
    if removed == 0 and not added:
        added = rng.choice(LETTERS)
    return position, removed, added


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_an_anchor_keeps_its_text_through_100_edits_outside_it(seed):
    rng = random.Random(seed)  # hypothesis picks (and shrinks) the seed; the edits come from it
    text = SEED
    layer = MarkLayer(text)
    layer.add_comment("t1", 15, 36, "hoda")
    quote = text[15:36]
    for _ in range(100):
        anchor = layer.marks["t1"].anchor
        position, removed, added = _random_edit(rng, len(layer.text), (anchor.start, anchor.end))
        layer.edit(position, removed, added)
        anchor = layer.marks["t1"].anchor
        assert anchor.quote == quote
        assert layer.text[anchor.start:anchor.end] == quote
        assert not anchor.orphaned


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_an_anchor_grows_and_shrinks_with_100_edits_inside_and_around_it(seed):
    rng = random.Random(seed)
    text = SEED
    start, end = 15, 36
    model = CharacterModel(text, start, end)
    layer = MarkLayer(text)
    layer.add_comment("t1", start, end, "hoda")
    for _ in range(100):
        anchor = layer.marks["t1"].anchor
        # Most edits near the anchor, where they matter.
        if rng.random() < 0.7:
            low, high = max(0, anchor.start - 4), min(len(layer.text), anchor.end + 4)
            position = rng.randint(low, high)
            removed = rng.randint(0, min(4, len(layer.text) - position))
            added = _random_text(rng, rng.choice((0, 1, 1, 3)))
            if not removed and not added:
                added = "ك"
        else:
            position, removed, added = _random_edit(rng, len(layer.text))
        model.edit(position, removed, added)
        layer.edit(position, removed, added)
        assert layer.text == model.text
        anchor = layer.marks["t1"].anchor
        if model.orphaned:
            # Never lost: still listed, with the words it was on.
            assert anchor.orphaned and anchor.quote
            return
        assert not anchor.orphaned
        assert anchor.quote == model.anchored
        assert layer.text[anchor.start:anchor.end] == model.anchored


def test_an_anchor_whose_text_is_deleted_is_orphaned_and_comes_back_with_an_undo():
    layer = MarkLayer(SEED)
    layer.add_comment("t1", 15, 36, "hoda")
    quote = SEED[15:36]
    layer.edit(10, 30, "")
    assert layer.marks["t1"].anchor.orphaned and layer.marks["t1"].anchor.quote == quote
    layer.edit(10, 0, SEED[10:40])  # the undo puts the same characters back
    anchor = layer.marks["t1"].anchor
    assert not anchor.orphaned and layer.text[anchor.start:anchor.end] == quote


def test_relocating_after_a_change_elsewhere_follows_the_diff():
    old = SEED
    anchor = anchor_at(old, 15, 36)
    new = "مقدمة جديدة أضافها زميل. " + old.replace("يواجه", "تواجه")
    moved = relocated(anchor, new, old_text=old)
    assert new[moved.start:moved.end] == anchor.quote and not moved.orphaned


def test_relocating_without_the_old_text_uses_the_quote_and_its_context():
    text = "الأمن أولا. " + SEED + " الأمن أولا."
    anchor = anchor_at(text, text.rindex("الأمن"), text.rindex("الأمن") + 5)  # the second of two
    new = "سطر جديد\n" + text
    moved = relocated(anchor, new)
    assert moved.start == new.rindex("الأمن") and moved.quote == "الأمن"


def test_relocating_a_slightly_changed_quote_finds_it_fuzzily():
    text = SEED
    anchor = anchor_at(text, 15, 36)
    changed = "قبل ذلك: " + text.replace("الجيوسياسية", "الجيو-سياسية")
    moved = relocated(anchor, changed)
    assert not moved.orphaned
    assert changed[moved.start:moved.end] == "الجيو-سياسية المتسارعة"


def test_relocating_a_quote_that_is_gone_orphans_it_and_keeps_its_words():
    anchor = anchor_at(SEED, 15, 36)
    moved = relocated(anchor, "نص مختلف تماما لا صلة له بما سبق")
    assert moved.orphaned and moved.quote == SEED[15:36]
