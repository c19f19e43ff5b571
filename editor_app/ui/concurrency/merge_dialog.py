"""Two people changed the same paragraph: both versions side by side, per paragraph, and the
writer's choice — keep mine, take theirs, or merge by hand. Changes elsewhere in the text
were already merged; both full texts are already kept as revisions, so no choice loses work.

(The publishing conflict dialog, ui/publishing/conflict_dialog.py, compares whole articles
with a site's copy, where no common base exists; here a base does, so the choice is per paragraph.)
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.concurrent_edits import ArticleConflict
from editor_app.core.merge import ConflictHunk, Side, TextMerge
from editor_app.ui.editor.markdown_editor import MarkdownEditor
from editor_app.ui.i18n import translate

BY_HAND = "by-hand"


def _pane(text: str, parent: QWidget, read_only: bool = True) -> MarkdownEditor:
    pane = MarkdownEditor(parent)  # each paragraph in its own direction, as in the editor
    pane.setReadOnly(read_only)
    pane.setPlainText(text.rstrip("\n"))
    # Tall enough for a long paragraph as it wraps (about 70 characters a line at this width).
    lines = max(3, min(10, text.count("\n") + len(text) // 70 + 2))
    pane.setMinimumHeight(pane.fontMetrics().lineSpacing() * lines + 16)
    return pane


class _HunkChoice(QGroupBox):
    """One place both changed: theirs, mine, and the choice."""

    def __init__(self, caption: str, hunk: ConflictHunk, parent: QWidget) -> None:
        super().__init__(caption, parent)
        self.hunk = hunk
        layout = QGridLayout(self)
        layout.addWidget(QLabel(translate("merge_dialog", "نسختهم"), self), 0, 0)
        layout.addWidget(QLabel(translate("merge_dialog", "نسختك"), self), 0, 1)
        self.theirs_pane = _pane(hunk.theirs, self)
        self.theirs_pane.setAccessibleName(translate("merge_dialog", "نسختهم"))
        self.mine_pane = _pane(hunk.mine, self)
        self.mine_pane.setAccessibleName(translate("merge_dialog", "نسختك"))
        layout.addWidget(self.theirs_pane, 1, 0)
        layout.addWidget(self.mine_pane, 1, 1)
        self.keep_mine = QRadioButton(translate("merge_dialog", "إبقاء نسختي"), self)
        self.take_theirs = QRadioButton(translate("merge_dialog", "أخذ نسختهم"), self)
        self.by_hand = QRadioButton(translate("merge_dialog", "دمج يدوي"), self)
        self.group = QButtonGroup(self)
        for button in (self.take_theirs, self.keep_mine, self.by_hand):
            self.group.addButton(button)
        # Each choice under the version it keeps; by hand under both.
        layout.addWidget(self.take_theirs, 2, 0)
        layout.addWidget(self.keep_mine, 2, 1)
        layout.addWidget(self.by_hand, 3, 0, 1, 2)
        # By hand starts from both versions, theirs first, for the writer to cut down.
        self.hand_pane = _pane(hunk.theirs + hunk.mine, self, read_only=False)
        self.hand_pane.setAccessibleName(translate("merge_dialog", "الدمج اليدوي"))
        self.hand_pane.setVisible(False)
        layout.addWidget(self.hand_pane, 4, 0, 1, 2)
        self.by_hand.toggled.connect(self.hand_pane.setVisible)
        self.keep_mine.setChecked(True)

    def choice(self) -> str:
        if self.take_theirs.isChecked():
            return Side.THEIRS
        if self.by_hand.isChecked():
            text = self.hand_pane.toPlainText()
            return text + "\n" if self.hunk.mine.endswith("\n") and not text.endswith("\n") else text
        return Side.MINE


class MergeDialog(QDialog):
    def __init__(self, conflict: ArticleConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(translate("merge_dialog", "تعديلان متزامنان على المقال"))
        self.conflict = conflict
        explanation = QLabel(translate(
            "merge_dialog", "حُفظ هذا المقال من مكان آخر بينما كنت تكتب. دُمجت التعديلات في الفقرات الأخرى تلقائيًا؛ "
            "اختر لكل فقرة عدّلها الطرفان ما يبقى. النسختان كاملتين محفوظتان في النسخ السابقة."), self)
        explanation.setWordWrap(True)
        content = QWidget(self)
        column = QVBoxLayout(content)
        self.title_choices = self._choices(conflict.merge.title, column, content, title=True)
        self.body_choices = self._choices(conflict.merge.body, column, content, title=False)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(translate("merge_dialog", "حفظ ما اخترته"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _choices(self, merge: TextMerge, column: QVBoxLayout, parent: QWidget, title: bool) -> list[_HunkChoice]:
        choices = []
        for number, hunk in enumerate(merge.conflicts, start=1):
            caption = (translate("merge_dialog", "العنوان") if title
                       else translate("merge_dialog", "الموضع {number}").format(number=number))
            choice = _HunkChoice(caption, hunk, parent)
            column.addWidget(choice)
            choices.append(choice)
        return choices

    def settled(self) -> tuple[str, str]:
        """(title, body) as chosen. Closing the dialog keeps the choices shown (mine by default)."""
        merge = self.conflict.merge
        title = merge.title.text({i: c.choice() for i, c in enumerate(self.title_choices)})
        body = merge.body.text({i: c.choice() for i, c in enumerate(self.body_choices)})
        return title, body


def ask_writer(parent: QWidget):
    """A ConflictResolver for the autosave: the dialog, modal over the window."""

    def resolve(conflict: ArticleConflict) -> tuple[str, str]:
        dialog = MergeDialog(conflict, parent)
        dialog.exec()
        settled = dialog.settled()
        dialog.deleteLater()
        return settled

    return resolve
