"""A full disk: the autosave fails, the text stays in the editor with a warning that
stays, the save is retried, and nothing already saved is damaged. The data folder is a
small tmpfs, filled up for real (root mounts it; elsewhere the test cannot run)."""

from __future__ import annotations

import sqlite3

import pytest

from editor_app.core.library import Library
from editor_app.core.storage import Database, resolve_location
from tests.ui.typing import type_text
from tests.small_disk import fill, mounted_tmpfs, needs_root

pytestmark = needs_root


@pytest.fixture
def small_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "small", "24m") as folder:
        yield folder


def test_a_full_disk_keeps_the_text_warns_retries_and_damages_nothing(qtbot, small_disk, monkeypatch):
    monkeypatch.setattr("editor_app.ui.autosave.RETRY_DELAY_MS", 300)
    from editor_app.ui.application import create_application, create_main_window

    create_application([])
    location = resolve_location(data_dir=small_disk / "data", environ={})
    database = Database(location.database_url)
    window = create_main_window(database, location)
    window.show()
    try:
        window.new_article()
        type_text(window.editor.body_edit, "نص محفوظ قبل امتلاء القرص.")
        assert window.autosave.flush()
        article_id = window.editor.article_id

        filler = fill(small_disk)
        type_text(window.editor.body_edit, " كلمات كثيرة كُتبت والقرص ممتلئ.")
        assert not window.autosave.flush()
        assert "تعذّر الحفظ" in window.save_label.text() and "full" in window.save_label.toolTip()
        qtbot.wait(1000)  # the retries fail too; the warning stays
        assert "تعذّر الحفظ" in window.save_label.text()
        assert "كلمات كثيرة كُتبت والقرص ممتلئ." in window.editor.body()

        filler.unlink()
        qtbot.waitUntil(lambda: window.save_label.text() == "محفوظ", timeout=10000)
    finally:
        window.close()
        database.close()

    with sqlite3.connect(small_disk / "data" / "midad.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reopened = Database(location.database_url)
    body = Library(reopened).get(article_id).body
    reopened.close()
    assert body.startswith("نص محفوظ قبل امتلاء القرص.") and body.endswith("كلمات كثيرة كُتبت والقرص ممتلئ.")
