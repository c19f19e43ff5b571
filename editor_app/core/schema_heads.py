"""Which schema this Midad writes, known without Alembic (a third of a second to import)
or SQLAlchemy: core.storage compares it with the database's at each open, and the CLI's
read-only commands (core.quick_read) check it before reading with sqlite3."""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def migration_heads() -> frozenset[str]:
    """The revisions no other migration builds on, read from the scripts' own lines.

    Alembic's ScriptDirectory gives the same answer (a test checks it) but costs a third
    of a second to import; every start needs only this comparison."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            names = set(re.findall(r"['\"]([^'\"]+)['\"]", value))
            (revisions if name == "revision" else parents).update(names)
    return frozenset(revisions - parents)
