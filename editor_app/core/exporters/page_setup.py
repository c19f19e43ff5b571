"""The printed page, from the template's own `@page` rule: the margins PDF export gives
Chromium (which takes them from the print layout, not from the stylesheet) and where
the page number goes (the bottom margin, never over text)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor_app.core.errors import QT_TRANSLATE_NOOP

# PDF export's own failures. The Qt layer prints, but its messages live here so that the core's
# catalog (midad_ar.ts) translates them: the Arabic window must not show them in English.
PAGE_DID_NOT_LOAD = QT_TRANSLATE_NOOP("errors", "cannot make {path}: the page did not load")
PRINTING_FAILED = QT_TRANSLATE_NOOP("errors", "cannot write {path}: printing to PDF failed")
WRITE_FAILED = QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}")

MINIMUM_MARGIN_MM = 15.0
DEFAULT_MARGINS_MM = (18.0, 16.0, 20.0, 16.0)
_UNITS_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "px": 25.4 / 96, "pc": 25.4 / 6, "q": 0.25}
_PAGE_RULE = re.compile(r"@page\s*\{(?P<body>(?:[^{}]|\{[^{}]*\})*)\}", re.S)
_MARGIN = re.compile(r"(?:^|[;{\s])margin\s*:\s*(?P<value>[^;}]+)")
_LENGTH = re.compile(r"^(?P<number>\d+(?:\.\d+)?)(?P<unit>mm|cm|in|pt|px|pc|q)?$", re.I)


@dataclass(frozen=True)
class PageMargins:
    top: float
    right: float
    bottom: float
    left: float


def _length_mm(text: str) -> float | None:
    match = _LENGTH.match(text.strip())
    if match is None or (match.group("unit") is None and float(match.group("number")) != 0):
        return None
    number = float(match.group("number"))
    unit = (match.group("unit") or "mm").lower()  # only 0 may go without a unit; 0 is 0 in any
    return number * _UNITS_MM[unit]


def _shorthand(values: list[float]) -> tuple[float, float, float, float]:
    """CSS's 1-4 value margin shorthand: top, right, bottom, left."""
    top = values[0]
    right = values[1] if len(values) > 1 else top
    bottom = values[2] if len(values) > 2 else top
    left = values[3] if len(values) > 3 else right
    return top, right, bottom, left


def page_margins(stylesheet: str) -> PageMargins:
    """The margins of the last `@page { margin: … }` (CSS shorthand: 1 to 4 values), each at
    least 15 mm; the bundled defaults when the stylesheet has none it can read."""
    values = DEFAULT_MARGINS_MM
    for rule in _PAGE_RULE.finditer(stylesheet):
        # Only the rule's own declarations, not those of margin boxes nested inside it.
        own = re.sub(r"@[\w-]+\s*\{[^{}]*\}", "", rule.group("body"))
        match = _MARGIN.search(own)
        if match is None:
            continue
        lengths = [_length_mm(part) for part in match.group("value").split()]
        if not lengths or None in lengths or len(lengths) > 4:
            continue
        top, right, bottom, left = _shorthand(lengths)
        values = (top, right, bottom, left)
    return PageMargins(*(max(MINIMUM_MARGIN_MM, value) for value in values))
