"""The build hook (everything else is in pyproject.toml): every wheel, sdist install and
editable install carries the resources and the compiled interface catalogs.

- wheel / sdist install: resources/ is copied into the package as editor_app/_resources
  (where editor_app/resources.py looks), and its .ts catalogs compiled to .qm there;
- editable install: the .qm are compiled in place, in resources/translations, which an
  editable install reads directly.

lrelease comes from PySide6-Essentials, a build requirement; a build that cannot compile
the catalogs fails rather than make an app without its English interface.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"


def lrelease() -> str:
    """PySide6's own lrelease binary (what `pyside6-lrelease` runs), else one on the PATH."""
    try:
        import PySide6
    except ImportError:
        PySide6 = None
    if PySide6 is not None:
        folder = Path(PySide6.__file__).resolve().parent
        for candidate in (folder / "lrelease", folder / "lrelease.exe", folder / "Qt" / "libexec" / "lrelease"):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise SystemExit("midad build: lrelease not found (the build needs PySide6-Essentials)")
    return found


def compile_catalogs(translations: Path, into: Path) -> list[Path]:
    compiled = []
    for catalog in sorted(translations.glob("*.ts")):
        target = into / catalog.with_suffix(".qm").name
        subprocess.run([lrelease(), "-silent", str(catalog), "-qm", str(target)], check=True)
        compiled.append(target)
    if not compiled:
        raise SystemExit(f"midad build: no .ts catalogs in {translations}")
    return compiled


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the package reads resources/ from the checkout
            compile_catalogs(RESOURCES / "translations", RESOURCES / "translations")
            return
        bundled = Path(self.build_lib) / "editor_app" / "_resources"
        if bundled.exists():
            shutil.rmtree(bundled)
        shutil.copytree(RESOURCES, bundled, ignore=shutil.ignore_patterns("*.qm", "*.ts", "__pycache__"))
        for path in compile_catalogs(RESOURCES / "translations", bundled / "translations"):
            print(f"midad build: compiled {path.name}", file=sys.stderr)


setup(cmdclass={"build_py": BuildWithResources})
