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
import sys
from datetime import datetime
from typing import TextIO

from typing import TYPE_CHECKING

from editor_app.core.errors import MidadError

if TYPE_CHECKING:
    from editor_app.core.library import Library

# Publishing loads httpx, BeautifulSoup and the database models: each command imports
# what it uses, so `midad --version`, `midad list` and the window never pay for it. The
# choices the parser offers are therefore spelled out here; a test checks them against
# the core's (sites.WORDPRESS_STATUSES, publisher.ConflictChoice).
WORDPRESS_STATUS_CHOICES = ("draft", "pending", "publish", "future")
CONFLICT_CHOICES = ("stop", "overwrite", "take-site")

EXIT_OK = 0
EXIT_REFUSED = 3
EXIT_CONFLICT = 4
EXIT_QUEUED = 75


def add_parsers(command) -> None:
    sites = command("sites", "the WordPress sites articles are published to")
    actions = sites.add_subparsers(dest="sites_action", metavar="ACTION", required=True)
    adding = actions.add_parser("add", help="add a site, or change one (the password goes to the OS keyring)")
    adding.add_argument("name", metavar="NAME")
    adding.add_argument("--url", required=True, help="the site's address, https://… (http only for 127.0.0.1)")
    adding.add_argument("--username", required=True)
    adding.add_argument("--password-stdin", action="store_true",
                        help="read the application password from standard input (otherwise it is asked for)")
    adding.add_argument("--date-locale", default="ar", help="the site's date locale, e.g. ar_MA")
    adding.add_argument("--default-status", default="draft", choices=WORDPRESS_STATUS_CHOICES)
    adding.add_argument("--default-category", default="", help="for articles without a category")
    listing = actions.add_parser("list", help="list the sites")
    listing.add_argument("--json", action="store_true")
    testing = actions.add_parser("test", help="check the address, the REST API and the password")
    testing.add_argument("name", metavar="NAME")
    removing = actions.add_parser("remove", help="forget a site and its password")
    removing.add_argument("name", metavar="NAME")

    publishing = command("publish", "publish an article to a site (queued for retry if the site is unreachable)")
    publishing.add_argument("article_id", type=int, metavar="ID")
    publishing.add_argument("--site", required=True, metavar="NAME")
    publishing.add_argument("--status", choices=WORDPRESS_STATUS_CHOICES, help="default: the site's default status")
    publishing.add_argument("--on-conflict", choices=CONFLICT_CHOICES, default="stop",
                            help="when the post changed on the site: stop (default), overwrite it, or take it")

    outbox = command("outbox", "publishes waiting for their site")
    outbox.add_argument("--retry", action="store_true", help="try every waiting publish now")
    outbox.add_argument("--json", action="store_true")

    pulling = command("pull", "import a site's posts as articles (later pulls only bring what changed)")
    pulling.add_argument("--site", required=True, metavar="NAME")
    pulling.add_argument("--since", metavar="DATE", help="only posts modified after this date (ISO 8601, your time zone unless given); default: since the last pull")


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().strip()
    if sys.stdin.isatty():
        return getpass.getpass("application password: ")
    raise MidadError("give the application password with --password-stdin (it is never taken as an argument)")


def _sites(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing.sites import SiteRegistry
    from editor_app.core.publishing.wordpress import WordPressClient

    registry = SiteRegistry(library.database)
    if args.sites_action == "add":
        site = registry.add(args.name, args.url, args.username, _read_password(args), date_locale=args.date_locale,
                            default_status=args.default_status, default_category=args.default_category)
        print(f"{site.name}\t{site.url}\t{site.username}", file=out)
    elif args.sites_action == "list":
        sites = registry.list()
        if args.json:
            json.dump([site.to_json_dict() for site in sites], out, ensure_ascii=False, indent=2)
            out.write("\n")
        for site in [] if args.json else sites:
            print(f"{site.name}\t{site.url}\t{site.username}\t{site.default_status}", file=out)
    elif args.sites_action == "remove":
        registry.remove(args.name)
    else:
        site = registry.get(args.name)
        with WordPressClient(site.url, site.username, registry.password(site)) as client:
            found = client.check()
        print(f"ok: “{found['site']}” as {found['user']} ({', '.join(found['roles'])})", file=out)
    return EXIT_OK


def _publish(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing.outbox import Outbox, Queued, publish_or_queue
    from editor_app.core.publishing.publisher import ConflictChoice, PublishConflict, Publisher

    publisher, outbox = Publisher(library), Outbox(library.database)
    try:
        result = publish_or_queue(publisher, outbox, args.article_id, args.site, status=args.status,
                                  on_conflict=ConflictChoice(args.on_conflict))
    except PublishConflict as conflict:
        print(f"midad: conflict: {conflict}", file=err)
        diff = difflib.unified_diff(conflict.remote.body_markdown.splitlines(), conflict.local.body.splitlines(),
                                    "on the site", "here", lineterm="")
        print("\n".join(diff), file=out)
        return EXIT_CONFLICT
    if isinstance(result, Queued):
        print(f"midad: queued: {result.entry.last_error}; next try at "
              f"{result.entry.next_attempt_at.astimezone():%H:%M:%S} (see `midad outbox`)", file=err)
        return EXIT_QUEUED
    for warning in result.warnings:
        print(f"midad: warning: {warning}", file=err)
    state = "took the site's version" if result.took_site_version else ("created" if result.created else "updated")
    print(f"{result.post_id}\t{result.status}\t{state}\t{result.link}", file=out)
    return EXIT_OK


def _outbox(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing.outbox import Outbox
    from editor_app.core.publishing.publisher import Publisher

    outbox = Outbox(library.database)
    if args.retry:
        for result in outbox.run_due(Publisher(library), everything=True):
            if result.outcome is not None:
                print(f"{result.article_id}\tpublished\t{result.outcome.post_id}\t{result.outcome.link}", file=out)
            else:
                print(f"midad: article {result.article_id}: {result.error}", file=err)
    entries = outbox.entries()
    if args.json:
        json.dump([entry.to_json_dict() for entry in entries], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for entry in entries:
            print(f"{entry.id}\t{entry.article_id}\t{entry.site}\t{entry.state}\t{entry.attempts}\t"
                  f"{entry.next_attempt_at.astimezone():%Y-%m-%d %H:%M:%S}\t{entry.last_error}", file=out)
    return EXIT_QUEUED if any(entry.state == "pending" for entry in entries) else EXIT_OK


def _pull(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.publishing.pull import pull

    since = None
    if args.since:
        try:
            since = datetime.fromisoformat(args.since)
        except ValueError:
            raise MidadError(f"--since takes a date like 2024-04-09 or 2024-04-09T18:23, not “{args.since}”") from None
    report = pull(library, args.site, since=since)
    print(f"imported {report.imported}, updated {report.updated}, kept {report.kept_local} changed here", file=out)
    return EXIT_OK


def guarded(handler):
    """Site refusals and unreachable sites get their own exit codes."""
    def run(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from editor_app.core.publishing.wordpress import SiteRefused, SiteUnreachable

        try:
            return handler(library, args, out, err)
        except SiteRefused as error:
            print(f"midad: refused: {error}", file=err)
            return EXIT_REFUSED
        except SiteUnreachable as error:
            print(f"midad: unreachable: {error}", file=err)
            return EXIT_QUEUED
    return run


COMMANDS = {"sites": guarded(_sites), "publish": guarded(_publish), "outbox": guarded(_outbox),
            "pull": guarded(_pull)}
