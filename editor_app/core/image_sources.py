"""Which images Midad reads for an article: one policy for the preview, every exporter and publishing.

An image reference in a body (`![](...)`) may come from a stringer's file, a Word
document or a pulled post, so it is never trusted as a path. Only two kinds of source
are read:
- the article's own stored images (`asset:ID`, or the preview's `midad://preview/asset/ID`),
  loaded by the caller's loader, which answers only for that article's assets;
- files inside a folder the writer chose (the folder of the imported file, the images
  folder of the settings, `--image-folder`), after links are followed: `../`, `~`,
  absolute paths and symlinks leading elsewhere are refused.
Whatever is read must be a regular file of at most MAX_IMAGE_BYTES whose bytes are a PNG,
JPEG, GIF or WebP image: `/etc/passwd`, `/proc/self/environ`, `/dev/zero`, a FIFO or a
text file named `photo.png` are refused with a reason, and the caller leaves them out.

    source = load_image(reference, ImagePolicy(folders=(folder,), asset_loader=loader))
    if isinstance(source, ImageRefused): warn(str(source))
    else: serve(source.data, source.mime_type)
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor_app.core.assets import MAX_IMAGE_BYTES, ImageFile, image_mime_type
from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.files import ReadRefused, read_regular_file

AssetLoader = Callable[[int], ImageFile | None]
REMOTE_SCHEMES = ("http", "https", "data")
_ASSET_REFERENCE = re.compile(r"^(?:asset:|midad://preview/asset/)(\d{1,18})$")


@dataclass(frozen=True)
class ImagePolicy:
    """Where images may come from. `folders[0]`, when given, is where relative references point
    (the imported file's folder); every folder listed may hold images."""

    folders: tuple[Path, ...] = ()
    asset_loader: AssetLoader | None = None  # must answer only for the article's own assets
    limit: int = MAX_IMAGE_BYTES
    report: Callable[[ImageRefused], None] | None = None  # where refusals are told (an export's warnings)
    _resolved: tuple[Path, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        resolved = []
        for folder in self.folders:
            try:
                resolved.append(Path(folder).resolve(strict=True))
            except (OSError, RuntimeError):
                continue  # a folder that is gone allows nothing
        object.__setattr__(self, "_resolved", tuple(resolved))

    @classmethod
    def for_folders(cls, folders: Iterable[Path | str | None], asset_loader: AssetLoader | None = None,
                    report: Callable[[ImageRefused], None] | None = None) -> ImagePolicy:
        return cls(tuple(Path(folder) for folder in folders if folder), asset_loader, report=report)

    def refused(self, refusal: ImageRefused) -> None:
        if self.report is not None:
            self.report(refusal)


@dataclass(frozen=True)
class ImageRefused:
    reference: str
    reason: Text

    @property
    def text(self) -> Text:
        return Text(QT_TRANSLATE_NOOP("errors", "the image “{reference}” was left out: {reason}"), reference=self.reference[:200],
                    reason=self.reason)

    def __str__(self) -> str:
        return str(self.text)


def is_remote(reference: str) -> bool:
    """Web and data: images are not files: exporters keep them as they are (the sanitiser
    already allows only raster data: URLs)."""
    return urlsplit(reference.strip()).scheme.lower() in REMOTE_SCHEMES


def asset_reference(asset_id: int) -> str:
    return f"asset:{asset_id}"


def load_image(reference: str, policy: ImagePolicy) -> ImageFile | ImageRefused:
    """The image a body reference names, or why it is not read (never an exception)."""
    reference = reference.strip()
    asset = _ASSET_REFERENCE.match(reference)
    if asset:
        return _checked_asset(reference, int(asset.group(1)), policy)
    parts = urlsplit(reference)
    scheme = parts.scheme.lower()
    if len(scheme) == 1:  # C:\\photos\\x.png: a Windows drive, not a scheme
        text = reference
    elif scheme == "file" and parts.netloc in ("", "localhost"):
        text = unquote(parts.path)
    elif scheme == "" and not parts.netloc:
        text = unquote(reference)
    else:
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "it is not a file on this computer")))
    if "\x00" in text or not text:
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "it is not a file name")))
    path = Path(text)
    if not policy._resolved:
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "no images folder is chosen; add the image to the article "
                                                            "or choose its folder in the settings")))
    if not path.is_absolute():
        path = policy._resolved[0] / path  # "~/.ssh/id_rsa" stays a name inside the folder: never expanded
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "there is no such file")))
    if not any(resolved.is_relative_to(folder) for folder in policy._resolved):
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "it is outside the images folders you chose ({folders})"),
                                            folders=", ".join(map(str, policy._resolved))))
    try:
        data = read_regular_file(resolved, policy.limit)
    except ReadRefused as refused:
        return ImageRefused(reference, refused.text)
    mime = image_mime_type(data)
    if mime is None:
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "it is not a PNG, JPEG, GIF or WebP image")))
    return ImageFile(resolved.name, mime, data)


def _checked_asset(reference: str, asset_id: int, policy: ImagePolicy) -> ImageFile | ImageRefused:
    image = policy.asset_loader(asset_id) if policy.asset_loader is not None else None
    if image is None:
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "the article has no such stored image")))
    mime = image_mime_type(image.data)
    if mime is None or len(image.data) > policy.limit:
        return ImageRefused(reference, Text(QT_TRANSLATE_NOOP("errors", "it is not a PNG, JPEG, GIF or WebP image")))
    return ImageFile(image.filename, mime, image.data)


def article_asset_loader(library, article_id: int) -> AssetLoader:
    """A loader that answers only for the article's own stored images (not another article's)."""
    def load(asset_id: int) -> ImageFile | None:
        return library.article_image(article_id, asset_id)
    return load


# -- the images of rendered HTML ------------------------------------------------------------

_IMAGE_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMAGE_SOURCE = re.compile(r'\ssrc="([^"]*)"', re.IGNORECASE)


def rewrite_images(html: str, policy: ImagePolicy, place: Callable[[str, ImageFile], str]) -> str:
    """Each local <img> of sanitised HTML read through the policy: place(reference, image)
    gives its new src; a refused one is left out (the whole tag) and the policy reports why.
    Web and data: images stay as they are."""
    answers: dict[str, str | None] = {}

    def one(match: re.Match[str]) -> str:
        tag = match.group(0)
        source = _IMAGE_SOURCE.search(tag)
        if source is None:
            return tag
        reference = html_module.unescape(source.group(1))
        if is_remote(reference):
            return tag
        if reference not in answers:
            image = load_image(reference, policy)
            if isinstance(image, ImageRefused):
                policy.refused(image)
                answers[reference] = None
            else:
                answers[reference] = place(reference, image)
        new_source = answers[reference]
        if new_source is None:
            return ""
        return tag[: source.start(1)] + html_module.escape(new_source, quote=True) + tag[source.end(1):]

    return _IMAGE_TAG.sub(one, html)
