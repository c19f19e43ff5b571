"""The settings file: only changed values are written, damage falls back to defaults
without losing the file, values out of range or of the wrong type are ignored."""

from __future__ import annotations

import json
from pathlib import Path

from platformdirs import user_config_dir

from editor_app.core.settings import SETTINGS_FILENAME, Preferences, Settings
from editor_app.core.storage import resolve_location
from editor_app.core.wording import ARTICLES, WORDS, count_phrase, format_number


def test_only_changed_values_are_written_and_read_back(tmp_path):
    settings = Settings(tmp_path)
    assert settings.preferences == Preferences()
    assert not (tmp_path / SETTINGS_FILENAME).exists()  # nothing changed, nothing written
    settings.update(theme="dark", editor_font_size=18, default_author="أمين نشاط")
    stored = json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8"))
    assert stored == {"theme": "dark", "editor_font_size": 18, "default_author": "أمين نشاط"}
    assert "أمين نشاط" in (tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8")  # readable, not \\u escapes
    again = Settings(tmp_path).preferences
    assert (again.theme, again.editor_font_size, again.default_author) == ("dark", 18, "أمين نشاط")
    settings.update(theme="system")  # back to the default: the key disappears
    assert "theme" not in json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8"))


def test_a_damaged_file_gives_defaults_and_is_kept_aside(tmp_path):
    (tmp_path / SETTINGS_FILENAME).write_text('{"theme": "dark", ', encoding="utf-8")
    settings = Settings(tmp_path)
    assert settings.preferences == Preferences()
    assert settings.problem and "damaged" in settings.problem
    assert settings.damaged_copy is not None and settings.damaged_copy.read_text(encoding="utf-8") == '{"theme": "dark", '
    settings.update(theme="light")  # the next save writes a good file
    assert Settings(tmp_path).preferences.theme == "light" and Settings(tmp_path).problem is None


def test_wrong_types_unknown_keys_and_out_of_range_values_are_ignored(tmp_path):
    (tmp_path / SETTINGS_FILENAME).write_text(json.dumps({
        "theme": "purple", "editor_font_size": "big", "autosave_delay_ms": 5, "line_height": 9,
        "welcomed": 1, "digits": "arab", "no_such_setting": True,
    }), encoding="utf-8")
    preferences = Settings(tmp_path).preferences
    assert preferences.theme == "system" and preferences.editor_font_size == 15
    assert preferences.autosave_delay_ms == 300 and preferences.line_height == 3.0  # clamped
    assert preferences.welcomed is False and preferences.digits == "arab"
    settings = Settings(tmp_path)
    try:
        settings.update(no_such_setting=1)
    except KeyError as error:
        assert "no_such_setting" in str(error)
    else:
        raise AssertionError("an unknown setting was accepted")


def test_a_chosen_data_folder_keeps_its_own_settings(tmp_path):
    chosen = resolve_location(data_dir=tmp_path / "newsroom", environ={})
    assert chosen.config_dir == chosen.data_dir
    default = resolve_location(environ={})
    assert default.config_dir == Path(user_config_dir("midad", False)).resolve()
    overridden = resolve_location(data_dir=tmp_path, environ={"MIDAD_CONFIG_DIR": str(tmp_path / "conf")})
    assert overridden.config_dir == tmp_path / "conf"


def test_counted_nouns_in_english_and_arabic_with_either_digits():
    assert [count_phrase(n, WORDS, "en") for n in (0, 1, 2, 1000)] == ["0 words", "1 word", "2 words", "1,000 words"]
    assert [count_phrase(n, ARTICLES, "ar") for n in (1, 2, 3, 11, 100)] == [
        "مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "100 مقال"]
    assert count_phrase(1234, WORDS, "ar", "arab") == "١٬٢٣٤ كلمةً"
    assert format_number(2024, "ar", "arab") == "٢٬٠٢٤" and format_number(2024, "en", "arab") == "2,024"


def test_shortcuts_are_kept_by_command_id_and_bad_entries_are_dropped(tmp_path):
    settings = Settings(tmp_path)
    settings.update(shortcuts={"file.duplicate": "Ctrl+Alt+K", "help.about": ""})
    stored = json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8"))
    assert stored == {"shortcuts": {"file.duplicate": "Ctrl+Alt+K", "help.about": ""}}
    assert Settings(tmp_path).preferences.shortcuts == {"file.duplicate": "Ctrl+Alt+K", "help.about": ""}
    # A hand-edited file: entries that are not id → text are dropped, the others kept.
    (tmp_path / SETTINGS_FILENAME).write_text(
        json.dumps({"shortcuts": {"file.save": "Ctrl+Alt+S", "file.new": 5, "view.focus_mode": None}}), encoding="utf-8")
    assert Settings(tmp_path).preferences.shortcuts == {"file.save": "Ctrl+Alt+S"}
    (tmp_path / SETTINGS_FILENAME).write_text(json.dumps({"shortcuts": ["Ctrl+S"]}), encoding="utf-8")
    assert Settings(tmp_path).preferences.shortcuts == {}
    settings.update(shortcuts={})  # all back to the defaults: the key disappears
    assert "shortcuts" not in json.loads((tmp_path / SETTINGS_FILENAME).read_text(encoding="utf-8"))
