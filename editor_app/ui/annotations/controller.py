"""Comments and suggestions of the open article, kept in step with the editor.

The editor shows the accepted text with pending insertions in place (core.annotations.marks):
ArticleEditor asks `shown_body` what to show for a stored body and `accepted_text` what to
save. Every change of the document goes through `_on_contents_change` (positions in Qt's
UTF-16 units, converted), which moves the marks exactly. In suggest mode:
- typed text becomes (or grows) the person's suggested insertion;
- Backspace/Delete and typing over a selection mark accepted text as a suggested deletion
  instead of removing it (their own pending insertion is really removed);
- any other removal of accepted text (a drag, a formatting command) is put back at once,
  marked deleted, in the same undo step.
What moved is written to the database a second after typing stops, before switching
articles, and before any decision.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QTextCursor

from editor_app.core.annotations.anchors import relocated
from editor_app.core.annotations.marks import MarkKind, MarkLayer, compose
from editor_app.core.annotations.store import Annotations
from editor_app.core.errors import MidadError
from editor_app.ui.annotations.highlights import LAYER, selections_for
from editor_app.ui.editor.text_edits import PositionMap
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.timers import single_shot_timer

SAVE_DELAY_MS = 1000
DRAFT = "draft"  # the mark of a comment being written (never stored: save_layer skips it)
_log = logging.getLogger(__name__)


class AnnotationController(QObject):
    changed = Signal()  # threads or suggestions were stored, decided or loaded: the pane rereads them
    moved = Signal()  # marks moved with the text: the pane places its cards again
    text_decided = Signal(object)  # ArticleRecord: a decision changed the stored text
    failed = Signal(str)  # one sentence for the status bar
    suggesting_changed = Signal(bool)

    def __init__(self, editor, annotations: Annotations, flush: Callable[[], bool] = lambda: True) -> None:
        super().__init__(editor)
        self.editor = editor
        self.body_edit = editor.body_edit
        self.annotations = annotations
        self.flush = flush  # saves the editor's unsaved text (the window's autosave)
        self.me = annotations.actor
        self.article_id: int | None = None
        self.layer = MarkLayer("")
        self.suggesting = False
        self.active_key: str | None = None
        self.names: dict[str, str] = {}  # login → display name of the article's people (the margin fills it)
        self._pending: tuple[int, MarkLayer] | None = None
        self._text_stale = False  # the layer's text lags the editor's (no marks, not suggesting)
        self._internal = 0
        self._save_timer = single_shot_timer(self, SAVE_DELAY_MS, self.save)
        self._highlight_timer = single_shot_timer(self, 0, self.refresh_highlights)
        editor.annotations = self
        self.body_edit.document().contentsChange.connect(self._on_contents_change)
        self.body_edit.installEventFilter(self)
        editor.loaded.connect(self._on_loaded)
        self.body_edit.verticalScrollBar().valueChanged.connect(self._highlight_timer.start)

    # -- the editor's hooks ---------------------------------------------------------

    def shown_body(self, article_id: int, body: str) -> str:
        self.save()
        previous = self.fresh_layer().accepted_text() if article_id == self.article_id else None
        try:
            stored = self.annotations.stored_marks(article_id, previous_body=previous)
        except MidadError as error:
            self.failed.emit(user_text(error))
            stored = []
        layer = compose(body, stored)
        self._pending = (article_id, layer)  # installed when the document holds its text
        if not self.editor._loading and self.body_edit.toPlainText() == layer.text:
            self._install(article_id, layer)  # a reload that changes nothing on screen
        return layer.text

    def accepted_text(self, text: str) -> str:
        if not self.layer.marks:
            self.layer.text = text  # nothing pending: the text is the accepted text
            return text
        if text != self.layer.text:
            _log.warning("annotation marks out of step with the editor; found again by their quotes")
            self.layer.text_replaced(text)
        return self.layer.accepted_text()

    def fresh_layer(self) -> MarkLayer:
        """The layer, its text read again if typing went by without marks to move."""
        if self._text_stale:
            self._text_stale = False
            self.layer.text = self.body_edit.toPlainText()
        return self.layer

    def _install(self, article_id: int, layer: MarkLayer) -> None:
        draft = self.layer.marks.get(DRAFT) if article_id == self.article_id else None
        if draft is not None:
            # A comment being written keeps its words through a reload of the same article.
            layer.marks[DRAFT] = replace(draft, anchor=relocated(draft.anchor, layer.text, old_text=self.layer.text))
        self._text_stale = False
        self.article_id, self.layer, self._pending = article_id, layer, None
        self._highlight_timer.start()
        self.changed.emit()

    def _on_loaded(self, _article_id: int) -> None:
        """ArticleEditor.load put the text shown_body composed into the document."""
        if self._pending is not None:
            article_id, layer = self._pending
            text = self.body_edit.toPlainText()
            if layer.text != text:
                layer.text_replaced(text)  # (never expected: the editor shows what it was given)
            self._install(article_id, layer)  # (tells the margin)

    # -- following the document -------------------------------------------------------

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self.editor._loading:
            return  # a whole new text arrives (Qt reports it in steps): _on_loaded installs its marks
        if self._pending is None and not self.layer.marks and not self.suggesting:
            self._text_stale = True  # nothing to move: the text is read when it is needed
            return
        new_text = self.body_edit.toPlainText()
        if self._pending is not None:
            article_id, layer = self._pending
            if new_text != layer.text:
                layer.text_replaced(new_text)
            self._install(article_id, layer)  # the text was replaced in place (live_text)
            return
        if self._text_stale:
            self._text_stale = False
            self.layer.text = new_text  # no marks: nothing else to follow
            return
        old = self.layer.text
        if new_text == old:
            return  # a format or layout change reported as an edit (the highlighter's)
        positions = PositionMap(old)
        start = positions.to_python(position)
        removed_py = positions.to_python(position + removed) - start if removed else 0
        added_py = removed_py + len(new_text) - len(old)
        old_piece, new_piece = old[start:start + removed_py], new_text[start:start + added_py]
        # Only what really differs: Qt reports whole replaced blocks.
        prefix = _common_prefix(old_piece, new_piece)
        suffix = _common_prefix(old_piece[prefix:][::-1], new_piece[prefix:][::-1])
        start += prefix
        old_piece = old_piece[prefix:len(old_piece) - suffix]
        added_text = new_piece[prefix:len(new_piece) - suffix]
        if self.suggesting and not self._internal:
            self._follow_suggested_change(start, old_piece, added_text)
        else:
            self.layer.edit(start, len(old_piece), added_text)
        if self.layer.text != new_text:
            self.layer.text_replaced(new_text)
        self._edited()

    def _follow_suggested_change(self, start: int, old_piece: str, new_piece: str) -> None:
        """One change in suggest mode, split into what was kept, added and removed (a formatting
        command replaces «word» by «**word**»: two insertions, nothing removed)."""
        put_back: list[tuple[int, str]] = []
        matcher = SequenceMatcher(None, old_piece, new_piece, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            at = start + j1  # the pieces before this one are already applied
            if tag == "equal":
                continue
            removed = old_piece[i1:i2]
            restore = self.layer.plan_deletion(at, at + len(removed), self.me)[1] if removed else []
            texts = [self.layer.text[s:e] for s, e in restore]
            self.layer.edit(at, len(removed), new_piece[j1:j2])
            if j2 > j1:
                self.layer.record_insertion(at, j2 - j1, self.me)
            if texts:
                put_back.append((start + j2, "".join(texts)))
        if put_back:
            # Accepted text is never removed in suggest mode: back it comes, marked deleted
            # (from the last place to the first, so that each place is still right).
            QTimer.singleShot(0, lambda: [self._put_back(at, text) for at, text in reversed(put_back)])

    def _edited(self) -> None:
        """Marks moved (typing): the margin moves its cards; it rereads them only when
        something is stored (`changed`), not on every keystroke."""
        if self.layer.dirty:
            self._save_timer.start()
        self._highlight_timer.start()
        self.moved.emit()

    def _put_back(self, position: int, text: str) -> None:
        caret = self.body_edit.textCursor().position()
        positions = PositionMap(self.layer.text)
        cursor = QTextCursor(self.body_edit.document())
        # One undo step with the removal; the document reports it at endEditBlock.
        with self._internal_edit():
            cursor.joinPreviousEditBlock()
            cursor.setPosition(positions.to_qt(position))
            cursor.insertText(text)
            cursor.endEditBlock()
        self.layer.record_deletion(position, position + len(text), self.me)
        self._keep_caret(caret)
        self._edited()

    def _keep_caret(self, position: int) -> None:
        cursor = self.body_edit.textCursor()
        cursor.setPosition(position)
        self.body_edit.setTextCursor(cursor)

    def _internal_edit(self):
        controller = self

        class _Internal:
            def __enter__(self):
                controller._internal += 1

            def __exit__(self, *_):
                controller._internal -= 1

        return _Internal()

    # -- suggest mode -------------------------------------------------------------------

    def set_suggesting(self, on: bool) -> None:
        self.fresh_layer()
        if on != self.suggesting:
            self.suggesting = on
            self.suggesting_changed.emit(on)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if not (self.suggesting and watched is self.body_edit and event.type() == QEvent.Type.KeyPress):
            return False
        if self.body_edit.isReadOnly():
            return False
        key, cursor = event.key(), self.body_edit.textCursor()
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            backward = key == Qt.Key.Key_Backspace
            if not cursor.hasSelection():
                word = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                moves = {(True, False): QTextCursor.MoveOperation.PreviousCharacter,
                         (False, False): QTextCursor.MoveOperation.NextCharacter,
                         (True, True): QTextCursor.MoveOperation.PreviousWord,
                         (False, True): QTextCursor.MoveOperation.NextWord}
                cursor.movePosition(moves[(backward, word)], QTextCursor.MoveMode.KeepAnchor)
            self.suggest_deletion(cursor.selectionStart(), cursor.selectionEnd(), caret_at_start=backward)
            return True
        if event.matches(QKeySequence.StandardKey.Cut) and cursor.hasSelection():
            self.body_edit.copy()
            self.suggest_deletion(cursor.selectionStart(), cursor.selectionEnd(), caret_at_start=True)
            return True
        typing = bool(event.text()) and event.text().isprintable() and not (
            event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if cursor.hasSelection() and (typing or event.matches(QKeySequence.StandardKey.Paste)):
            # Typing over a selection: the selection is suggested for deletion, the new
            # text goes after it (the key then does its usual work at the caret).
            self.suggest_deletion(cursor.selectionStart(), cursor.selectionEnd(), caret_at_start=False)
        return False

    def suggest_deletion(self, start_qt: int, end_qt: int, caret_at_start: bool) -> None:
        positions = PositionMap(self.fresh_layer().text)
        start, end = positions.to_python(start_qt), positions.to_python(end_qt)
        if start >= end:
            return
        remove, mark = self.layer.plan_deletion(start, end, self.me)
        caret = start if caret_at_start else end
        # From the end backwards, so earlier places stay where they are.
        for piece_start, piece_end in sorted(remove, reverse=True):
            cursor = QTextCursor(self.body_edit.document())
            cursor.setPosition(PositionMap(self.layer.text).to_qt(piece_start))
            cursor.setPosition(PositionMap(self.layer.text).to_qt(piece_end), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()  # their own insertion: really gone (followed by _on_contents_change)
            if piece_end <= caret:
                caret -= piece_end - piece_start
            elif piece_start < caret:
                caret = piece_start
            mark = [(s - (piece_end - piece_start), e - (piece_end - piece_start)) if s >= piece_end else (s, e)
                    for s, e in mark]
        for piece_start, piece_end in mark:
            self.layer.record_deletion(piece_start, piece_end, self.me)
        self._keep_caret(PositionMap(self.layer.text).to_qt(caret))
        self._edited()

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        self._save_timer.stop()
        if self.article_id is None or not self.layer.dirty:
            return True
        withdrawn = any(key not in self.layer.marks for key in self.layer.dirty)
        try:
            created = self.annotations.save_layer(self.article_id, self.layer)
        except MidadError as error:
            self.failed.emit(user_text(error))
            return False
        if created or withdrawn:
            self.changed.emit()  # a card to add or to take away
        return True

    def refresh_highlights(self) -> None:
        self.body_edit.set_extra_selection_layer(LAYER, selections_for(self.body_edit, self.layer, self.active_key,
                                                                       self.names))

    def set_active(self, key: str | None) -> None:
        self.active_key = key
        self.refresh_highlights()

    # -- comments ---------------------------------------------------------------------------

    def selection_for_comment(self) -> tuple[int, int] | None:
        """The selected range of the accepted text, or None (nothing selected, or only
        pending insertions: comment on the suggestion's card instead)."""
        cursor = self.body_edit.textCursor()
        positions = PositionMap(self.fresh_layer().text)
        start, end = positions.to_python(cursor.selectionStart()), positions.to_python(cursor.selectionEnd())
        if start >= end:
            return None
        return (start, end) if self.layer.to_accepted(end) > self.layer.to_accepted(start) else None

    def start_thread(self, start: int, end: int, body: str) -> bool:
        if self.article_id is None or not self._saved_first():
            return False
        try:
            thread = self.annotations.start_thread(self.article_id, self.layer.to_accepted(start),
                                                   self.layer.to_accepted(end), body)
        except MidadError as error:
            self.failed.emit(user_text(error))
            return False
        self.layer.add_comment(f"t{thread.id}", start, end, self.me, thread.id)
        self.active_key = f"t{thread.id}"
        self._edited()
        self.changed.emit()
        return True

    def reply(self, thread_id: int, body: str) -> bool:
        return self._call(lambda: self.annotations.reply(thread_id, body))

    def set_resolved(self, thread_id: int, resolved: bool) -> bool:
        call = self.annotations.resolve if resolved else self.annotations.reopen
        if not self._call(lambda: call(thread_id)):
            return False
        self._reload_marks()
        return True

    def _call(self, action) -> bool:
        try:
            action()
        except MidadError as error:
            self.failed.emit(user_text(error))
            return False
        self.changed.emit()
        return True

    def _reload_marks(self) -> None:
        """Marks as stored (a thread resolved or reopened): the text itself is unchanged."""
        if self.article_id is None:
            return
        self.save()
        accepted = self.layer.accepted_text()
        self._install(self.article_id, compose(accepted, self.annotations.stored_marks(self.article_id, accepted)))

    # -- decisions ------------------------------------------------------------------------------

    def decide(self, suggestion_id: int | None, accept: bool) -> bool:
        """Accept or reject one suggestion (None: all of them); the editor shows the result."""
        if self.article_id is None:
            return False
        if self.body_edit.isReadOnly():
            # Someone else is editing it now (their lease): a decision would change their text.
            self.failed.emit(translate("annotations", "يحرّر غيرك هذا المقال الآن: قرّر في الاقتراحات بعد أن ينتهي"))
            return False
        if not self._saved_first():
            return False
        try:
            if suggestion_id is None:
                record = (self.annotations.accept_all if accept else self.annotations.reject_all)(self.article_id)
            else:
                record = (self.annotations.accept if accept else self.annotations.reject)(suggestion_id)
        except MidadError as error:
            self.failed.emit(user_text(error))
            return False
        from editor_app.ui.concurrency.live_text import replace_text_in_place

        caret = self.body_edit.textCursor().position()
        with self._internal_edit():
            replace_text_in_place(self.editor, record.title, record.body)
        if self._pending is not None:
            self._install(*self._pending)
        self._keep_caret(min(caret, len(self.body_edit.toPlainText())))
        self.text_decided.emit(record)
        self.changed.emit()
        return True

    def suggestion_at(self, position_qt: int) -> int | None:
        position = PositionMap(self.fresh_layer().text).to_python(position_qt)
        for mark in self.layer.at(position):
            if mark.kind is not MarkKind.COMMENT and mark.stored_id is not None:
                return mark.stored_id
        return None

    def _saved_first(self) -> bool:
        """Decisions and comments are made on the stored text: unsaved typing goes first."""
        if not self.flush():
            self.failed.emit(translate("annotations", "احفظ المقال أولًا: تعذّر حفظ النص"))
            return False
        return self.save()


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b):
        if x != y:
            break
        count += 1
    return count
