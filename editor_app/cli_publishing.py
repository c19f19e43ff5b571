"""`midad sites|publish|outbox|pull`: publishing without a window.

Exit codes tell automation what happened: 0 done, 75 queued for a later retry (EX_TEMPFAIL),
3 refused by the site (wrong password, missing rights, invalid field: retrying will not help),
4 the post changed on the site (choose with --on-conflict).
"""

from __future__ import annotations

import argparse
import difflib
import getpass
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from typing import TYPE_CHECKING

from editor_app.cli_output import record_id, terminal_safe, terminal_safe_block, terminal_safe_row
from editor_app.core.dates import site_timezone
from editor_app.core.errors import MidadError

if TYPE_CHECKING:
    from editor_app.core.library import Library

# Publishing loads httpx, keyring, BeautifulSoup and the database models: each command
# imports what it uses, so `midad --version`, `midad list` and the window never pay for it.
# The choices the parser offers are therefore spelled out here; a test checks them against
# the core's (sites.WORDPRESS_STATUSES, targets.KINDS, publisher.ConflictChoice, credentials.PASSPHRASE_ENV).
WORDPRESS_STATUS_CHOICES = ("draft", "pending", "publish", "future")
SITE_KINDS = ("wordpress", "ghost")
CONFLICT_CHOICES = ("stop", "overwrite", "take-site")
PASSPHRASE_ENV = "MIDAD_KEYRING_PASSPHRASE"

EXIT_OK = 0
EXIT_REFUSED = 3
EXIT_CONFLICT = 4
EXIT_QUEUED = 75


def add_parsers(command) -> None:
    sites = command("sites", "the WordPress and Ghost sites articles are published to")
    actions = sites.add_subparsers(dest="sites_action", metavar="ACTION", required=True)
    adding = actions.add_parser("add", help="add a site, or change one (the password or key goes to the OS keyring)")
    adding.add_argument("name", metavar="NAME")
    adding.add_argument("url_argument", metavar="URL", nargs="?", help="the site's address (or --url)")
    adding.add_argument("--kind", choices=SITE_KINDS, default="wordpress",
                        help="wordpress (username + application password) or ghost (Admin API key)")
    adding.add_argument("--url", help="the site's address, https://… (http only for 127.0.0.1)")
    adding.add_argument("--username", help="the WordPress user (not used for Ghost)")
    adding.add_argument("--password-stdin", "--key-stdin", dest="password_stdin", action="store_true",
                        help="read the application password (WordPress) or the Admin API key id:secret (Ghost) from "
                             "standard input (otherwise it is asked for; never taken as an argument)")
    adding.add_argument("--admin-url", default="", help="Ghost only: the admin address, when it differs from the site's")
    adding.add_argument("--date-locale", default="ar", help="the site's date locale, e.g. ar_MA")
    adding.add_argument("--default-status", default="draft", choices=WORDPRESS_STATUS_CHOICES)
    adding.add_argument("--default-category", default="", help="for articles without a category")
    adding.add_argument("--time-zone", default="", metavar="ZONE",
                        help="IANA zone of the site's bylines, e.g. Africa/Casablanca (default: the Settings zone)")
    listing = actions.add_parser("list", help="list the sites")
    listing.add_argument("--json", action="store_true")
    testing = actions.add_parser("test", help="check the address, the REST API and the password")
    testing.add_argument("name", metavar="NAME")
    removing = actions.add_parser("remove", help="forget a site and its password")
    removing.add_argument("name", metavar="NAME")
    actions.add_parser("passwords-file", help="keep site passwords in an encrypted file protected by a passphrase "
                                              f"(for computers without a system keyring; {PASSPHRASE_ENV} or asked)")

    publishing = command("publish", "publish an article to a site (queued for retry if the site is unreachable)")
    publishing.add_argument("article_id", type=record_id, metavar="ID")
    publishing.add_argument("--site", required=True, metavar="NAME")
    publishing.add_argument("--status", choices=WORDPRESS_STATUS_CHOICES, help="default: the site's default status")
    publishing.add_argument("--image-folder", action="append", type=Path, default=[], metavar="DIR",
                            help="a folder the body's images may be read from (repeatable; also the settings' "
                                 "images folder); images anywhere else are left out")
    publishing.add_argument("--on-conflict", choices=CONFLICT_CHOICES, default="stop",
                            help="when the post changed on the site: stop (default), overwrite it, or take it")

    outbox = command("outbox", "publishes waiting for their site")
    outbox.add_argument("--retry", action="store_true", help="try every waiting publish now")
    outbox.add_argument("--json", action="store_true")

    pulling = command("pull", "import a site's posts as articles (later pulls only bring what changed)")
    pulling.add_argument("--site", required=True, metavar="NAME")
    pulling.add_argument("--since", metavar="DATE", help="only posts modified after this date (ISO 8601, the site's time zone unless given); default: since the last pull")


