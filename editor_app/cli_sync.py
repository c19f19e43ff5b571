"""`midad sync [--server URL]`: one sync round of this desktop's library with the newsroom
server (core.sync): prints what moved, and says by its exit code what is left, as
publishing does: 0 in step, 75 changes wait (the server could not be reached: they are kept
and go next time), 4 a conflict waits for the writer, 3 the server refused a change."""

from __future__ import annotations

import argparse
from typing import TextIO

from typing import TYPE_CHECKING

from editor_app.cli_output import terminal_safe

if TYPE_CHECKING:
    from editor_app.core.storage import StorageLocation

# The sync engine (SQLAlchemy, merge3) and the saved newsroom (keyring) are imported by the
# command itself: `midad --version` and the window's start must not wait for them.
DEFAULT_DAYS = 30  # core.sync.engine.DEFAULT_DAYS (a test checks they agree)

EXIT_OK = 0
EXIT_REFUSED = 3
EXIT_CONFLICT = 4
EXIT_QUEUED = 75


def add_parser(command) -> None:
    syncing = command("sync", "exchange changes with the newsroom server (this library is its offline copy)")
    syncing.add_argument("--server", metavar="URL",
                         help="postgresql://person@host/database (default: the newsroom saved by File › Connect)")
    syncing.add_argument("--days", type=int, default=DEFAULT_DAYS,
                         help=f"besides your own and assigned articles, keep those changed in the last DAYS "
                              f"(default {DEFAULT_DAYS})")


def run(location: StorageLocation, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.storage import Database, open_database
    from editor_app.core.sync.engine import CONFLICT, REFUSED, SyncEngine
    from editor_app.core.sync.newsroom import saved_newsroom_url

    url = args.server or saved_newsroom_url(location.config_dir)
    local = open_database(location)
    try:
        server = Database(url, migrate=False)
        try:
            engine = SyncEngine(local, server, days=args.days)
            engine.join(server.engine.url.render_as_string(hide_password=True))
            report = engine.sync_round()
            states = engine.article_states().values()
        finally:
            server.close()
    finally:
        local.close()
    print(f"pulled {report.pulled}\tremoved {report.removed}\tpushed {report.pushed}\tmerged {report.merged}\t"
          f"conflicts {report.conflicts}\twaiting {report.waiting}", file=out)
    if report.offline:
        print(f"midad: the server could not be reached; {report.waiting} changes wait: "
              f"{terminal_safe(report.offline)}", file=err)
        return EXIT_QUEUED
    if CONFLICT in states:
        print("midad: an article changed here and on the server in the same place waits for you "
              "(both texts are in its revisions)", file=err)
        return EXIT_CONFLICT
    if REFUSED in states:
        return EXIT_REFUSED
    return EXIT_QUEUED if report.waiting else EXIT_OK

