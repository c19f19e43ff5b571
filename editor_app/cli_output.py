"""Text from articles and sites, made safe to print on a terminal.

A title or a site's message may hold escape sequences (ESC [ ... that recolour, retitle or
move the cursor of the writer's terminal) and tabs or newlines that would add fake rows
to `midad list`. Rows show them as spaces; other control characters as visible \\xNN.
"""

from __future__ import annotations

import argparse
import re

_ROW_BREAKS = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_safe(text: object) -> str:
    flat = _ROW_BREAKS.sub(" ", "" if text is None else str(text))
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group(0)):02x}", flat)


def terminal_safe_block(text: object) -> str:
    """The same for a multi-line text (an article's body): newlines and tabs are kept."""
    return "\n".join("\t".join(terminal_safe(part) for part in line.split("\t"))
                     for line in ("" if text is None else str(text)).split("\n"))


def terminal_safe_row(*cells: object) -> str:
    """One output row: tab-separated cells, none of which can add a row or a column."""
    return "\t".join(terminal_safe(cell) for cell in cells)


LARGEST_ID = 2**63 - 1  # what the database's integer columns hold


def record_id(text: str) -> int:
    """An article or revision id from the command line: a positive number the database can hold
    (a larger one would fail inside SQLite with an 'unexpected error')."""
    value = text.strip()
    if not value.isdigit() or len(value) > 19 or not 0 < int(value) <= LARGEST_ID:
        raise argparse.ArgumentTypeError(f"“{terminal_safe(text)[:40]}” is not an id: ids are whole numbers from 1 to {LARGEST_ID}")
    return int(value)


def limit(text: str) -> int:
    value = text.strip()
    if not value.isdigit() or len(value) > 9 or int(value) < 1:
        raise argparse.ArgumentTypeError(f"“{terminal_safe(text)[:40]}” is not a limit: give a number from 1 to 999999999")
    return int(value)
