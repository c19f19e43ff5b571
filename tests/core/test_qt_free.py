"""The core and the CLI never import Qt: they must run without a display or PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import editor_app

PACKAGE = Path(editor_app.__file__).parent
QT_FREE = [*sorted((PACKAGE / "core").rglob("*.py")), PACKAGE / "cli.py", PACKAGE / "app.py"]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_pyside6_at_top_level():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(name for name in _imported_modules(path) if name.startswith("PySide6"))
        for path in QT_FREE
        if path.name != "app.py"
    }
    assert {path: names for path, names in offenders.items() if names} == {}
    assert len(offenders) > 10  # the scan really looked at the core


def test_cli_commands_run_without_loading_qt(tmp_path):
    code = (
        "import sys\n"
        "from editor_app.app import main\n"
        f"rc = main(['--data-dir', {str(tmp_path)!r}, 'list'])\n"
        "loaded = sorted(name for name in sys.modules if name.startswith('PySide6'))\n"
        "print('QT:' + ','.join(loaded))\n"
        "sys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "QT:\n" in result.stdout
