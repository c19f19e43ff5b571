"""URL slugs from titles, Arabic kept: "العلاقات المغربية-الأمريكية: شراكة" → "العلاقات-المغربية-الأمريكية-شراكة".

Python-slugify and friends transliterate Arabic to Latin, which Arabic news sites
do not want; this keeps letters and digits of every script and drops the rest.
"""

from __future__ import annotations

import re
import unicodedata

from editor_app.core.arabic import remove_diacritics, remove_tatweel

MAX_SLUG_LENGTH = 120
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
    return slug


def unique_slug(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"
