"""Shared fixtures: a real SQLite database in a temporary data folder, Qt offscreen."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Site passwords go to a test keyring file (no Secret Service on CI); subprocesses
# (the CLI) find the backend through PYTHONPATH.
_REPOSITORY = Path(__file__).resolve().parent.parent
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TestFileKeyring"
os.environ["MIDAD_TEST_KEYRING_FILE"] = os.path.join(tempfile.mkdtemp(prefix="midad-keyring-"), "keyring.json")
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_REPOSITORY), os.environ.get("PYTHONPATH")]))

from editor_app.core.library import Library  # noqa: E402
from editor_app.ui.application import prepare_webengine_if_available  # noqa: E402
from editor_app.core.storage import Database, StorageLocation, resolve_location  # noqa: E402

# The preview's URL scheme must be registered before pytest-qt creates the QApplication.
prepare_webengine_if_available()

# One WordPress, one Ghost and one PostgreSQL cluster for the whole session, each started on demand.
pytest_plugins = ["tests.wordpress.fixtures", "tests.ghost.fixtures", "tests.publishing.remotes", "tests.postgres.fixtures"]

FIXTURES = Path(__file__).parent / "fixtures"
SEED_ARTICLE = FIXTURES / "seed_article.md"


@pytest.fixture
def location(tmp_path: Path) -> StorageLocation:
    return resolve_location(data_dir=tmp_path / "data", environ={})


@pytest.fixture
def database(database_url: str):
    """SQLite; on both SQLite and PostgreSQL in modules marked both_engines (tests/postgres)."""
    db = Database(database_url)
    yield db
    db.close()


@pytest.fixture
def library(database: Database) -> Library:
    return Library(database)
