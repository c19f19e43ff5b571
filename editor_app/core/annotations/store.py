"""Comments and suggested edits of the stored articles: the use cases, each one transaction.

Anchors are stored in the article's accepted text (its body). The body may have changed
since an anchor was written (another person's save, a sync, the CLI): every read finds each
anchor again (core.annotations.anchors.relocated) and writes back what moved. Accepting a
suggestion changes the body, keeps a revision whose note says who accepted what, and moves
the other anchors in the same transaction. On a newsroom server the server stamps who did
what and refuses what the person may not do (core.annotations.server_rights).
"""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.core import revisions as revision_rules
from editor_app.core.annotations import events
from editor_app.core.annotations.anchors import Anchor, anchor_at, refreshed, relocated, shifted
from editor_app.core.annotations.marks import MarkKind, MarkLayer, StoredMark
from editor_app.core.annotations.mentions import mentioned_logins
from editor_app.core.annotations.records import MessageRecord, SuggestionRecord, ThreadRecord
from editor_app.core.annotations.tables import (CommentMessage, CommentThread, Suggestion, SuggestionKind,
                                                SuggestionState)
from editor_app.core.changes import What
from editor_app.core.errors import QT_TRANSLATE_NOOP, ArticleNotFound, InvalidField, Text
from editor_app.core.models import Article, Person, Revision, RevisionReason, utc_now
from editor_app.core.records import ArticleRecord
from editor_app.core.server.people import display_names

EXCERPT = 80  # characters of a comment or suggestion carried by an event


class AnnotationGone(InvalidField):
    """The comment or suggestion no longer exists (deleted with its article, or withdrawn)."""


