"""Backups while the app runs: one at start, then one every 30 minutes of use, off the
UI thread. A backup that fails because the database is damaged is said at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor_app.core.backups import Backup, create_backup
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.i18n import user_text

BACKUP_INTERVAL_MS = 30 * 60 * 1000


class BackupScheduler(QObject):
    backed_up = Signal(object)  # Backup
    failed = Signal(str)

    def __init__(self, database_path: Path, before_backup: Callable[[], object] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database_path = database_path
        self.before_backup = before_backup or (lambda: None)
        self.runner = BackgroundRunner("backup", self)
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.back_up("scheduled"))

    def start(self) -> None:
        self.back_up("start")
        self.timer.start()

    def back_up(self, reason: str) -> None:
        if self.runner.busy:
            return
        self.before_backup()  # what the writer typed goes into the backup too
        self.runner.run(lambda: create_backup(self.database_path, reason), self._done, self._failed, latest_only=False)

    def _done(self, backup: Backup) -> None:
        self.backed_up.emit(backup)

    def _failed(self, error: BaseException) -> None:
        self.failed.emit(user_text(error))

    def shutdown(self) -> None:
        self.timer.stop()
        self.runner.shutdown()
