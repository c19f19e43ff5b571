"""Site accounts: name, kind (WordPress, Ghost), address, account and per-site defaults
(the password or key is in the keyring)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select

from editor_app.core.dates import is_time_zone
from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text
from editor_app.core.models import Site
from editor_app.core.publishing import credentials
from editor_app.core.publishing.site_http import without_credentials
from editor_app.core.publishing.targets import STATUSES, WORDPRESS, account_and_secret, checked_kind
from editor_app.core.storage import Database

WORDPRESS_STATUSES = STATUSES[WORDPRESS]
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class SiteError(MidadError):
    pass


@dataclass(frozen=True)
class SiteRecord:
    id: int
    name: str
    url: str
    username: str
    date_locale: str
    default_status: str
    default_category: str
    last_pulled_at: datetime | None = None
    time_zone: str = ""  # IANA name bylines are printed in; "" = the zone set in Settings
    kind: str = WORDPRESS  # core/publishing/targets.py
    options: dict = field(default_factory=dict, compare=False)  # the kind's own settings (no secret)

    @classmethod
    def from_model(cls, site: Site) -> SiteRecord:
        return cls(site.id, site.name, site.url, site.username, site.date_locale, site.default_status,
                   site.default_category, site.last_pulled_at, site.time_zone or "", site.kind or WORDPRESS,
                   _options(site.options))

    def to_json_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "url": without_credentials(self.url), "username": self.username,
                "date_locale": self.date_locale, "default_status": self.default_status,
                "default_category": self.default_category, "time_zone": self.time_zone, "options": self.options}


def _options(stored: str | None) -> dict:
    try:
        value = json.loads(stored or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def checked_url(url: str) -> str:
    """The site's base address; plain http only for this machine (a password would cross the network in clear).
    An address holding a username or password is refused: it would be stored in the database and its
    backups, printed by `sites list` and repeated in errors; the password belongs in the keyring."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "“{url}” is not a web address: use https://example.com"),
                             url=without_credentials(url)[:200])) from None
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "the address {url} contains a username or password: remove it, and "
                                               "give the application password in its own field (it is kept in the "
                                               "system keyring, never in the address)"), url=without_credentials(url)[:200]))
    if any(ord(character) < 32 or character.isspace() for character in url):
        raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "“{url}” is not a web address: use https://example.com"), url=url[:200]))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "“{url}” is not a web address: use https://example.com"), url=url))
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "{url} uses plain http, which would send the password unencrypted: "
                                            "use https:// (plain http is allowed only for 127.0.0.1 and localhost)"),
                             url=url))
    return url


def checked_status(status: str, kind: str = WORDPRESS) -> str:
    allowed = STATUSES.get(kind, WORDPRESS_STATUSES)
    if status not in allowed:
        raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "unknown status “{status}”: use one of {allowed}"), status=status,
                             allowed=", ".join(allowed)))
    return status


class SiteRegistry:
    def __init__(self, database: Database) -> None:
        self.database = database

    def add(self, name: str, url: str, username: str, password: str | None, *, date_locale: str = "ar",
            default_status: str = "draft", default_category: str = "", time_zone: str = "", kind: str = WORDPRESS,
            options: dict | None = None) -> SiteRecord:
        """Add a site or change one; password None keeps the stored secret (same account).
        For Ghost the password is the Admin API key "id:secret" and `username` is ignored
        (the key's id becomes the account)."""
        name = name.strip()
        kind = checked_kind(kind)
        if not name:
            raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "a site needs a name")))
        if kind == WORDPRESS and (not username.strip() or (password is not None and not password.strip())):
            raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "a site needs a username and an application password")))
        if kind != WORDPRESS and password is None:
            username = self._stored_account(name, kind)
        username, password = account_and_secret(kind, username, password)
        url = checked_url(url)
        checked_status(default_status, kind)
        if time_zone and not is_time_zone(time_zone):
            raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "unknown time zone “{zone}”: use an IANA name such as Africa/Casablanca"),
                                 zone=time_zone))
        with self.database.transaction() as session:
            site = session.scalar(select(Site).where(Site.name == name))
            if site is None or site.username != username.strip():
                if password is None:
                    raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "give the application password (or the Ghost key) "
                                                           "for this site and account")))
            if site is None:
                site = Site(name=name)
                session.add(site)
            elif site.username != username.strip():
                credentials.forget_password(name, site.username)
            site.url, site.username, site.date_locale = url, username.strip(), date_locale
            site.default_status, site.default_category = default_status, default_category
            site.time_zone, site.kind = time_zone, kind
            site.options = json.dumps(options if options is not None else _options(site.options), ensure_ascii=False)
            # The keyring first: a site without its password would only fail later.
            if password is not None:
                credentials.store_password(name, site.username, password)
            session.flush()
            return SiteRecord.from_model(site)

    def list(self) -> list[SiteRecord]:
        with self.database.transaction() as session:
            return [SiteRecord.from_model(site) for site in session.scalars(select(Site).order_by(Site.name))]

    def get(self, name: str) -> SiteRecord:
        with self.database.transaction() as session:
            site = session.scalar(select(Site).where(Site.name == name))
            if site is None:
                known = ", ".join(s.name for s in session.scalars(select(Site).order_by(Site.name)))
                if not known:
                    raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "there is no site named “{name}” (no site yet); add "
                                                           "it with `midad sites add` or in Site settings"), name=name))
                raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "there is no site named “{name}” (sites: {known}); add "
                                                       "it with `midad sites add` or in Site settings"), name=name, known=known))
            return SiteRecord.from_model(site)

    def byline_zone(self, site_name: str, fallback: str) -> str:
        """The zone bylines are printed in: the named site's own, else `fallback` (Settings)."""
        with self.database.transaction() as session:
            site = session.scalar(select(Site).where(Site.name == site_name)) if site_name else None
            return (site.time_zone if site is not None else "") or fallback

    def by_id(self, site_id: int) -> SiteRecord:
        with self.database.transaction() as session:
            site = session.get(Site, site_id)
            if site is None:
                raise SiteError(Text(QT_TRANSLATE_NOOP("errors", "there is no site with id {id}"), id=site_id))
            return SiteRecord.from_model(site)

    def mark_pulled(self, site_id: int, when: datetime) -> None:
        with self.database.transaction() as session:
            session.get(Site, site_id).last_pulled_at = when

    def remove(self, name: str) -> None:
        site = self.get(name)
        with self.database.transaction() as session:
            session.delete(session.get(Site, site.id))
        credentials.forget_password(site.name, site.username)

    def _stored_account(self, name: str, kind: str) -> str:
        with self.database.transaction() as session:
            site = session.scalar(select(Site).where(Site.name == name))
            return site.username if site is not None and site.kind == kind else ""

    @staticmethod
    def secret(site: SiteRecord) -> str:
        """The site's application password (WordPress) or Admin API key secret (Ghost)."""
        return credentials.password_for(site.name, site.username)

    password = secret
