"""What the window remembers between runs: geometry, splitters, last article and cursor.

Kept in an INI file in the data folder (not the platform registry), so that a
different --data-dir is a fully separate workspace and tests never touch the
user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

STATE_FILENAME = "window-state.ini"
# Layouts saved since focus mode stopped leaking into them (and since the editor got the
# room by default) carry this version; an older one may hold focus mode's hidden toolbar
# and panes, or the cramped panes, so its docks and splitter are not restored.
LAYOUT_VERSION = 2


class WindowState:
    def __init__(self, data_dir: Path) -> None:
        self._settings = QSettings(str(data_dir / STATE_FILENAME), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @property
    def window_state(self) -> QByteArray | None:
        """Toolbars and docks as saved, or None (the default layout) when an older version saved them."""
        return self._bytes("window/state") if self.layout_version >= LAYOUT_VERSION else None

    @property
    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    @property
    def saved_right_to_left(self) -> bool:
        """Which way the window was laid out when its docks were saved (Arabic unless said)."""
        return str(self._settings.value("window/right_to_left", "true")).lower() == "true"

    @property
    def layout_version(self) -> int:
        """The window's layout generation when it was saved (1: before the layout versions)."""
        try:
            return int(self._settings.value("window/layout_version", 1))
        except (TypeError, ValueError):
            return 1

    def forget_layout(self) -> None:
        for key in ("window/state", "window/splitter", "window/layout_version"):  # the window's size may stay
            self._settings.remove(key)

    def save_layout(self, geometry: QByteArray, window_state: QByteArray, splitter: QByteArray,
                    right_to_left: bool = True) -> None:
        self._settings.setValue("window/layout_version", LAYOUT_VERSION)
        self._settings.setValue("window/right_to_left", right_to_left)
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", window_state)
        self._settings.setValue("window/splitter", splitter)
        self._settings.sync()

    @property
    def last_article_id(self) -> int | None:
        value = self._settings.value("session/article_id")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def cursor_position(self, article_id: int) -> int:
        try:
            return max(0, int(self._settings.value(f"cursors/{article_id}", 0)))
        except (TypeError, ValueError):
            return 0

    def remember_article(self, article_id: int, cursor_position: int) -> None:
        self._settings.setValue("session/article_id", article_id)
        self._settings.setValue(f"cursors/{article_id}", cursor_position)
        self._settings.sync()
