"""Markdown with optional YAML front matter (the keys `midad export --format md` writes)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from editor_app.core.errors import QT_TRANSLATE_NOOP, ImportFailed, InvalidField, Text
from editor_app.core.fields import (
    normalise_datetime,
    normalise_locale,
    normalise_status,
    normalise_tags,
)
from editor_app.core.importers.reading import read_utf8
from editor_app.core.records import ArticleDraft

FRONT_MATTER_KEYS = (
    "title", "column", "author", "category", "tags", "slug", "excerpt", "date", "status", "locale",
)
MAX_FRONT_MATTER_CHARS = 256 * 1024


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: front matter never needs them, and "a: &x [*y, *y…]"
    nested a few levels is a billion items once walked (a few hundred bytes that fill memory)."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              event.start_mark)
        return super().compose_node(parent, index)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_ATX_TITLE = re.compile(r"\A\s*#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")


def read_markdown_file(path: Path) -> ArticleDraft:
    text = read_utf8(path)
    meta, body = split_front_matter(text, path)
    try:
        return _draft_from(meta, body, path)
    except InvalidField as error:
        raise ImportFailed(path, error.text) from None


def split_front_matter(text: str, path: Path) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "the front matter that opens with --- is never closed")))
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "the front matter is larger than 256 KB; it is meant for a few short fields")))
    try:
        meta = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader
    except (ValueError, OverflowError) as error:  # 2024-02-30, year 99999: YAML builds the date and fails
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "the front matter has an impossible date or number ({detail})"), detail=error)) from None
    except RecursionError:
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "the front matter is nested too deeply"))) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or "invalid YAML"  # PyYAML's own words
        if mark is None:
            raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "broken front matter: {problem}"), problem=problem)) from None
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "broken front matter at line {line}: {problem}"),
                                      line=mark.line + 2, problem=problem)) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ImportFailed(path, Text(QT_TRANSLATE_NOOP("errors", "the front matter must be key: value lines")))
    return _without_lone_surrogates(meta), text[match.end() :].lstrip("\n")


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value):
    """YAML decodes "\\ud800" to a lone surrogate, which no database can store: U+FFFD instead."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_lone_surrogates(key): _without_lone_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    return value


def _text(meta: dict, key: str) -> str:
    value = meta.get(key)
    return "" if value is None else str(value)


def _draft_from(meta: dict, body: str, path: Path) -> ArticleDraft:
    title = _text(meta, "title")
    if not title:
        heading = _ATX_TITLE.match(body)
        if heading:
            title, body = heading.group(1), body[heading.end() :].lstrip("\n")
        else:
            title = path.stem
    unknown = sorted(str(key) for key in meta if key not in FRONT_MATTER_KEYS)
    warnings = (f"{path}: ignored unknown front matter keys: {', '.join(unknown)}",) if unknown else ()
    return ArticleDraft(
        title=title,
        column=_text(meta, "column"),
        author=_text(meta, "author") or None,
        category=_text(meta, "category") or None,
        tags=normalise_tags(meta.get("tags")),
        slug=_text(meta, "slug"),
        excerpt=_text(meta, "excerpt"),
        body=body,
        status=normalise_status(meta.get("status") or "draft"),
        locale=normalise_locale(meta.get("locale") or "ar"),
        published_at=normalise_datetime(meta.get("date")),
        warnings=warnings,
    )
