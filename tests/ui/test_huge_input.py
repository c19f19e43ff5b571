"""Huge input: a paste of more than half a megabyte goes in at once, is formatted a few
blocks at a time afterwards, and is saved on a worker thread, correctly. (Times are in
benchmarks/bench_huge.py, not asserted here.)"""

from __future__ import annotations

from PySide6.QtCore import QMimeData

from benchmarks.articles import arabic_markdown
from editor_app.ui.autosave import BACKGROUND_SAVE_CHARACTERS
from editor_app.ui.editor.markdown_editor import HUGE_TEXT_CHARACTERS


def heading_formatted(editor) -> bool:
    block = editor.document().findBlockByNumber(0)
    return bool(block.layout().formats())


def test_a_huge_paste_is_formatted_afterwards_and_saved_whole(open_window, qtbot):
    window = open_window()
    window.new_article()
    text = "# عنوان اللصق الكبير\n\n" + arabic_markdown(120_000)
    assert len(text) > max(HUGE_TEXT_CHARACTERS, BACKGROUND_SAVE_CHARACTERS)
    mime = QMimeData()
    mime.setText(text)
    editor = window.editor.body_edit
    window.editor.highlighter.spelling = None  # formats only: the pass must run without a dictionary too
    editor.insertFromMimeData(mime)
    assert window.editor.highlighter.deferred is False
    qtbot.waitUntil(lambda: heading_formatted(editor), timeout=20000)

    with qtbot.waitSignal(window.autosave.saved, timeout=30000) as saved:
        pass
    assert saved.args[0].body == window.editor.body() == text
    assert window.library.get(window.editor.article_id).body == text
    assert window.autosave.flush() and not window.autosave.has_unsaved_changes


def test_typing_during_a_background_save_is_saved_too(open_window, qtbot):
    from tests.ui.typing import type_text

    window = open_window()
    window.new_article()
    mime = QMimeData()
    mime.setText(arabic_markdown(100_000))
    window.editor.body_edit.insertFromMimeData(mime)
    window.autosave._timer_fired()  # the background save starts now
    type_text(window.editor.body_edit, " كلمة أخيرة")
    assert window.autosave.flush()  # waits for the background save, then saves the newer text
    assert window.library.get(window.editor.article_id).body.endswith(" كلمة أخيرة")


def test_opening_a_huge_article_formats_it_afterwards(open_window, qtbot):
    from editor_app.core.records import ArticleDraft

    window = open_window()
    body = "# عنوان المقال الطويل\n\n" + arabic_markdown(60_000)
    assert len(body) > HUGE_TEXT_CHARACTERS
    record = window.library.create(ArticleDraft(title="طويل", body=body))
    window.editor.highlighter.spelling = None
    window.open_article(record.id)
    assert window.editor.body() == body and not window.editor.highlighter.deferred
    qtbot.waitUntil(lambda: heading_formatted(window.editor.body_edit), timeout=20000)


def test_the_window_hearing_its_own_background_save_does_not_save_again_meanwhile(open_window, monkeypatch):
    """The database tells the window of its own background save before the save's result
    arrives: that is not someone else's change, so typing goes on without a save (of the
    whole text, on the window's thread) until the autosave's own timer."""
    from editor_app.core.records import ArticleDraft
    from editor_app.ui import autosave
    from tests.ui.typing import type_text

    monkeypatch.setattr(autosave, "BACKGROUND_SAVE_CHARACTERS", 100)
    window = open_window()
    record = window.library.create(ArticleDraft(title="طويل", body=arabic_markdown(2_000)))
    window.open_article(record.id)
    type_text(window.editor.body_edit, " أولى")
    window.autosave._timer_fired()  # a background save starts
    window.autosave._runner.wait()  # it is stored; its result has not reached the window yet
    stored = window.library.get(record.id)
    assert stored.version > record.version and stored.body == window.editor.body()
    type_text(window.editor.body_edit, " ثانية")

    window.follower.events.poll()  # the database's news of that save
    assert window.library.get(record.id).version == stored.version  # no second save
    assert window.autosave.has_unsaved_changes
    assert window.autosave.flush()
    assert window.library.get(record.id).body == window.editor.body()
