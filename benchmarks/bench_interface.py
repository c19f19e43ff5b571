"""The interface's own costs: switching the language (the window is rebuilt), switching
the theme, opening the settings dialog and the command palette, a palette search, the
commands' enabled state refreshed.

Run: .venv/bin/python -m benchmarks.bench_interface   (offscreen; prints numbers)
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from editor_app.core.importers import read_article_file  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.settings import Settings  # noqa: E402
from editor_app.core.storage import Database, resolve_location  # noqa: E402
from editor_app.resources import resource_path  # noqa: E402
from editor_app.ui.application import WindowHost, create_application  # noqa: E402
from editor_app.ui.dialogs.command_palette import CommandPalette  # noqa: E402
from editor_app.ui.dialogs.settings_dialog import SettingsDialog  # noqa: E402

ROUNDS = 8


def timed(action) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - start) * 1000


def report(name: str, samples: list[float]) -> None:
    print(f"{name:<40} p50 {statistics.median(samples):7.1f} ms   max {max(samples):7.1f} ms   (n={len(samples)})")


def main() -> None:
    location = resolve_location(data_dir=Path(tempfile.mkdtemp(prefix="midad-bench-ui-")), environ={})
    database = Database(location.database_url)
    Library(database).import_drafts([read_article_file(resource_path("welcome", "welcome.md"))])
    create_application([])
    host = WindowHost(database, location, Settings(location.config_dir))
    host.window.show()
    QApplication.processEvents()
    switches = [timed(lambda language=language: host.switch_language(language))
                for _ in range(ROUNDS // 2) for language in ("en", "ar")]
    report("language switch (window rebuilt)", switches)
    themes = [timed(lambda theme=theme: host.window.change_preferences(theme=theme))
              for _ in range(ROUNDS // 2) for theme in ("dark", "light")]
    report("theme switch (palette, editor, icons)", themes)
    dialogs = []
    for _ in range(ROUNDS):
        dialogs.append(timed(lambda: SettingsDialog(host.window.settings.preferences, [], host.window).deleteLater()))
    report("settings dialog built", dialogs)
    palettes, searches = [], []
    for _ in range(ROUNDS):
        holder = {}
        palettes.append(timed(lambda: holder.setdefault("p", CommandPalette(host.window.commands, host.window))))
        searches.append(timed(lambda: holder["p"].query.setText("new article")))
        holder["p"].deleteLater()
    report("command palette opened", palettes)
    report("palette search (English name)", searches)
    print(f"commands in the palette: {len(host.window.commands.commands())}")
    # Asked again whenever the open article changes: every command's enabled/visible/checked rule.
    report("commands refreshed (every when rule)", [timed(host.window.commands.refresh) for _ in range(ROUNDS * 10)])
    host.window.close()
    database.close()


if __name__ == "__main__":
    main()
