"""The article page: one Jinja2 template and one context for the preview and every export.

A newsroom can point Midad at its own template folder; files there override the
bundled ones by name (``article.html``, ``article.css``). The variables a template
receives are listed in the README ("Templates").
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
from functools import lru_cache
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateRuntimeError, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from editor_app.core.arabic import to_eastern_digits
from editor_app.core.assets import with_asset_urls
from editor_app.core.bidi import html_direction
from editor_app.core.dates import format_byline_date, in_site_zone
from editor_app.core.models import CATEGORY_SEPARATOR
from editor_app.core.records import ArticleRecord
from editor_app.core.render import render_markdown
from editor_app.resources import resource_path, templates_dir

PAGE_TEMPLATE = "article.html"
STYLESHEET = "article.css"
ARTICLE_BLOCK = "article"
# The words the pages say around the article (the breadcrumb's home, an untitled article, the
# site's index heading, the Word byline), in the site's language: a file of the template folder,
# so a newsroom's own folder can say them otherwise; the Qt-free core holds no such words.
PAGE_WORDS = "page_words.json"
# Tells the preview script not to replace remote media with a notice.
REMOTE_MEDIA_META = '<meta name="midad-remote-media" content="allowed">'

# Bundled faces, by the CSS font-weight they serve.
FONT_FACES = {
    400: "NotoNaskhArabic-Regular.ttf",
    700: "NotoNaskhArabic-Bold.ttf",
}
FONT_FAMILY = "Noto Naskh Arabic"


log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def bundled_page_words() -> dict[str, str]:
    return json.loads((templates_dir() / PAGE_WORDS).read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def embedded_font_url(filename: str) -> str:
    """A data: URL, for pages that must stand alone (exports)."""
    data = base64.b64encode(resource_path("fonts", filename).read_bytes()).decode("ascii")
    return f"data:font/ttf;base64,{data}"


@dataclass(frozen=True)
class PageOptions:
    """How the page is assembled for its destination (preview or a given export)."""

    font_url: Callable[[str], str] = embedded_font_url
    asset_url: Callable[[int], str] | None = None  # where the page finds an article's stored image
    article_asset_url: Callable[[int, int], str] | None = None  # the same, by (article id, asset id): the preview
    script_url: str | None = None  # the preview's own script; exports carry none
    allow_remote_media: bool = False
    extra_head: str = ""
    # Fonts and images in files beside the page (static site, --copy-resources): the
    # policy must let the page load them ('self'), or Chromium falls back to a system font.
    local_resources: bool = False
    favicon_url: str | None = None
    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(16))

    def content_security_policy(self) -> str:
        remote = " http: https:" if self.allow_remote_media else ""
        local = " 'self'" if self.local_resources else ""
        scripts = "midad:" if self.script_url else "'none'"
        frames = (
            "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com"
            if self.allow_remote_media
            else "'none'"
        )
        return (
            f"default-src 'none'; script-src {scripts}; style-src 'nonce-{self.nonce}'; "
            f"font-src midad: data:{local}; img-src midad: data:{local}{remote}; media-src midad: data:{local}{remote}; "
            f"frame-src {frames}; base-uri 'none'; form-action 'none'"
        )


class ArticleTemplates:
    def __init__(self, template_dir: Path | None = None, digits: str = "latn") -> None:
        self.template_dir = template_dir
        self.digits = digits  # "arab": the byline's date in Eastern Arabic digits (a setting)
        folders = [str(templates_dir())]
        if template_dir is not None:
            folders.insert(0, str(template_dir))
        # Sandboxed: a newsroom's template folder is often shared, and a template must not be
        # able to reach Python (``{{ ''.__class__.__mro__ }}``) and through it the machine.
        self.environment = SandboxedEnvironment(
            loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
            autoescape=select_autoescape(["html", "htm", "xml"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.environment.filters["direction"] = html_direction
        self.words = self._page_words()

    def _page_words(self) -> dict[str, str]:
        """The bundled words, with those the newsroom's folder says otherwise (its page_words.json)."""
        words = dict(bundled_page_words())
        if self.template_dir is not None and (Path(self.template_dir) / PAGE_WORDS).is_file():
            try:
                theirs = json.loads((Path(self.template_dir) / PAGE_WORDS).read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                log.warning("%s in the template folder is unreadable, the bundled words are used: %s", PAGE_WORDS, error)
            else:
                words.update({key: value for key, value in theirs.items() if key in words and isinstance(value, str)})
        return words

    def file_bytes(self, name: str) -> bytes:
        """A file of the template folder (e.g. favicon.svg): the newsroom's, else the bundled one."""
        if self.template_dir is not None and (Path(self.template_dir) / name).is_file():
            return (Path(self.template_dir) / name).read_bytes()
        return (templates_dir() / name).read_bytes()

    def stylesheet(self, options: PageOptions) -> str:
        faces = "\n".join(
            f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; font-style: normal;"
            f" font-display: block; src: url('{options.font_url(filename)}') format('truetype'); }}"
            for weight, filename in FONT_FACES.items()
        )
        source, _, _ = self.environment.loader.get_source(self.environment, STYLESHEET)
        return f"{faces}\n{source}"

    def render_page(self, context: dict[str, Any], options: PageOptions) -> str:
        template = self.environment.get_template(PAGE_TEMPLATE)
        return template.render(
            **self._with_digits(context),
            page_css=self.stylesheet(options),
            csp=options.content_security_policy(),
            nonce=options.nonce,
            script_url=options.script_url,
            favicon_url=options.favicon_url,
            extra_head=options.extra_head + (REMOTE_MEDIA_META if options.allow_remote_media else ""),
        )

    def render_article(self, context: dict[str, Any]) -> str:
        """Only the article block: what the preview patches into the loaded page."""
        template = self.environment.get_template(PAGE_TEMPLATE)
        block = template.blocks.get(ARTICLE_BLOCK)
        if block is None:  # a newsroom's template without it: said like any template error
            raise TemplateRuntimeError(f"{PAGE_TEMPLATE} has no {{% block {ARTICLE_BLOCK} %}}")
        try:
            return "".join(block(template.new_context(self._with_digits(context))))
        except Exception:
            # As Template.render does: the traceback then names the template's lines, not the
            # compiled Python's (core.template_problems reads the line from it).
            self.environment.handle_exception()

    def _with_digits(self, context: dict[str, Any]) -> dict[str, Any]:
        home = self.words["home"]
        if context.get("breadcrumb") and context["breadcrumb"][0] != home:  # this folder's word for it
            context = {**context, "breadcrumb": [home, *context["breadcrumb"][1:]],
                       "breadcrumb_links": [{**context["breadcrumb_links"][0], "name": home}, *context["breadcrumb_links"][1:]]}
        if self.digits != "arab" or not context.get("published_display"):
            return context
        return {**context, "published_display": to_eastern_digits(context["published_display"])}


def article_context(
    record: ArticleRecord,
    *,
    zone: tzinfo | None = None,
    asset_url: Callable[[int], str] | None = None,
    site_name: str = "",
    canonical_url: str | None = None,
    body_html: str | None = None,
    category_url: Callable[[str], str] | None = None,
    home_url: str | None = None,
) -> dict[str, Any]:
    """Everything a template may use, computed once (see README, "Templates")."""
    categories = record.category.split(CATEGORY_SEPARATOR) if record.category else []
    published: datetime | None = record.published_at
    home = bundled_page_words()["home"]  # ArticleTemplates puts its folder's word in its place
    return {
        "article": record,
        "title": record.title,
        "column": record.column,
        "author": record.author or "",
        "categories": categories,
        "breadcrumb": [home, *categories],
        # The same crumbs with where they lead (the static site's index and category pages).
        "breadcrumb_links": [{"name": home, "href": home_url}] + [
            {"name": name, "href": category_url(CATEGORY_SEPARATOR.join(categories[: depth + 1])) if category_url else None}
            for depth, name in enumerate(categories)
        ],
        "tags": list(record.tags),
        "excerpt": record.excerpt,
        "lang": record.locale.split("_")[0] or "ar",
        "locale": record.locale,
        "published_display": format_byline_date(published, record.locale, zone) if published else "",
        "published_iso": in_site_zone(published, zone).isoformat() if published else "",
        # Exporters pass a body whose images they resolved through core.image_sources.
        "body_html": _with_asset_urls(render_markdown(record.body), asset_url) if body_html is None else body_html,
        "featured_image": _featured_image(record, asset_url),
        "site_name": site_name,
        "canonical_url": canonical_url,
        "comment_limit": 1000,
    }


def _with_asset_urls(body_html: str, asset_url: Callable[[int], str] | None) -> str:
    """Body images stored with the article (`asset:ID`) get the destination's address, like the featured image."""
    return with_asset_urls(body_html, asset_url) if asset_url is not None else body_html


def _featured_image(record: ArticleRecord, asset_url: Callable[[int], str] | None) -> dict[str, str] | None:
    if record.featured_asset_id is None or asset_url is None:
        return None
    return {
        "src": asset_url(record.featured_asset_id),
        "alt": record.featured_caption or record.title,
        "caption": record.featured_caption,
    }
