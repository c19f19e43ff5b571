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
import re
from dataclasses import dataclass, replace

from editor_app.core.assets import ImageFile
from editor_app.core.errors import Text
from editor_app.core.image_sources import ImagePolicy, ImageRefused, rewrite_images
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


def column_label(content: str) -> str:
    """The column label a post's content opens with (the fallback where the site has no field)."""
    found = _LABEL.match(content)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(0))).strip() if found else ""


def column_label_html(label: str) -> str:
    return f'<p class="midad-column-label" dir="rtl">{html.escape(label)}</p>\n' if label else ""


@dataclass(frozen=True)
class LocalImage:
    source: str  # as written in the Markdown
    image: ImageFile


def body_html(markdown_body: str) -> str:
    return render_markdown(markdown_body)


def local_images(rendered: str, policy: ImagePolicy) -> tuple[str, list[LocalImage], list[Text]]:
    """The body's local images that the image policy lets through (core.image_sources), and
    warnings for those it refuses, which are left out of the content (never sent with a path
    of this computer in them)."""
    images: list[LocalImage] = []
    warnings: list[Text] = []

    def keep(reference: str, image: ImageFile) -> str:
        images.append(LocalImage(reference, image))
        return reference

    def refused(refusal: ImageRefused) -> None:
        warnings.append(refusal.text)  # a Text: the window shows it in its language

    reporting = replace(policy, report=refused)
    return rewrite_images(rendered, reporting, keep), images, warnings


def with_uploaded_sources(rendered: str, uploaded: dict[str, str]) -> str:
    def replace_source(match: re.Match[str]) -> str:
        url = uploaded.get(html.unescape(match.group(2)))
        return match.group(1) + html.escape(url, quote=True) + match.group(3) if url else match.group(0)
    return _IMAGE_SOURCE.sub(replace_source, rendered)
