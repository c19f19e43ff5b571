import pytest

from editor_app.core.bidi import Direction, paragraph_direction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في تقييمها الدوري لعلاقات التعاون", Direction.RTL),
        ("This is an English paragraph.", Direction.LTR),
        ("# عنوان فرعي", Direction.RTL),
        ("## Heading in English", Direction.LTR),
        ("- عنصر في قائمة", Direction.RTL),
        ("1. أول بند", Direction.RTL),
        ("> اقتباس من التقرير", Direction.RTL),
        ("**CNN** قالت إن الرئيس سيزور المغرب", Direction.RTL),
        ("[رويترز](https://reuters.com) نقلت الخبر", Direction.RTL),
        ("[CNN](https://cnn.com) قالت", Direction.RTL),
        ("https://example.com/news نشر الموقع الخبر", Direction.RTL),
        ("The word شكرا means thank you", Direction.LTR),
        ("`print()` هي دالة الطباعة", Direction.RTL),
    ],
)
def test_paragraph_direction_follows_what_a_writer_expects(text, expected):
    assert paragraph_direction(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "- ", "1. ", "2024", "***", "https://example.com"])
def test_paragraph_without_words_has_no_direction_of_its_own(text):
    assert paragraph_direction(text) is None
