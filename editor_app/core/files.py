"""Writing files so that a failure leaves nothing half-written behind.

Every export goes to a temporary file in the destination folder and is renamed
over the target only when complete: a full disk or a crash leaves the old file
(or no file), never a truncated one.
"""

from __future__ import annotations

import errno
import os
import tempfile
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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
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
