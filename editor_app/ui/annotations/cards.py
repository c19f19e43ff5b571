"""The cards of the comments margin: a thread (its words, replies, reply box, resolve), a
suggestion (whose, what, accept/reject), and the box for a new comment."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton,
                               QMenu, QVBoxLayout, QWidget)

from editor_app.core.annotations.records import SuggestionRecord, ThreadRecord
from editor_app.ui.annotations.highlights import author_colour
from editor_app.ui.i18n import translate
from editor_app.ui.theme import state_colour

QUOTE_CHARACTERS = 60


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return "«" + (text if len(text) <= QUOTE_CHARACTERS else text[:QUOTE_CHARACTERS - 1] + "…") + "»"


class Card(QFrame):
    clicked = Signal(str)  # the mark's key

    def __init__(self, key: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("annotation_card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # The edge toward the text carries the author's colour (the text is on the right of the
        # margin in the Arabic interface, on its left in the mirrored English one).
        side = "right" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "left"
        self.setStyleSheet(f"QFrame#annotation_card {{ border: 1px solid palette(mid); border-{side}: 4px solid {colour};"
                           " border-radius: 4px; background: palette(base); }")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 6, 8, 6)
        self.layout_.setSpacing(4)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.clicked.emit(self.key)
        super().mousePressEvent(event)

    def label(self, html: str, muted: bool = False) -> QLabel:
        label = QLabel(html, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if muted:
            label.setStyleSheet(f"color: {state_colour('muted')};")
        self.layout_.addWidget(label)
        return label


class ThreadCard(Card):
    reply_requested = Signal(int, str)
    resolve_requested = Signal(int, bool)

    def __init__(self, thread: ThreadRecord, people: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(f"t{thread.id}", author_colour(thread.created_by).name(), parent)
        self.setObjectName("annotation_card")
        self.thread = thread
        prefix = translate("annotations", "نصّه محذوف: ") if thread.anchor.orphaned else ""
        self.quote = self.label(escape(prefix + _quoted(thread.anchor.quote)), muted=True)
        for message in thread.messages:
            self.label(f"<b>{escape(message.author_name)}</b>: {escape(message.body)}")
        row = QHBoxLayout()
        self.reply_edit = QLineEdit(self)
        self.reply_edit.setObjectName("reply_edit")
        self.reply_edit.setPlaceholderText(translate("annotations", "ردّ… (@ لذكر زميل)"))
        self.reply_edit.returnPressed.connect(self._reply)
        mention = QToolButton(self)
        mention.setText("@")
        mention.setToolTip(translate("annotations", "اذكر زميلًا"))
        mention.clicked.connect(lambda: self._mention_menu(mention, people))
        row.addWidget(self.reply_edit, 1)
        row.addWidget(mention)
        self.layout_.addLayout(row)
        self.resolve_button = QPushButton(translate("annotations", "إعادة فتح") if thread.resolved
                                          else translate("annotations", "حلّ"), self)
        self.resolve_button.setObjectName("resolve_button")
        self.resolve_button.clicked.connect(lambda: self.resolve_requested.emit(thread.id, not thread.resolved))
        self.layout_.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignLeading)

    def _mention_menu(self, button: QToolButton, people: list[tuple[str, str]]) -> None:
        """Made when asked for: a margin of many threads would otherwise build a menu each."""
        menu = QMenu(button)
        for _login, name in people:
            menu.addAction(name, lambda name=name: self.reply_edit.insert(f"@{name} "))
        menu.exec(button.mapToGlobal(button.rect().bottomLeft()))
        menu.deleteLater()
        self.reply_edit.setFocus()

    def _reply(self) -> None:
        text = self.reply_edit.text().strip()
        if text:
            self.reply_requested.emit(self.thread.id, text)


class SuggestionCard(Card):
    decided = Signal(int, bool)

    def __init__(self, suggestion: SuggestionRecord, parent: QWidget | None = None) -> None:
        super().__init__(f"s{suggestion.id}", author_colour(suggestion.author).name(), parent)
        self.suggestion = suggestion
        what = (translate("annotations", "يقترح إضافة") if suggestion.kind == "insert"
                else translate("annotations", "يقترح حذف"))
        colour = author_colour(suggestion.author).name()
        decoration = "underline" if suggestion.kind == "insert" else "line-through"
        self.label(f'<b style="color:{colour}">{escape(suggestion.author_name)}</b> {escape(what)}: '
                   f'<span style="color:{colour}; text-decoration:{decoration}">{escape(_quoted(suggestion.text))}</span>')
        row = QHBoxLayout()
        self.accept_button = QPushButton(translate("annotations", "قبول"), self)
        self.accept_button.setObjectName("accept_button")
        self.reject_button = QPushButton(translate("annotations", "رفض"), self)
        self.reject_button.setObjectName("reject_button")
        self.accept_button.clicked.connect(lambda: self.decided.emit(suggestion.id, True))
        self.reject_button.clicked.connect(lambda: self.decided.emit(suggestion.id, False))
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        row.addStretch(1)
        self.layout_.addLayout(row)


class NewCommentCard(Card):
    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, quote: str, author: str, parent: QWidget | None = None) -> None:
        super().__init__("new", author_colour(author).name(), parent)
        self.label(escape(_quoted(quote)), muted=True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("new_comment_edit")
        self.text.setPlaceholderText(translate("annotations", "اكتب تعليقك… (@ لذكر زميل)"))
        self.text.setFixedHeight(70)
        self.layout_.addWidget(self.text)
        row = QHBoxLayout()
        send = QPushButton(translate("annotations", "تعليق"), self)
        send.setObjectName("send_comment_button")
        cancel = QPushButton(translate("annotations", "إلغاء"), self)
        send.clicked.connect(self._send)
        cancel.clicked.connect(self.cancelled)
        row.addWidget(send)
        row.addWidget(cancel)
        row.addStretch(1)
        self.layout_.addLayout(row)
        QShortcut(QKeySequence("Ctrl+Return"), self.text, self._send)

    def _send(self) -> None:
        if self.text.toPlainText().strip():
            self.submitted.emit(self.text.toPlainText())
