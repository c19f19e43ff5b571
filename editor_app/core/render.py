"""Markdown → sanitised HTML, as a pure function of the text.

Python-Markdown with the extensions newsroom writers use; every block element
gets a ``dir`` from its own text, by the same rule as the editor (Arabic
right-to-left, an English quote left-to-right, "auto" without letters), and code
stays LTR.
Then nh3 (ammonia) removes anything active: the output is safe to show in a
preview or send to a site, whatever the Markdown contained.
"""

from __future__ import annotations

import html as html_module
import re
import threading
import xml.etree.ElementTree as etree
from collections import OrderedDict

import markdown
import nh3
from markdown.blockprocessors import HashHeaderProcessor
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, slugify_unicode
from markdown.treeprocessors import Treeprocessor

from editor_app.core.bidi import html_direction
from editor_app.core.markdown_segments import split_segments

_EXTENSIONS = [
    "markdown.extensions.tables",
    "markdown.extensions.footnotes",
    "markdown.extensions.attr_list",
    "markdown.extensions.fenced_code",
    "markdown.extensions.sane_lists",
    TocExtension(slugify=slugify_unicode),  # Arabic headings keep Arabic anchors
]

AUTO_DIRECTION_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "th", "dt", "dd",
     "figcaption", "caption", "ul", "ol", "table"}
)
_ONLY_PLACEHOLDER = re.compile(r"^\s*\x02wzxhzdk:\d+\x03\s*$")
_PLACEHOLDER = re.compile(r"\x02wzxhzdk:\d+\x03")
# Code is always left-to-right; fenced code arrives as stashed raw HTML, so this is
# applied to the sanitised output, whose tags nh3 has already normalised.
_PRE_TAG = re.compile(r"<pre(?=[\s>])")


class _DirectionTreeprocessor(Treeprocessor):
    """Each block's direction by the editor's rule (core.bidi), so that the preview and
    the editor agree: "Apple تكشف عن iPhone 16" is an Arabic sentence, which the
    browser's dir="auto" (first strong character) would lay out left-to-right.
    Blocks without letters keep dir="auto"."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag not in AUTO_DIRECTION_TAGS or "dir" in element.attrib:
                continue
            text = "".join(element.itertext())
            # A paragraph that only holds a stashed raw block (fenced code, HTML) must stay
            # bare, or Markdown cannot unwrap it and leaves an empty <p> around it.
            if element.tag == "p" and len(element) == 0 and _ONLY_PLACEHOLDER.match(text):
                continue
            element.set("dir", html_direction(_PLACEHOLDER.sub(" ", text)))


class _FigureTreeprocessor(Treeprocessor):
    """An image alone in its paragraph with a title (`![alt](src "caption")`) is a figure
    with that caption: the way Midad's image dialog writes a captioned picture."""

    def run(self, root: etree.Element) -> None:
        for paragraph in root.iter("p"):
            children = list(paragraph)
            if len(children) != 1 or children[0].tag != "img" or not children[0].get("title"):
                continue
            image = children[0]
            if (paragraph.text or "").strip() or (image.tail or "").strip():
                continue
            paragraph.tag = "figure"
            paragraph.text, image.tail = None, None
            caption = etree.SubElement(paragraph, "figcaption")
            caption.text = image.attrib.pop("title")


class _DirectionExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_FigureTreeprocessor(md), "midad_figures", 2)
        # Low priority: after footnotes and toc have built their elements.
        md.treeprocessors.register(_DirectionTreeprocessor(md), "midad_direction", 1)


class _AtxHeadingProcessor(HashHeaderProcessor):
    """A heading needs a space after its #s, as in CommonMark: "#وسم_عربي" opening a
    paragraph is a hashtag, which Python-Markdown's own rule would make a heading."""

    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?=[ \t]|\n|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)")


class _AtxHeadingExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        # Same name and priority as Python-Markdown's "hashheader": replaces it.
        md.parser.blockprocessors.register(_AtxHeadingProcessor(md.parser), "hashheader", 70)


