"""One place that knows where bundled resources live (fonts, templates, icons).

Never relative to the current directory: the app may be started from anywhere,
from a source checkout, an installed package or a PyInstaller bundle.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = []
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller in a frozen build
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(here / "_resources")  # copied next to the package by a build
    found.append(here.parent / "resources")  # source checkout / editable install
    return found


@cache
def resources_root() -> Path:
    for candidate in _candidates():
        if (candidate / "fonts").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in _candidates())
    raise FileNotFoundError(f"Midad's resources folder is missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def font_files() -> list[Path]:
    return sorted(resource_path("fonts").glob("*.ttf"))


def templates_dir() -> Path:
    return resource_path("templates")
