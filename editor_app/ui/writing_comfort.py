"""Writing comfort: focus mode (F11), typewriter scrolling, the outline of the article's
headings, and a word goal for this session."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QListWidget, QListWidgetItem, QToolBar

from editor_app.core.counts import count_text
from editor_app.ui.timers import single_shot_timer
from editor_app.ui.i18n import format_number, translate

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
OUTLINE_DELAY_MS = 400


def headings(text: str) -> list[tuple[int, int, str]]:
    """(line number, level, title) of every Markdown heading outside code fences."""
    found, fenced = [], False
    for line_number, line in enumerate(text.split("\n")):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append((line_number, len(match.group(1)), match.group(2)))
    return found


FOCUS_COLUMN_CHARACTERS = 70  # a readable measure: 60-80 characters a line
_COLUMN_SAMPLE = "وقال المتحدث باسم الوزارة إن عدد الحوادث انخفض بنسبة كبيرة خلال السنة الماضية"


class WritingComfort(QObject):
    """The View menu's commands for these are in ui/commands/view_commands.py."""

    focus_mode_changed = Signal(bool)  # on or off, by F11, Esc or the palette

    def __init__(self, window: ArticleWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor.body_edit
        self._hidden_for_focus: list = []
        self._layout_before_focus: tuple[QByteArray, QByteArray, QByteArray] | None = None
        self._window_state_before_focus = Qt.WindowState.WindowNoState
        self.typewriter = False

        self.outline = QListWidget(window)
        self.outline.setObjectName("outline")
        self.outline.setAccessibleName(translate("writing_comfort", "مخطط المقال"))
        self.outline.itemActivated.connect(self._jump)
        self.outline.itemClicked.connect(self._jump)
        self.outline_dock = QDockWidget(translate("writing_comfort", "المخطط"), window)
        self.outline_dock.setObjectName("outline_dock")
        self.outline_dock.setWidget(self.outline)
        # The outline leads, as a table of contents does: right in Arabic, left in English.
        leading = Qt.DockWidgetArea.RightDockWidgetArea if window.isRightToLeft() else Qt.DockWidgetArea.LeftDockWidgetArea
        window.addDockWidget(leading, self.outline_dock)
        self.outline_dock.hide()
        self._outline_timer = single_shot_timer(self, OUTLINE_DELAY_MS, self.refresh_outline)

        self.goal = 0
        self.session_start_words: dict[int, int] = {}
        self._awaiting_start: int | None = None  # the article whose opening count is still to come
        self.goal_label = QLabel(window)
        self.goal_label.setObjectName("word_goal_label")
        self.goal_label.hide()
        window.statusBar().addPermanentWidget(self.goal_label)

        # The outline is parsed only while it is shown: not after every pause in typing.
        window.editor.edited.connect(lambda: self._outline_timer.start() if self.outline_dock.isVisible() else None)
        self.outline_dock.visibilityChanged.connect(lambda visible: self.refresh_outline() if visible else None)
        window.counts_label.counted.connect(self._on_counted)
        window.autosave.saved.connect(lambda _record: self.update_goal())

    # -- focus mode ------------------------------------------------------------

    @property
    def in_focus_mode(self) -> bool:
        return self._layout_before_focus is not None

    def set_focus_mode(self, on: bool) -> None:
        if on == self.in_focus_mode:
            return
        window = self.window
        if on:
            # What the writer's window looked like: saved on quitting instead of focus mode's bare screen.
            self._layout_before_focus = (window.saveGeometry(), window.saveState(), window.splitter.saveState())
            self._window_state_before_focus = window.windowState()
            candidates = [window.list_panel, window.preview, window.menuBar(), window.statusBar(),
                          *window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
            self._hidden_for_focus = [widget for widget in candidates if widget.isVisible()]
            for widget in self._hidden_for_focus:
                widget.hide()
            window.showFullScreen()
            window.editor.installEventFilter(self)  # the column follows the editor's width
            window.installEventFilter(self)  # Esc that nothing else wanted leaves focus mode
            self._centre_column()
            self.editor.setFocus()
        else:
            window.editor.removeEventFilter(self)
            window.removeEventFilter(self)
            window.editor.layout().setContentsMargins(0, 0, 0, 0)
            for widget in self._hidden_for_focus:
                widget.show()
            self._hidden_for_focus = []
            self._layout_before_focus = None
            window.setWindowState(self._window_state_before_focus & ~Qt.WindowState.WindowFullScreen)
            window.show()
        self.focus_mode_changed.emit(on)

    def normal_layout(self) -> tuple[QByteArray, QByteArray, QByteArray]:
        """Geometry, toolbars and docks, splitter: the window as it is outside focus mode
        (what quitting saves, so the next start is never a bare full screen)."""
        if self._layout_before_focus is not None:
            return self._layout_before_focus
        window = self.window
        return window.saveGeometry(), window.saveState(), window.splitter.saveState()

    def column_width(self) -> int:
        """About FOCUS_COLUMN_CHARACTERS characters of the article's own script.

        QFontMetrics.averageCharWidth is the font's Latin average, about twice an Arabic
        letter's joined advance (the column came out near 150 characters, 25 words a
        line), so the width is measured on Arabic prose in the editor's font."""
        metrics = self.editor.fontMetrics()
        per_character = metrics.horizontalAdvance(_COLUMN_SAMPLE) / len(_COLUMN_SAMPLE)
        margins = 2 * self.editor.document().documentMargin() + self.editor.frameWidth() * 2
        return round(per_character * FOCUS_COLUMN_CHARACTERS + margins)

    def _centre_column(self) -> None:
        """A readable column in the middle of the screen, not lines running from one edge
        of a wide monitor to the other."""
        editor = self.window.editor
        side = max(0, (editor.width() - self.column_width()) // 2)
        editor.layout().setContentsMargins(side, 0, side, 0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.window.editor and event.type() == QEvent.Type.Resize:
            self._centre_column()
        elif (watched is self.window and event.type() == QEvent.Type.KeyPress
              and event.key() == Qt.Key.Key_Escape and self.in_focus_mode):
            # Reached the window: no widget used this Esc (the find bar closes itself first).
            self.set_focus_mode(False)
            return True
        return False

    # -- typewriter scrolling --------------------------------------------------

    def set_typewriter(self, on: bool) -> None:
        if on == self.typewriter:
            return
        self.typewriter = on
        if on:
            self.editor.cursorPositionChanged.connect(self.editor.centerCursor)
            self.editor.setCenterOnScroll(True)
            self.editor.centerCursor()
        else:
            self.editor.cursorPositionChanged.disconnect(self.editor.centerCursor)
            self.editor.setCenterOnScroll(False)

    # -- outline ----------------------------------------------------------------

    def refresh_outline(self) -> None:
        self.outline.clear()
        for line_number, level, title in headings(self.editor.toPlainText()):
            item = QListWidgetItem("    " * (level - 1) + title, self.outline)
            item.setData(Qt.ItemDataRole.UserRole, line_number)

    def _jump(self, item: QListWidgetItem) -> None:
        block = self.editor.document().findBlockByNumber(item.data(Qt.ItemDataRole.UserRole))
        if block.isValid():
            cursor = QTextCursor(block)
            self.editor.setTextCursor(cursor)
            self.editor.centerCursor()
            self.editor.setFocus()

    # -- word goal ------------------------------------------------------------------

    def ask_goal(self) -> None:
        value, accepted = QInputDialog.getInt(self.window, translate("writing_comfort", "هدف الكلمات"), translate("writing_comfort", "كم كلمة تريد أن تكتب في هذه الجلسة؟"),
                                              self.goal or 500, 0, 100_000, 50)
        if accepted:
            self.set_goal(value)

    def set_goal(self, words: int) -> None:
        self.goal = words
        self.update_goal()

    def article_opened(self, article_id: int) -> None:
        """Call before the status bar counts the opened article: that first count is the
        session's starting point (no second count of the same text here)."""
        if article_id not in self.session_start_words:
            self._awaiting_start = article_id
        if self.outline_dock.isVisible():
            self.refresh_outline()

    def _on_counted(self, counts) -> None:
        if self._awaiting_start is not None and self._awaiting_start == self.window.editor.article_id:
            self.session_start_words[self._awaiting_start] = counts.words
            self._awaiting_start = None
        self.update_goal(counts.words)

    def written_this_session(self, words_now: int | None = None) -> int:
        article_id = self.window.editor.article_id
        if article_id is None or article_id not in self.session_start_words:
            return 0
        if words_now is None:
            words_now = count_text(self.editor.toPlainText()).words
        return max(0, words_now - self.session_start_words[article_id])

    def update_goal(self, words_now: int | None = None) -> None:
        """words_now: the status bar's fresh count, when there is one (saves count only with a goal set)."""
        if not self.goal:
            self.goal_label.hide()
            return
        written = self.written_this_session(words_now)
        done = "✓ " if written >= self.goal else ""
        self.goal_label.setText(done + translate("writing_comfort", "هدف الجلسة: {written} / {goal} كلمة").format(
            written=format_number(written), goal=format_number(self.goal)))
        self.goal_label.show()
