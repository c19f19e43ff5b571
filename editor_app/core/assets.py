"""Images that belong to an article: checked by their bytes, not their file names."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.files import ReadRefused, read_regular_file, reason
from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text

MAX_IMAGE_BYTES = 25 * 1024 * 1024
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


class NotAnImage(MidadError):
    pass


@dataclass(frozen=True)
class ImageFile:
    filename: str
    mime_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def image_mime_type(data: bytes) -> str | None:
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def read_image(path: Path) -> ImageFile:
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise NotAnImage(Text(QT_TRANSLATE_NOOP("errors", "{name} is {size} MB; images are limited to 25 MB"), name=path.name,
                                  size=size // (1024 * 1024)))
        data = read_regular_file(path, MAX_IMAGE_BYTES)  # /dev/zero or a FIFO named .png: refused, not read
    except OSError as error:
        raise NotAnImage(Text(QT_TRANSLATE_NOOP("errors", "cannot read {path}: {reason}"), path=path, reason=reason(error))) from None
    except ReadRefused as refused:
        raise NotAnImage(refused.text) from None
    mime = image_mime_type(data)
    if mime is None:
        raise NotAnImage(Text(QT_TRANSLATE_NOOP("errors", "{name} is not a PNG, JPEG, GIF or WebP image"), name=path.name))
    return ImageFile(path.name, mime, data)
