"""Two windows on a private newsroom server: the writer sends an article from their window;
the desk editor's bell rings and their list shows where it is, without a reload; the writer's
attempt at «جاهز» is refused by the server and said in Arabic."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QMessageBox

from editor_app.ui import plain_text
from editor_app.core.storage import Database, resolve_location
from editor_app.core.workflow.service import Workflow
from editor_app.ui.application import create_application, create_main_window
from editor_app.ui.i18n import apply_language
from editor_app.ui.workflow.actions import STAGE_COLUMN


def test_a_send_rings_the_editors_bell_and_a_refusal_is_said_in_arabic(newsroom, qtbot, tmp_path, monkeypatch):
    writer_login = newsroom.add("writer", "سمير الكاتب")
    editor_login = newsroom.add("editor", "هدى المحررة")
    chief_login = newsroom.add("chief", "أمين")
    Workflow(newsroom.library(chief_login)).add_desk("أخبار")
    create_application([])
    apply_language("ar")  # the server's refusal in the window's language
    opened = []

    def window_of(login):
        database = Database(newsroom.url(login))
        window = create_main_window(database, resolve_location(data_dir=tmp_path / login, environ={}))
        window.show()
        qtbot.waitExposed(window)
        opened.append((window, database))
        return window

    try:
        writer, editor = window_of(writer_login), window_of(editor_login)
        assert not editor.list_panel.view.isColumnHidden(STAGE_COLUMN)
        writer.new_article()
        writer.editor.title_edit.setText("تحقيق الميناء")
        writer.editor.body_edit.setPlainText("مسودة")
        assert writer.autosave.flush()
        article_id = writer.editor.article_id
        model = editor.list_panel.model
        qtbot.waitUntil(lambda: model.row_of(article_id) is not None, timeout=10_000)

        flow = writer.workflow.workflow
        assert writer.workflow.send(article_id, flow.find_stage("أخبار/تحرير").id, editor_login, "راجعيه")
        bell = editor.workflow.bell
        qtbot.waitUntil(lambda: bell.count == 1, timeout=10_000)
        qtbot.waitUntil(lambda: model.data(model.index(model.row_of(article_id), STAGE_COLUMN))
                        == "أخبار › تحرير · هدى المحررة", timeout=10_000)
        bell.show_popup()
        assert "أرسله سمير الكاتب إلى أخبار › تحرير" in bell.popup.list.item(0).text()

        warnings = []
        monkeypatch.setattr(plain_text, "warning", lambda _parent, _title, text: warnings.append(text))
        assert not writer.workflow.send(article_id, flow.find_stage("أخبار/جاهز").id, None, "")
        assert warnings == ["لا يرسل مقالًا إلى مرحلة «جاهز» إلا المحرر؛ رفض الخادم ولم يتغير شيء"]
        assert flow.placement(article_id).stage.name == "تحرير"
    finally:
        for window, database in opened:
            if shiboken6.isValid(window):
                window.close()
                shiboken6.delete(window)
            database.close()
