"""The writer's preferences: one JSON file in the configuration folder.

Qt-free (the CLI reads the default author and site too). Only values that differ
from the defaults are written, so a newer Midad's better default reaches everyone
who never changed it. A file that cannot be read is moved aside (never deleted) and
the defaults are used; `Settings.problem` says what happened, for the window to show.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from editor_app.core.dates import DEFAULT_TIME_ZONE, is_time_zone

SETTINGS_FILENAME = "settings.json"
THEMES = ("system", "light", "dark")
DIGITS = ("latn", "arab")  # CLDR numbering systems: 0-9 or ٠-٩
QUOTE_STYLES = ("curly", "guillemets")  # “ ” or « »
LANGUAGE_CHOICES = ("system", "ar", "en")
DATE_LOCALES = ("ar", "ar_MA", "ar_EG", "ar_DZ", "ar_TN", "ar_LB", "ar_SA", "ar_AE", "ar_JO", "en")
AUTOSAVE_RANGE_MS = (300, 30_000)
FONT_SIZE_RANGE = (9, 40)
LINE_HEIGHT_RANGE = (1.0, 3.0)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Preferences:
    language: str = "system"
    theme: str = "system"
    editor_font_family: str = "Noto Naskh Arabic"
    editor_font_size: int = 15
    line_height: float = 1.5
    autosave_delay_ms: int = 1000
    date_locale: str = "ar"
    digits: str = "latn"
    quote_style: str = "curly"
    spell_arabic: str = "ar"  # an Enchant dictionary name, or "" for off
    spell_latin: str = "en_US"
    template_folder: str = ""
    image_folder: str = ""  # body images are read only from here and the article's own folder (core.image_sources)
    default_author: str = ""
    default_category: str = ""
    default_site: str = ""
    time_zone: str = DEFAULT_TIME_ZONE  # IANA zone bylines are printed in, unless the site has its own
    welcomed: bool = False  # the first-run welcome article and tour were shown
    # The writer's own keyboard shortcuts: command id ("file.save") → keys in Qt's portable
    # text ("Ctrl+Alt+S"; "" for none). Only the ones that differ from the defaults.
    shortcuts: dict[str, str] = field(default_factory=dict)
    desktop_notifications: bool = True  # the workflow's notices through the system tray when the window is not active


def _checked(values: dict[str, Any]) -> dict[str, Any]:
    """Keeps known keys whose values have the right type and range; drops the rest."""
    defaults = Preferences()
    kept: dict[str, Any] = {}
    for field in fields(Preferences):
        if field.name not in values:
            continue
        value, default = values[field.name], getattr(defaults, field.name)
        if isinstance(default, bool) != isinstance(value, bool):
            continue
        if isinstance(default, float) and isinstance(value, int):
            value = float(value)
        if not isinstance(value, type(default)):
            continue
        kept[field.name] = value
    choices = {"language": LANGUAGE_CHOICES, "theme": THEMES, "digits": DIGITS, "quote_style": QUOTE_STYLES,
               "date_locale": DATE_LOCALES}
    for name, allowed in choices.items():
        if name in kept and kept[name] not in allowed:
            del kept[name]
    if "shortcuts" in kept:  # a hand-edited file: keep the well-formed entries
        kept["shortcuts"] = {command: keys for command, keys in kept["shortcuts"].items()
                             if isinstance(command, str) and isinstance(keys, str)}
    if "time_zone" in kept and not is_time_zone(kept["time_zone"]):
        del kept["time_zone"]
    ranges = {"autosave_delay_ms": AUTOSAVE_RANGE_MS, "editor_font_size": FONT_SIZE_RANGE,
              "line_height": LINE_HEIGHT_RANGE}
    for name, (low, high) in ranges.items():
        if name in kept:
            kept[name] = min(high, max(low, kept[name]))
    return kept


class Settings:
    def __init__(self, config_dir: Path | None) -> None:
        """config_dir None: defaults only, kept in memory (a window opened by a script)."""
        self.path = Path(config_dir) / SETTINGS_FILENAME if config_dir is not None else None
        self.problem: str | None = None  # for the log; the window words it in the interface's language
        self.damaged_copy: Path | None = None
        self.preferences = self._read()

    def _read(self) -> Preferences:
        if self.path is None:
            return Preferences()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Preferences()
        except OSError as error:
            self.problem = f"could not read {self.path}: {error.strerror}; using the default settings"
            return Preferences()
        try:
            values = json.loads(raw.decode("utf-8"))  # bad UTF-8 is a ValueError too
            if not isinstance(values, dict):
                raise ValueError("not a JSON object")
        except (ValueError, RecursionError) as error:  # RecursionError: "[[[[…" nested thousands deep
            if isinstance(error, RecursionError):
                error = ValueError("nested too deeply")
            self.damaged_copy = self._move_aside()
            self.problem = f"the settings file was damaged ({error}); using the default settings"
            if self.damaged_copy:
                self.problem += f"; the damaged file is kept as {self.damaged_copy.name}"
            log.warning(self.problem)
            return Preferences()
        return replace(Preferences(), **_checked(values))

    def _move_aside(self) -> Path | None:
        target = self.path.with_name(f"{self.path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
        try:
            self.path.replace(target)
            return target
        except OSError:
            return None

    def changed_values(self) -> dict[str, Any]:
        defaults = asdict(Preferences())
        return {name: value for name, value in asdict(self.preferences).items() if defaults[name] != value}

    def update(self, **changes: Any) -> Preferences:
        """Applies and writes changes (atomically: a crash leaves the old file or the new one)."""
        unknown = set(changes) - {field.name for field in fields(Preferences)}
        if unknown:
            raise KeyError(f"unknown settings: {', '.join(sorted(unknown))}")
        self.preferences = replace(self.preferences, **_checked({**asdict(self.preferences), **changes}))
        self.save()
        return self.preferences

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.changed_values(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        import tempfile  # only when settings are written

        handle, temporary = tempfile.mkstemp(prefix=".settings-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
