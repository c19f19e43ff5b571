"""mammoth's HTML of a Word document → Midad's Markdown (markdownify), with its title,
footnotes as Markdown footnotes and each image in its own paragraph, where it stood
(`![alt](imported-image:N)`, which storing the draft turns into the article's `asset:ID`)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from markdownify import markdownify


_NOTE_ID = re.compile(r"^(?:footnote|endnote)-(\d+)$")


def _footnotes(soup: BeautifulSoup) -> list[str]:
    """mammoth's `<sup><a href="#footnote-1">[1]</a></sup>` and its closing list become
    `[^1]` and `[^1]: …`, which Midad's renderer prints as footnotes again."""
    notes = []
    for item in soup.find_all("li", id=_NOTE_ID):
        number = _NOTE_ID.match(item["id"]).group(1)
        for back in item.find_all("a", href=re.compile(r"^#(?:footnote|endnote)-ref-")):
            back.decompose()
        text = markdownify(item.decode_contents(), heading_style="ATX", bullets="-").strip()
        notes.append(f"[^{number}]: {' '.join(text.split())}")
        parent = item.parent
        item.decompose()
        if parent is not None and parent.name == "ol" and not parent.find("li"):
            parent.decompose()
    for reference in soup.find_all("a", href=re.compile(r"^#(?:footnote|endnote)-\d+$")):
        number = reference["href"].rsplit("-", 1)[1]
        target = reference.parent if reference.parent is not None and reference.parent.name == "sup" else reference
        target.replace_with(f"[^{number}]")
    return notes


def html_to_markdown(html: str, title: str) -> tuple[str, str]:
    """(title, Markdown body). The title is the document's, else its Title paragraph or
    first heading; the same text opening the body is not repeated."""
    soup = BeautifulSoup(html, "html.parser")
    for image in soup.find_all("img"):
        if not image.get("src"):
            image.decompose()  # one mammoth could not read, or not a raster image
            continue
        paragraph = image.find_parent("p")
        if paragraph is not None and paragraph.get_text(strip=True):
            # Midad's body images stand in their own paragraph (a figure), before the text around them.
            paragraph.insert_before(soup.new_tag("p"))
            paragraph.previous_sibling.append(image.extract())
    for paragraph in soup.find_all("p"):
        if not paragraph.get_text(strip=True) and not paragraph.find(True):
            paragraph.decompose()
    heading = soup.find("h1", class_="midad-title") or soup.find(["h1"])
    if heading is not None and (not title or heading.get_text(" ", strip=True) == title):
        title = title or heading.get_text(" ", strip=True)
        heading.decompose()
    for emphasis in soup.select("th strong, th b"):
        emphasis.unwrap()  # a header cell is bold by being one (Midad's Word export bolds it for Word)
    notes = _footnotes(soup)
    body = markdownify(str(soup), heading_style="ATX", bullets="-", escape_underscores=False, escape_misc=False,
                      table_infer_header=True)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if notes:
        body += "\n\n" + "\n".join(notes)
    return title, body + "\n" if body else ""
