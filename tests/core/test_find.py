"""Find with diacritics and letter variants ignored; replace maps back exactly."""

from __future__ import annotations

import pytest

from editor_app.core.find import FindOptions, InvalidPattern, find_all, replace_all

TEXT = "في مُكافحة الإرهاب، وفي مكافحـــة الارهاب. المكافحة مستمرة؛ Counter-terrorism (CT) مهم."


def found(text, query, **options):
    return [text[m.start : m.end] for m in find_all(text, query, FindOptions(**options))]


def test_loose_matching_finds_every_written_form():
    assert found(TEXT, "مكافحه") == ["مُكافحة", "مكافحـــة", "مكافحة"]
    assert found(TEXT, "الارهاب") == ["الإرهاب", "الارهاب"]
    assert found(TEXT, "counter") == ["Counter"]


def test_exact_matching_when_asked():
    assert found(TEXT, "مكافحة", loose=False) == ["مكافحة"]


def test_whole_word():
    assert found(TEXT, "مكافحة", whole_word=True) == ["مُكافحة", "مكافحـــة"]


def test_regex_and_invalid_regex():
    assert found(TEXT, r"\(\w+\)", regex=True) == ["(CT)"]
    with pytest.raises(InvalidPattern, match="invalid regular expression"):
        find_all(TEXT, "([", FindOptions(regex=True))


def test_replace_replaces_exactly_the_original_characters():
    result, count = replace_all(TEXT, "مكافحه", "محاربة")
    assert count == 3
    assert result == "في محاربة الإرهاب، وفي محاربة الارهاب. المحاربة مستمرة؛ Counter-terrorism (CT) مهم."


def test_regex_groups_insert_the_original_text_with_its_diacritics():
    result, _ = replace_all("قال مُكافحةُ الإرهاب", r"(\S+) (\S+)$", r"\2 \1", FindOptions(regex=True))
    assert result == "قال الإرهاب مُكافحةُ"


def test_text_beyond_the_basic_plane_keeps_positions_right():
    text = "🙂 مُكافحة 🙂 مكافحة"
    assert found(text, "مكافحه") == ["مُكافحة", "مكافحة"]


def test_empty_query_finds_nothing():
    assert find_all(TEXT, "") == []


def test_case_folding_that_changes_length_still_maps_back():
    text = "Straße مُكافحة STRASSE"
    assert found(text, "strasse") == ["Straße", "STRASSE"]
    assert found(text, "مكافحه") == ["مُكافحة"]
