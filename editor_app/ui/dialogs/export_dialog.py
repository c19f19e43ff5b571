"""File › Export…: format, destination and options; progress for many; "open folder" when done."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import MidadError
from editor_app.core.exporters import ExportOptions, Exporter, ExportReport
from editor_app.core.exporters.base import EMBED, INCLUDE_DRAFTS, PAGE_SIZE
from editor_app.core.files import safe_file_name
from editor_app.core.library import Library
from editor_app.ui.export import register_qt_exporters
from editor_app.ui.i18n import failure_text, translate
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.text_direction import isolate_ltr

log = logging.getLogger(__name__)


class ExportDialog(QDialog):
    progressed = Signal(int, int)

    def __init__(self, library: Library, article_id: int | None, parent: QWidget | None = None,
                 time_zone: str | None = None) -> None:
        super().__init__(parent)
        self.time_zone = time_zone  # the byline's zone (Settings), for every format
        self.setWindowTitle(translate("export_dialog", "تصدير"))
        self.setObjectName("export_dialog")
        self.library = library
        self.article_id = article_id
        self.runner = BackgroundRunner("export", self)
        self.result_path: Path | None = None

        self.exporters = register_qt_exporters()
        self.format = QComboBox(self)
        for exporter in self.exporters:
            # Core labels are English (translated by midad_ar); the window shows them in its language.
            self.format.addItem(translate("exporters", exporter.label), exporter.name)
        self.destination = QLineEdit(self)
        self.destination.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
        browse = QPushButton(translate("export_dialog", "اختيار…"), self)
        self.copy_resources = QCheckBox(translate("export_dialog", "نسخ الخطوط والصور إلى مجلد بجانب الصفحة بدل تضمينها"), self)
        self.include_drafts = QCheckBox(translate("export_dialog", "تضمين المسودات (دون ذلك: المنشور والجاهز فقط)"), self)
        self.page_size = QComboBox(self)
        self.page_size.addItem(translate("export_dialog", "حسب لغة المقال (A4 للعربية)"), None)
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem("Letter", "Letter")
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # paths and titles are shown as written
        self.message.setObjectName("export_message")
        self.open_folder = QPushButton(translate("export_dialog", "فتح المجلد"), self)
        self.open_folder.hide()

        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("export_dialog", "الصيغة"), self.format)
        form.addRow(translate("export_dialog", "الوجهة"), destination_row)
        form.addRow("", self.copy_resources)
        form.addRow("", self.include_drafts)
        form.addRow(translate("export_dialog", "حجم الصفحة"), self.page_size)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(translate("export_dialog", "تصدير"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._on_format)
        self.export_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.open_folder.clicked.connect(self._open_folder)
        self.progressed.connect(self._on_progress)
        self._on_format()

    def chosen_format(self) -> str:
        return self.format.currentData()

    def chosen_exporter(self) -> Exporter:
        return self.exporters.get(self.chosen_format())

    def _suggested_name(self) -> str:
        if self.article_id is None:
            return "midad"
        record = self.library.get(self.article_id)
        return safe_file_name(record.slug, fallback=f"article-{record.id}")

    def _on_format(self, *_args) -> None:
        exporter = self.chosen_exporter()
        self.copy_resources.setVisible(EMBED in exporter.options)
        self.include_drafts.setVisible(INCLUDE_DRAFTS in exporter.options)
        self.page_size.setEnabled(PAGE_SIZE in exporter.options)
        self.export_button.setEnabled(exporter.whole_library or self.article_id is not None)
        folder = Path(self.destination.text()).parent if self.destination.text() else Path.home()
        name = "midad-site" if exporter.whole_library else self._suggested_name() + exporter.extension
        self.destination.setText(str(folder / name))

    def _browse(self) -> None:
        if self.chosen_exporter().whole_library:
            chosen = QFileDialog.getExistingDirectory(self, translate("export_dialog", "مجلد الموقع"), self.destination.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, translate("export_dialog", "حفظ باسم"), self.destination.text())
        if chosen:
            self.destination.setText(chosen)

    def start(self) -> None:
        output = Path(self.destination.text()).expanduser()
        exporter = self.chosen_exporter()
        self.message.setText("")
        self.open_folder.hide()
        self.export_button.setEnabled(False)
        settings = getattr(self.parent(), "settings", None)
        chosen_folder = settings.preferences.image_folder if settings is not None else ""
        folders = (Path(chosen_folder).expanduser(),) if chosen_folder else ()
        self.warnings: list[str] = []  # appended from the worker, read once it is done
        options = ExportOptions(embed=not self.copy_resources.isChecked(), asset_loader=self.library.asset,
                                image_folders=folders, article_asset_loader=self.library.article_image,
                                on_warning=self.warnings.append, page_size=self.page_size.currentData(),
                                time_zone=self.time_zone, include_drafts=self.include_drafts.isChecked(),
                                progress=lambda done, total: self.progressed.emit(done, total))
        # A fresh library holds drafts only: an empty site needs its reason beside it.
        nothing_exported = translate("export_dialog", "لم يُصدَّر أي مقال: لا مقال منشورًا أو جاهزًا في المكتبة. لتصدير المسودات اختر «تضمين المسودات».")

        def work() -> Path:
            if exporter.whole_library:
                records = [self.library.get(s.id) for s in self.library.summaries()]
            else:
                records = [self.library.get(self.article_id)]
            report: ExportReport = exporter.export(records, output, options)
            if exporter.whole_library and report.articles == 0 and records:
                self.warnings.append(nothing_exported)
            return report.main_path

        self.progress.setRange(0, 0)
        self.progress.show()
        if exporter.needs_qt:
            # Qt's printing (QtWebEngine) runs on the UI thread; the page is small and printing takes a moment.
            try:
                self._done(work())
            except Exception as error:  # as from the worker: said in the dialog (and logged if unexpected)
                self._failed(error)
            return
        self.runner.run(work, self._done, self._failed)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, path: Path) -> None:
        self.result_path = Path(path)
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.message.setText("\n".join([translate("export_dialog", "تم التصدير: {path}").format(path=isolate_ltr(str(self.result_path))),
                                         *getattr(self, "warnings", [])[:10]]))
        self.open_folder.show()

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        if not isinstance(error, MidadError):
            log.error("export failed", exc_info=error)
        self.message.setText(translate("export_dialog", "تعذّر التصدير: {error}").format(error=failure_text(error)))

    def _open_folder(self) -> None:
        if self.result_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result_path.parent)))

    def done(self, result: int) -> None:  # noqa: A003 - QDialog API
        self.runner.shutdown()
        super().done(result)
