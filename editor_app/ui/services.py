"""AppServices: what the window's controllers share, made once when a window opens on a library.

Controllers receive it instead of each making its own `Library`, site registry or outbox
(two registries on one database would each keep their own cache of sites). The publishing
clients are made on first use: their imports (httpx, keyring) stay off the start path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.core.library import Library
from editor_app.core.settings import Settings
from editor_app.core.storage import Database

if TYPE_CHECKING:
    from editor_app.core.publishing.outbox import Outbox
    from editor_app.core.publishing.sites import SiteRegistry


@dataclass(eq=False)
class AppServices:
    library: Library
    settings: Settings = field(default_factory=lambda: Settings(None))
    data_dir: Path | None = None  # None: a window opened by a script, with nothing kept on disk

    @classmethod
    def open(cls, database: Database, settings: Settings | None = None, data_dir: Path | None = None) -> AppServices:
        return cls(Library(database), settings or Settings(None), data_dir)

    @property
    def database(self) -> Database:
        return self.library.database

    @property
    def config_dir(self) -> Path | None:
        return self.settings.path.parent if self.settings.path is not None else None

    @cached_property
    def sites(self) -> SiteRegistry:
        from editor_app.core.publishing.sites import SiteRegistry

        return SiteRegistry(self.library.database)

    @cached_property
    def outbox(self) -> Outbox:
        from editor_app.core.publishing.outbox import Outbox

        return Outbox(self.library.database)
