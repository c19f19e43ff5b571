"""The first start: an example article (the seed column) and a short tour of the panes.

So a new writer never meets an empty window; `welcomed` in the settings makes it once.
"""

from __future__ import annotations

import logging

from editor_app.core.errors import MidadError
from editor_app.core.library import Library
from editor_app.core.settings import Settings
from editor_app.resources import resource_path

TOUR_DELAY_MS = 400  # after the window is painted, so the tour points at laid-out panes
log = logging.getLogger(__name__)


def welcome_on_first_run(library: Library, settings: Settings) -> bool:
    """Adds the welcome article to an empty library, once; True when the tour should run."""
    if settings.preferences.welcomed:
        return False
    if library.count() == 0:
        from editor_app.core.importers import read_article_file  # python-docx & co.: only on a first run

        try:
            library.import_drafts([read_article_file(resource_path("welcome", "welcome.md"))])
        except (MidadError, OSError) as error:
            log.warning("the welcome article could not be added: %s", error)  # a nicety, not a requirement
    try:
        settings.update(welcomed=True)
    except OSError as error:
        log.warning("could not remember the first run (%s); the tour comes again next time", error)
    return True