class Annotations:
    def __init__(self, library) -> None:
        self.library = library
        self.database = library.database

    @property
    def actor(self) -> str:
        return self.library.actor

    # -- people -------------------------------------------------------------------

    def mentionable(self) -> list[tuple[str, str]]:
        """(login, display name) of who can be @mentioned: the newsroom's people on a server,
        the OS writer alone on SQLite."""
        with self.database.transaction() as session:
            rows = session.execute(select(Person.login, Person.display_name).where(Person.disabled.is_(False))
                                   .order_by(Person.display_name)).all()
        people = [(row.login, row.display_name) for row in rows]
        return people or [(self.actor, self.actor)]

    # -- comments -----------------------------------------------------------------

    def threads(self, article_id: int) -> list[ThreadRecord]:
        """Every thread of an article (resolved ones too), in the order of the text; orphaned last."""
        with self.database.transaction() as session:
            article = _article(session, article_id)
            rows = session.scalars(select(CommentThread).where(CommentThread.article_id == article_id)).all()
            _relocate_rows(rows, article.body)
            messages = session.scalars(select(CommentMessage).where(CommentMessage.thread_id.in_([r.id for r in rows]))
                                       .order_by(CommentMessage.created_at, CommentMessage.id)).all()
            names = display_names(session, [r.created_by for r in rows] + [m.author for m in messages])
            by_thread: dict[int, list[MessageRecord]] = {}
            for message in messages:
                by_thread.setdefault(message.thread_id, []).append(_message_record(message, names))
            records = [_thread_record(row, names, by_thread.get(row.id, [])) for row in rows]
        return sorted(records, key=lambda t: (t.anchor.orphaned, t.anchor.start, t.created_at, t.id))

    def start_thread(self, article_id: int, start: int, end: int, body: str) -> ThreadRecord:
        """A comment on body[start:end] of the stored article."""
        body = _clean(body)
        with self.database.transaction() as session:
            article = _article(session, article_id)
            if not 0 <= start < end <= len(article.body):
                raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "select the words to comment on first")))
            anchor = anchor_at(article.body, start, end)
            thread = CommentThread(article_id=article_id, created_by=self.actor, created_at=utc_now(),
                                   **_anchor_columns(anchor))
            session.add(thread)
            session.flush()
            message = self._add_message(session, thread, body)
            thread_id, message_id, mentions = thread.id, message.id, message.mentions
        self._announce_mentions(article_id, thread_id, message_id, mentions, body)
        return next(t for t in self.threads(article_id) if t.id == thread_id)

    def reply(self, thread_id: int, body: str) -> MessageRecord:
        body = _clean(body)
        with self.database.transaction() as session:
            thread = _thread(session, thread_id)
            message = self._add_message(session, thread, body)
            session.flush()
            names = display_names(session, [message.author])
            record, article_id = _message_record(message, names), thread.article_id
        self._announce_mentions(article_id, thread_id, record.id, " ".join(record.mentions), body)
        return record

    def _add_message(self, session: Session, thread: CommentThread, body: str) -> CommentMessage:
        message = CommentMessage(thread_id=thread.id, author=self.actor, body=body, created_at=utc_now(),
                                 mentions=" ".join(mentioned_logins(body, self._people(session))))
        session.add(message)
        session.flush()
        return message

    def _people(self, session: Session) -> list[tuple[str, str]]:
        rows = session.execute(select(Person.login, Person.display_name)).all()
        return [(row.login, row.display_name) for row in rows] or [(self.actor, self.actor)]

    def _announce_mentions(self, article_id: int, thread_id: int, message_id: int, mentions: str, body: str) -> None:
        people = tuple(login for login in mentions.split() if login != self.actor)
        if people:
            events.emit(events.AnnotationEvent(events.MENTIONED, article_id, self.actor, people, thread_id=thread_id,
                                               message_id=message_id, excerpt=body[:EXCERPT], source=self.database))

    def resolve(self, thread_id: int) -> None:
        self._set_resolved(thread_id, True)

    def reopen(self, thread_id: int) -> None:
        self._set_resolved(thread_id, False)

    def _set_resolved(self, thread_id: int, resolved: bool) -> None:
        with self.database.transaction() as session:
            thread = _thread(session, thread_id)
            thread.resolved = resolved
            thread.resolved_by = self.actor if resolved else ""
            thread.resolved_at = utc_now() if resolved else None
            session.flush()
            authors = set(session.scalars(select(CommentMessage.author).where(CommentMessage.thread_id == thread_id)))
            article_id, by = thread.article_id, thread.resolved_by or self.actor
        if resolved:
            events.emit(events.AnnotationEvent(events.THREAD_RESOLVED, article_id, by, tuple(sorted(authors - {by})),
                                               thread_id=thread_id, source=self.database))

    # -- suggestions -------------------------------------------------------------------

    def suggestions(self, article_id: int, pending_only: bool = True) -> list[SuggestionRecord]:
        with self.database.transaction() as session:
            article = _article(session, article_id)
            query = select(Suggestion).where(Suggestion.article_id == article_id)
            if pending_only:
                query = query.where(Suggestion.state == SuggestionState.PENDING.value)
            rows = session.scalars(query.order_by(Suggestion.created_at, Suggestion.id)).all()
            _relocate_rows([r for r in rows if r.state == SuggestionState.PENDING.value], article.body)
            names = display_names(session, [r.author for r in rows])
            records = [_suggestion_record(row, names) for row in rows]
        return sorted(records, key=lambda s: (s.anchor.orphaned, s.anchor.start, s.created_at, s.id))

    def suggest_insert(self, article_id: int, position: int, text: str) -> SuggestionRecord:
        if not text:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a suggested insertion needs some text")))
        with self.database.transaction() as session:
            body = _article(session, article_id).body
            position = max(0, min(position, len(body)))
            anchor = Anchor(position, position, text, body[max(0, position - 32):position], body[position:position + 32])
            row = self._add_suggestion(session, article_id, SuggestionKind.INSERT, anchor)
            return _suggestion_record(row, display_names(session, [row.author]))

    def suggest_delete(self, article_id: int, start: int, end: int) -> SuggestionRecord:
        with self.database.transaction() as session:
            body = _article(session, article_id).body
            if not 0 <= start < end <= len(body):
                raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "select the words to suggest deleting first")))
            row = self._add_suggestion(session, article_id, SuggestionKind.DELETE, anchor_at(body, start, end))
            return _suggestion_record(row, display_names(session, [row.author]))

    def _add_suggestion(self, session: Session, article_id: int, kind: SuggestionKind, anchor: Anchor) -> Suggestion:
        row = Suggestion(article_id=article_id, kind=kind.value, author=self.actor, created_at=utc_now(),
                         state=SuggestionState.PENDING.value, **_anchor_columns(anchor))
        session.add(row)
        session.flush()
        return row

    def accept(self, suggestion_id: int) -> ArticleRecord:
        """The suggested change becomes the article's text, with a revision that says who
        accepted whose suggestion; the other anchors move with the text."""
        record = self._decide([suggestion_id], accept=True)
        return record

    def reject(self, suggestion_id: int) -> ArticleRecord:
        return self._decide([suggestion_id], accept=False)

    def accept_all(self, article_id: int) -> ArticleRecord:
        return self._decide([s.id for s in self.suggestions(article_id)], accept=True, article_id=article_id)

    def reject_all(self, article_id: int) -> ArticleRecord:
        return self._decide([s.id for s in self.suggestions(article_id)], accept=False, article_id=article_id)

    def _decide(self, suggestion_ids: list[int], accept: bool, article_id: int | None = None) -> ArticleRecord:
        decided: list[tuple[int, str, str]] = []
        with self.database.transaction() as session:
            rows = [row for row in (session.get(Suggestion, i) for i in suggestion_ids) if row is not None]
            if not rows and article_id is None:
                raise AnnotationGone(Text(QT_TRANSLATE_NOOP("errors", "this suggestion no longer exists")))
            article = _article(session, rows[0].article_id if rows else article_id)
            body_before = article.body
            notes = []
            # From the end of the text backwards: each change leaves the places before it alone.
            for row in sorted(rows, key=lambda r: (r.anchor_start, r.id), reverse=True):
                if row.state != SuggestionState.PENDING.value:
                    continue
                anchor = _relocated_row(row, article.body)
                if accept:
                    if row.kind == SuggestionKind.DELETE.value and anchor.orphaned:
                        raise InvalidField(Text(QT_TRANSLATE_NOOP(
                            "errors", "the words this suggestion deletes are no longer in the article; reject it instead")))
                    article.body, edit = _applied(article.body, row.kind, anchor)
                    _shift_others(session, article.id, row.id, edit, article.body)
                    notes.append({"suggestion": row.id, "kind": row.kind, "author": row.author, "text": anchor.quote})
                row.state = (SuggestionState.ACCEPTED if accept else SuggestionState.REJECTED).value
                row.decided_by, row.decided_at = self.actor, utc_now()
                decided.append((row.id, row.author, anchor.quote))
            if article.body != body_before:
                article.updated_at = utc_now()
                session.flush()
                self.library.search_index.update(session, article)
                session.add(Revision(article_id=article.id, reason=RevisionReason.SUGGESTION.value, status=article.status,
                                     title=article.title, body=article.body,
                                     word_count=revision_rules.word_count(article.body), created_at=utc_now(),
                                     note=json.dumps({"accepted_by": self.actor, "accepted": notes}, ensure_ascii=False)))
            session.flush()
            result = ArticleRecord.from_model(article)
        if result.body != body_before:
            self.library.changes.announce([result.id], What.TEXT)
        kind = events.SUGGESTION_ACCEPTED if accept else events.SUGGESTION_REJECTED
        for suggestion_id, author, text in decided:
            events.emit(events.AnnotationEvent(kind, result.id, self.actor, tuple({author} - {self.actor}),
                                               suggestion_id=suggestion_id, excerpt=text[:EXCERPT], source=self.database))
        return result

    def withdraw(self, suggestion_id: int) -> None:
        """Its author takes a pending suggestion back."""
        with self.database.transaction() as session:
            row = session.get(Suggestion, suggestion_id)
            if row is not None and row.state == SuggestionState.PENDING.value:
                session.delete(row)

    # -- the editor's live layer ---------------------------------------------------------

    def stored_marks(self, article_id: int, previous_body: str | None = None) -> list[StoredMark]:
        """Comments and pending suggestions as the editor composes them (core.annotations.marks).
        previous_body: the text the anchors were last written against, when known (exact moves)."""
        with self.database.transaction() as session:
            article = _article(session, article_id)
            threads = session.scalars(select(CommentThread).where(CommentThread.article_id == article_id,
                                                                  CommentThread.resolved.is_(False))).all()
            pending = session.scalars(select(Suggestion).where(Suggestion.article_id == article_id,
                                                               Suggestion.state == SuggestionState.PENDING.value)).all()
            _relocate_rows([*threads, *pending], article.body, previous_body)
            marks = [StoredMark(MarkKind.COMMENT, _row_anchor(t), t.id, t.created_by, t.created_at) for t in threads]
            marks += [StoredMark(MarkKind(s.kind), _row_anchor(s), s.id, s.author, s.created_at) for s in pending]
        return marks

    def save_layer(self, article_id: int, layer: MarkLayer) -> dict[str, int]:
        """Write what moved or was typed in the editor since the last call: anchors in the
        accepted text, new suggestions, suggestions that lost all their text. Returns the ids
        given to new marks (key → id); the layer's keys are renamed to match."""
        created: dict[str, int] = {}
        dirty, layer.dirty = set(layer.dirty), set()
        with self.database.transaction() as session:
            _article(session, article_id)
            for key in dirty:
                mark = layer.marks.get(key)
                stored_id = int(key[1:]) if key[:1] in "ts" and key[1:].isdigit() else None
                if mark is None:
                    if stored_id is not None and key.startswith("s"):
                        row = session.get(Suggestion, stored_id)
                        if row is not None and row.state == SuggestionState.PENDING.value and row.author == self.actor:
                            session.delete(row)
                    continue
                anchor = layer.stored_anchor(mark)
                if stored_id is None and mark.kind is not MarkKind.COMMENT:
                    created[key] = self._add_suggestion(session, article_id, SuggestionKind(mark.kind.value), anchor).id
                    continue
                row = session.get(CommentThread if key.startswith("t") else Suggestion, stored_id) if stored_id else None
                if row is None or getattr(row, "state", SuggestionState.PENDING.value) != SuggestionState.PENDING.value:
                    continue
                if isinstance(row, Suggestion) and row.kind == SuggestionKind.INSERT.value and row.author != self.actor:
                    anchor = replace(anchor, quote=row.quote)  # another's words: theirs to change
                _write_anchor(row, anchor)
        for key, stored_id in created.items():
            mark = layer.marks.pop(key)
            layer.marks[f"s{stored_id}"] = replace(mark, key=f"s{stored_id}", stored_id=stored_id)
        return created


