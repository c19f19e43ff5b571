"""Site passwords: in the OS keyring (Secret Service, KWallet, Keychain, Windows Credential
Locker), or, where there is none (a minimal Linux desktop), in an encrypted file in the
data folder that the writer chose and protects with a passphrase.

Never in the database, settings or logs, and never in plain text. Keyring's automatic
choice is not trusted as it stands: with file backends installed (keyrings.cryptfile ships
a plain-text one too) it would fall back to a file by itself, or prompt on a terminal the
window does not have. So Midad uses only a real system keyring, a backend the user named
(PYTHON_KEYRING_BACKEND or keyringrc.cfg), or its own encrypted file once chosen.

The encrypted file is keyrings.cryptfile (AES-GCM, key derived from the passphrase with
Argon2id); a maintained library rather than home-made cryptography.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text

SERVICE = "Midad"
PASSWORD_FILE = "site-passwords.cfg"
PASSPHRASE_ENV = "MIDAD_KEYRING_PASSPHRASE"  # for the CLI on a machine without a system keyring
NO_KEYRING = QT_TRANSLATE_NOOP("errors", "no system keyring is available to keep the site password: unlock or install one "
                                        "(GNOME Keyring, KWallet, macOS Keychain, Windows Credential Manager), or "
                                        "keep site passwords in an encrypted file (`midad sites passwords-file`, or the "
                                        "window offers it; see the README)")
# Backends that are the operating system's own store; anything else only when the user names it.
_SYSTEM_BACKENDS = ("keyring.backends.SecretService", "keyring.backends.libsecret", "keyring.backends.kwallet",
                    "keyring.backends.macOS", "keyring.backends.Windows")


class CredentialsUnavailable(MidadError):
    pass


class NoSystemKeyring(CredentialsUnavailable):
    """Nowhere to keep a password yet: the encrypted file can be offered."""


class PassphraseNeeded(CredentialsUnavailable):
    """The encrypted password file exists and is locked: ask for its passphrase."""


class WrongPassphrase(CredentialsUnavailable):
    pass


_file_path: Path | None = None  # the data folder's encrypted file (configure())
_file_store: KeyringBackend | None = None  # the file, unlocked for this run


def configure(data_dir: Path) -> None:
    """Where this data folder's encrypted password file lives (if the writer chooses one)."""
    global _file_path, _file_store
    path = Path(data_dir) / PASSWORD_FILE
    if path != _file_path:
        _file_path, _file_store = path, None


def encrypted_file_path() -> Path | None:
    return _file_path


def uses_encrypted_file() -> bool:
    return _file_path is not None and _file_path.exists()


def is_unlocked() -> bool:
    return _file_store is not None


def system_keyring() -> KeyringBackend | None:
    """The OS keyring, or the backend the user configured; None where there is neither."""
    if os.environ.get("PYTHON_KEYRING_BACKEND") or _keyring_config_file().exists():
        return keyring.get_keyring()  # the user's own choice
    chosen = keyring.get_keyring()
    candidates = getattr(chosen, "backends", None) or [chosen]
    system = [backend for backend in candidates if type(backend).__module__.startswith(_SYSTEM_BACKENDS)]
    return system[0] if system else None


def _keyring_config_file() -> Path:
    from keyring.util import platform_

    return Path(platform_.config_root()) / "keyringrc.cfg"


def needs_passphrase() -> bool:
    """True when passwords live in the encrypted file and it is still locked."""
    return _file_store is None and (uses_encrypted_file() or system_keyring() is None)


def unlock(passphrase: str, *, create: bool = False) -> None:
    """Opens the encrypted file with the passphrase (creates it when `create`, the writer's choice)."""
    global _file_store
    if _file_path is None:
        raise CredentialsUnavailable(Text(QT_TRANSLATE_NOOP("errors", "no data folder is set for the password file")))
    if not passphrase.strip():
        raise WrongPassphrase(Text(QT_TRANSLATE_NOOP("errors", "the passphrase cannot be empty")))
    if not create and not _file_path.exists():
        raise NoSystemKeyring(Text(NO_KEYRING))
    from keyrings.cryptfile.cryptfile import CryptFileKeyring

    store = CryptFileKeyring()
    store.file_path = str(_file_path)
    _file_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        store.keyring_key = passphrase  # checks it against the file's reference entry, or starts the file
    except ValueError:
        raise WrongPassphrase(Text(QT_TRANSLATE_NOOP("errors", "the passphrase of the password file is not right"))) from None
    os.chmod(_file_path, 0o600)
    _file_store = store


def lock() -> None:
    global _file_store
    _file_store = None


def _backend() -> KeyringBackend:
    if _file_store is not None:
        return _file_store
    if uses_encrypted_file():
        passphrase = os.environ.get(PASSPHRASE_ENV)
        if passphrase:
            unlock(passphrase)
            return _file_store
        raise PassphraseNeeded(Text(QT_TRANSLATE_NOOP("errors", "site passwords are in an encrypted file: give its "
                                                               "passphrase (in the window, or {env} for the command line)"),
                                    env=PASSPHRASE_ENV))
    system = system_keyring()
    if system is None:
        raise NoSystemKeyring(Text(NO_KEYRING))
    return system


def password_store() -> KeyringBackend:
    """Where Midad keeps a password: the system keyring, or the encrypted file once chosen and
    unlocked (newsroom logins too). Never keyring's default pick, which on a desktop without a
    system keyring can be a file backend that asks for a passphrase on the terminal."""
    return _backend()


def _account(site_name: str, username: str) -> str:
    """One keyring entry per (site, user): each part percent-encoded, so that no two pairs
    share a key ("a:b" + "c" and "a" + "b:c" were both "a:b:c")."""
    return f"{quote(site_name, safe='')}:{quote(username, safe='')}"


def _legacy_account(site_name: str, username: str) -> str | None:
    """The key older versions used, where it could not belong to another pair."""
    return None if ":" in site_name or ":" in username else f"{site_name}:{username}"


def store_password(site_name: str, username: str, password: str) -> None:
    backend = _backend()
    try:
        backend.set_password(SERVICE, _account(site_name, username), password)
    except NoKeyringError:
        raise NoSystemKeyring(Text(NO_KEYRING)) from None
    except KeyringError as error:
        raise CredentialsUnavailable(Text(QT_TRANSLATE_NOOP("errors", "the keyring refused to store the password: {kind}"),
                                          kind=type(error).__name__)) from None


def password_for(site_name: str, username: str) -> str:
    backend = _backend()
    try:
        password = backend.get_password(SERVICE, _account(site_name, username))
        legacy = _legacy_account(site_name, username)
        if password is None and legacy is not None and legacy != _account(site_name, username):
            password = backend.get_password(SERVICE, legacy)
            if password is not None:  # moved to the unambiguous key
                backend.set_password(SERVICE, _account(site_name, username), password)
                backend.delete_password(SERVICE, legacy)
    except NoKeyringError:
        raise NoSystemKeyring(Text(NO_KEYRING)) from None
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
            _backend().delete_password(SERVICE, account)
        except (PasswordDeleteError, CredentialsUnavailable, KeyringError):
            pass
