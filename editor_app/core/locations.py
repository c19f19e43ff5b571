"""Where the data lives: the data folder, the database URL, the settings folder.

Decided before SQLAlchemy is imported (the window paints the last article first, the
CLI's `--version` needs none of it); core.storage opens what this names.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "midad"
DATABASE_FILENAME = "midad.db"


@dataclass(frozen=True)
class StorageLocation:
    data_dir: Path
    database_url: str
    config_dir: Path  # settings.json: platformdirs' config folder, or the chosen data folder


def resolve_location(
    data_dir: str | os.PathLike[str] | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] = os.environ,
) -> StorageLocation:
    """Command-line options win over the environment, which wins over platformdirs.

    A data folder chosen by hand is a whole separate workspace: its settings live in it
    too (MIDAD_CONFIG_DIR overrides), so a test or a second newsroom never touches the
    user's own settings."""
    explicit_dir = data_dir or environ.get("MIDAD_DATA_DIR")
    folder = Path(explicit_dir or user_data_dir(APP_NAME, False)).expanduser().resolve()
    url = database_url or environ.get("MIDAD_DATABASE_URL")
    if not url:
        url = f"sqlite:///{folder / DATABASE_FILENAME}"
    config = environ.get("MIDAD_CONFIG_DIR") or (folder if explicit_dir else user_config_dir(APP_NAME, False))
    return StorageLocation(data_dir=folder, database_url=url, config_dir=Path(config).expanduser().resolve())
