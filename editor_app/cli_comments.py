"""`midad comments ID [--json]`: an article's comment threads (with their replies, whether
resolved, and the words each is anchored to) and its pending suggested edits
(core.annotations). Imports of the core happen inside the command: `midad --version` stays light."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from editor_app.cli_output import record_id, terminal_safe

if TYPE_CHECKING:
    from editor_app.core.library import Library

EXIT_OK = 0


def add_parser(command) -> None:
    comments = command("comments", "an article's comment threads and pending suggested edits")
    comments.add_argument("article_id", type=record_id, metavar="ID")
    comments.add_argument("--json", action="store_true", help="print JSON")


def _comments(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.annotations.store import Annotations

    annotations = Annotations(library)
    threads = annotations.threads(args.article_id)  # an unknown id: ArticleNotFound, said by the CLI
    suggestions = annotations.suggestions(args.article_id)
    if args.json:
        value = {"article_id": args.article_id, "threads": [thread.to_json_dict() for thread in threads],
                 "suggestions": [_suggestion_json(suggestion) for suggestion in suggestions]}
        json.dump(value, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for thread in threads:
        state = "resolved" if thread.resolved else "open"
        if thread.resolved and thread.resolved_by:
            state += f" by {terminal_safe(thread.resolved_by)}"
        where = "(text gone) " if thread.anchor.orphaned else ""
        print(f"thread {thread.id}\t{state}\t{where}«{terminal_safe(thread.anchor.quote)}»", file=out)
        for message in thread.messages:
            print(f"\t{_when(message.created_at)}\t{terminal_safe(message.author_name)}\t{terminal_safe(message.body)}",
                  file=out)
    for suggestion in suggestions:
        where = "\t(text gone)" if suggestion.anchor.orphaned else ""
        print(f"suggestion {suggestion.id}\t{suggestion.kind}\t{terminal_safe(suggestion.author_name)}\t"
              f"«{terminal_safe(suggestion.text)}»{where}", file=out)
    return EXIT_OK


def _when(moment) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _suggestion_json(suggestion) -> dict:
    return {"id": suggestion.id, "kind": suggestion.kind, "text": suggestion.text, "start": suggestion.anchor.start,
            "end": suggestion.anchor.end, "orphaned": suggestion.anchor.orphaned, "author": suggestion.author,
            "created_at": suggestion.created_at.isoformat(), "state": suggestion.state}


COMMANDS = {"comments": _comments}
