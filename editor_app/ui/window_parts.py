"""What the window's helpers (menus, preferences, pane navigation, writing comfort, the tour,
the commands) may use of the main window, as a Protocol.

They are handed the window but do not import ui.main_window: it imports them, and the
import graph of editor_app.ui stays free of cycles through it (tests/ui/test_import_graph.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QDockWidget, QMenuBar, QSplitter, QStatusBar

    from editor_app.core.library import Library
    from editor_app.core.records import ArticleRecord
    from editor_app.core.settings import Settings
    from editor_app.ui.article_list.panel import ArticleListPanel
    from editor_app.ui.autosave import AutosaveController
    from editor_app.ui.commands.window_commands import WindowCommands
    from editor_app.ui.editor.article_editor import ArticleEditor
    from editor_app.ui.editor.counts_label import CountsLabel
    from editor_app.ui.metadata.panel import MetadataPanel
    from editor_app.ui.preview.controller import PreviewController
    from editor_app.ui.publishing.controller import PublishingController
    from editor_app.ui.services import AppServices


class ArticleWindow(Protocol):
    """The main window as its helpers see it (a QMainWindow with these parts)."""

    services: AppServices
    library: Library
    settings: Settings
    current_record: ArticleRecord | None
    list_panel: ArticleListPanel
    editor: ArticleEditor
    metadata: MetadataPanel
    metadata_dock: QDockWidget
    preview: object  # the web preview, or the text one where QtWebEngine is missing
    preview_controller: PreviewController
    splitter: QSplitter
    autosave: AutosaveController
    counts_label: CountsLabel
    publishing: PublishingController
    commands: WindowCommands
    database_change_requested: SignalInstance  # a newsroom's Database: the window reopens on it

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt API

    def menuBar(self) -> QMenuBar: ...  # noqa: N802 - Qt API

    def byline_zone(self) -> str: ...

    def on_theme_changed(self, theme: str | None = None) -> None: ...

    def change_preferences(self, **changes) -> None: ...