# -- helpers ------------------------------------------------------------------------------

def _clean(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a comment needs some words")))
    return body


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFound(article_id)
    return article


def _thread(session: Session, thread_id: int) -> CommentThread:
    thread = session.get(CommentThread, thread_id)
    if thread is None:
        raise AnnotationGone(Text(QT_TRANSLATE_NOOP("errors", "this comment no longer exists")))
    return thread


def _row_anchor(row) -> Anchor:
    return Anchor(row.anchor_start, row.anchor_end, row.quote, row.context_before, row.context_after, row.orphaned)


def _anchor_columns(anchor: Anchor) -> dict:
    return {"anchor_start": anchor.start, "anchor_end": anchor.end, "quote": anchor.quote,
            "context_before": anchor.before, "context_after": anchor.after, "orphaned": anchor.orphaned}


def _write_anchor(row, anchor: Anchor) -> None:
    for column, value in _anchor_columns(anchor).items():
        if getattr(row, column) != value:
            setattr(row, column, value)


def _relocated_row(row, body: str, previous_body: str | None = None) -> Anchor:
    anchor = _row_anchor(row)
    if isinstance(row, Suggestion) and row.kind == SuggestionKind.INSERT.value:
        # An insertion's quote is not in the body: only the point between its contexts is.
        point = relocated(replace(anchor, quote=""), body, old_text=previous_body)
        return replace(point, quote=anchor.quote)
    return relocated(anchor, body, old_text=previous_body)


def _relocate_rows(rows, body: str, previous_body: str | None = None) -> None:
    """Each row's anchor found again in the body as it is now; written back only if it moved."""
    for row in rows:
        anchor = _row_anchor(row)
        moved = _relocated_row(row, body, previous_body)
        if moved != anchor:
            _write_anchor(row, moved)


def _applied(body: str, kind: str, anchor: Anchor) -> tuple[str, tuple[int, int, int]]:
    """The body with the suggestion applied, and the edit (position, removed, added)."""
    if kind == SuggestionKind.INSERT.value:
        return body[:anchor.start] + anchor.quote + body[anchor.start:], (anchor.start, 0, len(anchor.quote))
    return body[:anchor.start] + body[anchor.end:], (anchor.start, anchor.end - anchor.start, 0)


def _shift_others(session: Session, article_id: int, except_id: int, edit: tuple[int, int, int], body: str) -> None:
    others = [*session.scalars(select(CommentThread).where(CommentThread.article_id == article_id)),
              *session.scalars(select(Suggestion).where(Suggestion.article_id == article_id, Suggestion.id != except_id,
                                                        Suggestion.state == SuggestionState.PENDING.value))]
    for row in others:
        anchor = _row_anchor(row)
        moved = shifted(anchor, *edit)
        if isinstance(row, Suggestion) and row.kind == SuggestionKind.INSERT.value:
            moved = replace(moved, before=body[max(0, moved.start - 32):moved.start],
                            after=body[moved.start:moved.start + 32])
        else:
            moved = refreshed(moved, body)
        if moved != anchor:
            _write_anchor(row, moved)


def _message_record(row: CommentMessage, names: dict[str, str]) -> MessageRecord:
    return MessageRecord(row.id, row.author, names.get(row.author, row.author), row.body,
                         tuple(row.mentions.split()), row.created_at)


def _thread_record(row: CommentThread, names: dict[str, str], messages: list[MessageRecord]) -> ThreadRecord:
    return ThreadRecord(row.id, row.article_id, _row_anchor(row), row.resolved, row.resolved_by, row.resolved_at,
                        row.created_by, names.get(row.created_by, row.created_by), row.created_at, tuple(messages))


def _suggestion_record(row: Suggestion, names: dict[str, str]) -> SuggestionRecord:
    return SuggestionRecord(row.id, row.article_id, row.kind, _row_anchor(row), row.author,
                            names.get(row.author, row.author), row.created_at, row.state, row.decided_by,
                            row.decided_at)
