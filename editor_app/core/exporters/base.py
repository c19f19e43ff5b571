"""What every export format is to the CLI and the export dialog: one small interface and a registry.

An exporter says its name (the CLI's `--format`), the file extension it writes, whether it
needs Qt (PDF prints through QtWebEngine, on the UI thread), which options of ExportOptions
it reads (the dialog shows only those), and exports records to a destination. The core
registers its own formats (editor_app.core.exporters); the Qt layer adds PDF
(editor_app.ui.export.register_qt_exporters), so neither the CLI nor the dialog names a
format: both read the registry.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text

if TYPE_CHECKING:
    from editor_app.core.exporters.standalone_html import ExportOptions
    from editor_app.core.records import ArticleRecord

# The ExportOptions fields a user chooses per format (the rest, e.g. the image folders, apply to all).
EMBED = "embed"
PAGE_SIZE = "page_size"
SITE_URL = "site_url"
INCLUDE_DRAFTS = "include_drafts"
CHOOSABLE_OPTIONS = frozenset({EMBED, PAGE_SIZE, SITE_URL, INCLUDE_DRAFTS})


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: each article's file, and the one file to show the user."""

    main_path: Path  # the single file, or the site's index.html
    written: tuple[tuple[int, Path], ...] = ()  # (article id, file) for one-file-per-article formats
    articles: int = 0
    pages: int = 0


class Exporter(ABC):
    name: str  # stable, the CLI's --format
    extension: str  # ".html"; "" for a folder
    label: str  # English, marked QT_TRANSLATE_NOOP("exporters", …): the dialog shows it translated
    needs_qt: bool = False
    whole_library: bool = False  # True: exports the library's articles into a folder (the static site)
    options: frozenset[str] = frozenset()  # the CHOOSABLE_OPTIONS it reads

    @abstractmethod
    def export(self, records: Sequence[ArticleRecord], destination: Path, options: ExportOptions) -> ExportReport:
        """Writes `records` to `destination`; raises MidadError with a message for the user."""


class ArticleExporter(Exporter):
    """One file per article: `destination` is the file for one article, else a folder where
    each article gets a file named after its slug (unique, always inside the folder)."""

    @abstractmethod
    def export_article(self, record: ArticleRecord, output: Path, options: ExportOptions) -> Path:
        ...

    def export(self, records: Sequence[ArticleRecord], destination: Path, options: ExportOptions) -> ExportReport:
        from editor_app.core.files import contained_path, safe_file_name
        from editor_app.core.slugs import unique_slug

        if not records:
            raise MidadError(Text(QT_TRANSLATE_NOOP("errors", "there is no article to export")))
        destination = Path(destination)
        written: list[tuple[int, Path]] = []
        taken: set[str] = set()
        for record in records:
            output = destination
            if len(records) > 1 or destination.is_dir():
                # The slug is only a name inside the chosen folder, whatever it holds (README › What Midad refuses).
                # 200 bytes: room for "-2", the extension, and NAME_files/ beside an HTML page.
                stem = unique_slug(safe_file_name(record.slug, fallback=f"article-{record.id}", max_bytes=200), taken)
                taken.add(stem)
                output = contained_path(destination, safe_file_name(stem, self.extension))
            written.append((record.id, self.export_article(record, output, options)))
        return ExportReport(main_path=written[0][1], written=tuple(written), articles=len(written), pages=len(written))


class ExporterRegistry:
    """Exporters by name, in the order they were registered (the dialog's order)."""

    def __init__(self) -> None:
        self._exporters: dict[str, Exporter] = {}

    def register(self, exporter: Exporter) -> None:
        """Registering a name again replaces it (the Qt layer may register on every window start)."""
        unknown = exporter.options - CHOOSABLE_OPTIONS
        if unknown:
            raise ValueError(f"exporter {exporter.name!r} names unknown options {sorted(unknown)}")
        self._exporters[exporter.name] = exporter

    def get(self, name: str) -> Exporter:
        try:
            return self._exporters[name]
        except KeyError:
            raise MidadError(Text(QT_TRANSLATE_NOOP("errors", "unknown export format {name}"), name=name)) from None

    def names(self) -> tuple[str, ...]:
        return tuple(self._exporters)

    def __iter__(self) -> Iterator[Exporter]:
        return iter(tuple(self._exporters.values()))

    def __contains__(self, name: object) -> bool:
        return name in self._exporters


EXPORTERS = ExporterRegistry()
