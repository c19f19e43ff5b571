"""Images that belong to an article: checked by their bytes, not their file names."""

from __future__ import annotations

import hashlib
import html
import re
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


# -- images in the article's body --------------------------------------------------
# The body names a stored image as `asset:ID` (`![alt](asset:12 "caption")`): stored in the
# database with the article, it cannot break when a folder moves, and each destination
# (preview, HTML export, WordPress) turns the reference into its own address.
ASSET_SCHEME = "asset"
_ASSET_SOURCE = re.compile(r"^asset:(\d{1,18})$")
_IMG_SOURCE = re.compile(r'(<img\b[^>]*?\ssrc=")asset:(\d{1,18})(")')


def asset_source(asset_id: int) -> str:
    return f"{ASSET_SCHEME}:{asset_id}"


def asset_id_of(source: str) -> int | None:
    """The asset a body image names, or None for any other source."""
    found = _ASSET_SOURCE.match(source.strip())
    return int(found.group(1)) if found else None


def with_asset_urls(body_html: str, asset_url) -> str:
    """The rendered body with each `asset:ID` image given the destination's address."""
    return _IMG_SOURCE.sub(lambda match: match.group(1) + html.escape(asset_url(int(match.group(2))) or "", quote=True)
                           + match.group(3), body_html)


def checked_image(filename: str, data: bytes) -> ImageFile | None:
    """The stored bytes as an image only if they really are a raster image (whatever the name says)."""
    mime = image_mime_type(data)
    return None if mime is None or len(data) > MAX_IMAGE_BYTES else ImageFile(filename, mime, data)


def image_from_bytes(data: bytes, filename: str) -> ImageFile:
    """A pasted or dropped image: refused unless its bytes are PNG, JPEG, GIF or WebP."""
    if len(data) > MAX_IMAGE_BYTES:
        raise NotAnImage(Text(QT_TRANSLATE_NOOP("errors", "{name} is {size} MB; images are limited to 25 MB"), name=filename,
                              size=len(data) // (1024 * 1024)))
    image = checked_image(filename, data)
    if image is None:
        raise NotAnImage(Text(QT_TRANSLATE_NOOP("errors", "{name} is not a PNG, JPEG, GIF or WebP image"), name=filename))
    return image
