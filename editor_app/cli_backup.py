"""`midad backup list|create|restore`: works on the database file itself, so it also
works when the database is too damaged to open."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from typing import TYPE_CHECKING

from editor_app.core.errors import MidadError

if TYPE_CHECKING:
    from editor_app.core.storage import StorageLocation


def add_parser(command) -> None:
    backup = command("backup", "list, make or restore backups of the local database")
    actions = backup.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the backups, newest first")
    listing.add_argument("--json", action="store_true")
    actions.add_parser("create", help="back up the database now")
    restoring = actions.add_parser("restore", help="bring a backup back (the current database is backed up first, "
                                                   "or kept aside if damaged)")
    restoring.add_argument("name", metavar="NAME")


def run(location: StorageLocation, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.backups import create_backup, find_backup, list_backups, restore_backup, sqlite_path

    path = sqlite_path(location.database_url)
    if path is None:
        raise MidadError("backups are for the local SQLite database; back up a server database with its own tools "
                         "(pg_dump for PostgreSQL)")
    if args.backup_action == "list":
        backups = list_backups(path)
        if args.json:
            json.dump([backup.to_json_dict() for backup in backups], out, ensure_ascii=False, indent=2)
            out.write("\n")
        for backup in [] if args.json else backups:
            when = backup.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            print(f"{backup.name}\t{when}\t{backup.reason}\t{backup.size // 1024} KB", file=out)
    elif args.backup_action == "create":
        print(create_backup(path, "manual").name, file=out)
    else:
        report = restore_backup(path, find_backup(path, args.name))
        print(f"restored {report.restored.name}", file=out)
        if report.previous is not None:
            print(f"the database as it was is in {report.previous.name}: restore it to undo", file=out)
        if report.moved_aside is not None:
            print(f"the damaged database is kept as {report.moved_aside}", file=out)
    return 0
