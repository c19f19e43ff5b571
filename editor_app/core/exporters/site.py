"""A static site of many articles: one folder that opens in any browser, right to left.

articles/SLUG.html for each article (the preview's template), index.html newest
first, category/NAME.html for each category (and each parent category), and the
fonts, images and favicon once in assets/. Only published and ready articles go in
unless drafts are asked for: a site is what readers see.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.dates import format_byline_date, site_timezone
from editor_app.core.errors import QT_TRANSLATE_NOOP
from editor_app.core.exporters.base import INCLUDE_DRAFTS, SITE_URL, Exporter, ExportReport
from editor_app.core.exporters.head_metadata import head_tags
from editor_app.core.exporters.standalone_html import (
    FAVICON,
    ArticleAssetLoader,
    AssetLoader,
    ExportOptions,
    canonical_address,
    site_page_name,
)
from editor_app.core.files import atomic_write, atomic_write_text, contained_path, safe_file_name
from editor_app.core.image_sources import ImageFile, ImagePolicy, rewrite_images
from editor_app.core.models import CATEGORY_SEPARATOR, ArticleStatus
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown
from editor_app.core.slugs import slugify, unique_slug
from editor_app.core.templates import FONT_FACES, ArticleTemplates, PageOptions, article_context
from editor_app.resources import resource_path

Progress = Callable[[int, int], None]
SITE_STATUSES = (ArticleStatus.PUBLISHED.value, ArticleStatus.READY.value)


@dataclass(frozen=True)
class SiteReport:
    folder: Path
    articles: int
    pages: int


def _article_file(record: ArticleRecord, taken: set[str]) -> str:
    name = unique_slug(site_page_name(record), taken)
    taken.add(name)
    return f"articles/{name}.html"


def category_file(path: str) -> str:
    return f"category/{safe_file_name(slugify(path), fallback='category', max_bytes=200)}.html"


def _with_parents(path: str) -> list[str]:
    """"أخبار/المغرب" → ["أخبار", "أخبار/المغرب"]: a breadcrumb links to every level."""
    parts = path.split(CATEGORY_SEPARATOR)
    return [CATEGORY_SEPARATOR.join(parts[: depth + 1]) for depth in range(len(parts))]


def export_site(
    records: Iterable[ArticleRecord],
    folder: Path,
    *,
    asset_loader: AssetLoader | None = None,
    article_asset_loader: ArticleAssetLoader | None = None,  # (article id, asset id): body images stored with it
    templates: ArticleTemplates | None = None,
    site_name: str = "",
    site_url: str | None = None,
    progress: Progress | None = None,
    image_folders: tuple[Path, ...] = (),
    on_warning: Callable[[str], None] | None = None,
    time_zone: str | None = None,
    include_drafts: bool = False,
) -> SiteReport:
    """Every file goes through contained_path: nothing a slug, a title or a category says can
    write outside `folder`."""
    templates = templates or ArticleTemplates()
    zone = site_timezone(time_zone)
    records = [record for record in records if include_drafts or record.status in SITE_STATUSES]
    records = sorted(records, key=lambda r: r.published_at or r.updated_at, reverse=True)
    folder = Path(folder)

    def write(relative: str, data: bytes | str) -> None:
        target = contained_path(folder, *relative.split("/"))
        (atomic_write_text if isinstance(data, str) else atomic_write)(target, data)

    for filename in FONT_FACES.values():
        write(f"assets/fonts/{filename}", resource_path("fonts", filename).read_bytes())
    write(f"assets/{FAVICON}", templates.file_bytes(FAVICON))

    def asset_url(asset_id: int) -> str:
        image = asset_loader(asset_id) if asset_loader else None
        if image is None:
            return ""
        name = f"image-{asset_id}{mimetypes.guess_extension(image.mime_type) or '.img'}"
        write(f"assets/images/{name}", image.data)
        return f"../assets/images/{name}"

    def body_image(_reference: str, image: ImageFile) -> str:
        name = f"body-{image.sha256[:24]}{mimetypes.guess_extension(image.mime_type) or '.img'}"
        write(f"assets/images/{name}", image.data)
        return f"../assets/images/{name}"

    def policy(record: ArticleRecord) -> ImagePolicy:
        loader = (lambda asset_id: article_asset_loader(record.id, asset_id)) if article_asset_loader else None
        return ImagePolicy.for_folders(image_folders, loader, lambda refused: on_warning and on_warning(str(refused)))

    options = PageOptions(font_url=lambda name: f"../assets/fonts/{name}", asset_url=asset_url, allow_remote_media=True,
                          local_resources=True, favicon_url=f"../assets/{FAVICON}")
    taken: set[str] = set()
    items, categories = [], {}
    for number, record in enumerate(records, 1):
        href = _article_file(record, taken)
        canonical = canonical_address(site_url, href)
        page_options = PageOptions(**{**options.__dict__, "extra_head": head_tags(
            record, canonical_url=canonical, image_url=None, site_name=site_name, zone=zone)})
        body = rewrite_images(render_markdown(record.body), policy(record), body_image)
        context = article_context(record, zone=zone, asset_url=asset_url, site_name=site_name, canonical_url=canonical,
                                  home_url="../index.html", category_url=lambda path: f"../{category_file(path)}",
                                  body_html=body)
        write(href, templates.render_page(context, page_options))
        date = format_byline_date(record.published_at, record.locale, zone) if record.published_at else ""
        item = {"title": record.title or templates.words["untitled"], "href": href, "date": date, "author": record.author,
                "category": record.category.split(CATEGORY_SEPARATOR)[-1] if record.category else ""}
        items.append(item)
        for path in _with_parents(record.category) if record.category else []:
            categories.setdefault(path, []).append(item)
        if progress:
            progress(number, len(records))

    category_links = [{"name": name.replace(CATEGORY_SEPARATOR, " › "), "href": category_file(name)}
                      for name in sorted(categories)]
    index = templates.environment.get_template("site_index.html")
    faces_css = templates.stylesheet(PageOptions(font_url=lambda name: f"assets/fonts/{name}"))

    def render_index(heading: str, listed: list[dict], root: str, current: str | None) -> str:
        css = faces_css.replace("url('assets/", f"url('{root}assets/")
        page_options = PageOptions(local_resources=True)
        return index.render(heading=heading, items=listed, categories=category_links, root=root, current=current,
                            site_name=site_name, page_css=css, nonce=page_options.nonce,
                            csp=page_options.content_security_policy(), favicon_url=f"{root}assets/{FAVICON}")

    write("index.html", render_index(templates.words["latest"], items, "", "index.html"))
    for link, name in zip(category_links, sorted(categories)):
        write(link["href"], render_index(link["name"], categories[name], "../", link["href"]))
    return SiteReport(folder, len(items), 1 + len(category_links) + len(items))


class SiteExporter(Exporter):
    name = "site"
    extension = ""
    label = QT_TRANSLATE_NOOP("exporters", "Static site (the library's articles)")
    whole_library = True
    options = frozenset({SITE_URL, INCLUDE_DRAFTS})

    def export(self, records, destination: Path, options: ExportOptions) -> ExportReport:
        report = export_site(records, destination, asset_loader=options.asset_loader,
                             article_asset_loader=options.article_asset_loader, templates=options.templates,
                             site_name=options.site_name, site_url=options.site_url, progress=options.progress,
                             image_folders=options.image_folders, on_warning=options.on_warning,
                             time_zone=options.time_zone, include_drafts=options.include_drafts)
        return ExportReport(main_path=report.folder / "index.html", articles=report.articles, pages=report.pages)
