"""The window a writer sees while the library loads: the last article, already editable.

At start the article the writer had open is read with the standard library's sqlite3
(core.last_article) and shown here, in the same editor widget, font, size and place as the
main window's, before SQLAlchemy, the ORM, Jinja2, Markdown and the preview are imported.
Right after this window's first paint the library opens and the main window is built; then
`hand_over` gives it whatever was typed meanwhile (one undo step, saved at once), the caret
and the focus, and this window goes.

Nothing typed is lost: the editor here is the real ArticleEditor (so it behaves as the main
one does), and closing this window while the library loads waits for the main window, which
saves, to close instead.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QSplitter, QToolBar, QWidget

from editor_app.core.last_article import LastArticle
from editor_app.core.settings import Preferences
from editor_app.ui.editor.article_editor import ArticleEditor
from editor_app.ui.fonts import ARABIC_FONT_FAMILY
from editor_app.ui.i18n import app_title, translate
from editor_app.ui.window_state import LAYOUT_VERSION, WindowState

# The main window's layout, so that the editor does not move when it takes over
# (main_window.DEFAULT_PANE_WIDTHS and its default size; not imported: that module is the heavy part).
DEFAULT_PANE_WIDTHS = (230, 560, 340)
DEFAULT_SIZE = (1400, 860)
# The toolbar's first buttons, with the main window's own (already translated) texts: the
# toolbar is as tall as the real one and the editor stays where it will be.
TOOLBAR_TEXTS = ("مقال جديد", "حفظ", "نسخ المقال", "النسخ السابقة…", "تصدير…")


class EarlyWindow(QMainWindow):
    def __init__(self, article: LastArticle, state: WindowState, preferences: Preferences,
                 cursor_position: int = 0) -> None:
        super().__init__()
        self.article = article
        self.typed = False  # anything typed here is handed over
        self.close_requested = False
        self.loading = True  # False if the main window could not be built: closing closes then
        self.kept_in: Path | None = None  # the file what was typed went to, when the library failed
        self.setObjectName("main_window")
        title = article.title.strip()
        self.setWindowTitle(f"{title} — {app_title()}" if title else app_title())

        toolbar = QToolBar(self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for text in TOOLBAR_TEXTS:
            toolbar.addAction(translate("main_window", text)).setEnabled(False)
        self.addToolBar(toolbar)
        details = QDockWidget(translate("main_window", "بيانات المقال"), self)
        details.setObjectName("metadata_dock")
        details.setWidget(QWidget(details))
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea if self.isRightToLeft()
                           else Qt.DockWidgetArea.RightDockWidgetArea, details)

        self.editor = ArticleEditor(self)
        self._apply_editor_preferences(preferences)
        self.editor.load(article, cursor_position)  # type: ignore[arg-type]  # id, title, body: what load reads
        self.editor.edited.connect(self._on_typed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        for widget in (QWidget(self.splitter), self.editor, QWidget(self.splitter)):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage(translate("early_window", "تُفتح المكتبة…"))

        self.resize(*DEFAULT_SIZE)
        self.layout().activate()
        self.splitter.setSizes(list(DEFAULT_PANE_WIDTHS))
        self._restore_layout(state)
        self.editor.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_editor_preferences(self, preferences: Preferences) -> None:
        body = self.editor.body_edit
        font = body.font()
        font.setFamilies([preferences.editor_font_family, ARABIC_FONT_FAMILY])
        font.setPointSize(preferences.editor_font_size)
        body.setFont(font)
        body.set_line_height(preferences.line_height)

    def _restore_layout(self, state: WindowState) -> None:
        """As MainWindow.restore_session does, so both windows share one place and layout."""
        if state.geometry is not None:
            self.restoreGeometry(state.geometry)
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowFullScreen)
        if state.layout_version >= LAYOUT_VERSION and state.saved_right_to_left == self.isRightToLeft():
            if state.window_state is not None:
                self.restoreState(state.window_state)
            if state.splitter is not None:
                self.splitter.restoreState(state.splitter)

    def _on_typed(self) -> None:
        self.typed = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Closed while the library loads: the main window closes instead, once it holds (and saves) the text."""
        if not self.loading:
            event.accept()
            return
        self.close_requested = True
        event.ignore()

    def keep_typed_text(self, data_dir: Path) -> Path | None:
        """The library could not be opened: what was typed here goes to a file, not away."""
        if not self.typed or self.kept_in is not None:
            return self.kept_in
        path = data_dir / f"typed-while-opening-{datetime.now():%Y%m%d-%H%M%S}.md"
        try:
            path.write_text(f"# {self.editor.title()}\n\n{self.editor.body()}\n", encoding="utf-8")
        except OSError:
            return None
        print(f"midad: what was typed while the library opened is kept in {path}", file=sys.stderr)
        self.kept_in = path
        return path

    # -- the hand-over ---------------------------------------------------------

    def hand_over(self, window) -> None:
        """Gives `window` (a MainWindow with the library) what was typed here, then goes away."""
        # Keys pressed while the main window was being built wait in the event queue, addressed
        # to this window: deliver them here first, or they would reach a hidden window and be lost.
        QApplication.processEvents()
        if self.typed:
            _give_typed_text(self, window)
        editor = window.editor
        cursor = editor.body_edit.textCursor()
        cursor.setPosition(min(self.editor.cursor_position(), len(editor.body())))
        editor.body_edit.setTextCursor(cursor)
        title_had_focus = self.editor.title_edit.hasFocus()
        window.restoreGeometry(self.saveGeometry())  # moved or resized while loading
        window.show()
        if title_had_focus:
            editor.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            editor.focus_body()
        window.activateWindow()
        self.hide()
        self.deleteLater()
        if self.close_requested:
            window.close()


def _give_typed_text(early: EarlyWindow, window) -> None:
    editor = window.editor
    if editor.article_id != early.article.id:
        # The library opened another article (the last one went meanwhile): open this one, or a new one.
        if window.library.exists(early.article.id):
            window.open_article(early.article.id)
        if editor.article_id != early.article.id:
            window.new_article()
    if editor.title() != early.editor.title():
        editor.title_edit.setText(early.editor.title())
    replace_differing_part(editor.body_edit, early.editor.body())
    editor.edited.emit()  # (a title set in code emits nothing by itself)
    window.autosave.flush()  # on disk before anything else happens


def replace_differing_part(body_edit, wanted: str) -> None:
    """Makes the editor's text `wanted` by replacing only what differs: one undo step
    (Ctrl+Z brings back the stored text), and a long article is not laid out again."""
    current = body_edit.toPlainText()
    if current == wanted:
        return
    prefix = _common_length(current, wanted, from_end=False)
    limit = min(len(current), len(wanted)) - prefix
    suffix = _common_length(current[len(current) - limit:], wanted[len(wanted) - limit:], from_end=True)
    cursor = QTextCursor(body_edit.document())
    cursor.setPosition(_utf16_length(current[:prefix]))
    cursor.setPosition(_utf16_length(current[:len(current) - suffix]), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(wanted[prefix:len(wanted) - suffix])


def _common_length(first: str, second: str, *, from_end: bool) -> int:
    """How many characters both start (or end) with: a binary search over slice
    comparisons, fast in C on a 200,000-word article."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        same = (first[len(first) - middle:] == second[len(second) - middle:]) if from_end else (
            first[:middle] == second[:middle])
        if same:
            low = middle
        else:
            high = middle - 1
    return low


def _utf16_length(text: str) -> int:
    """Qt counts positions in UTF-16 units: a character beyond the BMP (an emoji) is two."""
    return len(text.encode("utf-16-le")) // 2
