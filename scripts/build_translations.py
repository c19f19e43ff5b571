"""Compiles resources/translations/*.ts to .qm with PySide6's lrelease (a build step).

    python scripts/build_translations.py            # compile
    python scripts/build_translations.py --update   # first re-extract the strings (lupdate)

--update rescans the code for translate()/QT_TRANSLATE_NOOP() strings, so new strings
show up in the .ts files as unfinished for a translator (or a test) to find:
midad_en.ts holds the interface (editor_app/ui, written in Arabic), midad_ar.ts the
messages of the Qt-free core (editor_app/core, written in English: the CLI's language).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# Each catalog: the code it translates and the language that code is written in.
CATALOGS = {
    "midad_en.ts": ([ROOT / "editor_app" / "ui", ROOT / "editor_app" / "app.py"], "ar"),
    "midad_ar.ts": ([ROOT / "editor_app" / "core"], "en"),
}


def tool(name: str) -> str:
    """PySide6's wrapper next to this interpreter (the venv), else on the PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"build_translations: {name} not found (pip install PySide6)")
    return found


def python_sources(sources: list[Path]) -> list[str]:
    files: list[str] = []
    for source in sources:
        files += [str(path) for path in sorted(source.rglob("*.py"))] if source.is_dir() else [str(source)]
    return files


def lupdate_command(ts_file: Path, output: Path | None = None) -> list[str]:
    sources, source_language = CATALOGS[ts_file.name]
    language = ts_file.stem.split("_", 1)[1]
    return [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language",
            source_language, "-target-language", language, *python_sources(sources), "-ts", str(output or ts_file)]


def update(ts_file: Path) -> None:
    subprocess.run(lupdate_command(ts_file), check=True)


def compile_all(update_first: bool = False) -> list[Path]:
    built = []
    for ts_file in sorted(TRANSLATIONS / name for name in CATALOGS):
        if update_first:
            update(ts_file)
        qm_file = ts_file.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)
        built.append(qm_file)
    return built


if __name__ == "__main__":
    for path in compile_all(update_first="--update" in sys.argv):
        print(f"build_translations: {path.relative_to(ROOT)}")
