"""Issue 17's "done when": two windows logged in as two people on one private PostgreSQL. The
editor sees the writer's new article appear, opens it read-only while the writer holds the
lease, takes over and edits; a concurrent edit in another paragraph merges; an overlapping
one opens the merge dialog; no version is lost."""

from __future__ import annotations

import shiboken6

from editor_app.core import concurrent_edits
from editor_app.core.concurrent_edits import TextBase
from editor_app.core.storage import Database, resolve_location
from editor_app.ui.application import create_application, create_main_window
from editor_app.ui.concurrency.merge_dialog import MergeDialog
from tests.ui.typing import type_text

BODY = "الفقرة الأولى عن الاقتصاد.\n\nالفقرة الثانية عن السياسة.\n\nالفقرة الثالثة عن الرياضة.\n"


def test_two_people_edit_one_article_on_the_newsroom_server(newsroom, qtbot, tmp_path):
    writer_login = newsroom.add("writer", "سمير الكاتب")
    editor_login = newsroom.add("editor", "هدى المحررة")
    create_application([])
    opened = []

    def window_of(login):
        database = Database(newsroom.url(login))
        window = create_main_window(database, resolve_location(data_dir=tmp_path / login, environ={}))
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, database))
        return window

    try:
        writer = window_of(writer_login)
        editor = window_of(editor_login)
        writer.new_article()
        writer.editor.title_edit.setText("تحقيق الميناء")
        writer.editor.body_edit.setPlainText(BODY)
        assert writer.autosave.flush()
        article_id = writer.editor.article_id

        # The editor's list shows the writer's new article by itself.
        model = editor.list_panel.model
        qtbot.waitUntil(lambda: model.row_of(article_id) is not None, timeout=10_000)
        qtbot.waitUntil(lambda: "سمير الكاتب" in (model.data(model.index(model.row_of(article_id), 0)) or ""),
                        timeout=10_000)
        editor.open_article(article_id)
        leases = editor.follower.leases
        assert leases.read_only and editor.editor.body_edit.isReadOnly()
        assert "سمير الكاتب" in leases.banner.label.text()

        leases.banner.take_over_button.click()
        assert not editor.editor.body_edit.isReadOnly()
        qtbot.waitUntil(lambda: writer.follower.leases.read_only, timeout=10_000)
        assert "هدى المحررة" in writer.follower.leases.banner.label.text()

        # The editor edits the first paragraph while a save of the writer's (written from the
        # version before) changes the third: both stay.
        writer_base = TextBase.of(writer.library.get(article_id))
        cursor = editor.editor.body_edit.textCursor()
        cursor.setPosition(editor.editor.body().index("الاقتصاد") + len("الاقتصاد"))
        editor.editor.body_edit.setTextCursor(cursor)
        type_text(editor.editor.body_edit, " والمال")
        assert editor.autosave.flush()
        merged = concurrent_edits.save_text(writer.library, writer_base, "تحقيق الميناء",
                                            BODY.replace("الرياضة", "الرياضة والشباب"))
        assert merged.merged and merged.conflict is None
        qtbot.waitUntil(lambda: "الرياضة والشباب" in editor.editor.body(), timeout=10_000)  # reloaded in place
        assert "الاقتصاد والمال" in editor.editor.body()

        # Both change the second paragraph: the editor's window asks, keeping theirs here.
        writer.library.save_text(article_id, title="تحقيق الميناء",
                                 body=writer.library.get(article_id).body.replace("السياسة", "الدبلوماسية"))
        editor.follower.pause()  # the editor types before hearing of it
        shown = []

        def take_theirs(conflict):
            dialog = MergeDialog(conflict)
            qtbot.addWidget(dialog)
            shown.append(len(dialog.body_choices))
            dialog.body_choices[0].take_theirs.setChecked(True)
            return dialog.settled()

        editor.autosave.resolve_conflict = take_theirs
        cursor = editor.editor.body_edit.textCursor()
        cursor.setPosition(editor.editor.body().index("السياسة") + len("السياسة"))
        editor.editor.body_edit.setTextCursor(cursor)
        type_text(editor.editor.body_edit, " الخارجية")
        mine = editor.editor.body()
        assert editor.autosave.flush()
        assert shown == [1]
        stored = editor.library.get(article_id).body
        assert "الدبلوماسية" in stored and "الاقتصاد والمال" in stored and "الرياضة والشباب" in stored
        assert mine in [revision.body for revision in editor.library.revisions(article_id)]  # nothing lost
    finally:
        for window, database in opened:
            if shiboken6.isValid(window):
                window.close()
                shiboken6.delete(window)
            database.close()

