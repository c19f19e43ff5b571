"""When a revision is kept, how revisions are pruned, and what changed between two texts.

A revision is made on every explicit save (Ctrl+S), status change, publish and
restore, and at most once every AUTOSAVE_REVISION_INTERVAL while autosaving.

Pruning rule: revisions made by autosave that are older than PRUNE_AFTER are
thinned to the last one of each day; every other revision is kept for good.
"""

from __future__ import annotations

import difflib
from datetime import datetime, timedelta

from editor_app.core.counts import count_text
from editor_app.core.models import RevisionReason

AUTOSAVE_REVISION_INTERVAL = timedelta(minutes=10)
PRUNE_AFTER = timedelta(days=7)


def autosave_wants_revision(last_revision_at: datetime | None, now: datetime) -> bool:
    return last_revision_at is None or now - last_revision_at >= AUTOSAVE_REVISION_INTERVAL


def word_count(body: str) -> int:
    return count_text(body).words


def prunable(revisions: list[tuple[int, str, datetime]], now: datetime) -> list[int]:
    """Ids to delete among (id, reason, created_at) of one article's revisions."""
    keep_latest_of_day: dict[object, tuple[datetime, int]] = {}
    candidates = []
    for revision_id, reason, created_at in revisions:
        if reason != RevisionReason.AUTOSAVE.value or now - created_at < PRUNE_AFTER:
            continue
        candidates.append(revision_id)
        day = created_at.date()
        if day not in keep_latest_of_day or created_at > keep_latest_of_day[day][0]:
            keep_latest_of_day[day] = (created_at, revision_id)
    kept = {revision_id for _, revision_id in keep_latest_of_day.values()}
    return [revision_id for revision_id in candidates if revision_id not in kept]


def line_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(kind, line) pairs: kind is " " (same), "-" (only in old) or "+" (only in new)."""
    result = []
    for line in difflib.ndiff(old.splitlines(), new.splitlines()):
        kind = line[:1]
        if kind in (" ", "-", "+"):
            result.append((kind, line[2:]))
    return result
