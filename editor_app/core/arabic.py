"""Arabic text tools: normalisation for matching, punctuation, quotes, digits, diacritics.

Character tables come from pyarabic. What no library does is Markdown-aware
application (code, URLs and link targets are never touched; a Latin sentence
keeps its Latin punctuation; 3,5 stays a number) and a position map from
normalised text back to the original, which find-and-replace needs.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from enum import StrEnum

import pyarabic.araby as araby

from editor_app.core.protected import ProtectedIndex

# Harakat, tanween, shadda, sukun, plus the dagger alef and Quranic marks.
DIACRITICS = frozenset(araby.TASHKEEL) | {"\u0670", "\u0653", "\u0654", "\u0655"} | {
    chr(code) for code in range(0x0610, 0x061B)
} | {chr(code) for code in range(0x06D6, 0x06EE)} - {"\u06DD", "\u06DE", "\u06E9"}
TATWEEL = araby.TATWEEL
_DELETED = re.compile("[" + re.escape("".join(sorted(DIACRITICS | {TATWEEL}))) + "]")

_FOLD_ALEF = {character: araby.ALEF for character in ("\u0622", "\u0623", "\u0625", "\u0671", "\u0672", "\u0673")}
_FOLD = {
    **_FOLD_ALEF,
    "\u0624": "\u0648",  # ؤ → و
    "\u0626": "\u064A",  # ئ → ي
    "\u0649": "\u064A",  # ى → ي
    "\u06CC": "\u064A",  # Persian yeh → ي
    "\u06A9": "\u0643",  # Persian kaf → ك
}
_TEH_MARBUTA = {"\u0629": "\u0647"}  # ة → ه

WESTERN_DIGITS = "0123456789"
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_EASTERN = str.maketrans(WESTERN_DIGITS + PERSIAN_DIGITS, EASTERN_DIGITS * 2)
_TO_WESTERN = str.maketrans(EASTERN_DIGITS + PERSIAN_DIGITS, WESTERN_DIGITS * 2)


def is_arabic_letter(character: str) -> bool:
    return len(character) == 1 and unicodedata.bidirectional(character) == "AL" and character.isalpha()


# -- normalisation for matching ----------------------------------------------


class NormalisedText:
    """Text folded for matching, and a map from its positions back to the original.

    Folding is one character to one (letters) or to none (diacritics, tatweel), so
    the map only needs the deleted positions: normalised index n is original index
    n + (deletions before it). The folding runs in C-speed string passes; a
    20,000-word article normalises in a few milliseconds.
    """

    def __init__(self, text: str, original_length: int, deleted_before: list[int] | None, origins: list[int] | None) -> None:
        self.text = text
        self.original_length = original_length
        self._deleted_before = deleted_before  # normalised index at which each deletion sits
        self._origins = origins  # explicit map, only when case folding changed lengths

    def original_index(self, index: int) -> int:
        if index >= len(self.text):
            return self.original_length
        if self._origins is not None:
            return self._origins[index]
        return index + bisect_right(self._deleted_before, index)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original range covering normalised [start, end), with the diacritics
        that follow its last letter (they belong to it)."""
        if start >= end:
            position = self.original_index(start)
            return position, position
        return self.original_index(start), self.original_index(end)


def normalise_for_matching(text: str, *, fold_teh_marbuta: bool = True, fold_case: bool = True) -> NormalisedText:
    """Strip tashkeel and tatweel, unify alef/hamza forms and ى/ي (and ة/ه), fold case."""
    fold = {**_FOLD, **(_TEH_MARBUTA if fold_teh_marbuta else {})}
    deleted = [match.start() for match in _DELETED.finditer(text)]
    folded = _DELETED.sub("", text) if deleted else text
    for variant, base in fold.items():  # a C-speed pass per variant beats a Python loop per character
        if variant in folded:
            folded = folded.replace(variant, base)
    if fold_case:
        cased = folded.casefold()
        if len(cased) != len(folded):  # rare (ß, İ): fall back to an explicit per-character map
            return _normalise_slowly(text, fold, fold_case)
        folded = cased
    return NormalisedText(folded, len(text), [position - count for count, position in enumerate(deleted)], None)


def _normalise_slowly(text: str, fold: dict[str, str], fold_case: bool) -> NormalisedText:
    characters: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text):
        if character in DIACRITICS or character == TATWEEL:
            continue
        produced = fold.get(character, character)
        for output in produced.casefold() if fold_case else produced:
            characters.append(output)
            origins.append(index)
    return NormalisedText("".join(characters), len(text), None, origins)


