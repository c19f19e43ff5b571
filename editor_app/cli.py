"""`midad SUBCOMMAND`: the core's operations without a window (no Qt import here).

Every command is one transaction, prints results on stdout, and reports any
failure as one line on stderr with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from editor_app import __version__, cli_backup, cli_comments, cli_publishing, cli_server, cli_sync, cli_workflow
from editor_app.cli_output import limit, record_id, terminal_safe, terminal_safe_block
from editor_app.core.errors import MidadError
from editor_app.crash_log import log_unexpected_error

if TYPE_CHECKING:
    from editor_app.core.library import Library
    from editor_app.core.locations import StorageLocation

# The database, importers and exporters are imported by the commands that use them:
# `midad --version` and the window's start must not wait for SQLAlchemy, python-docx or
# Jinja2. So the export formats are named here too (a test checks them against the
# registry `midad export` reads: export_registry()).
EXPORT_FORMATS = ("html", "html-body", "md", "docx", "site", "pdf")

EXIT_OK = 0
EXIT_FAILED = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="midad",
        description="Midad (مداد): an offline-first editor for Arabic newsrooms. "
        "Without a command, it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"midad {__version__}")
    parser.add_argument("--self-check", action="store_true",
                        help="check that this installation works (offscreen window, preview, database, export)")
    _add_storage_options(parser, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: an option given before the command is not reset by the sub-parser.
        _add_storage_options(sub, argparse.SUPPRESS)
        return sub

    importing = command("import", "import .md (YAML front matter) and .txt files as articles")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    listing = command("list", "list the articles, most recently updated first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--status", help="only this status (draft, in_review, ready, published, archived)")
    listing.add_argument("--category", help="only this category (and its subcategories)")
    listing.add_argument("--author", help="only this author")
    listing.add_argument("--trashed", action="store_true", help="list the trash instead")

    searching = command("search", "find articles; diacritics, letter forms and prefixes do not matter")
    searching.add_argument("query", metavar="QUERY")
    searching.add_argument("--json", action="store_true", help="print JSON: [{id, title, snippet}], best first")
    searching.add_argument("--limit", type=limit, default=20)

    revisions = command("revisions", "list an article's revisions, newest first")
    revisions.add_argument("article_id", type=record_id, metavar="ID")
    revisions.add_argument("--json", action="store_true", help="print JSON")

    command("prune-revisions", "thin autosave revisions older than 7 days to one a day (the window does it when idle)")

    exporting = command("export", "export articles: html, html-body, md, pdf, docx, or a static site")
    exporting.add_argument("article_ids", type=record_id, nargs="*", metavar="ID")
    exporting.add_argument("--all", action="store_true", help="every article not in the trash")
    exporting.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exporting.add_argument("--output", required=True, type=Path, metavar="PATH",
                           help="a file for one article, a folder for several or for a site")
    exporting.add_argument("--copy-resources", action="store_true",
                           help="html: copy fonts and images into NAME_files/ instead of embedding them")
    exporting.add_argument("--page-size", choices=("A4", "Letter"), default=None,
                           help="pdf and docx page size (default: A4, Letter for en/en_US articles)")
    exporting.add_argument("--site-url", help="the site's address, for canonical URLs")
    exporting.add_argument("--image-folder", action="append", type=Path, default=[], metavar="DIR",
                           help="a folder the body's images may be read from (repeatable; also the settings' "
                                "images folder); images anywhere else are left out")
    exporting.add_argument("--time-zone", metavar="ZONE",
                           help="IANA zone the byline is printed in, e.g. Africa/Casablanca (default: Settings)")
    exporting.add_argument("--include-drafts", action="store_true",
                           help="site: every article, not only the published and ready ones")

    restoring = command("restore", "bring back a revision's text (the current text is kept as a revision)")
    restoring.add_argument("article_id", type=record_id, metavar="ID")
    restoring.add_argument("revision_id", type=record_id, metavar="REVISION")

    showing = command("show", "print one article")
    showing.add_argument("article_id", type=record_id, metavar="ID")
    showing.add_argument("--json", action="store_true", help="print JSON")
    cli_publishing.add_parsers(command)
    cli_backup.add_parser(command)
    cli_server.add_parser(command)
    cli_sync.add_parser(command)
    cli_workflow.add_parsers(command)
    cli_comments.add_parser(command)
    return parser


def _add_storage_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir", default=default, metavar="DIR",
        help="folder for the database, backups and logs (or MIDAD_DATA_DIR)",
    )
    parser.add_argument(
        "--database-url", default=default, metavar="URL",
        help="any SQLAlchemy database URL instead of the local SQLite (or MIDAD_DATABASE_URL)",
    )
    parser.add_argument(
        "--newsroom", action="store_true", default=default,
        help="work on the newsroom server saved by File › Connect to newsroom… (password from the keyring)",
    )


def image_folders(args: argparse.Namespace, location: StorageLocation) -> tuple[Path, ...]:
    """The folders body images may be read from: --image-folder and the settings' images folder."""
    from editor_app.core.settings import Settings

    chosen = Settings(location.config_dir).preferences.image_folder
    return (*getattr(args, "image_folder", []), *([Path(chosen).expanduser()] if chosen else []))


