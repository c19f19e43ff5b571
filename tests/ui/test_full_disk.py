"""A full disk: the autosave fails, the text stays in the editor with a warning that
stays, the save is retried, and nothing already saved is damaged. The data folder is a
small tmpfs, filled up for real (root mounts it; elsewhere the test cannot run)."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest

from editor_app.core.library import Library
from editor_app.core.storage import Database, resolve_location
from tests.ui.typing import type_text

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root (CI runs as root)")


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder):
    """Take every free byte (a filler file grows until ENOSPC)."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 65536)
    except OSError:
        pass
    finally:
        os.close(descriptor)
    return filler


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