def normalise(text: str, *, fold_teh_marbuta: bool = True) -> str:
    return normalise_for_matching(text, fold_teh_marbuta=fold_teh_marbuta).text


# -- editing tools: each returns the new text ---------------------------------


def remove_diacritics(text: str) -> str:
    return "".join(character for character in text if character not in DIACRITICS)


def remove_tatweel(text: str) -> str:
    return text.replace(TATWEEL, "")


def _outside_protected(text: str, transform) -> str:
    """Apply transform(chunk) to each stretch of text outside code, URLs and tags."""
    index = ProtectedIndex(text)
    parts: list[str] = []
    position = 0
    for start, end in index.spans:
        parts.append(transform(text[position:start]))
        parts.append(text[start:end])
        position = end
    parts.append(transform(text[position:]))
    return "".join(parts)


def to_eastern_digits(text: str) -> str:
    return _outside_protected(text, lambda chunk: chunk.translate(_TO_EASTERN))


def to_western_digits(text: str) -> str:
    return _outside_protected(text, lambda chunk: chunk.translate(_TO_WESTERN))


_ARABIC_PUNCTUATION = {",": "،", ";": "؛", "?": "؟"}


def _previous_letter(text: str, position: int) -> str:
    for character in reversed(text[max(0, position - 80) : position]):
        if character.isalpha():
            return character
        if character == "\n":
            break
    return ""


def _next_letter(text: str, position: int) -> str:
    for character in text[position + 1 : position + 80]:
        if character.isalpha():
            return character
        if character == "\n":
            break
    return ""


def arabic_punctuation(text: str) -> str:
    """`,` `;` `?` become `،` `؛` `؟` where they follow Arabic words.

    Latin sentences keep theirs, numbers keep their separators (3,5 and 1,000),
    and code, URLs and link targets are left as they are.
    """
    protected = ProtectedIndex(text)
    characters = list(text)
    for position, character in enumerate(text):
        if character not in _ARABIC_PUNCTUATION or position in protected:
            continue
        before = text[position - 1] if position else ""
        after = text[position + 1] if position + 1 < len(text) else ""
        if character == "," and before.isdigit() and after.isdigit():
            continue
        previous = _previous_letter(text, position)
        if previous and is_arabic_letter(previous):
            characters[position] = _ARABIC_PUNCTUATION[character]
        elif not previous and is_arabic_letter(_next_letter(text, position)):
            characters[position] = _ARABIC_PUNCTUATION[character]
    return "".join(characters)


class QuoteStyle(StrEnum):
    CURLY = "curly"  # “ ”
    GUILLEMETS = "guillemets"  # « »


_QUOTE_MARKS = {QuoteStyle.CURLY: ("“", "”"), QuoteStyle.GUILLEMETS: ("«", "»")}
_OPENING_CONTEXT = re.compile(r"[\s(\[{«“—–-]")


def smart_quotes(text: str, style: QuoteStyle = QuoteStyle.CURLY) -> str:
    """Straight double quotes become typographic ones; opening or closing by context."""
    opening, closing = _QUOTE_MARKS[QuoteStyle(style)]

    def convert(chunk: str) -> str:
        result = []
        for index, character in enumerate(chunk):
            if character != '"':
                result.append(character)
                continue
            before = chunk[index - 1] if index else " "
            after = chunk[index + 1] if index + 1 < len(chunk) else " "
            opens = bool(_OPENING_CONTEXT.match(before)) and not after.isspace()
            result.append(opening if opens else closing)
        return "".join(result)

    return _outside_protected(text, convert)


# -- a regex that matches a word however it is written ----------------------------

_IGNORABLE = "[" + "".join(sorted(DIACRITICS | {TATWEEL})) + "]*"


def _variants_of(base: str) -> str:
    forms = {base} | {variant for variant, folded in {**_FOLD, **_TEH_MARBUTA}.items() if folded == base}
    return re.escape(base) if len(forms) == 1 else "[" + "".join(sorted(forms)) + "]"


def loose_word_pattern(word: str) -> str:
    """A regex source matching `word` in original text with any diacritics, tatweel or
    letter variant (أ/إ/آ/ا, ى/ي, ة/ه...); compile it with re.IGNORECASE for Latin.
    Lets a caller search raw text at C speed instead of normalising it first."""
    folded = normalise(word)
    return _IGNORABLE.join(_variants_of(character) for character in folded)
