"""Defects a writer met walking through the merged app (QA pass on the real window under
Xvfb); each test drives the real widgets offscreen and failed before its fix."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from editor_app.core.importers import read_article_file
from tests.conftest import SEED_ARTICLE


def test_an_article_opened_at_start_shows_its_first_line(open_window, library, qtbot):
    """The window loads the last article before it is shown, in an editor a few pixels
    high: centring the cursor there scrolled one line down, and the welcome article
    opened with its first line hidden above the top (the scroll bar already at the top)."""
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    window = open_window()
    QApplication.processEvents()
    editor = window.editor.body_edit
    assert editor.textCursor().position() == 0
    assert editor.verticalScrollBar().value() == 0
    first_line = editor.document().firstBlock().layout().lineAt(0)
    top = editor.blockBoundingGeometry(editor.document().firstBlock()).translated(editor.contentOffset()).top()
    assert top + first_line.y() >= 0
