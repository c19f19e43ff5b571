"""Which newsroom a desktop syncs with when none is named: the one saved by File › Connect."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.errors import QT_TRANSLATE_NOOP, InvalidField, Text
from editor_app.core.server.profile import load_profile, stored_password


def saved_newsroom_url(config_dir: Path) -> str:
    profile = load_profile(config_dir)
    password = stored_password(profile) if profile is not None else None
    if profile is None or password is None:
        raise InvalidField(Text(QT_TRANSLATE_NOOP(
            "errors", "no newsroom saved: give --server postgresql://person@host/database, or connect once from the window")))
    return profile.url(password)