ALLOWED_TAGS = frozenset(
    {"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl",
     "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
     "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
     "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "iframe"}
)
# Video embeds a newsroom uses; any other frame loses its source (and so shows nothing).
ALLOWED_FRAME_SOURCES = (
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
)
_GLOBAL_ATTRIBUTES = {"dir", "id", "class", "lang", "title"}
ALLOWED_ATTRIBUTES = {
    "*": _GLOBAL_ATTRIBUTES,
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """data: URLs only for raster images; frames only from the video allow-list."""
    lowered = value.strip().lower()
    if tag == "iframe" and attribute == "src":
        return value if lowered.startswith(ALLOWED_FRAME_SOURCES) else None
    if lowered.startswith("asset:"):  # an image stored with the article (core.assets); nothing else may name one
        return value if tag == "img" and attribute == "src" else None
    if lowered.startswith("data:"):
        is_image_source = tag == "img" and attribute == "src"
        head = lowered[5:40]
        raster = head.startswith(("image/png", "image/jpeg", "image/gif", "image/webp"))
        return value if is_image_source and raster else None
    return value


_local = threading.local()
SEGMENT_CACHE_SIZE = 4096
_HEADING_ID = re.compile(r'(<h[1-6][^>]*?\s)id="([^"]*)"')


def _converter() -> markdown.Markdown:
    # Building a Markdown instance costs more than converting a paragraph, so each
    # thread keeps one and resets it between documents.
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(
            extensions=[*_EXTENSIONS, _AtxHeadingExtension(), _DirectionExtension()], output_format="html"
        )
        _local.converter = converter
    return converter


# nh3 can drop a frame's src but not the frame: one left without an allowed src goes too.
_FRAME_WITHOUT_SOURCE = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*>.*?</iframe>", re.DOTALL | re.IGNORECASE)


def sanitise_html(html: str) -> str:
    return _FRAME_WITHOUT_SOURCE.sub("", _clean(html))


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={key: set(value) for key, value in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES) | {"data", "asset"},
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def _convert(text: str) -> str:
    converter = _converter()
    try:
        return converter.convert(text)
    except (RecursionError, ValueError):
        # A list nested hundreds deep exhausts Python-Markdown's recursion, and some
        # attribute lists make it raise: such text is shown as plain paragraphs instead of
        # failing the whole preview or export.
        return _plain_paragraphs(text)
    finally:
        converter.reset()


def _plain_paragraphs(text: str) -> str:
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", text) if block.strip()]
    return "\n".join(f'<p dir="{html_direction(block)}">{html_module.escape(block)}</p>' for block in blocks)


def _segment_cache() -> OrderedDict[str, str]:
    cache = getattr(_local, "segments", None)
    if cache is None:
        cache = _local.segments = OrderedDict()
    return cache


def _sanitised_cache() -> OrderedDict[str, str]:
    cache = getattr(_local, "sanitised", None)
    if cache is None:
        cache = _local.sanitised = OrderedDict()
    return cache


def _cached(cache: OrderedDict[str, str], segment: str, make, capacity: int) -> str:
    html = cache.get(segment)
    if html is None:
        html = cache[segment] = make(segment)
        while len(cache) > capacity:
            cache.popitem(last=False)
    else:
        cache.move_to_end(segment)
    return html


def _capacity(segments: list[str]) -> int:
    # A document with more segments than the cache holds would evict each segment before
    # its next use (a least-recently-used cache read in order): every render would convert
    # the whole article again (a second at 200,000 words, holding Python's lock the
    # editor's keystrokes need). Room for twice the open document's segments keeps them.
    return max(SEGMENT_CACHE_SIZE, 2 * len(segments))


def _convert_by_segments(text: str) -> str:
    """Convert each top-level segment once; unchanged ones come from the cache."""
    segments = split_segments(text)
    if segments is None or len(segments) < 2:
        return _convert(text)
    cache, capacity = _segment_cache(), _capacity(segments)
    parts = [html for html in (_cached(cache, segment, _convert, capacity) for segment in segments) if html]
    return _unique_heading_ids("\n".join(parts))


def _sanitise_by_segments(text: str) -> str:
    """Converted and sanitised segment by segment (unchanged ones from a cache), when that
    gives what sanitising the whole document gives: only when no segment holds a `<` of
    its own, since the HTML Markdown writes for such text is balanced inside each segment,
    while a writer's unclosed inline tag could reach into the next ones."""
    segments = split_segments(text)
    if segments is None or len(segments) < 2 or any("<" in segment for segment in segments):
        return sanitise_html(_convert_by_segments(text))
    cache, capacity = _sanitised_cache(), _capacity(segments)
    parts = [html for html in (_cached(cache, segment, _convert_and_sanitise, capacity) for segment in segments) if html]
    return _unique_heading_ids("\n".join(parts))


def _convert_and_sanitise(segment: str) -> str:
    return sanitise_html(_convert(segment))


def _unique_heading_ids(html: str) -> str:
    """Segments are converted apart, so repeat their anchors the way the toc extension would."""
    seen: set[str] = set()

    def unique(match: re.Match[str]) -> str:
        anchor = candidate = match.group(2)
        number = 1
        while candidate in seen:
            candidate = f"{anchor}_{number}"
            number += 1
        seen.add(candidate)
        return f'{match.group(1)}id="{candidate}"'

    return _HEADING_ID.sub(unique, html)


def render_markdown(text: str) -> str:
    """The sanitised HTML body of an article written in Markdown."""
    return _PRE_TAG.sub('<pre dir="ltr"', _sanitise_by_segments(text))
