"""A wheel built from a clean checkout (no .qm anywhere) carries the resources and the
compiled interface catalogs, through the build hook in setup.py. Built as a user builds it:
`pip wheel --no-deps .`, with build isolation (pip fetches the build requirements
pyproject.toml names, PySide6-Essentials' lrelease among them, or takes them from its cache)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_checkout(destination: Path) -> Path:
    """The tracked files only, as a fresh clone would have them."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def test_a_wheel_carries_the_compiled_catalogs_and_the_resources(tmp_path):
    source = clean_checkout(tmp_path / "checkout")
    assert not list(source.rglob("*.qm"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                            "--disable-pip-version-check", "-w", str(tmp_path / "wheels"), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheel = next((tmp_path / "wheels").glob("midad-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        english = archive.read("editor_app/_resources/translations/midad_en.qm")
    assert {"editor_app/_resources/translations/midad_en.qm", "editor_app/_resources/translations/midad_ar.qm",
            "editor_app/_resources/templates/preview.js", "editor_app/resources.py"} <= names
    assert any(name.startswith("editor_app/_resources/fonts/") and name.endswith(".ttf") for name in names)

    from PySide6.QtCore import QTranslator

    catalog = tmp_path / "midad_en.qm"
    catalog.write_bytes(english)
    translator = QTranslator()
    assert translator.load(str(catalog))
    assert translator.translate("main_window", "حفظ") == "Save"
