"""Opening a damaged database: say what happened and offer the latest good backup. The
damaged file is moved aside (kept), never overwritten."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from editor_app.core.backups import BackupError, RestoreReport, latest_good_backup, restore_backup, sqlite_path
from editor_app.core.errors import DatabaseDamaged
from editor_app.core.storage import Database, StorageLocation, open_database
from editor_app.ui import plain_text
from editor_app.ui.i18n import app_title, translate, user_text



def ask_to_restore(question: str) -> bool:
    box = plain_text.message_box(None, QMessageBox.Icon.Warning, app_title(), question, QMessageBox.StandardButton.NoButton)
    restore = box.addButton(translate("recovery", "استعادة آخر نسخة احتياطية سليمة"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("recovery", "خروج"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is restore


def tell(message: str) -> None:
    plain_text.critical(None, app_title(), message)


def open_or_recover(location: StorageLocation, ask: Callable[[str], bool] = ask_to_restore,
                    tell: Callable[[str], None] = tell) -> tuple[Database | None, RestoreReport | None]:
    """The open database (None if the writer chose to quit) and the restore made, if any."""
    try:
        return open_database(location), None
    except DatabaseDamaged as damaged:
        path = sqlite_path(location.database_url)
        backup = latest_good_backup(path) if path else None
        if backup is None:
            tell(translate("recovery", "تعذّر فتح قاعدة البيانات، ولا توجد نسخة احتياطية سليمة:\n{problem}").format(problem=user_text(damaged)))
            return None, None
        when = backup.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if not ask(translate("recovery", "قاعدة البيانات تالفة:\n{problem}\n\nآخر نسخة احتياطية سليمة من {when}. "
                             "يُحتفظ بالملف التالف باسم جديد ولا يُمحى. هل تستعيد النسخة؟").format(problem=user_text(damaged), when=when)):
            return None, None
        try:
            report = restore_backup(path, backup, damaged=True)
        except BackupError as error:
            tell(translate("recovery", "تعذّرت الاستعادة: {error}").format(error=user_text(error)))
            return None, None
        return open_database(location), report
