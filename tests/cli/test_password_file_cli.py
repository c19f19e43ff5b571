"""The command line on a computer without a system keyring: `midad sites passwords-file`,
then the passphrase from MIDAD_KEYRING_PASSPHRASE; the real WordPress answers."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.cli.test_cli import assert_clean_failure

PASSPHRASE = "a long newsroom passphrase"


def midad_without_keyring(*args, data_dir, passphrase=None, stdin=None):
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PYTHON_KEYRING_BACKEND", "MIDAD_DATABASE_URL", "MIDAD_KEYRING_PASSPHRASE",
                                  "DBUS_SESSION_BUS_ADDRESS")}  # no Secret Service or KWallet to reach
    environment["MIDAD_DATA_DIR"] = str(data_dir)
    environment["HOME"] = str(data_dir / "home")  # no keyringrc.cfg, no stray keyring files of the machine
    environment["XDG_DATA_HOME"] = str(data_dir / "home" / "share")
    environment["XDG_CONFIG_HOME"] = str(data_dir / "home" / "config")
    if passphrase is not None:
        environment["MIDAD_KEYRING_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "editor_app", *args], capture_output=True, text=True,
                          encoding="utf-8", env=environment, input=stdin, timeout=120)


def test_the_cli_keeps_site_passwords_in_the_encrypted_file(tmp_path, wordpress):
    add = ("sites", "add", "newsroom", "--url", wordpress.url, "--username", wordpress.username, "--password-stdin")
    refused = midad_without_keyring(*add, data_dir=tmp_path, stdin=wordpress.password + "\n")
    assert_clean_failure(refused)
    assert "passwords-file" in refused.stderr
    assert not (tmp_path / "site-passwords.cfg").exists()

    created = midad_without_keyring("sites", "passwords-file", data_dir=tmp_path, passphrase=PASSPHRASE)
    assert created.returncode == 0, created.stderr
    added = midad_without_keyring(*add, data_dir=tmp_path, passphrase=PASSPHRASE, stdin=wordpress.password + "\n")
    assert added.returncode == 0, added.stderr
    stored = (tmp_path / "site-passwords.cfg").read_bytes()
    assert wordpress.password.replace(" ", "").encode() not in stored and PASSPHRASE.encode() not in stored

    tested = midad_without_keyring("sites", "test", "newsroom", data_dir=tmp_path, passphrase=PASSPHRASE)
    assert tested.returncode == 0 and tested.stdout.startswith("ok:"), tested.stderr
    assert_clean_failure(midad_without_keyring("sites", "test", "newsroom", data_dir=tmp_path, passphrase="wrong one"))
