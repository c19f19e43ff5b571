"""A keyring backend for the tests only: a JSON file outside the data folder.

Chosen with PYTHON_KEYRING_BACKEND=tests.keyring_backend.TestFileKeyring (the way a user
chooses any backend), so the CLI in a subprocess sees the same passwords. CI machines have
no Secret Service; the app itself never picks a file backend on its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class TestFileKeyring(KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ["MIDAD_TEST_KEYRING_FILE"])

    def _load(self) -> dict:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        values = self._load()
        values[f"{service}\n{username}"] = password
        self.path.write_text(json.dumps(values))

    def delete_password(self, service: str, username: str) -> None:
        values = self._load()
        if values.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self.path.write_text(json.dumps(values))
