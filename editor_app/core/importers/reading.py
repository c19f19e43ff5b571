"""Reading a text file the way every importer needs it: UTF-8, clear errors."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.errors import ImportFailed

MAX_IMPORT_BYTES = 50 * 1024 * 1024


def read_utf8(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFailed(path, f"the file is {size // (1024 * 1024)} MB; the limit is 50 MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(path, "no such file") from None
    except IsADirectoryError:
        raise ImportFailed(path, "it is a folder, not a file") from None
    except PermissionError:
        raise ImportFailed(path, "permission denied") from None
    except OSError as error:
        raise ImportFailed(path, error.strerror or str(error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            path, f"it is not UTF-8 text (invalid byte at position {error.start})"
        ) from None
    if "\x00" in text:
        raise ImportFailed(path, "it contains NUL bytes; it looks like a binary file")
    return text.replace("\r\n", "\n").replace("\r", "\n")
