"""What is wrong with a newsroom's template, said as a writer can act on it: which file,
which line, what (a variable the template names but Midad does not give, a syntax error).

Jinja2 gives the line of a syntax error (TemplateSyntaxError.lineno); for an error while
rendering (StrictUndefined's UndefinedError) the line is in the traceback, whose frames
Jinja2 rewrites to the template's file and line.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.templates import PAGE_TEMPLATE

_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")
_NO_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'$")


def _where(error: TemplateError, template_dir: Path | None) -> tuple[str, int | None]:
    if isinstance(error, TemplateSyntaxError):
        return Path(error.filename or error.name or "").name, error.lineno
    folder = str(Path(template_dir).resolve()) if template_dir is not None else None
    found: tuple[str, int | None] = ("", None)
    for frame, line in traceback.walk_tb(error.__traceback__):
        filename = frame.f_code.co_filename
        if filename.endswith((".html", ".htm", ".xml", ".css")) and (folder is None or filename.startswith(folder)):
            found = (Path(filename).name, line)  # the innermost template frame wins (an include's)
    return found


def template_problem(error: TemplateError, template_dir: Path | None = None) -> Text:
    """The error as a sentence (English, translated by the window): file, line, what."""
    name, line = _where(error, template_dir)
    name = name or PAGE_TEMPLATE
    message = str(error.message if isinstance(error, TemplateSyntaxError) else error)
    if isinstance(error, UndefinedError):
        undefined = _UNDEFINED_NAME.match(message) or _NO_ATTRIBUTE.search(message)
        what = Text(QT_TRANSLATE_NOOP("errors", "{variable} is not a variable Midad gives the template"),
                    variable=undefined.group(1) if undefined else message)
    elif isinstance(error, TemplateSyntaxError):
        what = Text(QT_TRANSLATE_NOOP("errors", "syntax error ({detail})"), detail=message)
    else:
        what = Text("{detail}", detail=message)  # Jinja2's own words (may hold braces)
    if line is None:
        return Text(QT_TRANSLATE_NOOP("errors", "the newsroom template {name}: {problem}"), name=name, problem=what)
    return Text(QT_TRANSLATE_NOOP("errors", "the newsroom template {name}, line {line}: {problem}"),
                name=name, line=line, problem=what)
