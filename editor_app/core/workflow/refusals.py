"""The server's refusals of workflow actions ("midad: …" from core.workflow.server_rights),
and the same checks' sentences on SQLite, in one clear sentence each."""

from __future__ import annotations

import re

from editor_app.core.errors import QT_TRANSLATE_NOOP, InvalidField, StorageError, Text
from editor_app.core.server.faults import NotAllowed


class WorkflowRefused(NotAllowed):
    """The newsroom's rules forbid this move (the server said so): nothing was changed."""


class UnknownName(InvalidField):
    """A desk, stage, person or assignment that does not exist."""


_ROLE_NAMES = {"writer": QT_TRANSLATE_NOOP("errors", "a writer"), "editor": QT_TRANSLATE_NOOP("errors", "an editor"),
               "chief": QT_TRANSLATE_NOOP("errors", "a chief editor"), "admin": QT_TRANSLATE_NOOP("errors", "an admin")}

_PATTERNS = [
    (re.compile(r"moving an article into the stage (?P<stage>.+) needs the role (?P<role>\w+)$"), WorkflowRefused,
     QT_TRANSLATE_NOOP("errors", "only {role} may send an article to the stage «{stage}»; the server refused, "
                                 "nothing was changed")),
    (re.compile(r"moving an article out of the stage (?P<stage>.+) needs the role (?P<role>\w+)$"), WorkflowRefused,
     QT_TRANSLATE_NOOP("errors", "only {role} may move an article out of the stage «{stage}»; the server refused, "
                                 "nothing was changed")),
    (re.compile(r"there is no person (?P<name>\S+)"), UnknownName,
     QT_TRANSLATE_NOOP("errors", "{name} is not a person of this newsroom")),
    (re.compile(r"there is no stage (?P<name>\S+)"), UnknownName,
     QT_TRANSLATE_NOOP("errors", "there is no stage {name}")),
    (re.compile(r"there is no article (?P<name>\S+)"), UnknownName,
     QT_TRANSLATE_NOOP("errors", "there is no article with id {name}")),
    (re.compile(r"there is no assignment (?P<name>\S+)"), UnknownName,
     QT_TRANSLATE_NOOP("errors", "there is no assignment {name}")),
    (re.compile(r"only the server writes events of kind (?P<name>\S+)"), WorkflowRefused,
     QT_TRANSLATE_NOOP("errors", "events of the kind {name} are written by the server only")),
    (re.compile(r"only a person of the newsroom may send articles"), WorkflowRefused,
     QT_TRANSLATE_NOOP("errors", "only a person of the newsroom may send articles")),
]


def role_phrase(role: str) -> Text | str:
    """«an editor», a sentence of its own: the window shows it in its language."""
    return Text(_ROLE_NAMES[role]) if role in _ROLE_NAMES else role


def refusal_of(error: BaseException) -> Exception | None:
    """The sentence for a workflow refusal hidden in a storage error (None: not one of ours)."""
    cause = error
    while cause is not None:
        said = str(getattr(cause, "orig", None) or cause)
        if "midad: " in said:
            said = said.split("midad: ", 1)[1].splitlines()[0].strip()
            for pattern, kind, template in _PATTERNS:
                found = pattern.search(said)
                if found:
                    values = found.groupdict()
                    if "role" in values:
                        values["role"] = role_phrase(values["role"])
                    return kind(Text(template, **values))
        cause = cause.__cause__
    return None


def reraise_refusal(error: StorageError) -> None:
    named = refusal_of(error)
    if named is not None:
        raise named from error
