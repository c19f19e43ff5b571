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


def test_keys_waiting_in_the_queue_at_the_hand_over_reach_the_main_window(open_window, location, qtbot):
    """Keys pressed while the main window was built (the event loop busy) wait in the queue,
    addressed to the early window: the hand-over delivers them before taking the text."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from editor_app.core.last_article import LastArticle
    from editor_app.core.records import ArticleDraft
    from editor_app.core.settings import Preferences
    from editor_app.ui.early_window import EarlyWindow
    from editor_app.ui.window_state import WindowState

    window = open_window()
    record = window.library.create(ArticleDraft(title="عاجل", body="نص المقال"))
    window.open_article(record.id)
    early = EarlyWindow(LastArticle(record.id, record.title, record.body), WindowState(location.data_dir), Preferences())
    early.show()
    qtbot.waitExposed(early)
    for letter in "خبر ":
        QApplication.postEvent(early.editor.body_edit,
                               QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter))
    early.hand_over(window)
    qtbot.wait(50)
    assert window.editor.body() == "خبر نص المقال"
    assert window.library.get(record.id).body == "خبر نص المقال"  # saved at the hand-over
