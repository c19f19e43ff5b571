"""A saved connection to a newsroom server: where it is, who logs in, how TLS is checked.

Kept in `newsroom.json` in the configuration folder (never the password: that goes to the
OS keyring, as site passwords do). The window's File › Connect to newsroom… writes it; the
window then opens the library at `url()`. sslmode=verify-full with the newsroom's
certificate authority (sslrootcert) is the default: the server proves who it is.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from keyring.errors import KeyringError, NoKeyringError
from sqlalchemy.engine import URL

from editor_app.core.errors import QT_TRANSLATE_NOOP, InvalidField, Text
from editor_app.core.publishing.credentials import NO_KEYRING, SERVICE, CredentialsUnavailable, password_store

PROFILE_FILENAME = "newsroom.json"
SSL_MODES = ("verify-full", "verify-ca", "require")  # never without TLS: passwords travel over it


@dataclass(frozen=True)
class NewsroomProfile:
    host: str
    login: str
    database: str = "midad"
    port: int = 5432
    sslmode: str = "verify-full"
    sslrootcert: str = ""  # the newsroom's certificate authority (a .crt file); "" = libpq's default

    def validated(self) -> NewsroomProfile:
        if not self.host.strip() or not self.login.strip() or not self.database.strip():
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a newsroom needs a server address, a database and a person")))
        if self.sslmode not in SSL_MODES:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "unknown TLS check {mode}; choose verify-full, verify-ca or "
                                                               "require"), mode=self.sslmode))
        if not 0 < int(self.port) < 65536:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "{port} is not a port number"), port=self.port))
        return NewsroomProfile(self.host.strip(), self.login.strip(), self.database.strip(), int(self.port),
                               self.sslmode, self.sslrootcert.strip())

    @property
    def keyring_account(self) -> str:
        return f"newsroom:{self.login}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str) -> str:
        query = {"sslmode": self.sslmode, **({"sslrootcert": self.sslrootcert} if self.sslrootcert else {}),
                 "connect_timeout": "10", "application_name": "midad"}
        return URL.create("postgresql+psycopg", username=self.login, password=password, host=self.host,
                          port=self.port, database=self.database, query=query).render_as_string(hide_password=False)


def load_profile(config_dir: Path) -> NewsroomProfile | None:
    try:
        values = json.loads((Path(config_dir) / PROFILE_FILENAME).read_text(encoding="utf-8"))
        known = {field.name for field in fields(NewsroomProfile)}
        return NewsroomProfile(**{key: value for key, value in values.items() if key in known})
    except (OSError, ValueError, TypeError):
        return None  # none saved (or unreadable): the dialog starts empty


def save_profile(config_dir: Path, profile: NewsroomProfile) -> None:
    folder = Path(config_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / PROFILE_FILENAME).write_text(json.dumps(asdict(profile), ensure_ascii=False, indent=2), encoding="utf-8")


def store_password(profile: NewsroomProfile, password: str) -> None:
    try:
        password_store().set_password(SERVICE, profile.keyring_account, password)
    except NoKeyringError:
        raise CredentialsUnavailable(Text(NO_KEYRING)) from None
    except KeyringError as error:
        raise CredentialsUnavailable(Text(QT_TRANSLATE_NOOP("errors", "the keyring refused to store the password: {kind}"),
                                          kind=type(error).__name__)) from None


def stored_password(profile: NewsroomProfile) -> str | None:
    try:
        return password_store().get_password(SERVICE, profile.keyring_account)
    except (KeyringError, CredentialsUnavailable):
        return None  # the dialog asks for it
