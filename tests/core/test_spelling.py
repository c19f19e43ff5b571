"""Spell checking with the real Hunspell dictionaries (Debian's hunspell-ar and hunspell-en-us)."""

from __future__ import annotations

import pytest

from editor_app.core.spelling import PERSONAL_DICTIONARY, SpellChecker


@pytest.fixture
def checker(tmp_path):
    checker = SpellChecker(data_dir=tmp_path)
    assert checker.available and checker.missing == [], "install hunspell-ar, hunspell-en-us and libenchant-2-2"
    return checker


def test_misspellings_in_mixed_text(checker):
    line = "قالت الوزاره إن التعاون مستمر، and the recieve was fine"
    assert [m.word for m in checker.misspellings(line)] == ["الوزاره", "recieve"]


def test_arabic_and_english_suggestions(checker):
    assert "الوزارة" in checker.suggestions("الوزاره")
    assert "receive" in checker.suggestions("recieve")


def test_words_with_diacritics_are_checked_as_words(checker):
    assert checker.misspellings("أيضًا مُكافحة الإرهاب") == []


def test_markdown_urls_code_and_numbers_are_skipped(checker):
    line = "[رابط](https://exampel.com/recieve) `recieve` **المغرب** A18 https://wwww.recieve.com"
    assert checker.misspellings(line) == []


def test_personal_dictionary_persists(checker, tmp_path):
    assert [m.word for m in checker.misspellings("الجيوسياسية")] == ["الجيوسياسية"]
    checker.add_to_personal("الجيوسياسية")
    assert checker.misspellings("الجيوسياسية") == []
    assert (tmp_path / PERSONAL_DICTIONARY).read_text(encoding="utf-8") == "الجيوسياسية\n"
    assert SpellChecker(data_dir=tmp_path).misspellings("الجيوسياسية") == []


def test_a_missing_dictionary_is_reported_and_nothing_is_flagged(tmp_path):
    checker = SpellChecker(languages=("xx_NOPE", "yy_NOPE"), data_dir=tmp_path)
    assert checker.missing == ["xx_NOPE", "yy_NOPE"]
    assert not checker.available
    assert checker.misspellings("انا recieve") == []


def test_acronyms_handles_and_known_stems_behind_the_article_are_not_flagged(checker):
    line = "الأمن السيبراني في تقرير DGST عن MENA، كما كتب @user_name تحت #وسم_عربي وNASA"
    assert checker.misspellings(line) == []
    assert [m.word for m in checker.misspellings("تقرير عن الوزاره وHelo")] == ["الوزاره", "Helo"]


def test_the_newsroom_word_list_in_the_template_folder_is_shared(tmp_path):
    from editor_app.core.spelling import newsroom_words

    templates = tmp_path / "newsroom-templates"
    templates.mkdir()
    (templates / "newsroom-words.txt").write_text("# كلمات القسم\nالجيوسياسية\nأخنوش\n", encoding="utf-8")
    checker = SpellChecker(data_dir=tmp_path / "desk-1", newsroom_words=newsroom_words(templates))
    assert checker.misspellings("الأبعاد الجيوسياسية لزيارة أخنوش") == []
    assert newsroom_words("") is None
    alone = SpellChecker(data_dir=tmp_path / "desk-2")
    assert [m.word for m in alone.misspellings("الأبعاد الجيوسياسية")] == ["الجيوسياسية"]
