"""Counted nouns in Arabic, by the CLDR plural categories Babel knows.

Arabic has six: 0 (zero), 1 (one), 2 (two, the dual, said without the number),
3-10 (few, plural), 11-99 (many, singular accusative) and the rest (other).
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.numbers import format_decimal

_ARABIC = Locale.parse("ar")


@dataclass(frozen=True)
class CountedNoun:
    one: str  # "كلمة واحدة"
    two: str  # "كلمتان"
    few: str  # "{n} كلمات"
    many: str  # "{n} كلمة"
    other: str  # "{n} كلمة"
    zero: str = ""  # defaults to `other`


WORDS = CountedNoun("كلمة واحدة", "كلمتان", "{n} كلمات", "{n} كلمةً", "{n} كلمة")
CHARACTERS = CountedNoun("حرف واحد", "حرفان", "{n} أحرف", "{n} حرفًا", "{n} حرف")
PARAGRAPHS = CountedNoun("فقرة واحدة", "فقرتان", "{n} فقرات", "{n} فقرةً", "{n} فقرة")
MINUTES = CountedNoun("دقيقة واحدة", "دقيقتان", "{n} دقائق", "{n} دقيقةً", "{n} دقيقة")
MATCHES = CountedNoun("نتيجة واحدة", "نتيجتان", "{n} نتائج", "{n} نتيجةً", "{n} نتيجة")


def count_phrase(count: int, noun: CountedNoun, locale: str = "ar") -> str:
    category = _ARABIC.plural_form(count)
    pattern = getattr(noun, category, "") or noun.other
    return pattern.format(n=format_decimal(count, locale=locale))
ARTICLES = CountedNoun("مقال واحد", "مقالان", "{n} مقالات", "{n} مقالًا", "{n} مقال")
