"""Rich text from a word processor, a web page or a WordPress post, as clean Markdown.

HTML is first reduced to the structure that matters (nh3), with Google Docs'
habit of wrapping everything in <b style="font-weight:normal"> and of marking
bold and italic by style instead of tags undone; markdownify then writes Markdown.

The same conversion serves paste, `pull` and "take the site's version", so it must be
faithful both ways: Markdown rendered again gives back the same text and structure.
- Text is text: "&lt;iframe&gt;" on the page stays the characters "<iframe>", never a
  tag; a line that starts with "1." or "#" stays a sentence, not a list or a heading;
  "![x](/etc/passwd)" typed as words stays words (escape_markdown_text).
- Images stay images; <figure> with its caption, and video frames, are kept as the
  small raw HTML blocks Markdown allows (the renderer's sanitiser checks them again).
"""

from __future__ import annotations

import re
from urllib.parse import quote

import nh3
from bs4 import BeautifulSoup
from bs4.element import PreformattedString
from markdownify import MarkdownConverter

_KEEP_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
              "h6", "blockquote", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "hr", "span", "div",
              "img", "figure", "figcaption", "iframe", "del", "s", "sup", "sub"}
_KEEP_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
                    "iframe": {"src", "width", "height", "allowfullscreen"}, "ol": {"start"}}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_NORMAL_WEIGHT = re.compile(r"font-weight\s*:\s*(normal|[1-4]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_BLANK_LINES = re.compile(r"\n{3,}")
_SOURCE_WHITESPACE = re.compile(r"[ \t\r\n]+")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_HARD_BREAK = "  "  # Python-Markdown's line break: two spaces before the newline

# -- text that must stay text ---------------------------------------------------------------

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY_LIKE = re.compile(r"&(?=#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{1,31};)")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_INLINE_MARKUP = re.compile(r"([`*\[\]{}])")  # code spans, emphasis, links and images, attribute lists
_UNDERSCORE_AT_WORD_EDGE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # snake_case stays; _emphasis_ does not happen
# What makes a line a heading, a quote, a list item, a fence or a setext underline.
_LINE_START = re.compile(r"(^|\n)([ \t]*)(#|>|[-+]|~~~|\d{1,9}(?=\.(?:[ \t]|$))|=+[ \t]*(?=\n|$))")


def escape_markdown_text(text: str, *, in_table: bool = False) -> str:
    """Text as Markdown that renders back to exactly this text (Python-Markdown's escapes,
    entities for what has no escape). Escaping more than needed only costs a backslash."""
    text = _CONTROL_CHARACTERS.sub("", text)  # \x02 and \x03 are Python-Markdown's own placeholders
    text = text.replace("\\", "\\\\")
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = _TAG_LIKE.sub("&lt;", text)
    text = _INLINE_MARKUP.sub(r"\\\1", text)
    text = _UNDERSCORE_AT_WORD_EDGE.sub(r"\\_", text)
    if in_table:
        text = text.replace("|", "\\|")

    def line_start(match: re.Match[str]) -> str:
        marker = match.group(3)
        if marker[0].isdigit():
            return f"{match.group(1)}{match.group(2)}{marker}\\"  # "1." → "1\." (the dot is escaped next)
        if marker[0] in "=~":  # no backslash escape for these in Python-Markdown: an entity instead
            return f"{match.group(1)}{match.group(2)}&#{ord(marker[0])};{marker[1:]}"
        return f"{match.group(1)}{match.group(2)}\\{marker}"

    return _LINE_START.sub(line_start, text)


_URL_BREAKERS = re.compile(r"[\s()<>]")


def _url(value: str) -> str:
    """A link or image target Markdown cannot misread: spaces, parentheses and angle brackets
    encoded (Arabic and everything else left as it is)."""
    return _URL_BREAKERS.sub(lambda match: quote(match.group(0)), value.strip())


def _one_line(html: str) -> str:
    return _SOURCE_WHITESPACE.sub(" ", html).strip()


class _Converter(MarkdownConverter):
    def escape(self, text: str, parent_tags) -> str:  # markdownify's hook for text nodes
        if not text:
            return ""
        return escape_markdown_text(text, in_table=bool({"td", "th"} & set(parent_tags or ())))

    def convert_img(self, el, text, parent_tags) -> str:
        source = el.get("src") or ""
        if not source:
            return ""
        alt = escape_markdown_text(el.get("alt") or "")
        title = (el.get("title") or "").replace('"', "&quot;")
        title_part = ' "' + title + '"' if title else ""
        return f"![{alt}]({_url(source)}{title_part})"

    def convert_figure(self, el, text, parent_tags) -> str:
        # Markdown has no figure: the cleaned element itself, on one line, as a raw HTML block.
        return f"\n\n{_one_line(str(el))}\n\n"

    def convert_iframe(self, el, text, parent_tags) -> str:
        return f"\n\n{_one_line(str(el))}\n\n" if el.get("src") else ""


def _styles_to_tags(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    # Comments (WordPress's <!-- wp:paragraph --> block marks), CDATA, doctypes: not text.
    for special in soup.find_all(string=lambda node: isinstance(node, PreformattedString)):
        special.extract()
    # Line breaks in HTML source are spaces on the page (outside <pre>).
    for text in soup.find_all(string=True):
        if not text.find_parent("pre") and _SOURCE_WHITESPACE.search(text):
            text.replace_with(_SOURCE_WHITESPACE.sub(" ", text))
    for link in soup.find_all("a", href=True):
        link["href"] = _url(link["href"])
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


def _frame_allowed(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src":
        from editor_app.core.render import ALLOWED_FRAME_SOURCES

        return value if value.strip().lower().startswith(ALLOWED_FRAME_SOURCES) else None
    return value


def html_to_markdown(html: str) -> str:
    cleaned = nh3.clean(
        _styles_to_tags(html),
        tags=_KEEP_TAGS,
        attributes={tag: set(names) for tag, names in _KEEP_ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_frame_allowed,
        strip_comments=True,
        link_rel=None,
    )
    markdown = _Converter(
        heading_style="ATX",
        bullets="-",
        strong_em_symbol="*",
        strip=["span", "div"],
        escape_underscores=False,
        escape_asterisks=False,
        newline_style="spaces",
    ).convert(cleaned)
    lines = []
    for line in markdown.replace("\xa0", " ").split("\n"):
        hard_break = line.endswith(_HARD_BREAK) and line.strip()
        line = _INNER_SPACES.sub(" ", line.rstrip())
        lines.append(line + _HARD_BREAK if hard_break else line)
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def html_to_text(html: str) -> str:
    """Plain text of a small HTML fragment (a post's excerpt)."""
    return _one_line(BeautifulSoup(html or "", "html.parser").get_text(" "))
