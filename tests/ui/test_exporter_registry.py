"""Every registered exporter (the core's and the Qt layer's PDF) is reachable from `midad export`
and from the export dialog, and neither names a format of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.cli import EXPORT_FORMATS, build_parser, export_registry
from editor_app.core.exporters import EXPORTERS, ExportOptions
from editor_app.core.exporters.base import CHOOSABLE_OPTIONS, ArticleExporter, ExporterRegistry
from editor_app.core.importers import read_article_file
from editor_app.ui.dialogs.export_dialog import ExportDialog
from editor_app.ui.export import PdfExporter
from tests.conftest import SEED_ARTICLE
from tests.core.test_site_time_zone import _midad_here

TIMEOUT = 30_000
# What each format's file starts with: the export really wrote that format.
SIGNATURES = {".html": b"<", ".md": b"---\n", ".docx": b"PK", ".pdf": b"%PDF"}


def _written(exporter, path: Path) -> Path:
    """The file an export of the seed wrote at `path` (a site: its index page)."""
    page = path / "index.html" if exporter.whole_library else path
    assert page.is_file() and page.stat().st_size > 0, exporter.name
    assert page.read_bytes().startswith(SIGNATURES[page.suffix]), exporter.name
    return page


def test_pdf_is_registered_by_the_qt_layer_and_every_format_is_a_cli_choice(qapp):
    registry = export_registry()
    assert isinstance(registry.get("pdf"), PdfExporter) and registry.get("pdf").needs_qt
    assert not any(exporter.needs_qt for exporter in registry if exporter.name != "pdf")
    assert set(registry.names()) == set(EXPORT_FORMATS)
    choices = next(action.choices for action in build_parser()._subparsers._group_actions[0].choices["export"]._actions
                   if action.dest == "format")
    assert tuple(choices) == registry.names()
    for exporter in registry:
        assert exporter.options <= CHOOSABLE_OPTIONS and exporter.label, exporter.name
        assert exporter.extension.startswith(".") or exporter.whole_library, exporter.name


@pytest.mark.parametrize("name", EXPORT_FORMATS)
def test_every_registered_exporter_writes_its_file_from_the_cli(qapp, tmp_path, name):
    data = tmp_path / "data"
    assert _midad_here("import", str(SEED_ARTICLE), data_dir=data)[0] == 0
    exporter = export_registry().get(name)
    output = tmp_path / ("site" if exporter.whole_library else f"article{exporter.extension}")
    code, out, err = _midad_here("export", "1", "--format", name, "--output", str(output), "--include-drafts",
                                 data_dir=data)
    assert code == 0, err
    _written(exporter, output)
    assert out.split("\t")[0] == (str(output) if exporter.whole_library else "1")


def test_every_registered_exporter_is_offered_by_the_dialog_and_exports(qtbot, library, tmp_path):
    [record] = library.import_drafts([read_article_file(SEED_ARTICLE)])
    dialog = ExportDialog(library, record.id)
    qtbot.addWidget(dialog)
    offered = [dialog.format.itemData(index) for index in range(dialog.format.count())]
    assert offered == list(export_registry().names())
    for name in offered:
        dialog.format.setCurrentIndex(dialog.format.findData(name))
        exporter = dialog.chosen_exporter()
        assert dialog.destination.text().endswith(exporter.extension or "midad-site")
        assert dialog.page_size.isEnabled() == ("page_size" in exporter.options)
        assert dialog.copy_resources.isVisibleTo(dialog) == ("embed" in exporter.options)
        assert dialog.include_drafts.isVisibleTo(dialog) == ("include_drafts" in exporter.options)
        dialog.include_drafts.setChecked(True)  # the seed is a draft in this library
        output = tmp_path / ("site" if exporter.whole_library else f"article{exporter.extension}")
        dialog.destination.setText(str(output))
        dialog.result_path = None
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result_path is not None or "تعذّر" in dialog.message.text(), timeout=TIMEOUT)
        assert dialog.result_path == _written(exporter, output), dialog.message.text()


def test_a_registered_exporter_needs_no_change_to_the_dialog(qtbot, library, tmp_path):
    """A format registered later (a plugin) shows up in the dialog and exports through it."""

    class PlainText(ArticleExporter):
        name = "txt"
        extension = ".txt"
        label = "Plain text"

        def export_article(self, record, output, options: ExportOptions):
            output.write_text(record.body, encoding="utf-8")
            return output

    [record] = library.import_drafts([read_article_file(SEED_ARTICLE)])
    EXPORTERS.register(PlainText())
    try:
        dialog = ExportDialog(library, record.id)
        qtbot.addWidget(dialog)
        dialog.format.setCurrentIndex(dialog.format.findData("txt"))
        assert dialog.destination.text().endswith(".txt") and not dialog.page_size.isEnabled()
        dialog.destination.setText(str(tmp_path / "plain.txt"))
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=TIMEOUT)
        assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == record.body
    finally:
        EXPORTERS._exporters.pop("txt")


def test_an_exporter_naming_an_option_nobody_offers_is_refused():
    class Odd(ArticleExporter):
        name, extension, label = "odd", ".odd", "Odd"
        options = frozenset({"colour"})

        def export_article(self, record, output, options):
            return output

    with pytest.raises(ValueError, match="colour"):
        ExporterRegistry().register(Odd())
