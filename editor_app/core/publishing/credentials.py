"""Site passwords in the OS keyring (Secret Service, Keychain, Windows Credential Locker).

Never in the database, settings or logs. Where no keyring exists (a headless server),
the user can choose a backend through keyring's own configuration
(PYTHON_KEYRING_BACKEND or keyringrc.cfg); Midad never falls back to a file by itself.
"""

from __future__ import annotations

from urllib.parse import quote

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text

SERVICE = "Midad"
NO_KEYRING = QT_TRANSLATE_NOOP("errors", "no system keyring is available to keep the site password: unlock or install one "
                                        "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or "
                                        "choose a keyring backend with PYTHON_KEYRING_BACKEND (see the README)")


class CredentialsUnavailable(MidadError):
    pass


def _account(site_name: str, username: str) -> str:
    """One keyring entry per (site, user): each part percent-encoded, so that no two pairs
    share a key ("a:b" + "c" and "a" + "b:c" were both "a:b:c")."""
    return f"{quote(site_name, safe='')}:{quote(username, safe='')}"


def _legacy_account(site_name: str, username: str) -> str | None:
    """The key older versions used, where it could not belong to another pair."""
    return None if ":" in site_name or ":" in username else f"{site_name}:{username}"


def store_password(site_name: str, username: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, _account(site_name, username), password)
    except NoKeyringError:
        raise CredentialsUnavailable(Text(NO_KEYRING)) from None
    except KeyringError as error:
        raise CredentialsUnavailable(Text(QT_TRANSLATE_NOOP("errors", "the keyring refused to store the password: {kind}"),
                                          kind=type(error).__name__)) from None


def password_for(site_name: str, username: str) -> str:
    try:
        password = keyring.get_password(SERVICE, _account(site_name, username))
        legacy = _legacy_account(site_name, username)
        if password is None and legacy is not None and legacy != _account(site_name, username):
            password = keyring.get_password(SERVICE, legacy)
            if password is not None:  # moved to the unambiguous key
                keyring.set_password(SERVICE, _account(site_name, username), password)
                keyring.delete_password(SERVICE, legacy)
    except NoKeyringError:
        raise CredentialsUnavailable(Text(NO_KEYRING)) from None
    except KeyringError as error:
        raise CredentialsUnavailable(Text(QT_TRANSLATE_NOOP("errors", "the keyring could not be read: {kind}"),
                                          kind=type(error).__name__)) from None
    if password is None:
        raise CredentialsUnavailable(Text(QT_TRANSLATE_NOOP("errors", "no password is stored for {user} on {site}: set it again "
                                                         "with `midad sites add` or in Site settings"),
                                          user=username, site=site_name))
    return password


def forget_password(site_name: str, username: str) -> None:
    for account in {_account(site_name, username), _legacy_account(site_name, username)} - {None}:
        try:
            keyring.delete_password(SERVICE, account)
        except (PasswordDeleteError, NoKeyringError):
            pass
