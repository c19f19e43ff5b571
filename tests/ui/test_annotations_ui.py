"""Comments beside the text and suggested edits, in the window, as an editor and a writer
use them: select and comment (Ctrl+Alt+M), reply and resolve in the margin; suggest mode's
typing and deleting; accept and reject from the margin and from the context menu."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from editor_app.core.annotations.store import Annotations
from editor_app.core.records import ArticleDraft
from tests.ui.typing import type_text

BODY = ("في تقييمها الدوري لعلاقات التعاون الأمني، أكدت وزارة الخارجية الأمريكية موقع المغرب كحليف رئيسي.\n\n"
        "هذا الإقرار يعكس عمق العلاقات بين البلدين.")


def open_article(open_window, library, body=BODY):
    record = library.create(ArticleDraft(title="العلاقات المغربية-الأمريكية", body=body))
    window = open_window()
    window.open_article(record.id)
    return window, record


def select_words(editor, words: str) -> None:
    start = editor.toPlainText().index(words)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def place_caret(editor, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def key(widget, code, qtbot, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, code, modifier)


def highlighted(editor, words: str) -> list:
    return [s for s in editor.extraSelections() if s.cursor.selectedText() == words]


def marked(editor, style: str) -> list[str]:
    """The words the editor shows struck through or underlined by a suggestion."""
    return [s.cursor.selectedText() for s in editor.extraSelections() if getattr(s.format, style)()]


def cards(window, kind):
    return [card for card in window.annotation_pane.cards if type(card).__name__ == kind and card.isVisible()]


def test_select_comment_reply_and_resolve_in_the_margin(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    editor, pane = window.editor.body_edit, window.annotation_pane
    assert not pane.isVisible()  # nothing to show: the text keeps its room
    select_words(editor, "وزارة الخارجية الأمريكية")
    window.commands.action("annotations.comment").trigger()
    assert pane.isVisible() and pane.composer is not None
    pane.composer.text.setPlainText("ما مصدر التقرير؟")
    qtbot.mouseClick(pane.composer.findChild(type(pane.accept_all), "send_comment_button"), Qt.MouseButton.LeftButton)
    [thread] = Annotations(library).threads(record.id)
    assert thread.anchor.quote == "وزارة الخارجية الأمريكية" and thread.messages[0].body == "ما مصدر التقرير؟"
    [card] = cards(window, "ThreadCard")
    # Beside its words: the card's top is level with the line that holds them.
    cursor = editor.textCursor()
    cursor.setPosition(BODY.index("وزارة"))
    line_top = pane.margin.mapFromGlobal(editor.viewport().mapToGlobal(editor.cursorRect(cursor).topLeft())).y()
    assert abs(card.y() - line_top) <= 2
    # The words are highlighted in the editor, over the Markdown highlighting.
    qtbot.waitUntil(lambda: bool(highlighted(editor, "وزارة الخارجية الأمريكية")))
    assert highlighted(editor, "وزارة الخارجية الأمريكية")[0].format.background().color().alpha() > 0

    card.reply_edit.setText("مكتب القضايا السياسية والعسكرية")
    window.annotation_controller.changed.emit()  # the margin is rebuilt (someone else's suggestion stored…)
    [card] = cards(window, "ThreadCard")
    assert card.reply_edit.text() == "مكتب القضايا السياسية والعسكرية"  # a reply being typed is kept
    qtbot.keyClick(card.reply_edit, Qt.Key.Key_Return)
    assert [m.body for m in Annotations(library).threads(record.id)[0].messages][-1] == "مكتب القضايا السياسية والعسكرية"
    [card] = cards(window, "ThreadCard")
    qtbot.mouseClick(card.resolve_button, Qt.MouseButton.LeftButton)
    assert Annotations(library).threads(record.id)[0].resolved
    assert cards(window, "ThreadCard") == []  # listed below, with the threads whose words are gone
    assert pane.others_button.isVisible() and "1" in pane.others_button.text()
    pane.others_button.click()  # the resolved thread, listed with its words and a way back
    qtbot.waitUntil(lambda: any(card.isVisible() for card in pane._thread_cards()))
    [listed] = [card for card in pane._thread_cards() if card.isVisible()]
    assert listed.thread.resolved and "وزارة الخارجية الأمريكية" in listed.quote.text()
    qtbot.mouseClick(listed.resolve_button, Qt.MouseButton.LeftButton)
    assert not Annotations(library).threads(record.id)[0].resolved and len(cards(window, "ThreadCard")) == 1
    qtbot.mouseClick(cards(window, "ThreadCard")[0].resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not highlighted(editor, "وزارة الخارجية الأمريكية"))


def test_suggest_mode_records_typing_and_deleting_and_saves_only_accepted_text(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    editor = window.editor.body_edit
    window.commands.action("annotations.suggest_mode").trigger()
    assert window.annotation_pane.suggest_toggle.isChecked()
    editor.setFocus()
    place_caret(editor, BODY.index("رئيسي") + len("رئيسي"))
    type_text(editor, " وأساسي")
    # Backspace over accepted text: it stays, struck through; the caret moves before it.
    place_caret(editor, BODY.index("الدوري") + len("الدوري") + len(" وأساسي") * 0)
    for _ in range(len("الدوري")):
        key(editor, Qt.Key.Key_Backspace, qtbot)
    shown = editor.toPlainText()
    assert "كحليف رئيسي وأساسي." in shown and "الدوري" in shown
    assert editor.textCursor().position() == BODY.index("الدوري")
    assert window.editor.body() == BODY  # what is saved: the accepted text
    window.autosave.flush()
    window.annotation_controller.save()
    assert library.get(record.id).body == BODY
    stored = {s.kind: s for s in Annotations(library).suggestions(record.id)}
    assert stored["insert"].text == " وأساسي" and stored["delete"].text == "الدوري"
    qtbot.waitUntil(lambda: marked(editor, "fontStrikeOut") == ["الدوري"])
    assert marked(editor, "fontUnderline") == [" وأساسي"]
    # Backspace inside one's own suggestion really removes it.
    place_caret(editor, shown.index(" وأساسي") + len(" وأساسي"))
    key(editor, Qt.Key.Key_Backspace, qtbot)
    assert "كحليف رئيسي وأساس." in editor.toPlainText()
    window.annotation_controller.save()
    assert {s.kind: s.text for s in Annotations(library).suggestions(record.id)}["insert"] == " وأساس"
    # Typing over a selection: the selection is suggested deleted, the new words inserted.
    select_words(editor, "عمق")
    type_text(editor, "متانة")
    assert "يعكس عمقمتانة العلاقات" in editor.toPlainText() and window.editor.body() == BODY


def test_accept_one_reject_another_from_the_margin_and_all_from_the_menu(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    notes = Annotations(library)
    insertion = notes.suggest_insert(record.id, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
    deletion = notes.suggest_delete(record.id, BODY.index("الدوري "), BODY.index("الدوري ") + len("الدوري "))
    window.open_article(library.create(ArticleDraft(title="آخر", body="نص")).id)
    window.open_article(record.id)  # the editor composes the suggestions in
    editor = window.editor.body_edit
    assert "رئيسي وأساسي." in editor.toPlainText() and window.editor.body() == BODY
    by_id = {card.suggestion.id: card for card in cards(window, "SuggestionCard")}
    assert set(by_id) == {insertion.id, deletion.id}
    qtbot.mouseClick(by_id[insertion.id].accept_button, Qt.MouseButton.LeftButton)
    assert "كحليف رئيسي وأساسي." in library.get(record.id).body
    by_id = {card.suggestion.id: card for card in cards(window, "SuggestionCard")}
    qtbot.mouseClick(by_id[deletion.id].reject_button, Qt.MouseButton.LeftButton)
    body = library.get(record.id).body
    assert body == BODY.replace("رئيسي.", "رئيسي وأساسي.") == editor.toPlainText() == window.editor.body()
    assert cards(window, "SuggestionCard") == []
    qtbot.waitUntil(lambda: marked(editor, "fontStrikeOut") == [])
    assert json.loads(library.revisions(record.id)[0].note)["accepted"][0]["text"] == " وأساسي"
    # Typing after a decision is saved on the new text (no conflict with it).
    place_caret(editor, 0)
    type_text(editor, "تحليل: ")
    assert window.autosave.flush()
    assert library.get(record.id).body == "تحليل: " + body

    notes.suggest_delete(record.id, 0, len("تحليل: "))
    notes.suggest_insert(record.id, len(library.get(record.id).body), " (انتهى)")
    window.open_article(record.id)
    window.editor.load(library.get(record.id))  # loading the same text again loses no suggestion
    window.annotation_controller.save()
    assert len(notes.suggestions(record.id)) == 2
    window.commands.action("annotations.accept_all").trigger()
    assert library.get(record.id).body == body + " (انتهى)" == editor.toPlainText()


def test_the_context_menu_over_a_suggestion_accepts_or_rejects_it(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    deletion = Annotations(library).suggest_delete(record.id, BODY.index("عمق "), BODY.index("عمق ") + len("عمق "))
    window.editor.load(library.get(record.id))
    menu = QMenu()
    window.editor.body_edit.context_menu_requested.emit(menu, _cursor_at(window.editor.body_edit, BODY.index("عمق") + 1))
    labels = [action.text() for action in menu.actions()]
    assert labels[:2] == ["قبول الاقتراح", "رفض الاقتراح"]
    menu.actions()[0].trigger()
    assert "يعكس العلاقات" in library.get(record.id).body
    assert Annotations(library).suggestions(record.id, pending_only=False)[0].id == deletion.id


def _cursor_at(editor, position: int) -> QTextCursor:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    return cursor


def test_a_formatting_command_in_suggest_mode_suggests_its_marks_and_removes_nothing(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    editor = window.editor.body_edit
    window.annotation_controller.set_suggesting(True)
    select_words(editor, "عمق")
    window.commands.action("format.bold").trigger()
    qtbot.waitUntil(lambda: marked(editor, "fontUnderline") == ["**", "**"])
    assert "يعكس **عمق** العلاقات" in editor.toPlainText() and window.editor.body() == BODY
    # A drag or any other removal of accepted text comes back at once, struck through.
    cursor = editor.textCursor()
    start = editor.toPlainText().index("بين البلدين")
    cursor.setPosition(start)
    cursor.setPosition(start + len("بين "), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    qtbot.waitUntil(lambda: marked(editor, "fontStrikeOut") == ["بين "])
    assert "بين البلدين" in editor.toPlainText() and window.editor.body() == BODY
    window.annotation_controller.save()
    assert sorted(s.text for s in Annotations(library).suggestions(record.id)) == ["**", "**", "بين "]


def test_the_revisions_dialog_says_who_accepted_which_suggestion(open_window, library, qtbot):
    from editor_app.ui.dialogs.revisions import RevisionsDialog

    window, record = open_article(open_window, library)
    suggestion = Annotations(library).suggest_insert(record.id, 0, "عاجل: ")
    window.editor.load(library.get(record.id))
    window.annotation_controller.decide(suggestion.id, True)
    dialog = RevisionsDialog(library.revisions(record.id), window.editor.body(), window)
    qtbot.addWidget(dialog)
    reason = dialog.table.item(0, 1).text()
    assert reason == f"قبول اقتراح — قبِل {library.actor} اقتراح {library.actor}: إضافة «عاجل:»"


def test_comments_and_suggestions_follow_a_save_from_elsewhere_and_a_merge(open_window, library, location, qtbot):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database

    window, record = open_article(open_window, library)
    notes = Annotations(library)
    notes.start_thread(record.id, BODY.index("عمق العلاقات"), BODY.index("عمق العلاقات") + len("عمق العلاقات"), "جميل")
    notes.suggest_insert(record.id, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
    window.editor.load(library.get(record.id))
    editor, controller = window.editor.body_edit, window.annotation_controller
    elsewhere_database = Database(location.database_url)
    try:
        elsewhere = Library(elsewhere_database, actor="b")
        # Another process saves while this window has nothing unsaved: the text reloads in place.
        elsewhere.save_text(record.id, title=record.title, body="عاجل: فقرة أولى جديدة.\n\n" + BODY)
        qtbot.waitUntil(lambda: editor.toPlainText().startswith("عاجل"), timeout=5000)
        comment = next(m for m in controller.layer.marks.values() if m.kind.value == "comment")
        insertion = next(m for m in controller.layer.marks.values() if m.kind.value == "insert")
        assert editor.toPlainText()[comment.anchor.start:comment.anchor.end] == "عمق العلاقات"
        assert editor.toPlainText()[insertion.anchor.start:insertion.anchor.end] == " وأساسي"
        assert window.editor.body() == "عاجل: فقرة أولى جديدة.\n\n" + BODY
        # Both change the text: this window's typing is merged with theirs, the marks follow both.
        place_caret(editor, editor.toPlainText().index("البلدين") + len("البلدين"))
        type_text(editor, " الصديقين")
        elsewhere.save_text(record.id, title=record.title, body="عاجل: فقرة أولى جديدة ومنقحة.\n\n" + BODY)
        assert window.autosave.flush()
        merged = library.get(record.id).body
        assert merged.startswith("عاجل: فقرة أولى جديدة ومنقحة.") and "البلدين الصديقين" in merged
        assert window.editor.body() == merged and "رئيسي وأساسي." in editor.toPlainText()
        comment = next(m for m in controller.layer.marks.values() if m.kind.value == "comment")
        assert editor.toPlainText()[comment.anchor.start:comment.anchor.end] == "عمق العلاقات"
        controller.save()
        [thread] = notes.threads(record.id)
        assert merged[thread.anchor.start:thread.anchor.end] == "عمق العلاقات"
        assert notes.accept_all(record.id).body == merged.replace("رئيسي.", "رئيسي وأساسي.")
    finally:
        elsewhere_database.close()


def test_the_words_of_a_comment_being_written_follow_edits_made_meanwhile(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    editor, pane = window.editor.body_edit, window.annotation_pane
    select_words(editor, "عمق العلاقات")
    assert pane.start_comment()
    place_caret(editor, 0)
    type_text(editor, "تحليل: ")  # the writer edits above before sending the comment
    qtbot.waitUntil(lambda: bool(highlighted(editor, "عمق العلاقات")))
    pane.composer.text.setPlainText("أي علاقات؟")
    pane.composer.submitted.emit(pane.composer.text.toPlainText())
    [thread] = Annotations(library).threads(record.id)
    assert thread.anchor.quote == "عمق العلاقات"
    assert library.get(record.id).body[thread.anchor.start:thread.anchor.end] == "عمق العلاقات"


def test_no_decision_while_someone_else_holds_the_article(open_window, library, qtbot):
    window, record = open_article(open_window, library)
    suggestion = Annotations(library).suggest_delete(record.id, 0, 3)
    window.editor.load(library.get(record.id))
    said = []
    window.annotation_controller.failed.connect(said.append)
    window.editor.body_edit.setReadOnly(True)  # what the lease does when another person edits it
    assert not window.annotation_controller.decide(suggestion.id, True)
    assert said == ["يحرّر غيرك هذا المقال الآن: قرّر في الاقتراحات بعد أن ينتهي"]
    assert library.get(record.id).body == BODY and Annotations(library).suggestions(record.id)[0].id == suggestion.id


@pytest.mark.parametrize("seed, accept", [(20261202, True), (7, False)])
def test_random_typing_and_deleting_in_suggest_mode_never_changes_the_accepted_text(open_window, library, qtbot,
                                                                                   seed, accept):
    """Seeded random keystrokes: the saved text stays the original; accepting everything gives
    what the editor shows minus what is struck; rejecting everything gives the original back."""
    import random

    from editor_app.core.annotations.marks import MarkKind

    window, record = open_article(open_window, library)
    editor, controller = window.editor.body_edit, window.annotation_controller
    controller.set_suggesting(True)
    editor.setFocus()
    rng = random.Random(seed)
    for _ in range(80):
        action = rng.random()
        if action < 0.3:
            place_caret(editor, rng.randint(0, len(editor.toPlainText())))
        elif action < 0.6:
            type_text(editor, rng.choice(["و", "قال ", "،", " الأمن", "\n"]))
        elif action < 0.8:
            key(editor, Qt.Key.Key_Backspace, qtbot)
        else:
            key(editor, Qt.Key.Key_Delete, qtbot)
        qtbot.wait(1)  # a removal that was put back lands
        assert window.editor.body() == BODY
    controller.save()
    shown = editor.toPlainText()
    struck = sorted((m.anchor.start, m.anchor.end) for m in controller.layer.marks.values() if m.kind is MarkKind.DELETE)
    kept_from, kept_to = [0] + [end for _, end in struck], [start for start, _ in struck] + [len(shown)]
    expected = "".join(shown[a:b] for a, b in zip(kept_from, kept_to))
    assert controller.decide(None, accept)
    assert library.get(record.id).body == (expected if accept else BODY) == editor.toPlainText()
