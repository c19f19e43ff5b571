"""`midad --self-check`: proves an installation works, without a person.

Opens the window offscreen, renders the preview of a sample article, writes and
reads a temporary database, and exports HTML. Prints one line per check and
exits 0, or names what failed and exits 1. The packaged build is tested with it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

SAMPLE = """---
title: "فحص ذاتي: مداد يعمل"
author: مداد
locale: ar_MA
date: 2024-04-09T18:23:00+00:00
---
هذه فقرة عربية مع **خط عريض** و[رابط](https://example.com) ورقم 2024.

English paragraph inside an Arabic article.
"""


def run_self_check() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="midad-self-check-"))
    results: list[tuple[str, bool, str]] = []

    def check(name: str, step: Callable[[], str]) -> bool:
        start = time.perf_counter()
        try:
            detail = step()
        except Exception as error:  # noqa: BLE001 - the check reports any failure as one line
            results.append((name, False, f"{type(error).__name__}: {error}"))
            traceback.print_exc(file=sys.stderr)
            return False
        results.append((name, True, f"{detail} ({(time.perf_counter() - start) * 1000:.0f} ms)"))
        return True

    state: dict = {}

    def database() -> str:
        from editor_app.core.importers import read_article_file
        from editor_app.core.library import Library
        from editor_app.core.storage import Database

        sample = folder / "sample.md"
        sample.write_text(SAMPLE, encoding="utf-8")
        state["database"] = Database(f"sqlite:///{folder / 'midad.db'}")
        state["library"] = library = Library(state["database"])
        [record] = library.import_drafts([read_article_file(sample)])
        again = library.get(record.id)
        assert again.body == record.body and again.title == "فحص ذاتي: مداد يعمل", "the article did not read back"
        state["record"] = again
        return "wrote and read back an Arabic article"

    def export() -> str:
        from editor_app.core.exporters import ExportOptions
        from editor_app.core.exporters.standalone_html import export_standalone_html

        path = export_standalone_html(state["record"], folder / "sample.html", ExportOptions(asset_loader=state["library"].asset))
        html = path.read_text(encoding="utf-8")
        assert '<html lang="ar" dir="rtl">' in html and "9 أبريل 2024" in html, "the page is incomplete"
        return f"exported {path.stat().st_size // 1024} KB of HTML"

    def window() -> str:
        from PySide6.QtCore import QElapsedTimer
        from PySide6.QtWidgets import QApplication

        from editor_app.core.storage import resolve_location
        from editor_app.ui.application import create_application, create_main_window

        app = create_application(sys.argv[:1])
        location = resolve_location(data_dir=folder, environ={})
        main = create_main_window(state["database"], location)
        main.show()
        state["window"] = main
        preview = main.preview
        clock = QElapsedTimer()
        clock.start()
        texts: list[str] = []
        while clock.elapsed() < 30_000:
            app.processEvents()
            if getattr(preview, "load_count", 1) >= 1 and not texts:
                page = getattr(preview, "page", None)
                if page is None:
                    texts.append(preview.toPlainText())
                else:
                    page.runJavaScript("document.body ? document.body.innerText : ''", 0, texts.append)
            if texts and "فحص ذاتي" in (texts[-1] or ""):
                break
            if texts and "فحص ذاتي" not in (texts[-1] or ""):
                texts.clear()
            time.sleep(0.01)
        assert texts and "فحص ذاتي" in texts[-1], "the preview did not show the article"
        kind = "QtWebEngine" if hasattr(preview, "page") else "text"
        main.close()
        QApplication.processEvents()
        return f"window opened, {kind} preview rendered the article"

    def translations() -> str:
        from PySide6.QtWidgets import QApplication

        from editor_app.ui.i18n import apply_language, translate

        apply_language("en")
        english = translate("menus", "&ملف")
        right_to_left = QApplication.layoutDirection()
        apply_language("ar")
        assert english == "&File", f"the English catalog is missing (got {english!r})"
        assert right_to_left.name == "LeftToRight", "English did not lay the window out left to right"
        return "English catalog loaded, layout mirrors"

    ok = (check("database", database) and check("export", export) and check("window", window)
          and check("translations", translations))
    for name, passed, detail in results:
        print(f"{'ok' if passed else 'FAILED'}\t{name}\t{detail}")
    if "database" in state:
        state["database"].close()
    print("self-check passed" if ok else "self-check FAILED", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
