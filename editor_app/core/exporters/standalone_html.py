"""A self-contained HTML page from the preview's template: CSS inline, fonts and images
embedded (or copied beside it into NAME_files/), and the metadata sites read."""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.assets import ImageFile
from editor_app.core.dates import site_timezone
from editor_app.core.errors import QT_TRANSLATE_NOOP
from editor_app.core.exporters.base import EMBED, SITE_URL, ArticleExporter
from editor_app.core.exporters.head_metadata import head_tags
from editor_app.core.files import atomic_write, atomic_write_text, contained_path, safe_file_name
from editor_app.core.image_sources import ImagePolicy, ImageRefused, rewrite_images
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown
from editor_app.core.slugs import slugify
from editor_app.core.templates import ArticleTemplates, PageOptions, article_context, embedded_font_url
from editor_app.resources import resource_path

AssetLoader = Callable[[int], ImageFile | None]
ArticleAssetLoader = Callable[[int, int], ImageFile | None]  # (article id, asset id): Library.article_image


@dataclass(frozen=True)
class ExportOptions:
    embed: bool = True  # False: fonts and images are copied into NAME_files/ beside the page
    site_url: str | None = None  # the site's address: gives a canonical URL from the slug
    site_name: str = ""
    templates: ArticleTemplates | None = None
    asset_loader: AssetLoader | None = None
    source_folder: Path | None = None  # where relative image paths in the body point (an images folder too)
    image_folders: tuple[Path, ...] = ()  # other folders the writer chose images from (core.image_sources)
    article_asset_loader: ArticleAssetLoader | None = None  # body images stored with the article (asset:ID)
    on_warning: Callable[[str], None] | None = None  # told about each image left out
    page_size: str | None = None  # "A4" or "Letter" for Word and PDF; None: by the article's locale
    time_zone: str | None = None  # the site's IANA zone for the byline; None: the default (Settings)
    include_drafts: bool = False  # the static site: drafts too, not only published and ready articles
    progress: Callable[[int, int], None] | None = None  # (done, total) for exports of many articles

    def image_policy(self, record: ArticleRecord) -> ImagePolicy:
        loader = self.article_asset_loader
        return ImagePolicy.for_folders((self.source_folder, *self.image_folders),
                                       (lambda asset_id: loader(record.id, asset_id)) if loader else None, self.warn)

    def warn(self, refused: ImageRefused) -> None:
        if self.on_warning is not None:
            self.on_warning(str(refused))

    def zone(self):
        return site_timezone(self.time_zone)

    def paper(self, locale: str) -> str:
        return self.page_size if self.page_size in PAGE_SIZES else default_page_size(locale)


PAGE_SIZES = ("A4", "Letter")
FAVICON = "favicon.svg"


def site_page_name(record: ArticleRecord) -> str:
    """The article's page in a static site (articles/NAME.html), from its slug. The stored slug may
    predate normalisation (or come from a site), so it is made a safe file name again here."""
    stem = slugify(record.slug or "") or slugify(record.title)
    return safe_file_name(stem, fallback=f"article-{record.id}", max_bytes=200)


def canonical_address(site_url: str | None, page: str) -> str | None:
    """One canonical URL per article, whichever export wrote the page: its static-site page."""
    return f"{site_url.rstrip('/')}/{page}" if site_url else None


def default_page_size(locale: str) -> str:
    """One rule for Word and PDF: Letter where it is the custom (US, Canada), A4 elsewhere, Arabic included."""
    return "Letter" if locale.replace("-", "_") in ("en_US", "en_CA", "en") else "A4"


def _data_url(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


class _Resources:
    """Places fonts and images either inside the page or in its NAME_files/ folder."""

    def __init__(self, output: Path, options: ExportOptions) -> None:
        self.options = options
        self.folder = output.with_name(f"{output.stem}_files")
        self.files: dict[str, bytes] = {}

    def place(self, name: str, mime: str, data: bytes) -> str:
        if self.options.embed:
            return _data_url(mime, data)
        self.files[name] = data
        return f"{self.folder.name}/{name}"

    def favicon(self) -> str:
        return self.place(FAVICON, "image/svg+xml", (self.options.templates or ArticleTemplates()).file_bytes(FAVICON))

    def font(self, filename: str) -> str:
        if self.options.embed:
            return embedded_font_url(filename)
        return self.place(filename, "font/ttf", resource_path("fonts", filename).read_bytes())

    def asset(self, asset_id: int) -> str:
        image = self.options.asset_loader(asset_id) if self.options.asset_loader else None
        if image is None:
            return ""
        extension = mimetypes.guess_extension(image.mime_type) or ".img"
        return self.place(f"image-{asset_id}{extension}", image.mime_type, image.data)

    def body_image(self, _reference: str, image: ImageFile) -> str:
        """A body image the policy let through (core.image_sources), embedded or copied beside."""
        extension = mimetypes.guess_extension(image.mime_type) or ".img"
        stem = safe_file_name(Path(image.filename).stem, "", fallback="image")[:80]
        return self.place(f"body-{len(self.files) + 1}-{stem}{extension}", image.mime_type, image.data)

    def write(self) -> None:
        for name, data in self.files.items():
            atomic_write(contained_path(self.folder.parent, self.folder.name, safe_file_name(name)), data)


def render_standalone(record: ArticleRecord, output: Path, options: ExportOptions) -> tuple[str, _Resources]:
    templates = options.templates or ArticleTemplates()
    resources = _Resources(output, options)
    canonical = canonical_address(options.site_url, f"articles/{site_page_name(record)}.html")
    image = resources.asset(record.featured_asset_id) if record.featured_asset_id else None
    page_options = PageOptions(
        font_url=resources.font,
        asset_url=lambda asset_id: image if asset_id == record.featured_asset_id else resources.asset(asset_id),
        allow_remote_media=True,
        local_resources=not options.embed,
        favicon_url=resources.favicon(),
        extra_head=head_tags(record, canonical_url=canonical, image_url=image if image and not image.startswith("data:") else None,
                             site_name=options.site_name, zone=options.zone()),
    )
    body = rewrite_images(render_markdown(record.body), options.image_policy(record), resources.body_image)
    context = article_context(record, zone=options.zone(), asset_url=page_options.asset_url, site_name=options.site_name,
                              canonical_url=canonical, body_html=body)
    return templates.render_page(context, page_options), resources


def export_standalone_html(record: ArticleRecord, output: Path, options: ExportOptions = ExportOptions()) -> Path:
    html, resources = render_standalone(record, output, options)
    resources.write()
    atomic_write_text(output, html)
    return output


class StandaloneHtmlExporter(ArticleExporter):
    name = "html"
    extension = ".html"
    label = QT_TRANSLATE_NOOP("exporters", "Standalone HTML page")
    options = frozenset({EMBED, SITE_URL})

    def export_article(self, record, output, options):
        return export_standalone_html(record, output, options)
