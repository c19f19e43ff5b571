"""How many publishes wait in the outbox, without loading the publishing stack.

The window asks this at start and every half minute: where nothing waits (most machines,
most of the time), httpx, keyring and BeautifulSoup (about 18 MB and 0.15 s) stay unloaded.
"""

from __future__ import annotations

from sqlalchemy import func, select

from editor_app.core.models import OutboxJob, OutboxState
from editor_app.core.storage import Database


def waiting_publishes(database: Database) -> int:
    """Jobs the outbox lists: pending (retried) and refused (until the writer acts)."""
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(OutboxJob).where(
            OutboxJob.state.in_([OutboxState.PENDING.value, OutboxState.REFUSED.value]))) or 0
