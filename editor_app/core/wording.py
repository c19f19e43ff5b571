"""Counted nouns in Arabic and English, by the CLDR plural categories Babel knows.

Arabic has six: 0 (zero), 1 (one), 2 (two, the dual, said without the number),
3-10 (few, plural), 11-99 (many, singular accusative) and the rest (other).
English has two: one and other.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.numbers import format_decimal

from editor_app.core.arabic import to_eastern_digits

_LOCALES = {"ar": Locale.parse("ar"), "en": Locale.parse("en")}


@dataclass(frozen=True)
class CountedNoun:
    one: str  # "كلمة واحدة"
    two: str  # "كلمتان"
    few: str  # "{n} كلمات"
    many: str  # "{n} كلمة"
    other: str  # "{n} كلمة"
    english: tuple[str, str] = ("{n}", "{n}")  # one, other
    zero: str = ""  # defaults to `other`


WORDS = CountedNoun("كلمة واحدة", "كلمتان", "{n} كلمات", "{n} كلمةً", "{n} كلمة", ("{n} word", "{n} words"))
CHARACTERS = CountedNoun("حرف واحد", "حرفان", "{n} أحرف", "{n} حرفًا", "{n} حرف", ("{n} character", "{n} characters"))
PARAGRAPHS = CountedNoun("فقرة واحدة", "فقرتان", "{n} فقرات", "{n} فقرةً", "{n} فقرة", ("{n} paragraph", "{n} paragraphs"))
MINUTES = CountedNoun("دقيقة واحدة", "دقيقتان", "{n} دقائق", "{n} دقيقةً", "{n} دقيقة", ("{n} minute", "{n} minutes"))
MATCHES = CountedNoun("نتيجة واحدة", "نتيجتان", "{n} نتائج", "{n} نتيجةً", "{n} نتيجة", ("{n} result", "{n} results"))
ARTICLES = CountedNoun("مقال واحد", "مقالان", "{n} مقالات", "{n} مقالًا", "{n} مقال", ("{n} article", "{n} articles"))


def format_number(value: int, locale: str = "ar", numbering: str = "latn") -> str:
    """numbering: "latn" for 0-9, "arab" for the Eastern Arabic digits ٠-٩."""
    system = numbering if locale.startswith("ar") else "latn"
    if isinstance(value, int) and 0 <= value < 1000:
        # A whole number with no separator to place: the digits alone, without loading Babel's locale data
        # (a tenth of a second, before the window's first paint: the title's "0 / 100").
        formatted = str(value)
        return to_eastern_digits(formatted) if system == "arab" else formatted
    formatted = format_decimal(value, locale=locale, numbering_system=system)
    # Babel gives the arab system's separators (٬) but leaves the digits Western.
    return to_eastern_digits(formatted) if system == "arab" else formatted


def count_phrase(count: int, noun: CountedNoun, locale: str = "ar", numbering: str = "latn") -> str:
    language = "en" if locale.startswith("en") else "ar"
    category = _LOCALES[language].plural_form(count)
    if language == "en":
        pattern = noun.english[0] if category == "one" else noun.english[1]
    else:
        pattern = getattr(noun, category, "") or noun.other
    return pattern.format(n=format_number(count, locale, numbering))
