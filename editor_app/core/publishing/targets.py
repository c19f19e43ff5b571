"""The registry of publish targets: which kinds of site Midad publishes to, what each one
calls its account and secret, which statuses it offers, and how to open one.

Implementations are imported when a site of their kind is opened, not before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text
from editor_app.core.publishing.target import ALL_STATUSES, DRAFT, FUTURE, PUBLISH

if TYPE_CHECKING:
    from editor_app.core.publishing.sites import SiteRecord
    from editor_app.core.publishing.target import PublishTarget

WORDPRESS, GHOST = "wordpress", "ghost"
KINDS = (WORDPRESS, GHOST)
STATUSES = {WORDPRESS: ALL_STATUSES, GHOST: (DRAFT, PUBLISH, FUTURE)}  # Ghost has no "pending review"
# A Ghost Admin API key (Settings › Integrations): a 24-hex id, a colon, a 64-hex secret.
_GHOST_KEY = re.compile(r"^([0-9a-f]{24}):([0-9a-f]{64})$")


class UnknownKind(MidadError):
    def __init__(self, kind: str) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP("errors", "unknown kind of site “{kind}”: use one of {allowed}"),
                              kind=kind, allowed=", ".join(KINDS)))


def checked_kind(kind: str) -> str:
    if kind not in KINDS:
        raise UnknownKind(kind)
    return kind


def account_and_secret(kind: str, username: str, secret: str | None) -> tuple[str, str | None]:
    """(the account name kept in the database, the secret kept in the keyring) from what the
    writer typed. A Ghost key "id:secret" is split: the id is no secret and names the key."""
    if kind != GHOST or secret is None:
        return username.strip(), secret.replace(" ", "") if secret is not None else None
    found = _GHOST_KEY.match(secret.strip().lower())
    if found is None:
        raise MidadError(Text(QT_TRANSLATE_NOOP("errors", "that is not a Ghost Admin API key: copy it from Ghost › Settings › "
                                                "Integrations (24 characters, a colon, 64 characters)")))
    return found.group(1), found.group(2)


def open_target(site: SiteRecord, secret: str, **options) -> PublishTarget:
    """The target for a site, opened with its secret (options: timeout, deadline, cancelled)."""
    if site.kind == GHOST:
        from editor_app.core.publishing.ghost_target import GhostTarget

        return GhostTarget.open(site.url, site.username, secret, admin_url=site.options.get("admin_url", ""), **options)
    if site.kind == WORDPRESS:
        from editor_app.core.publishing.wordpress_target import WordPressTarget

        return WordPressTarget.open(site.url, site.username, secret, **options)
    raise UnknownKind(site.kind)
