"""Annotation events into the workflow (core.workflow): each becomes an event in the article's
history and a notification (the bell, the NOTIFY to the other person's window) for each
person it concerns. A resolved thread nobody else took part in is history only."""

from __future__ import annotations

import logging
from collections.abc import Callable

from editor_app.core.annotations import events
from editor_app.core.errors import MidadError

_log = logging.getLogger(__name__)


def post_to_workflow(workflow) -> Callable[[], None]:
    """Follow this library's annotation events (not another library's in the same process);
    returns the function that stops following them."""
    database = workflow.library.database

    def post(event: events.AnnotationEvent) -> None:
        if event.source is not database or event.article_id is None:
            return
        payload = {"excerpt": event.excerpt, "thread": event.thread_id, "suggestion": event.suggestion_id}
        for person in event.people or (None,):
            try:
                workflow.post_event(event.article_id, event.kind, person, payload)
            except MidadError as error:  # the comment is committed: a lost notice is only logged
                _log.warning("no notification for %s: %s", event.kind, error)

    disconnects = [events.connect(kind, post) for kind in events.KINDS]
    return lambda: [disconnect() for disconnect in disconnects]
