"""Rich text from a word processor or a web page, as clean Markdown.

HTML is first reduced to the structure that matters (nh3), with Google Docs'
habit of wrapping everything in <b style="font-weight:normal"> and of marking
bold and italic by style instead of tags undone; markdownify then writes Markdown.
"""

from __future__ import annotations

import re

import nh3
from bs4 import BeautifulSoup
from markdownify import markdownify

_KEEP_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
              "h6", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "span", "div"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_BLANK_LINES = re.compile(r"\n{3,}")
_SOURCE_WHITESPACE = re.compile(r"[ \t\r\n]+")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


def _styles_to_tags(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    # Line breaks in HTML source are spaces on the page (outside <pre>).
    for text in soup.find_all(string=True):
        if not text.find_parent("pre") and _SOURCE_WHITESPACE.search(text):
            text.replace_with(_SOURCE_WHITESPACE.sub(" ", text))
    for element in soup.find_all(["b", "strong", "span"]):
        style = element.get("style", "")
        if element.name in ("b", "strong") and _NORMAL_WEIGHT.search(style):
            element.unwrap()
            continue
        if element.name == "span":
            if _ITALIC_STYLE.search(style):
                element.wrap(soup.new_tag("em"))
            if _BOLD_STYLE.search(style):
                element.wrap(soup.new_tag("strong"))
    return str(soup)


def html_to_markdown(html: str) -> str:
    cleaned = nh3.clean(
        _styles_to_tags(html),
        tags=_KEEP_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        strip_comments=True,
        link_rel=None,
    )
    markdown = markdownify(
        cleaned,
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        strip=["span", "div"],
        escape_underscores=False,
        escape_asterisks=False,
        newline_style="backslash",  # <br> survives the trailing-space trim below
    )
    lines = [_INNER_SPACES.sub(" ", line.rstrip()) for line in markdown.replace("\xa0", " ").split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"
