"""File › Import… and article files dropped on the window: read off the UI thread, stored
in one transaction, the new articles selected; a file that fails is named with its reason
and does not stop the others."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor_app.core.errors import ImportFailed, MidadError
from editor_app.core.library import Library
from editor_app.core.records import ArticleRecord
from editor_app.core.wording import ARTICLES
from editor_app.ui import plain_text
from editor_app.ui.i18n import app_title, counted, failure_text, translate, user_text
from editor_app.ui.tasks import BackgroundRunner

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    records: list[ArticleRecord] = field(default_factory=list)
    failures: list[tuple[Path, MidadError]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_and_store(library: Library, paths: Iterable[Path]) -> ImportReport:
    """Runs on the worker: each file on its own, then every readable one stored at once."""
    from editor_app.core.importers import read_article_file  # python-docx, PyYAML: loaded for an import

    report, drafts = ImportReport(), []
    for path in paths:
        try:
            draft = read_article_file(Path(path))
        except MidadError as error:
            report.failures.append((Path(path), error))
            continue
        drafts.append(draft)
        report.warnings += [f"{Path(path).name}: {warning}" for warning in draft.warnings]
    if drafts:
        report.records = library.import_drafts(drafts)
    return report


class ArticleImporter(QObject):
    finished = Signal(object)  # ImportReport, on the UI thread

    def __init__(self, library: Library, window: QWidget) -> None:
        super().__init__(window)
        self.library = library
        self.window = window
        self.runner = BackgroundRunner("import", self)

    def choose(self) -> None:
        from editor_app.core.importers import READERS

        patterns = " ".join(f"*{suffix}" for suffix in sorted(READERS))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, translate("importing", "استيراد مقالات"), "",
            translate("importing", "مقالات ({patterns})").format(patterns=patterns))
        if paths:
            self.import_paths([Path(path) for path in paths])

    def import_paths(self, paths: list[Path]) -> None:
        self.window.statusBar().showMessage(translate("importing", "جارٍ استيراد الملفات ({count})…").format(count=len(paths)))
        self.runner.run(lambda: read_and_store(self.library, paths), self._done, self._failed, latest_only=False)

    def _done(self, report: ImportReport) -> None:
        if report.records:
            self.window.statusBar().showMessage(translate("importing", "استُورد {articles}").format(
                articles=counted(len(report.records), ARTICLES)), 10000)
        else:
            self.window.statusBar().clearMessage()
        # An import error already names its file; any other error gets the file's name in front.
        problems = [user_text(error) if isinstance(error, ImportFailed)
                    else translate("importing", "{name}: {reason}").format(name=path.name, reason=user_text(error))
                    for path, error in report.failures] + report.warnings
        if problems:
            box = QMessageBox(QMessageBox.Icon.Warning, app_title(), translate(
                "importing", "استُورد {done} من {total}. لم يُستورد ما يلي أو استُورد مع ملاحظة:").format(
                    done=len(report.records), total=len(report.records) + len(report.failures)),
                QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("import_problems")
            box.setTextFormat(Qt.TextFormat.PlainText)  # file names and reasons are outside text
            box.setInformativeText("\n".join(problems))
            box.open()
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, MidadError):
            log.error("import failed", exc_info=error)
        message = failure_text(error)
        self.window.statusBar().clearMessage()
        plain_text.warning(self.window, app_title(), translate("importing", "تعذّر الاستيراد: {error}").format(error=message))

    def shutdown(self) -> None:
        self.runner.shutdown()
