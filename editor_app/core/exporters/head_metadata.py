"""What sites and social networks read in <head>: description, OpenGraph, Twitter, JSON-LD."""

from __future__ import annotations

import json
from datetime import tzinfo
from html import escape

from editor_app.core.dates import in_site_zone
from editor_app.core.records import ArticleRecord


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{escape(name)}" content="{escape(content)}">'


def head_tags(record: ArticleRecord, *, canonical_url: str | None, image_url: str | None, site_name: str = "",
              zone: tzinfo | None = None) -> str:
    tags = [
        _meta("property", "og:type", "article"),
        _meta("property", "og:title", record.title),
        _meta("property", "og:locale", record.locale),
        _meta("name", "twitter:card", "summary_large_image" if image_url else "summary"),
        _meta("name", "twitter:title", record.title),
    ]
    if record.excerpt:
        tags += [_meta("property", "og:description", record.excerpt), _meta("name", "twitter:description", record.excerpt)]
    if site_name:
        tags.append(_meta("property", "og:site_name", site_name))
    if image_url:
        tags += [_meta("property", "og:image", image_url), _meta("name", "twitter:image", image_url)]
    if canonical_url:
        tags += [f'<link rel="canonical" href="{escape(canonical_url)}">', _meta("property", "og:url", canonical_url)]
    if record.published_at:
        tags.append(_meta("property", "article:published_time", in_site_zone(record.published_at, zone).isoformat()))
    if record.category:
        tags.append(_meta("property", "article:section", record.category.split("/")[-1]))
    tags += [_meta("property", "article:tag", tag) for tag in record.tags]
    return "\n".join(tags) + "\n" + json_ld(record, canonical_url=canonical_url, image_url=image_url, zone=zone)


def json_ld(record: ArticleRecord, *, canonical_url: str | None, image_url: str | None, zone: tzinfo | None = None) -> str:
    """Dates carry the site zone's offset ("2024-04-09T18:23:00+00:00" in Casablanca during
    Ramadan, "+01:00" otherwise): what readers and search engines show as the local time."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": record.title,
        "inLanguage": record.locale.replace("_", "-"),
        "dateModified": in_site_zone(record.updated_at, zone).isoformat(),
    }
    if record.published_at:
        data["datePublished"] = in_site_zone(record.published_at, zone).isoformat()
    if record.author:
        data["author"] = {"@type": "Person", "name": record.author}
    if record.category:
        data["articleSection"] = record.category.split("/")[-1]
    if record.excerpt:
        data["description"] = record.excerpt
    if image_url:
        data["image"] = [image_url]
    if canonical_url:
        data["mainEntityOfPage"] = canonical_url
    if record.tags:
        data["keywords"] = list(record.tags)
    # No "<" or ">" at all inside the script: "</script>" would end it early, and "<!--<script>"
    # switches the HTML parser into a state where the real "</script>" no longer ends it (the
    # page goes blank). \u003c is the same character to a JSON reader.
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">\n{text}\n</script>'
