"""Reading a text file the way every importer needs it: UTF-8, clear errors."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.errors import QT_TRANSLATE_NOOP, ImportFailed, Text
from editor_app.core.files import ReadRefused, read_regular_file, reason

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def read_limited(path: Path, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The file's bytes: a regular file of at most `limit` bytes (a FIFO, /dev/zero or a link
    to them is refused instead of hanging or filling memory)."""
    if Path(path).is_dir():
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "it is a folder, not a file")))
    try:
        size = Path(path).stat().st_size
    except FileNotFoundError:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "no such file"))) from None
    except OSError:
        size = 0
    if size > limit:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "the file is {size} MB; the limit is {limit} MB"),
                                        size=size // (1024 * 1024), limit=limit // (1024 * 1024)))
    try:
        return read_regular_file(Path(path), limit)
    except ReadRefused as refused:
        raise ImportFailed(path, refused.text) from None


def read_utf8(path: Path) -> str:
    try:
        data = read_limited(path)
    except FileNotFoundError:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "no such file"))) from None
    except IsADirectoryError:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "it is a folder, not a file"))) from None
    except PermissionError:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "permission denied"))) from None
    except OSError as error:
        raise ImportFailed(path, reason(error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            path, Text(QT_TRANSLATE_NOOP("errors", "it is not UTF-8 text (invalid byte at position {position})"), position=error.start)
        ) from None
    if "\x00" in text:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "it contains NUL bytes; it looks like a binary file")))
    return text.replace("\r\n", "\n").replace("\r", "\n")
