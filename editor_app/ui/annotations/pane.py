"""The comments margin beside the editor: each thread and suggestion level with its words,
moving as the editor scrolls (pushed down when they would overlap); threads whose words
were deleted and resolved threads listed below, never lost."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton, QVBoxLayout,
                               QWidget)

from editor_app.core.annotations.records import ThreadRecord
from editor_app.core.errors import MidadError
from editor_app.ui.annotations.cards import NewCommentCard, SuggestionCard, ThreadCard
from editor_app.ui.annotations.controller import DRAFT, AnnotationController
from editor_app.ui.annotations.highlights import assign_colours, visible_range
from editor_app.ui.editor.text_edits import PositionMap
from editor_app.ui.i18n import translate, user_text

PANE_WIDTH = 270
GAP = 6


class Margin(QWidget):
    """Cards placed by hand at the height of their words (no layout: they follow the text)."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.parent().place_cards()


class AnnotationPane(QWidget):
    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotation_pane")
        self.controller = controller
        self.editor = controller.body_edit
        self.setFixedWidth(PANE_WIDTH)
        self.threads = []
        self.suggestions = []
        self.entries: dict[str, object] = {}  # margin key → its thread or suggestion
        self.widgets: dict[str, object] = {}  # the cards made so far
        self.other_threads = []
        self._drafts: dict[int, str] = {}
        self._focused: int | None = None
        self._people: list[tuple[str, str]] | None = None
        self.composer: NewCommentCard | None = None

        self.suggest_toggle = QCheckBox(translate("annotations", "وضع الاقتراح"), self)
        self.suggest_toggle.setObjectName("suggest_toggle")
        self.suggest_toggle.setToolTip(translate("annotations", "ما تكتبه أو تحذفه يُسجَّل اقتراحًا لا يغيّر النص حتى يُقبل"))
        self.suggest_toggle.toggled.connect(controller.set_suggesting)
        controller.suggesting_changed.connect(self.suggest_toggle.setChecked)
        controller.suggesting_changed.connect(lambda _on: self.update_visibility())
        self.accept_all = QPushButton(translate("annotations", "قبول الكل"), self)
        self.accept_all.setObjectName("accept_all_button")
        self.reject_all = QPushButton(translate("annotations", "رفض الكل"), self)
        self.reject_all.setObjectName("reject_all_button")
        self.accept_all.clicked.connect(lambda: controller.decide(None, True))
        self.reject_all.clicked.connect(lambda: controller.decide(None, False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_all)
        buttons.addWidget(self.reject_all)
        buttons.addStretch(1)
        header = QVBoxLayout()
        header.addWidget(self.suggest_toggle)
        header.addLayout(buttons)

        self.margin = Margin(self)
        self.others_button = QToolButton(self)
        self.others_button.setObjectName("other_threads_button")
        self.others_button.setCheckable(True)
        self.others_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.others_button.setArrowType(Qt.ArrowType.DownArrow)
        self.others = QWidget(self)
        self.others_layout = QVBoxLayout(self.others)
        self.others_layout.setContentsMargins(0, 0, 0, 0)
        self.others_scroll = QScrollArea(self)
        self.others_scroll.setWidgetResizable(True)
        self.others_scroll.setWidget(self.others)
        self.others_scroll.setMaximumHeight(240)
        self.others_scroll.hide()
        self.others_button.toggled.connect(self.others_scroll.setVisible)
        self.others_button.toggled.connect(lambda _open: self._fill_others())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(header)
        layout.addWidget(self.margin, 1)
        layout.addWidget(self.others_button)
        layout.addWidget(self.others_scroll)

        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self.place_cards)
        controller.changed.connect(self.refresh)
        controller.moved.connect(self._place_timer.start)
        self.editor.verticalScrollBar().valueChanged.connect(self._place_timer.start)
        self.editor.updateRequest.connect(lambda *_: self._place_timer.start())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self._place_timer.start()  # cards are placed only while the margin is shown

    # -- content ------------------------------------------------------------------------

    def people(self) -> list[tuple[str, str]]:
        if self._people is None:
            try:
                self._people = self.controller.annotations.mentionable()
            except MidadError:
                self._people = []
        return self._people

    def refresh(self) -> None:
        """Read the article's threads and suggestions again. Cards are made when their words
        come into view (an article with a hundred comments opens as fast as one with none)."""
        article_id = self.controller.article_id
        try:
            self.threads = self.controller.annotations.threads(article_id) if article_id is not None else []
            self.suggestions = self.controller.annotations.suggestions(article_id) if article_id is not None else []
        except MidadError as error:
            self.controller.failed.emit(user_text(error))
            return
        assign_colours([t.created_by for t in self.threads] + [s.author for s in self.suggestions]
                       + [m.author for m in self.controller.layer.marks.values()])
        self.controller.names = {**{t.created_by: t.created_by_name for t in self.threads},
                                 **{s.author: s.author_name for s in self.suggestions}}
        self.controller.refresh_highlights()
        self._keep_drafts()
        for card in list(self.widgets.values()):
            card.deleteLater()
        self.widgets = {}
        marks = self.controller.layer.marks
        self.entries = {}
        self.other_threads = []
        for thread in self.threads:
            mark = marks.get(f"t{thread.id}")
            if thread.resolved or mark is None or mark.anchor.orphaned:
                self.other_threads.append(thread)
            else:
                self.entries[f"t{thread.id}"] = thread
        for suggestion in self.suggestions:
            if f"s{suggestion.id}" in marks:
                self.entries[f"s{suggestion.id}"] = suggestion
        self._fill_others()
        self.others_button.setText(translate("annotations", "تعليقات محلولة أو بلا نص ({count})").format(
            count=len(self.other_threads)))
        self.others_button.setVisible(bool(self.other_threads))
        pending = bool(self.suggestions)
        self.accept_all.setEnabled(pending)
        self.reject_all.setEnabled(pending)
        self.update_visibility()
        self.place_cards()

    def _keep_drafts(self) -> None:
        """Replies being typed survive a rebuild of the cards."""
        for card in self._thread_cards():
            self._drafts[card.thread.id] = card.reply_edit.text()
            if card.reply_edit.hasFocus():
                self._focused = card.thread.id

    def _card(self, key: str):
        card = self.widgets.get(key)
        if card is None:
            card = self._make_card(self.entries[key], self.margin)
            self.widgets[key] = card
        return card

    def _make_card(self, record, parent: QWidget):
        if isinstance(record, ThreadRecord):
            card = ThreadCard(record, self.people(), parent)
            card.reply_edit.setText(self._drafts.pop(record.id, ""))
            if self._focused == record.id:
                self._focused = None
                QTimer.singleShot(0, card.reply_edit.setFocus)
            card.reply_requested.connect(self._reply)
            card.resolve_requested.connect(self._resolve)
        else:
            card = SuggestionCard(record, parent)
            card.decided.connect(self.controller.decide)
        card.clicked.connect(self.focus_mark)
        return card

    def _fill_others(self) -> None:
        """The list below the margin, made when it is opened."""
        while self.others_layout.count():
            widget = self.others_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if self.others_button.isChecked():
            for thread in self.other_threads:
                self.others_layout.addWidget(self._make_card(thread, self.others))
            self.others_layout.addStretch(1)

    def update_visibility(self) -> None:
        """The margin takes room from the text only when there is something to show or to do."""
        self.setVisible(bool(self.threads or self.suggestions or self.composer is not None
                             or self.controller.suggesting))

    def _thread_cards(self) -> list[ThreadCard]:
        widgets = list(self.widgets.values()) + [self.others_layout.itemAt(i).widget()
                                                 for i in range(self.others_layout.count())]
        return [card for card in widgets if isinstance(card, ThreadCard)]

    @property
    def cards(self) -> list:
        """The cards made so far, in the margin (tests and tools read them)."""
        return [*self.widgets.values(), *([self.composer] if self.composer is not None else [])]

    def place_cards(self) -> None:
        """Each card in view at the height of its words in the editor; the next one below it if they meet."""
        if not self.isVisible():
            return
        marks = self.controller.layer.marks
        positions = PositionMap(self.controller.layer.text)
        first, last = visible_range(self.editor, extra_blocks=0)
        wanted = [(key, marks[key].anchor.start) for key in self.entries if key in marks]  # (DRAFT is no entry)
        if self.composer is not None and DRAFT in marks:
            wanted.append(("new", marks[DRAFT].anchor.start))
        placed, shown = [], set()
        for key, start in wanted:
            position = min(positions.to_qt(start), self.editor.document().characterCount() - 1)
            if not first <= position <= last:
                continue
            card = self.composer if key == "new" else self._card(key)
            cursor = self.editor.textCursor()
            cursor.setPosition(position)
            viewport_point = QPoint(0, self.editor.cursorRect(cursor).top())
            top = self.margin.mapFromGlobal(self.editor.viewport().mapToGlobal(viewport_point)).y()
            placed.append((top, card))
            shown.add(card)
        for card in self.cards:
            if card not in shown:
                card.hide()
        bottom = 0
        width = max(120, self.margin.width())
        for top, card in sorted(placed, key=lambda pair: pair[0]):
            if card.width() != width:
                card.setFixedWidth(width)
                card.adjustSize()
            y = max(top, bottom)
            card.move(0, y)
            card.setVisible(y < self.margin.height())
            bottom = y + card.height() + GAP

    # -- actions -------------------------------------------------------------------------

    def start_comment(self) -> bool:
        """A new comment on the editor's selection (Ctrl+Alt+M). Until it is sent, its words are
        a draft mark: highlighted, and following the text if the writer edits meanwhile."""
        chosen = self.controller.selection_for_comment()
        if chosen is None:
            self.controller.failed.emit(translate("annotations", "حدّد الكلمات التي تعلّق عليها أولًا"))
            return False
        self.cancel_comment()
        layer = self.controller.layer
        layer.add_comment(DRAFT, *chosen, self.controller.me)
        self.composer = NewCommentCard(layer.text[chosen[0]:chosen[1]], self.controller.me, self.margin)
        self.composer.submitted.connect(self._submit_comment)
        self.composer.cancelled.connect(self.cancel_comment)
        self.composer.setFixedWidth(max(120, self.margin.width()))
        self.composer.show()
        self.controller.set_active(DRAFT)
        self.update_visibility()
        self.place_cards()
        self.composer.text.setFocus()
        return True

    def cancel_comment(self) -> None:
        self.controller.layer.marks.pop(DRAFT, None)
        if self.composer is not None:
            self.composer.deleteLater()
            self.composer = None
            self.controller.refresh_highlights()
            self.update_visibility()
            self.place_cards()

    def _submit_comment(self, text: str) -> None:
        draft = self.controller.layer.marks.pop(DRAFT, None)
        if draft is None or draft.anchor.orphaned:
            self.controller.failed.emit(translate("annotations", "حدّد الكلمات التي تعلّق عليها أولًا"))
            return
        composer, self.composer = self.composer, None
        if self.controller.start_thread(draft.anchor.start, draft.anchor.end, text):
            composer.deleteLater()
            self.editor.setFocus()
        else:
            self.controller.layer.marks[DRAFT] = draft  # nothing typed is lost
            self.composer = composer

    def _reply(self, thread_id: int, text: str) -> None:
        for card in self._thread_cards():
            if card.thread.id == thread_id:
                card.reply_edit.clear()  # sent: the rebuilt card starts empty
        if not self.controller.reply(thread_id, text):
            for card in self._thread_cards():
                if card.thread.id == thread_id:
                    card.reply_edit.setText(text)  # refused: nothing typed is lost

    def _resolve(self, thread_id: int, resolved: bool) -> None:
        self.controller.set_resolved(thread_id, resolved)

    def focus_mark(self, key: str) -> None:
        mark = self.controller.layer.marks.get(key)
        self.controller.set_active(key)
        if mark is not None and not mark.anchor.orphaned:
            positions = PositionMap(self.controller.layer.text)
            cursor = self.editor.textCursor()
            cursor.setPosition(positions.to_qt(mark.anchor.start))
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
