"""The writer's shortcuts: each command's default, replaced by what Settings stores under its id.

Stored as Qt's portable text ("Ctrl+Shift+D"), the same on every platform and language; ""
means the writer removed the command's shortcut. Two commands on one key would make Qt
run neither ("ambiguous shortcut"), and a key that types (a letter, Space, Enter) would stop
it being typed anywhere in the window: such sets are refused with the commands named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from editor_app.ui.commands.registry import Command
from editor_app.ui.i18n import translate

PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText


def key_text(keys: QKeySequence) -> str:
    return keys.toString(PORTABLE)


def effective_shortcuts(commands: Iterable[Command], stored: Mapping[str, str]) -> dict[str, QKeySequence]:
    """Every command's shortcut: the stored one where the writer chose one, else its default.
    Stored ids of commands that no longer exist are ignored (kept in the file, harmless)."""
    return {command.id: QKeySequence(stored[command.id]) if command.id in stored else command.default_keys()
            for command in commands}


def overrides(commands: Iterable[Command], chosen: Mapping[str, QKeySequence]) -> dict[str, str]:
    """What to store: only the shortcuts that differ from the defaults (a better default in a
    later version then reaches every writer who never changed that one)."""
    stored = {}
    for command in commands:
        keys = chosen.get(command.id, command.default_keys())
        if key_text(keys) != key_text(command.default_keys()):
            stored[command.id] = key_text(keys)
    return stored


@dataclass(frozen=True)
class Conflict:
    keys: QKeySequence
    command_ids: tuple[str, ...]


def conflicts(shortcuts: Mapping[str, QKeySequence]) -> list[Conflict]:
    """Keys given to more than one command, in the order the commands come."""
    by_keys: dict[str, list[str]] = {}
    for command_id, keys in shortcuts.items():
        if not keys.isEmpty():
            by_keys.setdefault(key_text(keys), []).append(command_id)
    return [Conflict(QKeySequence(text), tuple(ids)) for text, ids in by_keys.items() if len(ids) > 1]


COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                     | Qt.KeyboardModifier.MetaModifier)


def types_text(keys: QKeySequence) -> bool:
    """A key the writer types with: no Ctrl, Alt or Meta, and not a function key (F1…F35)."""
    if keys.isEmpty():
        return False
    combination = keys[0]
    if combination.keyboardModifiers() & COMMAND_MODIFIERS:
        return False
    return not Qt.Key.Key_F1.value <= combination.key().value <= Qt.Key.Key_F35.value


def problems(shortcuts: Mapping[str, QKeySequence], labels: Mapping[str, str]) -> list[str]:
    """Every reason not to save these shortcuts, one sentence each (none: they can be saved)."""
    typing = [translate("shortcuts", "الاختصار {keys} («{command}») مفتاح كتابة: اختر اختصارًا مع Ctrl أو Alt، أو مفتاحًا من F1 إلى F12").format(
        keys=f"\u2066{keys.toString(NATIVE)}\u2069", command=labels.get(command_id, command_id))
        for command_id, keys in shortcuts.items() if types_text(keys)]
    return [describe(conflict, labels) for conflict in conflicts(shortcuts)] + typing


def describe(conflict: Conflict, labels: Mapping[str, str]) -> str:
    """One sentence in the interface's language: «Ctrl+S is given to both “Save” and “Bold”»."""
    names = translate("shortcuts", "» و«").join(labels.get(command_id, command_id) for command_id in conflict.command_ids)
    return translate("shortcuts", "الاختصار {keys} لأكثر من أمر: «{commands}»").format(
        keys=f"\u2066{conflict.keys.toString(NATIVE)}\u2069", commands=names)
