"""The Arabic text tools on tricky mixed text: URLs, numbers, code, Latin sentences."""

from __future__ import annotations

import pytest

from editor_app.core.arabic import (
    QuoteStyle,
    arabic_punctuation,
    normalise,
    normalise_for_matching,
    remove_diacritics,
    remove_tatweel,
    smart_quotes,
    to_eastern_digits,
    to_western_digits,
)

MIXED = (
    'قال المسؤول, إن النسبة 3,5% فقط? وزار https://example.com/a?b=1,2;c=3 ثم قال "نعم"; '
    'He said, "yes"? `a,b?` و[رابط](http://x.com/?q=1,2) عام 2024 و1,000 دولار'
)


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("الإرهاب", "الارهاب"), ("أمن", "امن"), ("آمال", "امال"), ("ٱلله", "الله"),
        ("مُكافَحة", "مكافحه"), ("مكافحـــة", "مكافحه"), ("على", "علي"), ("مسؤول", "مسوول"),
        ("رئيس", "رييس"), ("CNN", "cnn"), ("أيضًا", "ايضا"),
    ],
)
def test_normalisation_for_matching(variant, expected):
    assert normalise(variant) == expected


def test_teh_marbuta_folding_is_optional():
    assert normalise("مكافحة", fold_teh_marbuta=False) == "مكافحة"


def test_normalised_positions_map_back_to_the_original():
    original = "في مُكافحـة"
    folded = normalise_for_matching(original)
    start = folded.text.index("مكافحه")
    assert folded.original_span(start, start + 6) == (3, len(original))


def test_arabic_punctuation_only_after_arabic_words():
    result = arabic_punctuation(MIXED)
    assert result.startswith("قال المسؤول، إن النسبة 3,5% فقط؟ وزار https://example.com/a?b=1,2;c=3 ثم قال")
    assert '"نعم"؛ He said, "yes"? `a,b?`' in result  # Latin sentence and code untouched
    assert "(http://x.com/?q=1,2)" in result and "1,000" in result


def test_arabic_punctuation_at_the_start_of_an_arabic_line():
    assert arabic_punctuation("? لماذا") == "؟ لماذا"


@pytest.mark.parametrize(("style", "marks"), [(QuoteStyle.CURLY, ("“", "”")), (QuoteStyle.GUILLEMETS, ("«", "»"))])
def test_smart_quotes(style, marks):
    opening, closing = marks
    result = smart_quotes('قال "نعم" ثم "لا". `x = "code"` <a href="u">', style)
    assert result == f'قال {opening}نعم{closing} ثم {opening}لا{closing}. `x = "code"` <a href="u">'


def test_digits_both_ways_leave_urls_code_and_targets_alone():
    eastern = to_eastern_digits(MIXED)
    assert "٣,٥%" in eastern and "٢٠٢٤" in eastern and "١,٠٠٠" in eastern
    assert "https://example.com/a?b=1,2;c=3" in eastern and "(http://x.com/?q=1,2)" in eastern
    assert to_western_digits(eastern) == MIXED
    assert to_western_digits("۱۲۳ و١٢٣") == "123 و123"


def test_remove_tatweel_and_diacritics():
    assert remove_tatweel("مكافحـــة الإرهـاب") == "مكافحة الإرهاب"
    assert remove_diacritics("مُكافَحَةُ الإرْهابِ أيضًا") == "مكافحة الإرهاب أيضا"


@pytest.mark.parametrize(
    "tool", [arabic_punctuation, smart_quotes, to_eastern_digits, to_western_digits, remove_tatweel, remove_diacritics]
)
def test_tools_only_change_what_they_are_for(tool):
    result = tool(MIXED)
    assert len(result) <= len(MIXED)
    # Every character of the text that is not a target of the tool is kept, in order.
    targets = set(",;?\"0123456789٠١٢٣٤٥٦٧٨٩ـ")
    assert [c for c in result if c not in targets and c not in "،؛؟“”"] == [c for c in MIXED if c not in targets]
