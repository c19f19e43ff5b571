"""The early window's hand-over of typed text: only the differing part is replaced, as one
undo step, positions counted as Qt counts them (an emoji is two)."""

from __future__ import annotations

import pytest

from editor_app.ui.early_window import replace_differing_part
from editor_app.ui.editor.markdown_editor import MarkdownEditor


@pytest.mark.parametrize(("stored", "typed"), [
    ("نص المقال", "نص المقال الجديد"),
    ("😀 نص 😀 المقال", "😀 نص جديد 😀 المقال 😀"),
    ("first\nsecond\nthird", "first\nthird"),
    ("aaaa", "aaaaaa"),
    ("", "كل النص"),
    ("كل النص", ""),
])
def test_the_typed_text_replaces_only_what_differs_in_one_undo_step(qtbot, stored, typed):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.setPlainText(stored)
    replace_differing_part(editor, typed)
    assert editor.toPlainText() == typed
    editor.document().undo()
    assert editor.toPlainText() == stored
