"""The main window imports its helpers; none of them imports it back (issue 21).

The graph is read from the source with `ast`, not by importing: importing only follows the
imports that run (a function's own import runs when it is called, an `if TYPE_CHECKING:` one
never), and both still tie the helper to the window; the next refactoring that moves such an
import to the top would bring the cycle back at run time. `ast` sees every import statement
wherever it is, costs no Qt, and names the path of a cycle when there is one.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "editor_app.ui"
MAIN_WINDOW = "editor_app.ui.main_window"


def module_names() -> dict[str, Path]:
    modules = {}
    for path in (ROOT / "editor_app" / "ui").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_by(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The editor_app.ui modules this one imports, anywhere in it (top, functions, TYPE_CHECKING).
    Importing a.b.c runs a and a.b first: those count too; `from a import b` counts b when it is a module."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package this module is in
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            parts = target.split(".")
            for end in range(1, len(parts) + 1):
                candidate = ".".join(parts[:end])
                if candidate in modules and candidate != name and candidate.startswith(PACKAGE + "."):
                    found.add(candidate)
    return found


def graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imported_by(name, path, modules) for name, path in modules.items()}


def path_between(edges: dict[str, set[str]], start: str, goal: str) -> list[str] | None:
    """A chain of imports from start to goal (breadth first: the shortest), or None."""
    previous: dict[str, str | None] = {start: None}
    queue = [start]
    while queue:
        current = queue.pop(0)
        for following in sorted(edges.get(current, ())):
            if following == goal:
                chain = [goal, current]
                while previous[chain[-1]] is not None:
                    chain.append(previous[chain[-1]])
                return chain[::-1]
            if following not in previous:
                previous[following] = current
                queue.append(following)
    return None


def test_nothing_the_main_window_imports_imports_it_back():
    edges = graph()
    assert MAIN_WINDOW in edges and len(edges[MAIN_WINDOW]) > 20  # the graph was read: the window imports its parts
    cycles = [path_between(edges, first, MAIN_WINDOW) for first in sorted(edges[MAIN_WINDOW])]
    assert [" → ".join([MAIN_WINDOW, *cycle]) for cycle in cycles if cycle] == []


def test_only_the_application_imports_the_main_window():
    importers = sorted(name for name, imported in graph().items() if MAIN_WINDOW in imported)
    assert importers == ["editor_app.ui.application"]


def test_the_graph_reader_sees_imports_inside_functions_and_type_checking_blocks(tmp_path):
    """The reader itself: an import in a function and one under TYPE_CHECKING are edges."""
    helper = tmp_path / "helper.py"
    helper.write_text("from typing import TYPE_CHECKING\n"
                      "if TYPE_CHECKING:\n    from editor_app.ui.main_window import MainWindow\n"
                      "def later():\n    from . import tour\n    import editor_app.ui.menus\n", encoding="utf-8")
    modules = {**module_names(), "editor_app.ui.helper": helper}
    assert imported_by("editor_app.ui.helper", helper, modules) == {
        MAIN_WINDOW, "editor_app.ui.tour", "editor_app.ui.menus"}
    cyclic = {MAIN_WINDOW: {"editor_app.ui.helper"}, "editor_app.ui.helper": {MAIN_WINDOW}}
    assert path_between(cyclic, "editor_app.ui.helper", MAIN_WINDOW) == ["editor_app.ui.helper", MAIN_WINDOW]
