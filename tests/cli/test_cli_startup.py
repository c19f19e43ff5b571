"""The command line starts light: `--version`, `list` and `show` load neither Qt nor Alembic
nor the importers, exporters and publishing libraries (each is checked in a fresh process);
on an up-to-date local library `list` and `show` read it without SQLAlchemy (core.quick_read)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from editor_app import cli, cli_publishing, cli_sync
from tests.conftest import SEED_ARTICLE

# Packages a listing or a `--version` has no use for.
NOT_FOR_LISTING = ("PySide6", "shiboken6", "alembic", "mako", "jinja2", "markdown", "docx", "bs4", "html5lib",
                   "httpx", "keyring", "pygments", "yaml", "enchant", "qtawesome", "qtpy", "pypdf", "markdownify")
NOT_FOR_VERSION = NOT_FOR_LISTING + ("sqlalchemy",)
NOT_FOR_A_LOCAL_LISTING = NOT_FOR_VERSION


def modules_after(code: str, data_dir: Path) -> tuple[set[str], str]:
    """Runs `code` in a fresh interpreter: the top-level packages it had imported, and what it printed."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    environment = {**os.environ, "MIDAD_DATA_DIR": str(data_dir)}
    environment.pop("MIDAD_DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8",
                            env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    *printed, modules = result.stdout.strip().splitlines()
    return {name.split(".")[0] for name in json.loads(modules)}, "\n".join(printed)


def test_importing_the_cli_and_asking_the_version_loads_nothing_heavy(tmp_path):
    loaded, printed = modules_after("""
        import contextlib
        from editor_app.app import main
        with contextlib.suppress(SystemExit):
            main(["--version"])
    """, tmp_path)
    assert printed.startswith("midad ")
    assert "editor_app" in loaded
    assert not loaded & set(NOT_FOR_VERSION)


def test_list_and_show_open_an_up_to_date_library_without_alembic_or_qt(tmp_path):
    subprocess.run([sys.executable, "-m", "editor_app", "--data-dir", str(tmp_path), "import", str(SEED_ARTICLE)],
                   check=True, capture_output=True, timeout=60)
    for command in ('["list"]', '["show", "1"]'):
        loaded, printed = modules_after(f"""
            from editor_app.app import main
            assert main({command}) == 0
        """, tmp_path)
        assert "العلاقات المغربية" in printed
        assert not loaded & set(NOT_FOR_A_LOCAL_LISTING), command

    # Another schema than this version's (here: this version pretends to be newer): the
    # ordinary path, which migrates or explains, answers instead.
    loaded, printed = modules_after("""
        from unittest import mock
        from editor_app.app import main
        from editor_app.core import quick_read
        with mock.patch.object(quick_read, "migration_heads", return_value=frozenset({"a-newer-head"})):
            assert main(["show", "1"]) == 0
    """, tmp_path)
    assert "العلاقات المغربية" in printed
    assert "sqlalchemy" in loaded and not loaded & set(NOT_FOR_LISTING)


def test_the_choices_spelled_out_for_a_fast_parser_are_the_cores():
    from editor_app.core.publishing.credentials import PASSPHRASE_ENV
    from editor_app.core.publishing.publisher import ConflictChoice
    from editor_app.core.publishing.sites import WORDPRESS_STATUSES
    from editor_app.core.publishing.targets import KINDS
    from editor_app.core.sync.engine import DEFAULT_DAYS

    assert cli.EXPORT_FORMATS == cli.export_registry().names()
    assert cli_publishing.WORDPRESS_STATUS_CHOICES == WORDPRESS_STATUSES
    assert cli_publishing.SITE_KINDS == KINDS
    assert cli_publishing.CONFLICT_CHOICES == tuple(choice.value for choice in ConflictChoice)
    assert cli_publishing.PASSPHRASE_ENV == PASSPHRASE_ENV
    assert cli_sync.DEFAULT_DAYS == DEFAULT_DAYS
