"""The hook notifications connect to: what happened to comments and suggestions, said once
the change is committed.

    from editor_app.core.annotations import events
    unsubscribe = events.connect(events.MENTIONED, lambda event: ...)

Each listener gets one AnnotationEvent. Listeners run in the thread that made the change (a
Qt layer moves them to the UI thread, as ui.change_events does for library changes); one
that raises is logged and does not stop the others or undo the change.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

MENTIONED = "mentioned"  # people: the logins @mentioned in a comment or reply
SUGGESTION_ACCEPTED = "suggestion_accepted"  # people: the suggestion's author
SUGGESTION_REJECTED = "suggestion_rejected"  # people: the suggestion's author
THREAD_RESOLVED = "comment_resolved"  # people: who took part in the thread (the workflow's kind name)
KINDS = (MENTIONED, SUGGESTION_ACCEPTED, SUGGESTION_REJECTED, THREAD_RESOLVED)

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnnotationEvent:
    kind: str
    article_id: int
    by: str  # login of who did it
    people: tuple[str, ...] = ()  # logins it concerns (to notify), never including `by`
    thread_id: int | None = None
    message_id: int | None = None
    suggestion_id: int | None = None
    excerpt: str = ""  # the comment's words or the suggestion's text, shortened
    extra: dict = field(default_factory=dict)
    source: object = field(default=None, compare=False, repr=False)  # the Database it happened in


Listener = Callable[[AnnotationEvent], None]
_listeners: dict[str, list[Listener]] = {kind: [] for kind in KINDS}
_lock = threading.Lock()


def connect(kind: str, listener: Listener) -> Callable[[], None]:
    if kind not in _listeners:
        raise ValueError(f"unknown annotation event {kind!r}; one of {', '.join(KINDS)}")
    with _lock:
        _listeners[kind].append(listener)

    def disconnect() -> None:
        with _lock:
            if listener in _listeners[kind]:
                _listeners[kind].remove(listener)

    return disconnect


def emit(event: AnnotationEvent) -> None:
    with _lock:
        listeners = list(_listeners[event.kind])
    for listener in listeners:
        try:
            listener(event)
        except Exception:  # a notification that fails must not undo a committed comment
            _log.exception("a listener of %s failed", event.kind)
