"""Writes unexpected errors' tracebacks to a log file, so the user never sees one raw."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

LOG_FILENAME = "midad.log"


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_FILENAME


def log_unexpected_error(data_dir: Path, error: BaseException) -> Path | None:
    """Append the traceback to the log; return its path, or None if it cannot be written."""
    path = log_path(data_dir)
    details = "".join(traceback.format_exception(error))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}\n")
    except OSError:
        logging.getLogger("midad").error("unexpected error:\n%s", details)
        return None
    return path
