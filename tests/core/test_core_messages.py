"""Every message the core raises for a person is marked for translation (a Text of
QT_TRANSLATE_NOOP("errors", …)): a plain English string would reach the Arabic window in
English (the import failures did: «تعذّر استيراد x.md: it contains NUL bytes…»).
Publishing (editor_app/core/publishing) is being redone behind one interface and is checked there."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import editor_app.core
from editor_app.core.errors import MidadError

CORE = Path(editor_app.core.__file__).parent
SKIPPED = ("publishing", "migrations")


def _error_classes() -> set[str]:
    for module in pkgutil.walk_packages([str(CORE)], "editor_app.core."):
        if not any(f".{part}" in module.name for part in SKIPPED):
            importlib.import_module(module.name)
    found, todo = set(), [MidadError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def _plain_messages(path: Path, classes: set[str]) -> list[str]:
    offenders = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name not in classes:
            continue
        for argument in node.args:
            if isinstance(argument, ast.JoinedStr) or (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    return offenders


def test_the_core_raises_no_message_that_cannot_be_translated():
    classes = _error_classes()
    assert {"ImportFailed", "WriteFailed", "InvalidField", "EditConflict"} <= classes
    paths = [path for path in sorted(CORE.rglob("*.py")) if not set(path.relative_to(CORE).parts) & set(SKIPPED)]
    offenders = [offender for path in paths for offender in _plain_messages(path, classes)]
    assert offenders == []