def location_from(args: argparse.Namespace) -> StorageLocation:
    from editor_app.core.locations import resolve_location

    return resolve_location(
        data_dir=getattr(args, "data_dir", None),
        database_url=getattr(args, "database_url", None),
    )


def _on_the_newsroom(location: StorageLocation, args: argparse.Namespace) -> StorageLocation:
    """--newsroom: the saved newsroom profile's server instead of this library (the keyring, only now)."""
    from dataclasses import replace

    from editor_app.core.sync.newsroom import saved_newsroom_url

    if getattr(args, "database_url", None):
        raise MidadError("give --newsroom or --database-url, not both")
    if args.command in ("sync", "backup"):
        raise MidadError(f"midad {args.command} works on this computer's library (sync finds the saved newsroom "
                         "by itself): leave out --newsroom")
    return replace(location, database_url=saved_newsroom_url(location.config_dir))


def run_command(args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    location = location_from(args)
    try:
        if getattr(args, "newsroom", False):
            location = _on_the_newsroom(location, args)
        if args.command == "backup":  # works on the file itself, even when it cannot be opened
            return cli_backup.run(location, args, out, err)
        if args.command == "server":  # init opens the database itself; users need no Library
            return cli_server.run(location, args, out, err)
        if args.command == "sync":  # two databases: this library and the server
            return cli_sync.run(location, args, out, err)
        if args.command in QUICK_COMMANDS:
            answered = QUICK_COMMANDS[args.command](location, args, out)
            if answered is not None:
                return answered
        from editor_app.core.library import Library
        from editor_app.core.storage import open_database

        handler = COMMANDS[args.command]
        if args.command in cli_publishing.COMMANDS:
            cli_publishing.use_data_folder(location.data_dir)
        database = open_database(location)
        try:
            return handler(Library(database), args, out, err)
        finally:
            database.close()
    except MidadError as error:
        print(f"midad: error: {terminal_safe(error)}", file=err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("midad: interrupted", file=err)
        return 130
    except Exception as error:  # noqa: BLE001 - last resort: one line for the user, details in the log
        log_file = log_unexpected_error(location.data_dir, error)
        where = f"; details in {log_file}" if log_file else ""
        print(f"midad: unexpected error: {type(error).__name__}: {terminal_safe(error)}{where}", file=err)
        return EXIT_FAILED


def _import(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.importers import read_article_files

    drafts = read_article_files(args.paths)
    for draft in drafts:
        for warning in draft.warnings:
            print(f"midad: warning: {terminal_safe(warning)}", file=err)
    for record in library.import_drafts(drafts):
        print(f"{record.id}\t{terminal_safe(record.title)}", file=out)
    return EXIT_OK


def _list(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.fields import normalise_status
    from editor_app.core.listing import ListQuery

    request = ListQuery(
        status=normalise_status(args.status) if args.status else None,
        category=args.category,
        author=args.author,
        trashed=args.trashed,
    )
    return _print_summaries(library.page(request, 0, 10_000_000), args, out)


def _print_summaries(summaries: list, args: argparse.Namespace, out: TextIO) -> int:
    if args.json:
        _print_json([summary.to_json_dict() for summary in summaries], out)
    else:
        for summary in summaries:
            updated = summary.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{summary.id}\t{summary.status}\t{updated}\t{terminal_safe(summary.title)}", file=out)
    return EXIT_OK


def _show(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _print_article(library.get(args.article_id).to_json_dict(), args, out)


def _print_article(values: dict, args: argparse.Namespace, out: TextIO) -> int:
    if args.json:
        _print_json(values, out)
        return EXIT_OK
    body = values.pop("body")
    values["tags"] = ", ".join(values["tags"])
    for key, value in values.items():
        print(f"{key}: {'' if value is None else terminal_safe(value)}", file=out)
    print(file=out)
    print(terminal_safe_block(body), file=out, end="" if body.endswith("\n") else "\n")
    return EXIT_OK


# `list` and `show` on an up-to-date local library: read with sqlite3, without SQLAlchemy
# (core.quick_read); None sends the command down the ordinary path.
def _quick_list(location: StorageLocation, args: argparse.Namespace, out: TextIO) -> int | None:
    from editor_app.core.fields import normalise_status
    from editor_app.core.quick_read import list_summaries

    summaries = list_summaries(location.database_url, status=normalise_status(args.status) if args.status else None,
                               category=args.category, author=args.author, trashed=args.trashed)
    return None if summaries is None else _print_summaries(summaries, args, out)


def _quick_show(location: StorageLocation, args: argparse.Namespace, out: TextIO) -> int | None:
    from editor_app.core.quick_read import article_json

    values = article_json(location.database_url, args.article_id)
    return None if values is None else _print_article(values, args, out)


QUICK_COMMANDS = {"list": _quick_list, "show": _quick_show}


def _search(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    hits = library.search(args.query, limit=args.limit)
    if args.json:
        _print_json([hit.to_json_dict() for hit in hits], out)
    else:
        for hit in hits:
            print(f"{hit.id}\t{terminal_safe(hit.title)}\t{terminal_safe(hit.snippet)}", file=out)
    return EXIT_OK


def _revisions(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    revisions = library.revisions(args.article_id)
    if args.json:
        _print_json([revision.to_json_dict() for revision in revisions], out)
    else:
        for revision in revisions:
            when = revision.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{revision.id}\t{when}\t{revision.reason}\t{revision.status}\t{revision.word_count}\t"
                  f"{revision.word_delta:+d}\t{revision.author}", file=out)
    return EXIT_OK


def _prune_revisions(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    print(f"{library.prune_revisions()} revisions pruned", file=out)
    return EXIT_OK


def _restore(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    record = library.restore_revision(args.article_id, args.revision_id)
    print(f"{record.id}\t{terminal_safe(record.title)}", file=out)
    return EXIT_OK


def site_zone_name(library: Library, args: argparse.Namespace, site_name: str | None = None) -> str:
    """As in the window: the named (else the default) site's zone, else the one set in Settings."""
    from editor_app.core.publishing.sites import SiteRegistry
    from editor_app.core.settings import Settings

    preferences = Settings(location_from(args).config_dir).preferences
    return SiteRegistry(library.database).byline_zone(site_name or preferences.default_site, preferences.time_zone)


def export_registry():
    """The core's exporters and the Qt layer's (PDF): what `--format` may name."""
    from editor_app.ui.export import register_qt_exporters

    return register_qt_exporters()


def _export(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.dates import is_time_zone
    from editor_app.core.exporters import ExportOptions

    exporter = export_registry().get(args.format)
    ids = [summary.id for summary in library.summaries()] if args.all else args.article_ids
    if not ids:
        raise MidadError("name the articles to export (IDs) or use --all")
    records = [library.get(article_id) for article_id in ids]

    def warn(text: str) -> None:
        print(f"midad: warning: {terminal_safe(text)}", file=err)

    if args.time_zone and not is_time_zone(args.time_zone):
        raise MidadError(f"unknown time zone {args.time_zone!r}: use an IANA name such as Africa/Casablanca")
    options = ExportOptions(embed=not args.copy_resources, site_url=args.site_url, asset_loader=library.asset,
                            image_folders=image_folders(args, location_from(args)),
                            article_asset_loader=library.article_image, on_warning=warn, page_size=args.page_size,
                            time_zone=args.time_zone or site_zone_name(library, args), include_drafts=args.include_drafts)
    report = exporter.export(records, args.output, options)
    if exporter.whole_library:
        print(f"{report.main_path.parent}\t{report.articles} articles, {report.pages} pages", file=out)
    for article_id, path in report.written:
        print(f"{article_id}\t{terminal_safe(str(path))}", file=out)
    return EXIT_OK


def _print_json(value: object, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


Handler = Callable[["Library", argparse.Namespace, TextIO, TextIO], int]
COMMANDS: dict[str, Handler] = {
    "import": _import, "list": _list, "show": _show, "search": _search, "revisions": _revisions, "restore": _restore,
    "prune-revisions": _prune_revisions, "export": _export, **cli_publishing.COMMANDS, **cli_workflow.COMMANDS,
    **cli_comments.COMMANDS,
}
