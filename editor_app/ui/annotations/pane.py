"""The comments margin beside the editor: each thread and suggestion level with its words,
moving as the editor scrolls (pushed down when they would overlap); threads whose words
were deleted and resolved threads listed below, never lost."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton, QVBoxLayout,
                               QWidget)

from editor_app.core.errors import MidadError
from editor_app.ui.annotations.cards import NewCommentCard, SuggestionCard, ThreadCard
from editor_app.ui.annotations.controller import AnnotationController
from editor_app.ui.annotations.highlights import assign_colours
from editor_app.ui.editor.text_edits import PositionMap
from editor_app.ui.i18n import translate, user_text

PANE_WIDTH = 270
GAP = 6


class Margin(QWidget):
    """Cards placed by hand at the height of their words (no layout: they follow the text)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.cards: list = []

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
        self._people: list[tuple[str, str]] | None = None
        self.composer: NewCommentCard | None = None
        self._composer_range: tuple[int, int] | None = None

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
        header = QHBoxLayout()
        header.addWidget(self.suggest_toggle)
        header.addStretch(1)
        header.addWidget(self.accept_all)
        header.addWidget(self.reject_all)

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

    # -- content ------------------------------------------------------------------------

    def people(self) -> list[tuple[str, str]]:
        if self._people is None:
            try:
                self._people = self.controller.annotations.mentionable()
            except MidadError:
                self._people = []
        return self._people

    def refresh(self) -> None:
        article_id = self.controller.article_id
        try:
            self.threads = self.controller.annotations.threads(article_id) if article_id is not None else []
            self.suggestions = self.controller.annotations.suggestions(article_id) if article_id is not None else []
        except MidadError as error:
            self.controller.failed.emit(user_text(error))
            return
        assign_colours([t.created_by for t in self.threads] + [s.author for s in self.suggestions]
                       + [m.author for m in self.controller.layer.marks.values()])
        self.controller.refresh_highlights()
        # Replies being typed survive the rebuild.
        drafts = {card.thread.id: card.reply_edit.text() for card in self._thread_cards() if card.reply_edit.text()}
        focused = next((card.thread.id for card in self._thread_cards() if card.reply_edit.hasFocus()), None)
        for card in self.margin.cards:
            if card is not self.composer:
                card.deleteLater()
        self.margin.cards = []
        while self.others_layout.count():
            widget = self.others_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        marks = self.controller.layer.marks
        others = 0
        for thread in self.threads:
            card = ThreadCard(thread, self.people())
            card.reply_edit.setText(drafts.get(thread.id, ""))
            if thread.id == focused:
                QTimer.singleShot(0, card.reply_edit.setFocus)
            card.reply_requested.connect(self._reply)
            card.resolve_requested.connect(self._resolve)
            card.clicked.connect(self.focus_mark)
            mark = marks.get(card.key)
            if thread.resolved or mark is None or mark.anchor.orphaned:
                self.others_layout.addWidget(card)
                others += 1
            else:
                card.setParent(self.margin)
                self.margin.cards.append(card)
        for suggestion in self.suggestions:
            if f"s{suggestion.id}" not in marks:
                continue
            card = SuggestionCard(suggestion, self.margin)
            card.decided.connect(self.controller.decide)
            card.clicked.connect(self.focus_mark)
            self.margin.cards.append(card)
        if self.composer is not None:
            self.margin.cards.append(self.composer)
        self.others_layout.addStretch(1)
        self.others_button.setText(translate("annotations", "تعليقات محلولة أو بلا نص ({count})").format(count=others))
        self.others_button.setVisible(others > 0)
        pending = bool(self.suggestions)
        self.accept_all.setEnabled(pending)
        self.reject_all.setEnabled(pending)
        for card in self.margin.cards:
            card.setFixedWidth(self.margin.width() or PANE_WIDTH - 8)
            card.show()
        self.update_visibility()
        self.place_cards()

    def update_visibility(self) -> None:
        """The margin takes room from the text only when there is something to show or to do."""
        self.setVisible(bool(self.threads or self.suggestions or self.composer is not None
                             or self.controller.suggesting))

    def _thread_cards(self) -> list[ThreadCard]:
        widgets = self.margin.cards + [self.others_layout.itemAt(i).widget() for i in range(self.others_layout.count())]
        return [card for card in widgets if isinstance(card, ThreadCard)]

    def place_cards(self) -> None:
        """Each card at the height of its words in the editor; the next one below it if they meet."""
        if not self.isVisible():
            return
        marks = self.controller.layer.marks
        positions = PositionMap(self.controller.layer.text)
        placed = []
        for card in self.margin.cards:
            if card is self.composer and self._composer_range is not None:
                start = self._composer_range[0]
            else:
                mark = marks.get(card.key)
                if mark is None:
                    card.hide()
                    continue
                start = mark.anchor.start
            cursor = self.editor.textCursor()
            cursor.setPosition(min(positions.to_qt(start), self.editor.document().characterCount() - 1))
            viewport_point = QPoint(0, self.editor.cursorRect(cursor).top())
            top = self.margin.mapFromGlobal(self.editor.viewport().mapToGlobal(viewport_point)).y()
            placed.append((top, card))
        bottom = 0
        for top, card in sorted(placed, key=lambda pair: pair[0]):
            card.setFixedWidth(max(120, self.margin.width()))
            card.adjustSize()
            y = max(top, bottom)
            card.move(0, y)
            card.setVisible(y < self.margin.height() and y + card.height() > 0)
            bottom = y + card.height() + GAP

    # -- actions -------------------------------------------------------------------------

    def start_comment(self) -> bool:
        """A new comment on the editor's selection (Ctrl+Alt+M)."""
        chosen = self.controller.selection_for_comment()
        if chosen is None:
            self.controller.failed.emit(translate("annotations", "حدّد الكلمات التي تعلّق عليها أولًا"))
            return False
        self.cancel_comment()
        self._composer_range = chosen
        quote = self.controller.layer.text[chosen[0]:chosen[1]]
        self.composer = NewCommentCard(quote, self.controller.me, self.margin)
        self.composer.submitted.connect(self._submit_comment)
        self.composer.cancelled.connect(self.cancel_comment)
        self.margin.cards.append(self.composer)
        self.composer.setFixedWidth(max(120, self.margin.width()))
        self.composer.show()
        self.update_visibility()
        self.place_cards()
        self.composer.text.setFocus()
        return True

    def cancel_comment(self) -> None:
        if self.composer is not None:
            if self.composer in self.margin.cards:
                self.margin.cards.remove(self.composer)
            self.composer.deleteLater()
            self.composer, self._composer_range = None, None
            self.place_cards()

    def _submit_comment(self, text: str) -> None:
        start, end = self._composer_range
        composer, self.composer, self._composer_range = self.composer, None, None
        if self.controller.start_thread(start, end, text):
            if composer in self.margin.cards:
                self.margin.cards.remove(composer)
            composer.deleteLater()
            self.editor.setFocus()
        else:
            self.composer, self._composer_range = composer, (start, end)  # nothing typed is lost
            if composer not in self.margin.cards:
                self.margin.cards.append(composer)

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
