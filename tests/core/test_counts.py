from editor_app.core.counts import WORDS_PER_MINUTE, count_text, remaining, visible_text
from editor_app.core.importers import read_article_file
from editor_app.core.wording import PARAGRAPHS, WORDS, count_phrase
from tests.conftest import SEED_ARTICLE


def test_seed_article_counts():
    counts = count_text(read_article_file(SEED_ARTICLE).body)
    assert (counts.words, counts.paragraphs) == (415, 9)
    assert counts.reading_minutes == -(-415 // WORDS_PER_MINUTE)


def test_markdown_syntax_and_punctuation_are_not_words():
    counts = count_text("# عنوان\n\n- بند **عريض** و[رابط طويل](http://x.com)\n\n![صورة](a.png) — ، . 3,5%\n\n```\n```\n")
    assert counts.words == 6  # عنوان، بند، عريض، ورابط، طويل، 3,5%
    assert counts.paragraphs == 3


def test_attached_prefixes_make_one_word():
    assert count_text("والمغرب وبالولايات للأمن").words == 3


def test_characters_with_and_without_spaces():
    counts = count_text("أ ب  ج")
    assert (counts.characters, counts.characters_without_spaces) == (6, 3)
    assert visible_text("**أ**") == "أ"


def test_remaining_counter_like_the_sites():
    assert remaining("", 1000) == 1000
    assert remaining("x" * 1003, 1000) == -3


def test_arabic_plural_forms():
    assert [count_phrase(n, WORDS) for n in (1, 2, 3, 11, 100, 103)] == [
        "كلمة واحدة", "كلمتان", "3 كلمات", "11 كلمةً", "100 كلمة", "103 كلمات",
    ]
    assert count_phrase(9, PARAGRAPHS) == "9 فقرات"