def _read_password(args: argparse.Namespace) -> str:
    what = "Admin API key" if args.kind == "ghost" else "application password"
    if args.password_stdin:
        return sys.stdin.readline().strip()
    if sys.stdin.isatty():
        return getpass.getpass(f"{what}: ")
    raise MidadError(f"give the {what} with --password-stdin (it is never taken as an argument)")


def _add_site(registry, args: argparse.Namespace):
    url = args.url or args.url_argument
    if not url or (args.url and args.url_argument and args.url != args.url_argument):
        raise MidadError("give the site's address once, as URL or --url")
    if args.kind == "wordpress" and not args.username:
        raise MidadError("a WordPress site needs --username")
    options = {"admin_url": args.admin_url} if args.kind == "ghost" and args.admin_url else {}
    return registry.add(args.name, url, args.username or "", _read_password(args), kind=args.kind, options=options,
                        date_locale=args.date_locale, default_status=args.default_status,
                        default_category=args.default_category, time_zone=args.time_zone)


def use_data_folder(data_dir) -> None:
    """The data folder's encrypted password file, unlocked from the environment or a prompt."""
    from editor_app.core.publishing import credentials

    credentials.configure(data_dir)
    if credentials.uses_encrypted_file() and not os.environ.get(credentials.PASSPHRASE_ENV) and sys.stdin.isatty():
        credentials.unlock(getpass.getpass("passphrase of the site passwords file: "))


def _create_passwords_file() -> None:
    from editor_app.core.publishing import credentials

    passphrase = os.environ.get(credentials.PASSPHRASE_ENV)
    if not passphrase:
        if not sys.stdin.isatty():
            raise MidadError(f"give the passphrase in {credentials.PASSPHRASE_ENV} (it is never taken as an argument)")
        passphrase = getpass.getpass("new passphrase for the site passwords file: ")
        if getpass.getpass("the same passphrase again: ") != passphrase:
            raise MidadError("the two passphrases differ")
    credentials.unlock(passphrase, create=True)


