"""Formatting commands as text edits: wrap and unwrap inside right-to-left text."""

from __future__ import annotations

from editor_app.core.formatting import (
    BOLD,
    CODE,
    ITALIC,
    insert_image,
    insert_link,
    set_heading,
    toggle_bullets,
    toggle_inline,
    toggle_numbering,
    toggle_quote,
)

TEXT = "قال إن الأمن مهم"


def test_bold_wraps_and_unwraps_the_selection():
    wrapped = toggle_inline(TEXT, 4, 6, BOLD)
    assert wrapped.apply(TEXT) == "قال **إن** الأمن مهم"
    again = wrapped.apply(TEXT)
    assert toggle_inline(again, *wrapped.selection, BOLD).apply(again) == TEXT
    assert toggle_inline(again, 4, 10, BOLD).apply(again) == TEXT  # markers inside the selection


def test_spaces_stay_outside_the_markers():
    assert toggle_inline(TEXT, 3, 7, BOLD).apply(TEXT) == "قال **إن** الأمن مهم"


def test_cursor_in_a_word_wraps_the_word():
    assert toggle_inline(TEXT, 8, 8, ITALIC).apply(TEXT) == "قال إن *الأمن* مهم"


def test_italic_does_not_unwrap_bold():
    text = "**مهم**"
    assert toggle_inline(text, 0, len(text), ITALIC).apply(text) == "***مهم***"


def test_empty_selection_outside_a_word_inserts_a_pair():
    edit = toggle_inline("أ ", 2, 2, CODE)
    assert edit.apply("أ ") == "أ ``" and edit.selection == (3, 3)


def test_headings_set_change_and_remove():
    assert set_heading(TEXT, 2, 2, 2).apply(TEXT) == "## " + TEXT
    assert set_heading("## " + TEXT, 5, 5, 3).apply("## " + TEXT) == "### " + TEXT
    assert set_heading("## " + TEXT, 5, 5, 2).apply("## " + TEXT) == TEXT


def test_line_prefixes_over_several_lines():
    text = "أول\nثان\n\nثالث"
    assert toggle_bullets(text, 0, len(text)).apply(text) == "- أول\n- ثان\n\n- ثالث"
    assert toggle_numbering(text, 0, len(text)).apply(text) == "1. أول\n2. ثان\n\n3. ثالث"
    quoted = toggle_quote(text, 0, 5).apply(text)
    assert quoted == "> أول\n> ثان\n\nثالث"
    assert toggle_quote(quoted, 0, 9).apply(quoted) == text


def test_bullets_replace_numbering():
    assert toggle_bullets("1. أ", 0, 0).apply("1. أ") == "- أ"


def test_link_and_image():
    edit = insert_link(TEXT, 4, 6, "https://example.com")
    assert edit.apply(TEXT) == "قال [إن](https://example.com) الأمن مهم"
    assert insert_link("", 0, 0, "https://x.com").apply("") == "[https://x.com](https://x.com)"
    assert insert_image("", 0, 0, "a.png", "صورة").apply("") == "![صورة](a.png)"
