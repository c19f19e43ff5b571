"""Revision pruning runs by itself when the writer is idle: a library written in every day
keeps a bounded number of revisions (the rule: older than 7 days, the last autosave of each day)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor_app.core.records import ArticleDraft
from editor_app.ui.revision_pruner import IDLE_MS, RevisionPruner

SAVES_PER_DAY = 6
START = datetime(2024, 1, 1, 9, tzinfo=timezone.utc)


class _Saves(QObject):
    saved = Signal(object)


def _write_for(library, monkeypatch, record_id: int, first_day: int, days: int) -> datetime:
    """Autosaves 11 minutes apart (each keeps a revision), SAVES_PER_DAY a day; returns the last moment."""
    moment = START
    for day in range(first_day, first_day + days):
        for number in range(SAVES_PER_DAY):
            moment = START + timedelta(days=day, minutes=11 * number)
            monkeypatch.setattr("editor_app.core.library.utc_now", lambda moment=moment: moment)
            library.save_text(record_id, title="يوميات", body=f"اليوم {day}، المرة {number}")
    return moment


def test_idle_pruning_keeps_a_written_library_bounded(qtbot, library, monkeypatch):
    record = library.create(ArticleDraft(title="يوميات", body=""))
    saves = _Saves()
    pruner = RevisionPruner(library, saves.saved, idle_ms=50)
    counts = []
    for month in range(3):
        _write_for(library, monkeypatch, record.id, 30 * month, 30)
        grown = len(library.revisions(record.id))
        saves.saved.emit(None)  # the last save of the month: the pruner waits for quiet, then runs
        with qtbot.waitSignal(pruner.pruned, timeout=10_000) as pruned:
            pass
        assert pruned.args[0] > 0 and len(library.revisions(record.id)) == grown - pruned.args[0]
        counts.append(len(library.revisions(record.id)))
    # Days older than a week keep one revision each, the last week keeps every one.
    for month, count in enumerate(counts, 1):
        old_days = 30 * month - 7
        assert count <= old_days + 7 * SAVES_PER_DAY
    # Growth per month is now a revision a day, not SAVES_PER_DAY: bounded by the rule.
    assert counts[2] - counts[1] == counts[1] - counts[0] == 30
    pruner.shutdown()


def test_a_save_postpones_pruning(qtbot, library):
    saves = _Saves()
    pruner = RevisionPruner(library, saves.saved, idle_ms=60_000)
    pruner.timer.stop()  # as after a run
    saves.saved.emit(None)
    assert pruner.timer.isActive() and pruner.timer.remainingTime() > 50_000
    pruner.shutdown()


def test_the_window_prunes_when_idle(open_window, library, qtbot, monkeypatch):
    record = library.create(ArticleDraft(title="يوميات", body=""))
    _write_for(library, monkeypatch, record.id, 0, 10)
    monkeypatch.undo()  # now is years after: every day but the last's extras can go
    window = open_window()
    pruner = window.revision_pruner
    assert pruner.timer.isActive() and pruner.timer.interval() == IDLE_MS
    window.autosave.saved.emit(library.get(record.id))
    assert pruner.timer.remainingTime() > IDLE_MS - 5_000  # a save restarted the wait
    with qtbot.waitSignal(pruner.pruned, timeout=10_000) as pruned:
        pruner.timer.timeout.emit()  # as if IDLE_MS had passed without a save
    assert pruned.args[0] == 10 * (SAVES_PER_DAY - 1)
    assert len(library.revisions(record.id)) == 10  # the last revision of each day


def test_midad_prune_revisions_thins_a_library_without_the_window(tmp_path, monkeypatch):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database
    from tests.core.test_site_time_zone import _midad_here

    data = tmp_path / "data"
    assert _midad_here("import", str(Path(__file__).parent.parent / "fixtures" / "mixed_article.md"), data_dir=data)[0] == 0
    database = Database(f"sqlite:///{data / 'midad.db'}")
    try:
        library = Library(database)
        _write_for(library, monkeypatch, 1, 0, 10)
        monkeypatch.undo()
        assert len(library.revisions(1)) == 10 * SAVES_PER_DAY
        code, out, _err = _midad_here("prune-revisions", data_dir=data)
        assert code == 0 and out == f"{10 * (SAVES_PER_DAY - 1)} revisions pruned\n"
        assert len(library.revisions(1)) == 10
        assert _midad_here("prune-revisions", data_dir=data)[1] == "0 revisions pruned\n"
    finally:
        database.close()
