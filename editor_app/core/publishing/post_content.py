"""The post Midad sends for an article: the renderer's sanitised body, its local images,
and the marker that lets a retry find a post it already created.

Conventions a site's theme can rely on (README › Publishing):
- the post's content ends with `<!-- midad:UUID -->` (the article's UUID); a retry after
  a lost answer searches for it instead of creating a second post;
- the column label ("افتتاحية.. بقلم: أمين نشاط") goes to the post meta
  `midad_column_label` when the site registers it (packaging/wordpress/midad-column-label.php),
  otherwise it opens the content as `<p class="midad-column-label">…</p>`.
"""

from __future__ import annotations

import html
import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from editor_app.core.assets import ImageFile, image_mime_type
from editor_app.core.render import render_markdown

_IMAGE_SOURCE = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]+)(")')
_MARKER = re.compile(r"\n?<!-- midad:([0-9a-f-]{36}) -->\s*$")
_LABEL = re.compile(r'^<p class="midad-column-label"[^>]*>.*?</p>\n?', re.DOTALL)
COLUMN_META = "midad_column_label"


def marker(uuid: str) -> str:
    return f"\n<!-- midad:{uuid} -->"


def marked_uuid(content: str) -> str | None:
    found = _MARKER.search(content)
    return found.group(1) if found else None


def without_midad_additions(content: str) -> str:
    """The post's own HTML, without the marker and the column label Midad added."""
    return _LABEL.sub("", _MARKER.sub("", content), count=1)


def column_label_html(label: str) -> str:
    return f'<p class="midad-column-label" dir="rtl">{html.escape(label)}</p>\n' if label else ""


@dataclass(frozen=True)
class LocalImage:
    source: str  # as written in the Markdown
    image: ImageFile


def body_html(markdown_body: str) -> str:
    return render_markdown(markdown_body)


def local_images(rendered: str) -> tuple[list[LocalImage], list[str]]:
    """Images of the body that live on this machine, and warnings for those that cannot be read."""
    images, warnings, seen = [], [], set()
    for match in _IMAGE_SOURCE.finditer(rendered):
        source = html.unescape(match.group(2))
        if source in seen:
            continue
        seen.add(source)
        parsed = urlparse(source)
        if parsed.scheme in ("http", "https", "data"):
            continue
        path = Path(unquote(parsed.path))
        if not path.is_absolute():
            warnings.append(f"the image “{source}” has no folder: give its full path so that it can be uploaded")
            continue
        try:
            data = path.read_bytes()
        except OSError as error:
            warnings.append(f"cannot read the image {path}: {error.strerror or error}")
            continue
        mime = image_mime_type(data) or mimetypes.guess_type(path.name)[0]
        if mime is None or not mime.startswith("image/"):
            warnings.append(f"{path.name} is not an image the site can take")
            continue
        images.append(LocalImage(source, ImageFile(path.name, mime, data)))
    return images, warnings


def with_uploaded_sources(rendered: str, uploaded: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        url = uploaded.get(html.unescape(match.group(2)))
        return match.group(1) + html.escape(url, quote=True) + match.group(3) if url else match.group(0)
    return _IMAGE_SOURCE.sub(replace, rendered)
