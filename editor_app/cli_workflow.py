"""`midad desks|assign|send|notifications|history`: the editorial workflow without a window
(core.workflow). Imports of the core happen inside the commands: `midad --version` stays light.
On a newsroom server every refusal is the server's, said in one line (exit code 3)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from editor_app.cli_output import record_id, terminal_safe

if TYPE_CHECKING:
    from editor_app.core.library import Library

EXIT_OK = 0
EXIT_REFUSED = 3


def add_parsers(command) -> None:
    desks = command("desks", "the newsroom's desks and their stages")
    desk_actions = desks.add_subparsers(dest="desks_action", metavar="ACTION", required=True)
    listing = desk_actions.add_parser("list", help="every desk with its stages, in order")
    listing.add_argument("--json", action="store_true", help="print JSON")
    adding = desk_actions.add_parser("add", help="a new desk (by default with the stages كتابة، تحرير، تدقيق، جاهز، منشور)")
    adding.add_argument("name", metavar="NAME")
    adding.add_argument("--stage", action="append", default=[], metavar="NAME[:ROLE[:STATUS]]",
                        help="a stage, in order (repeatable): who may move articles in and out of it "
                             "(writer, editor, chief, admin) and the status it gives them")
    staging = desk_actions.add_parser("stages", help="a desk's stages, or add one with --add")
    staging.add_argument("desk", metavar="DESK")
    staging.add_argument("--add", metavar="NAME", help="add this stage at the end")
    staging.add_argument("--role", default="writer", help="who may move articles into it (default writer)")
    staging.add_argument("--status", help="the status an article gets when it arrives (e.g. ready)")
    staging.add_argument("--json", action="store_true", help="print JSON")

    members = desk_actions.add_parser("members", help="who works on a desk (told of what is sent to its stages)")
    members.add_argument("desk", metavar="DESK")
    members.add_argument("--add", metavar="LOGIN", action="append", default=[])
    members.add_argument("--remove", metavar="LOGIN", action="append", default=[])

    assign = command("assign", "the story budget: assignments that become articles")
    assign_actions = assign.add_subparsers(dest="assign_action", metavar="ACTION", required=True)
    add = assign_actions.add_parser("add", help="plan a story")
    add.add_argument("title", metavar="TITLE", help="the working title")
    add.add_argument("--desk")
    add.add_argument("--person", metavar="LOGIN")
    add.add_argument("--deadline", help="e.g. '2026-12-02 18:00' (local time) or ISO 8601 with an offset")
    add.add_argument("--words", type=int, default=0, help="the expected length in words")
    add.add_argument("--notes", default="")
    listed = assign_actions.add_parser("list", help="the budget, soonest deadline first")
    listed.add_argument("--today", action="store_true", help="today's budget and the late ones")
    listed.add_argument("--person", metavar="LOGIN")
    listed.add_argument("--json", action="store_true", help="print JSON")
    edit = assign_actions.add_parser("edit", help="change an assignment (only what is given)")
    edit.add_argument("assignment_id", type=record_id, metavar="ID")
    edit.add_argument("--title")
    edit.add_argument("--desk")
    edit.add_argument("--person", metavar="LOGIN")
    edit.add_argument("--deadline")
    edit.add_argument("--words", type=int)
    edit.add_argument("--notes")
    remove = assign_actions.add_parser("remove", help="drop an assignment (an article it became stays)")
    remove.add_argument("assignment_id", type=record_id, metavar="ID")
    start = assign_actions.add_parser("start", help="start writing: the assignment becomes an article")
    start.add_argument("assignment_id", type=record_id, metavar="ID")

    send = command("send", "send an article to a desk's stage (and a person), with a message")
    send.add_argument("article_id", type=record_id, metavar="ID")
    send.add_argument("--to", required=True, metavar="DESK/STAGE")
    send.add_argument("--person", metavar="LOGIN")
    send.add_argument("--message", default="")

    notifications = command("notifications", "what you were told: sends, assignments, mentions")
    notifications.add_argument("--json", action="store_true", help="print JSON")
    notifications.add_argument("--unread", action="store_true", help="only the unread ones")
    notifications.add_argument("--mark-read", action="store_true", help="then mark them all read")

    history = command("history", "an article's workflow history, oldest first")
    history.add_argument("article_id", type=record_id, metavar="ID")
    history.add_argument("--json", action="store_true", help="print JSON")


def _workflow(library: Library):
    from editor_app.core.workflow.service import Workflow

    return Workflow(library)


def _refusals(handler):
    def run(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        from editor_app.core.server.faults import NotAllowed

        try:
            return handler(library, args, out, err)
        except NotAllowed as error:
            print(f"midad: refused: {terminal_safe(error)}", file=err)
            return EXIT_REFUSED
    return run


@_refusals
def _desks(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.workflow.service import default_stages

    workflow = _workflow(library)
    if args.desks_action == "add":
        stages = [_stage_spec(spec) for spec in args.stage] or list(default_stages())
        desk = workflow.add_desk(args.name, stages)
        print(f"{desk.id}\t{terminal_safe(desk.name)}\t" + " → ".join(terminal_safe(s.name) for s in desk.stages), file=out)
        return EXIT_OK
    if args.desks_action == "members":
        for login in args.add:
            workflow.set_member(args.desk, login)
        for login in args.remove:
            workflow.set_member(args.desk, login, member=False)
        desk = next((d for d in workflow.desks() if d.name == args.desk.strip()), None)
        if desk is None:
            from editor_app.core.errors import MidadError

            raise MidadError(f"there is no desk {args.desk}")
        for login in desk.members:
            print(login, file=out)
        return EXIT_OK
    if args.desks_action == "stages":
        if args.add:
            workflow.add_stage(args.desk, args.add, args.role, args.status)
        stages = [s for s in workflow.stages() if s.desk == args.desk.strip()]
        if not stages and not any(d.name == args.desk.strip() for d in workflow.desks()):
            from editor_app.core.errors import MidadError

            raise MidadError(f"there is no desk {args.desk}")
        if args.json:
            _print_json([stage.to_json_dict() for stage in stages], out)
        else:
            for stage in stages:
                print(f"{stage.id}\t{stage.position}\t{terminal_safe(stage.name)}\t{stage.required_role}\t"
                      f"{stage.sets_status or ''}", file=out)
        return EXIT_OK
    desks = workflow.desks()
    if args.json:
        _print_json([desk.to_json_dict() for desk in desks], out)
    else:
        for desk in desks:
            print(f"{desk.id}\t{terminal_safe(desk.name)}\t" + " → ".join(terminal_safe(s.name) for s in desk.stages),
                  file=out)
    return EXIT_OK


def _stage_spec(spec: str) -> tuple[str, str, str | None]:
    name, _, rest = spec.partition(":")
    role, _, status = rest.partition(":")
    return name, role or "writer", status or None


@_refusals
def _assign(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from datetime import datetime

    from editor_app.core.workflow.assignments import StoryBudget
    from editor_app.core.workflow.service import parse_deadline

    budget = StoryBudget(_workflow(library))
    zone = datetime.now().astimezone().tzinfo
    if args.assign_action == "add":
        line = budget.add(args.title, desk=args.desk, person=args.person, expected_words=args.words, notes=args.notes,
                          deadline=parse_deadline(args.deadline, zone) if args.deadline else None)
        print(f"{line.id}\t{terminal_safe(line.title)}", file=out)
        return EXIT_OK
    if args.assign_action == "edit":
        changes = {name: value for name, value in (("title", args.title), ("desk", args.desk), ("person", args.person),
                                                   ("expected_words", args.words), ("notes", args.notes))
                   if value is not None}
        if args.deadline is not None:
            changes["deadline"] = parse_deadline(args.deadline, zone)
        line = budget.update(args.assignment_id, **changes)
        print(f"{line.id}\t{terminal_safe(line.title)}", file=out)
        return EXIT_OK
    if args.assign_action == "remove":
        budget.remove(args.assignment_id)
        return EXIT_OK
    if args.assign_action == "start":
        record = budget.start(args.assignment_id)
        print(f"{record.id}\t{terminal_safe(record.title)}", file=out)
        return EXIT_OK
    lines = budget.today(zone) if args.today else budget.list(person=args.person)
    if args.today and args.person:
        lines = [line for line in lines if line.person == args.person]
    if args.json:
        _print_json([line.to_json_dict() for line in lines], out)
        return EXIT_OK
    for line in lines:
        deadline = line.deadline.astimezone(zone).strftime("%Y-%m-%d %H:%M") if line.deadline else "-"
        state = "LATE" if line.late else ("started" if line.article_id else "open")
        print(f"{line.id}\t{deadline}\t{state}\t{terminal_safe(line.person or '-')}\t{terminal_safe(line.desk or '-')}\t"
              f"{line.expected_words}\t{terminal_safe(line.title)}", file=out)
    return EXIT_OK


@_refusals
def _send(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    workflow = _workflow(library)
    library.get(args.article_id)  # an unknown id is said as such before anything else
    stage = workflow.find_stage(args.to)
    event = workflow.send(args.article_id, stage.id, args.person, args.message)
    queued = workflow.is_replica()
    print(f"{args.article_id}\t{terminal_safe(stage.path)}\t{terminal_safe(event.target or '')}"
          + ("\tqueued for the server" if queued else ""), file=out)
    return EXIT_OK


def _notifications(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    workflow = _workflow(library)
    notices = workflow.notifications(unread_only=args.unread)
    if args.json:
        _print_json([notice.to_json_dict() for notice in notices], out)
    else:
        for notice in notices:
            event = notice.event
            when = event.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            what = event.payload.get("stage") or event.payload.get("title") or ""
            print(f"{'' if notice.read else '*'}{notice.id}\t{when}\t{event.kind}\t{terminal_safe(event.actor_name)}\t"
                  f"{event.article_id or '-'}\t{terminal_safe(notice.article_title)}\t{terminal_safe(what)}", file=out)
    if args.mark_read:
        workflow.mark_read()
    return EXIT_OK


def _history(library: Library, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    events = _workflow(library).history(args.article_id)
    if args.json:
        _print_json([event.to_json_dict() for event in events], out)
        return EXIT_OK
    for event in events:
        when = event.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        where = "/".join(filter(None, (event.payload.get("desk"), event.payload.get("stage"))))
        print(f"{when}\t{event.kind}\t{terminal_safe(event.actor_name)}\t{terminal_safe(where)}\t"
              f"{terminal_safe(event.target_name or '')}\t{terminal_safe(event.payload.get('message') or '')}", file=out)
    return EXIT_OK


def _print_json(value: object, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


COMMANDS = {"desks": _desks, "assign": _assign, "send": _send, "notifications": _notifications, "history": _history}
