"""A static site of many articles: one folder that opens in any browser, right to left.

articles/SLUG.html for each article (the preview's template), index.html newest
first, category/NAME.html for each category, and the fonts and images once in assets/.
"""

from __future__ import annotations

import mimetypes
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.dates import format_byline_date
from editor_app.core.exporters.head_metadata import head_tags
from editor_app.core.exporters.standalone_html import AssetLoader
from editor_app.core.files import atomic_write, atomic_write_text, contained_path, safe_file_name
from editor_app.core.image_sources import ImageFile, ImagePolicy, rewrite_images
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown
from editor_app.core.slugs import slugify, unique_slug
from editor_app.core.templates import FONT_FACES, ArticleTemplates, PageOptions, article_context
from editor_app.resources import resource_path

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SiteReport:
    folder: Path
    articles: int
    pages: int


def _article_file(record: ArticleRecord, taken: set[str]) -> str:
    # The stored slug may predate normalisation (or come from a site): made a safe name again here.
    stem = safe_file_name(slugify(record.slug) or slugify(record.title), fallback=f"article-{record.id}", max_bytes=200)
    name = unique_slug(stem, taken)
    taken.add(name)
    return f"articles/{name}.html"


def export_site(
    records: Iterable[ArticleRecord],
    folder: Path,
    *,
    asset_loader: AssetLoader | None = None,
    templates: ArticleTemplates | None = None,
    site_name: str = "",
    site_url: str | None = None,
    progress: Progress | None = None,
    image_folders: tuple[Path, ...] = (),
    on_warning: Callable[[str], None] | None = None,
) -> SiteReport:
    """Every file goes through contained_path: nothing a slug, a title or a category says can
    write outside `folder`."""
    templates = templates or ArticleTemplates()
    records = sorted(records, key=lambda r: r.published_at or r.updated_at, reverse=True)
    folder = Path(folder)

    def write(relative: str, data: bytes | str) -> None:
        target = contained_path(folder, *relative.split("/"))
        (atomic_write_text if isinstance(data, str) else atomic_write)(target, data)

    for filename in FONT_FACES.values():
        write(f"assets/fonts/{filename}", resource_path("fonts", filename).read_bytes())

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

    policy = ImagePolicy.for_folders(image_folders, report=lambda refused: on_warning and on_warning(str(refused)))

    options = PageOptions(font_url=lambda name: f"../assets/fonts/{name}", asset_url=asset_url, allow_remote_media=True)
    taken: set[str] = set()
    items, categories = [], {}
    for number, record in enumerate(records, 1):
        href = _article_file(record, taken)
        canonical = f"{site_url.rstrip('/')}/{href}" if site_url else None
        page_options = PageOptions(**{**options.__dict__, "extra_head": head_tags(record, canonical_url=canonical, image_url=None, site_name=site_name)})
        body = rewrite_images(render_markdown(record.body), policy, body_image)
        context = article_context(record, asset_url=asset_url, site_name=site_name, canonical_url=canonical, body_html=body)
        write(href, templates.render_page(context, page_options))
        date = format_byline_date(record.published_at, record.locale) if record.published_at else ""
        item = {"title": record.title or "مقال بلا عنوان", "href": href, "date": date, "author": record.author,
                "category": record.category.split("/")[-1] if record.category else ""}
        items.append(item)
        if record.category:
            categories.setdefault(record.category, []).append(item)
        if progress:
            progress(number, len(records))

    category_links = [{"name": name.split("/")[-1] if name.count("/") == 0 else name.replace("/", " › "),
                       "href": f"category/{safe_file_name(slugify(name), fallback='category', max_bytes=200)}.html"} for name in sorted(categories)]
    index = templates.environment.get_template("site_index.html")
    faces_css = templates.stylesheet(PageOptions(font_url=lambda name: f"assets/fonts/{name}"))

    def render_index(heading: str, listed: list[dict], root: str) -> str:
        css = faces_css.replace("url('assets/", f"url('{root}assets/")
        return index.render(heading=heading, items=listed, categories=category_links, root=root,
                            site_name=site_name, page_css=css, nonce=secrets.token_urlsafe(16))

    write("index.html", render_index("أحدث المقالات", items, ""))
    for link, name in zip(category_links, sorted(categories)):
        write(link["href"], render_index(link["name"], categories[name], "../"))
    return SiteReport(folder, len(items), 1 + len(category_links) + len(items))
