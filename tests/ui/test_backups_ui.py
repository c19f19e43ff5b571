"""Backups in the window: made at start, restored from File › Restore from backup…, and
offered when the database turns out damaged."""

from __future__ import annotations

from editor_app.core.backups import create_backup, list_backups, sqlite_path
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from editor_app.ui.backup_scheduler import BackupScheduler
from editor_app.ui.dialogs.backups_dialog import BackupsDialog
from editor_app.ui.recovery import open_or_recover
from tests.ui.typing import type_text


def test_the_scheduler_backs_up_at_start_including_what_was_just_typed(qtbot, library, location):
    article = library.create(ArticleDraft(title="قيد الكتابة"))
    pending = []

    def flush_editor():
        pending.append(library.save_text(article.id, title="قيد الكتابة", body="ما كُتب قبل النسخة بلحظة"))

    scheduler = BackupScheduler(sqlite_path(location.database_url), before_backup=flush_editor)
    with qtbot.waitSignal(scheduler.backed_up, timeout=10000) as made:
        scheduler.start()
    backup = made.args[0]
    assert backup.reason == "start" and pending
    copy = Library(Database(f"sqlite:///{backup.path}", migrate=False))
    assert copy.get(article.id).body == "ما كُتب قبل النسخة بلحظة"
    copy.database.close()
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 30 * 60 * 1000
    scheduler.shutdown()


def test_restoring_a_backup_in_the_window_brings_the_library_back_and_can_be_undone(open_window, qtbot, location):
    window = open_window()
    window.new_article()
    type_text(window.editor.title_edit, "قبل النسخة")
    window.save_now()
    backup = create_backup(sqlite_path(location.database_url), "manual")
    at_backup = sorted(s.title for s in window.library.summaries())
    window.new_article()
    type_text(window.editor.title_edit, "بعد النسخة")
    window.save_now()
    assert window.list_panel.model.total == len(at_backup) + 1

    dialog = BackupsDialog(list_backups(sqlite_path(location.database_url)), window)
    qtbot.addWidget(dialog)
    assert dialog.selected() == backup and dialog.table.rowCount() >= 1
    window.restore_backup(backup)
    assert window.list_panel.model.total == len(at_backup)
    assert sorted(s.title for s in window.library.summaries()) == at_backup and "قبل النسخة" in at_backup
    assert window.library.search("قبل")[0].title == "قبل النسخة"  # the search index came back with it
    message = window.statusBar().currentMessage()
    assert "before-restore" in message

    undo = next(b for b in list_backups(sqlite_path(location.database_url)) if b.reason == "before-restore")
    window.restore_backup(undo)
    assert sorted(s.title for s in window.library.summaries()) == sorted([*at_backup, "بعد النسخة"])


def test_a_damaged_database_is_replaced_by_the_latest_good_backup_only_when_the_writer_agrees(location):
    database = Database(location.database_url)
    Library(database).create(ArticleDraft(title="محفوظ في النسخة"))
    path = sqlite_path(location.database_url)
    create_backup(path, "start")
    database.close()
    damaged = path.read_bytes()[:3000]
    path.write_bytes(damaged)

    questions, told = [], []
    opened, restored = open_or_recover(location, ask=lambda q: questions.append(q) or False, tell=told.append)
    assert opened is None and restored is None and path.read_bytes() == damaged
    assert "damaged" in questions[0] and "truncated" in questions[0]

    opened, restored = open_or_recover(location, ask=lambda q: True, tell=told.append)
    assert [s.title for s in Library(opened).summaries()] == ["محفوظ في النسخة"]
    assert restored.moved_aside.read_bytes() == damaged and not told
    opened.close()


def test_without_a_backup_the_writer_is_told_and_nothing_is_touched(location):
    path = sqlite_path(location.database_url)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 1000)
    told = []
    opened, _ = open_or_recover(location, ask=lambda q: True, tell=told.append)
    assert opened is None and "لا توجد نسخة احتياطية سليمة" in told[0]
    assert path.read_bytes() == b"garbage" * 1000
