"""The window and another process (a second window, the CLI) on one library: nothing lost,
changes followed, conflicts settled by the writer."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QTextCursor

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from editor_app.ui.concurrency.merge_dialog import MergeDialog
from tests.ui.typing import type_text

BODY = "الفقرة الأولى عن الاقتصاد.\n\nالفقرة الثانية عن السياسة.\n\nالفقرة الثالثة عن الرياضة.\n"


pytestmark = pytest.mark.both_engines


@pytest.fixture
def window_database_url(database_url) -> str:
    """The window on SQLite, then on PostgreSQL (tests/ui/conftest.py's open_window opens it)."""
    return database_url


@pytest.fixture
def elsewhere(database_url):
    """Another process's library on the same database."""
    database = Database(database_url)
    yield Library(database, actor="b")
    database.close()


def _open_on(open_window, elsewhere, body=BODY):
    record = elsewhere.create(ArticleDraft(title="عنوان", body=body))
    window = open_window()
    window.list_panel.reload()
    window.open_article(record.id)
    return window, record


def _put_cursor(window, text):
    cursor = window.editor.body_edit.textCursor()
    cursor.setPosition(window.editor.body().index(text) + len(text))
    window.editor.body_edit.setTextCursor(cursor)


def test_my_autosave_never_overwrites_a_correction_saved_elsewhere(open_window, elsewhere):
    window, record = _open_on(open_window, elsewhere)
    corrected = BODY.replace("عن السياسة", "عن السياسة الخارجية")
    elsewhere.save_text(record.id, title="عنوان", body=corrected)  # B saves a correction
    _put_cursor(window, "عن الرياضة")
    type_text(window.editor.body_edit, " والشباب")  # A keeps typing in another paragraph
    assert window.autosave.flush()
    stored = elsewhere.get(record.id).body
    assert "عن السياسة الخارجية" in stored and "عن الرياضة والشباب" in stored
    assert window.editor.body() == stored  # the window shows the combined text...
    cursor = window.editor.body_edit.textCursor().position()
    assert window.editor.body()[:cursor].endswith("والشباب")  # ...with the cursor where it was


def test_overlapping_edits_open_the_merge_dialog_and_nothing_is_lost(open_window, elsewhere, qtbot):
    window, record = _open_on(open_window, elsewhere)
    theirs = BODY.replace("عن السياسة", "عن الدبلوماسية")
    elsewhere.save_text(record.id, title="عنوان", body=theirs)
    shown = []

    def take_theirs(conflict):
        dialog = MergeDialog(conflict)
        qtbot.addWidget(dialog)
        [choice] = dialog.body_choices
        shown.append((choice.theirs_pane.toPlainText(), choice.mine_pane.toPlainText()))
        choice.take_theirs.setChecked(True)
        return dialog.settled()

    window.autosave.resolve_conflict = take_theirs
    _put_cursor(window, "عن السياسة")
    type_text(window.editor.body_edit, " الداخلية")
    mine = window.editor.body()
    assert window.autosave.flush()
    assert shown == [("الفقرة الثانية عن الدبلوماسية.", "الفقرة الثانية عن السياسة الداخلية.")]
    assert elsewhere.get(record.id).body == theirs
    assert window.editor.body() == theirs
    assert mine in [revision.body for revision in elsewhere.revisions(record.id)]  # my side kept


def test_merging_by_hand(open_window, elsewhere, qtbot):
    window, record = _open_on(open_window, elsewhere)
    elsewhere.save_text(record.id, title="عنوان", body=BODY.replace("عن السياسة", "عن الدبلوماسية"))

    def by_hand(conflict):
        dialog = MergeDialog(conflict)
        qtbot.addWidget(dialog)
        dialog.body_choices[0].by_hand.setChecked(True)
        dialog.body_choices[0].hand_pane.setPlainText("الفقرة الثانية عن السياسة والدبلوماسية.")
        return dialog.settled()

    window.autosave.resolve_conflict = by_hand
    _put_cursor(window, "عن السياسة")
    type_text(window.editor.body_edit, " الداخلية")
    assert window.autosave.flush()
    assert elsewhere.get(record.id).body == BODY.replace("عن السياسة", "عن السياسة والدبلوماسية")


def test_a_change_elsewhere_reloads_in_place_when_nothing_is_unsaved(open_window, elsewhere, qtbot):
    window, record = _open_on(open_window, elsewhere)
    _put_cursor(window, "عن الرياضة")
    changed = BODY.replace("عن الاقتصاد", "عن الاقتصاد والمال")
    elsewhere.save_text(record.id, title="عنوان أحدث", body=changed)
    qtbot.waitUntil(lambda: window.editor.body() == changed, timeout=5000)
    assert window.editor.title() == "عنوان أحدث"
    cursor = window.editor.body_edit.textCursor().position()
    assert window.editor.body()[:cursor].endswith("عن الرياضة")
    assert not window.autosave.has_unsaved_changes
    type_text(window.editor.body_edit, "!")  # and the next save is based on the reloaded version
    assert window.autosave.flush()
    assert elsewhere.get(record.id).body == changed.replace("عن الرياضة", "عن الرياضة!")


def test_details_changed_elsewhere_are_shown(open_window, elsewhere, qtbot):
    window, record = _open_on(open_window, elsewhere)
    elsewhere.update_metadata(record.id, excerpt="موجز من زميل")
    qtbot.waitUntil(lambda: window.metadata.excerpt.toPlainText() == "موجز من زميل", timeout=5000)


def test_an_article_imported_by_the_cli_appears_in_the_open_window(open_window, database_url, location, qtbot, tmp_path):
    window = open_window()
    before = window.list_panel.model.total
    article = tmp_path / "وارد.md"
    article.write_text("---\ntitle: خبر وصل من الطرفية\n---\nنص الخبر.\n", encoding="utf-8")
    environment = {**os.environ, "MIDAD_DATA_DIR": str(location.data_dir), "MIDAD_DATABASE_URL": database_url}
    subprocess.run([sys.executable, "-m", "editor_app", "import", str(article)], check=True, env=environment,
                   capture_output=True, timeout=60)
    model = window.list_panel.model
    qtbot.waitUntil(lambda: model.total == before + 1, timeout=5000)
    titles = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert "خبر وصل من الطرفية" in titles
    assert window.editor.article_id is not None  # the open article stayed open


def test_replacing_text_in_place_is_one_undo_step_and_keeps_the_cursor(open_window, elsewhere):
    from editor_app.ui.concurrency.live_text import changed_span, replace_text_in_place

    assert changed_span("أبجد هوز", "أبجد حطي هوز") == (5, 5, "حطي ")
    window, _record = _open_on(open_window, elsewhere)
    window.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    replace_text_in_place(window.editor, "عنوان", "😀 " + BODY)
    assert window.editor.body() == "😀 " + BODY
    assert window.editor.body_edit.textCursor().atEnd()
    assert not window.autosave.has_unsaved_changes


@pytest.fixture
def as_person():
    from editor_app.core import leases

    yield lambda name: leases.set_person_hook(lambda database: name)
    leases.set_person_hook(None)


def test_a_second_window_gets_a_leased_article_read_only_and_can_take_it_over(open_window, elsewhere, as_person, qtbot):
    record = elsewhere.create(ArticleDraft(title="عنوان", body=BODY))
    as_person("أمينة")
    amina = open_window()
    amina.list_panel.reload()
    amina.open_article(record.id)
    assert not amina.follower.leases.read_only
    as_person("خالد")
    khalid = open_window()
    khalid.list_panel.reload()
    khalid.open_article(record.id)
    leases = khalid.follower.leases
    assert leases.read_only and khalid.editor.body_edit.isReadOnly() and not khalid.metadata.isEnabled()
    assert not leases.banner.isHidden() and "أمينة" in leases.banner.label.text()
    model = khalid.list_panel.model
    title = model.data(model.index(model.row_of(record.id), 0))
    assert title == "أمينة يحرّره: عنوان"

    # Amina types; before her autosave runs, Khalid takes over.
    _put_cursor(amina, "عن الرياضة")
    type_text(amina.editor.body_edit, " وكرة السلة")
    unsaved = amina.editor.body()
    leases.banner.take_over_button.click()
    assert not leases.read_only and not khalid.editor.body_edit.isReadOnly() and khalid.metadata.isEnabled()
    qtbot.waitUntil(lambda: amina.follower.leases.read_only, timeout=5000)  # told at her next change event
    assert amina.editor.body_edit.isReadOnly() and "خالد" in amina.follower.leases.banner.label.text()
    assert not amina.autosave.has_unsaved_changes
    assert unsaved in [revision.body for revision in elsewhere.revisions(record.id)]  # her text kept
    assert elsewhere.get(record.id).body == BODY


def test_details_merge_field_by_field_and_a_clash_shows_theirs(open_window, elsewhere, qtbot):
    window, record = _open_on(open_window, elsewhere)
    window.follower.pause()  # the window has not heard of the other changes yet
    elsewhere.update_metadata(record.id, author="سعاد", excerpt="موجز سعاد")
    window.article_actions.apply_metadata({"column": "رأي"})  # another field: merges
    stored = elsewhere.get(record.id)
    assert (stored.column, stored.author, stored.excerpt) == ("رأي", "سعاد", "موجز سعاد")
    messages = []
    window.article_actions.failed.connect(messages.append)
    window.article_actions.apply_metadata({"excerpt": "موجزي"})  # the same field: a conflict
    assert elsewhere.get(record.id).excerpt == "موجز سعاد"
    assert window.metadata.excerpt.toPlainText() == "موجز سعاد" and "موجزي" in messages[0]


def test_asking_to_edit_tells_the_holder(open_window, elsewhere, as_person, qtbot):
    record = elsewhere.create(ArticleDraft(title="عنوان", body=BODY))
    as_person("أمينة")
    amina = open_window()
    amina.list_panel.reload()
    amina.open_article(record.id)
    as_person("خالد")
    khalid = open_window()
    khalid.list_panel.reload()
    khalid.open_article(record.id)
    khalid.follower.leases.banner.ask_button.click()
    assert "أمينة" in khalid.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "خالد يطلب" in amina.statusBar().currentMessage(), timeout=5000)
    assert not amina.follower.leases.read_only  # asking takes nothing away


def test_a_background_save_landing_after_a_switch_leaves_the_new_articles_base(open_window, elsewhere, qtbot):
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from benchmarks.articles import arabic_markdown

    window, _first = _open_on(open_window, elsewhere)
    second = elsewhere.create(ArticleDraft(title="ثان", body=BODY))
    window.list_panel.reload()
    mime = QMimeData()
    mime.setText(arabic_markdown(100_000))  # long enough to be saved on a worker
    window.editor.body_edit.insertFromMimeData(mime)
    window.autosave._timer_fired()
    window.open_article(second.id)
    QApplication.processEvents()  # the background save's signal arrives now
    assert window.autosave.base_for(second.id) is not None
    elsewhere.save_text(second.id, title="ثان", body=BODY.replace("الاقتصاد", "الاقتصاد والمال"))
    _put_cursor(window, "عن الرياضة")
    type_text(window.editor.body_edit, "!")
    assert window.autosave.flush()
    assert "الاقتصاد والمال" in elsewhere.get(second.id).body  # merged, not overwritten
