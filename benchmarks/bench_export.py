"""Export times: one article in every format, and 1,000 articles (each format, and a site).

Run: .venv/bin/python -m benchmarks.bench_export   (offscreen; prints numbers)
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_library import generate  # noqa: E402
from editor_app.core.exporters import EXPORTERS, ExportOptions, export_site  # noqa: E402
from editor_app.core.importers import read_article_file  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.storage import Database  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed_article.md"


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="midad-export-"))
    try:
        database = Database(f"sqlite:///{folder / 'midad.db'}")
        library = Library(database)
        [seed] = library.import_drafts([read_article_file(SEED)])
        options = ExportOptions(asset_loader=library.asset)
        for exporter in EXPORTERS:
            if exporter.whole_library:
                continue
            start = time.perf_counter()
            path = exporter.export([seed], folder / f"one-{exporter.name}{exporter.extension}", options).main_path
            print(f"1 article → {exporter.name}: {(time.perf_counter() - start) * 1000:.0f} ms ({path.stat().st_size / 1024:.0f} KB)")
        from editor_app.ui.application import prepare_webengine_if_available

        prepare_webengine_if_available()
        from editor_app.ui.export.pdf import export_pdf

        export_pdf(seed, folder / "warm.pdf", options)  # QtWebEngine's first start is not the export's cost
        start = time.perf_counter()
        path = export_pdf(seed, folder / "one.pdf", options)
        print(f"1 article → pdf: {(time.perf_counter() - start) * 1000:.0f} ms ({path.stat().st_size / 1024:.0f} KB)")

        for batch in generate(1000, random.Random(3)):
            library.import_drafts(batch)
        records = [library.get(summary.id) for summary in library.summaries()[:1000]]
        for name in ("html", "md", "docx"):
            exporter = EXPORTERS.get(name)
            start = time.perf_counter()
            (folder / name).mkdir()
            exporter.export(records, folder / name, options)
            print(f"1,000 articles → {name}: {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        report = export_site(records, folder / "site", asset_loader=library.asset)
        print(f"1,000 articles → static site ({report.pages:,} pages): {time.perf_counter() - start:.1f} s")
        database.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
