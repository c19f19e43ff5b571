"""URL slugs from titles, Arabic kept: "العلاقات المغربية-الأمريكية: شراكة" → "العلاقات-المغربية-الأمريكية-شراكة".

Python-slugify and friends transliterate Arabic to Latin, which Arabic news sites
do not want; this keeps letters and digits of every script and drops the rest.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

from editor_app.core.arabic import remove_diacritics, remove_tatweel

MAX_SLUG_LENGTH = 120
MAX_SLUG_BYTES = 200  # a file name has 255 bytes; room is left for "-2" and ".html"
WORDPRESS_SLUG_LIMIT = 200  # post_name: 200 characters of the percent-encoded slug
_SEPARATORS = re.compile(r"[\s\-_–—/\\.]+")


def slugify(title: str) -> str:
    text = remove_tatweel(remove_diacritics(unicodedata.normalize("NFC", title))).lower()
    kept = "".join(
        character if character.isalnum() or _SEPARATORS.match(character) else " " if not character.isalnum() else ""
        for character in text
    )
    words = [word for word in _SEPARATORS.split(kept) if word]
    slug = "-".join(words)
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return _shortened(slug, lambda text: len(text.encode("utf-8")) <= MAX_SLUG_BYTES)


def normalise_slug(value: object) -> str:
    """A slug as Midad stores it, from whatever an import, a site or a writer gave:
    percent-encoding undone (sites send Arabic slugs, and `%2e%2e%2f`, encoded), then
    reduced to letters, digits and single dashes. "../../etc" and "/tmp/x" become "etc"
    and "tmp-x"; nothing a slug holds can name another folder."""
    text = "" if value is None else str(value)
    for _ in range(3):  # "%252e" is "%2e" encoded again; three rounds undo any honest encoding
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return slugify(text)


def _shortened(slug: str, fits) -> str:
    """The longest run of whole words that fits (one long word is cut, never dropped)."""
    if fits(slug):
        return slug
    words = slug.split("-")
    while len(words) > 1 and not fits("-".join(words)):
        words.pop()
    kept = "-".join(words)
    while kept and not fits(kept):
        kept = kept[:-1]
    return kept.strip("-")


def wordpress_slug(slug: str) -> str:
    """The slug WordPress will keep whole: it cuts post_name at 200 characters of its
    percent-encoded form (about 33 Arabic letters), in the middle of a word."""
    return _shortened(slug, lambda text: len(quote(text, safe="-")) <= WORDPRESS_SLUG_LIMIT)


def unique_slug(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