def _sites(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing import credentials
    from editor_app.core.publishing.site_http import without_credentials
    from editor_app.core.publishing.sites import SiteRegistry
    from editor_app.core.publishing.targets import open_target

    registry = SiteRegistry(library.database)
    if args.sites_action == "passwords-file":
        _create_passwords_file()
        print(f"site passwords are now kept in {credentials.encrypted_file_path()}", file=out)
    elif args.sites_action == "add":
        site = _add_site(registry, args)
        print(terminal_safe_row(site.name, site.url, site.username, site.kind), file=out)
    elif args.sites_action == "list":
        sites = registry.list()
        if args.json:
            json.dump([site.to_json_dict() for site in sites], out, ensure_ascii=False, indent=2)
            out.write("\n")
        for site in [] if args.json else sites:
            print(terminal_safe_row(site.name, without_credentials(site.url), site.username, site.default_status,
                                    site.kind), file=out)
    elif args.sites_action == "remove":
        registry.remove(args.name)
    else:
        site = registry.get(args.name)
        with open_target(site, registry.secret(site)) as target:
            found = target.check()
        print(terminal_safe(f"ok: “{found.site}” as {found.user} ({', '.join(found.roles)})"), file=out)
    return EXIT_OK


def _publish(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.cli import image_folders, location_from
    from editor_app.core.publishing.outbox import Outbox, Queued, publish_or_queue
    from editor_app.core.publishing.publisher import ConflictChoice, PublishConflict, Publisher

    publisher = Publisher(library, image_folders=image_folders(args, location_from(args)))
    outbox = Outbox(library.database)
    try:
        result = publish_or_queue(publisher, outbox, args.article_id, args.site, status=args.status,
                                  on_conflict=ConflictChoice(args.on_conflict))
    except PublishConflict as conflict:
        print(f"midad: conflict: {terminal_safe(conflict)}", file=err)
        diff = difflib.unified_diff(conflict.remote.body_markdown.splitlines(), conflict.local.body.splitlines(),
                                    "on the site", "here", lineterm="")
        print(terminal_safe_block("\n".join(diff)), file=out)
        return EXIT_CONFLICT
    if isinstance(result, Queued):
        print(f"midad: queued: {terminal_safe(result.entry.last_error)}; next try at "
              f"{result.entry.next_attempt_at.astimezone():%H:%M:%S} (see `midad outbox`)", file=err)
        return EXIT_QUEUED
    for warning in result.warnings:
        print(f"midad: warning: {terminal_safe(warning)}", file=err)
    state = "took the site's version" if result.took_site_version else ("created" if result.created else "updated")
    print(terminal_safe_row(result.post_id, result.status, state, result.link), file=out)
    return EXIT_OK


def _outbox(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing.outbox import Outbox
    from editor_app.core.publishing.publisher import Publisher

    outbox = Outbox(library.database)
    if args.retry:
        from editor_app.cli import image_folders, location_from

        for result in outbox.run_due(Publisher(library, image_folders=image_folders(args, location_from(args))),
                                     everything=True):
            if result.outcome is not None:
                print(terminal_safe_row(result.article_id, "published", result.outcome.post_id, result.outcome.link), file=out)
            else:
                print(f"midad: article {result.article_id}: {terminal_safe(result.error)}", file=err)
    entries = outbox.entries()
    if args.json:
        json.dump([entry.to_json_dict() for entry in entries], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for entry in entries:
            print(terminal_safe_row(entry.id, entry.article_id, entry.site, entry.state, entry.attempts,
                                    f"{entry.next_attempt_at.astimezone():%Y-%m-%d %H:%M:%S}", entry.last_error), file=out)
    return EXIT_QUEUED if any(entry.state == "pending" for entry in entries) else EXIT_OK


def _pull(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing.pull import pull

    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise MidadError(f"--since takes a date like 2024-04-09 or 2024-04-09T18:23, not “{args.since}”") from None
        if since.tzinfo is None:  # a date typed without an offset is on the site's clock, not this machine's
            from editor_app.cli import site_zone_name

            since = since.replace(tzinfo=site_timezone(site_zone_name(library, args, args.site)))
    report = pull(library, args.site, since=since)
    print(f"imported {report.imported}, updated {report.updated}, kept {report.kept_local} changed here", file=out)
    return EXIT_OK


def guarded(handler):
    """Site refusals and unreachable sites get their own exit codes."""
    def run(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from editor_app.core.publishing.errors import SiteRefused, SiteUnreachable

        try:
            return handler(library, args, out, err)
        except SiteRefused as error:
            print(f"midad: refused: {terminal_safe(error)}", file=err)
            return EXIT_REFUSED
        except SiteUnreachable as error:
            print(f"midad: unreachable: {terminal_safe(error)}", file=err)
            return EXIT_QUEUED
    return run


COMMANDS = {"sites": guarded(_sites), "publish": guarded(_publish), "outbox": guarded(_outbox),
            "pull": guarded(_pull)}
