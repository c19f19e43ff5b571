"""Writing files so that a failure leaves nothing half-written behind.

Every export goes to a temporary file in the destination folder and is renamed
over the target only when complete: a full disk or a crash leaves the old file
(or no file), never a truncated one.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text


class WriteFailed(MidadError):
    pass


_REASONS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("errors", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("errors", "the disk quota is exceeded"),
    errno.EACCES: QT_TRANSLATE_NOOP("errors", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("errors", "permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("errors", "the disk is read-only"),
    errno.ENOENT: QT_TRANSLATE_NOOP("errors", "the folder does not exist"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("errors", "a part of the path is not a folder"),
    errno.EEXIST: QT_TRANSLATE_NOOP("errors", "a part of the path is not a folder"),
}


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Exported files get the permissions any new file would (mkstemp alone makes them 0600).
FILE_MODE = 0o666 & ~_current_umask()


def reason(error: OSError) -> str | Text:
    known = _REASONS.get(error.errno or 0)
    return Text(known) if known else error.strerror or str(error)


def atomic_write(path: Path, data: bytes) -> None:
    path = Path(path)
    check_writable_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The temporary name must fit in 255 bytes too, whatever the final name's length.
        short = path.name.encode("utf-8")[:64].decode("utf-8", "ignore")
        handle, temporary = tempfile.mkstemp(prefix=f".{short}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise WriteFailed(Text(QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"), path=path, reason=reason(error))) from None
    try:
        os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, path)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise WriteFailed(Text(QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"), path=path, reason=reason(error))) from None


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write(path, text.encode("utf-8"))


class ReadRefused(MidadError):
    """A file Midad will not read: not a regular file, or larger than the limit."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than `limit`.

    Opened without blocking and checked on the open descriptor (not by name before opening,
    which a swap could defeat): a FIFO would hang a plain read, /dev/zero or a symlink to it
    would fill memory, and a size taken from stat() alone is a lie for /proc files. At most
    limit + 1 bytes are ever read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise ReadRefused(Text(QT_TRANSLATE_NOOP("errors", "cannot read {path}: {reason}"), path=path, reason=reason(error))) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ReadRefused(Text(QT_TRANSLATE_NOOP("errors", "{path} is not a regular file (a device, a pipe or a folder); "
                                                    "Midad reads only ordinary files"), path=path))
        if status.st_size > limit:
            raise ReadRefused(_too_large(path, status.st_size, limit))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise ReadRefused(_too_large(path, total, limit))
        return b"".join(chunks)
    except OSError as error:
        raise ReadRefused(Text(QT_TRANSLATE_NOOP("errors", "cannot read {path}: {reason}"), path=path, reason=reason(error))) from None
    finally:
        os.close(descriptor)


def _too_large(path: Path, size: int, limit: int) -> Text:
    return Text(QT_TRANSLATE_NOOP("errors", "{path} is larger than {limit} MB, the most Midad reads from such a file"),
                path=path, limit=max(1, limit // (1024 * 1024)))


# -- file names from titles and slugs -------------------------------------------------

# Windows refuses these names whatever the extension ("con.html", "LPT1.md").
_WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10)),
                               "com¹", "com²", "com³", "lpt¹", "lpt²", "lpt³", "conin$", "conout$"})
_NOT_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
MAX_NAME_BYTES = 255  # one path component on ext4, NTFS (in UTF-16 units), APFS


def safe_file_name(stem: str, extension: str = "", fallback: str = "article", max_bytes: int = MAX_NAME_BYTES) -> str:
    """One path component made from any text (a slug, a title): no separators, no `..`,
    no control characters or NUL, no reserved Windows name, at most 255 bytes with the
    extension (or `max_bytes`, leaving room for a suffix such as "-2"). The result never names
    a folder other than the one it is joined to."""
    name = _NOT_IN_NAMES.sub("-", unicodedata.normalize("NFC", stem or ""))
    name = name.strip(" .-") or fallback  # "..", ".", trailing dots (Windows drops them)
    if name.split(".")[0].strip().lower() in _WINDOWS_RESERVED:
        name = f"{fallback}-{name}"
    budget = min(max_bytes, MAX_NAME_BYTES) - len(extension.encode("utf-8"))
    encoded = name.encode("utf-8")
    if len(encoded) > budget:
        name = encoded[:budget].decode("utf-8", "ignore").rstrip(" .-") or fallback
    return name + extension


class UnsafeDestination(MidadError):
    """An export would write outside the folder it was given, or over something that is not a file."""


def contained_path(folder: Path, *parts: str) -> Path:
    """folder/parts..., refused unless it stays inside `folder` once links are followed:
    a subfolder that is a symlink to /etc must not take an export there."""
    root = Path(folder).resolve()
    target = root.joinpath(*parts)
    if not target.resolve().is_relative_to(root):
        raise UnsafeDestination(Text(QT_TRANSLATE_NOOP("errors", "refused to write {path}: it is outside the chosen folder {folder}"),
                                     path=target, folder=root))
    return target


def check_writable_target(path: Path) -> None:
    """Exports replace files, never a device, a pipe or a folder (as root, os.replace would
    turn /dev/sda into a regular file)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise WriteFailed(Text(QT_TRANSLATE_NOOP("errors", "cannot write {path}: {reason}"), path=path, reason=reason(error))) from None
    if not (stat.S_ISREG(status.st_mode) or stat.S_ISLNK(status.st_mode)):
        raise UnsafeDestination(Text(QT_TRANSLATE_NOOP("errors", "refused to write {path}: it is a device, a pipe or a folder, "
                                                      "not a file; choose a file name"), path=path))
