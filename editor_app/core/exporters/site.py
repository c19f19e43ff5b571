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
from editor_app.core.files import atomic_write, atomic_write_text
from editor_app.core.records import ArticleRecord
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
    name = unique_slug(record.slug or slugify(record.title) or f"article-{record.id}", taken)
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
) -> SiteReport:
    templates = templates or ArticleTemplates()
    records = sorted(records, key=lambda r: r.published_at or r.updated_at, reverse=True)
    folder = Path(folder)
    for filename in FONT_FACES.values():
        atomic_write(folder / "assets" / "fonts" / filename, resource_path("fonts", filename).read_bytes())

    def asset_url(asset_id: int) -> str:
        image = asset_loader(asset_id) if asset_loader else None
        if image is None:
            return ""
        name = f"image-{asset_id}{mimetypes.guess_extension(image.mime_type) or '.img'}"
        atomic_write(folder / "assets" / "images" / name, image.data)
        return f"../assets/images/{name}"

    options = PageOptions(font_url=lambda name: f"../assets/fonts/{name}", asset_url=asset_url, allow_remote_media=True)
    taken: set[str] = set()
    items, categories = [], {}
    for number, record in enumerate(records, 1):
        href = _article_file(record, taken)
        canonical = f"{site_url.rstrip('/')}/{href}" if site_url else None
        page_options = PageOptions(**{**options.__dict__, "extra_head": head_tags(record, canonical_url=canonical, image_url=None, site_name=site_name)})
        context = article_context(record, asset_url=asset_url, site_name=site_name, canonical_url=canonical)
        atomic_write_text(folder / href, templates.render_page(context, page_options))
        date = format_byline_date(record.published_at, record.locale) if record.published_at else ""
        item = {"title": record.title or "مقال بلا عنوان", "href": href, "date": date, "author": record.author,
                "category": record.category.split("/")[-1] if record.category else ""}
        items.append(item)
        if record.category:
            categories.setdefault(record.category, []).append(item)
        if progress:
            progress(number, len(records))

    category_links = [{"name": name.split("/")[-1] if name.count("/") == 0 else name.replace("/", " › "),
                       "href": f"category/{slugify(name) or 'category'}.html"} for name in sorted(categories)]
    index = templates.environment.get_template("site_index.html")
    faces_css = templates.stylesheet(PageOptions(font_url=lambda name: f"assets/fonts/{name}"))

    def render_index(heading: str, listed: list[dict], root: str) -> str:
        css = faces_css.replace("url('assets/", f"url('{root}assets/")
        return index.render(heading=heading, items=listed, categories=category_links, root=root,
                            site_name=site_name, page_css=css, nonce=secrets.token_urlsafe(16))

    atomic_write_text(folder / "index.html", render_index("أحدث المقالات", items, ""))
    for link, name in zip(category_links, sorted(categories)):
        atomic_write_text(folder / link["href"], render_index(link["name"], categories[name], "../"))
    return SiteReport(folder, len(items), 1 + len(category_links) + len(items))
