"""`midad server init|users …`: set up a newsroom server and manage its people.

`init` is run by the server's administrator (a PostgreSQL superuser, or the database's
owner with CREATEROLE); `users` by a newsroom admin, whose rights the server checks.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import TYPE_CHECKING, TextIO

from editor_app.core.errors import MidadError

if TYPE_CHECKING:  # the server modules load SQLAlchemy: imported by `run`, not by `midad --version`
    from editor_app.core.storage import StorageLocation


def add_parser(command) -> None:
    from editor_app.cli import _add_storage_options  # cli imports this module: resolved at call time

    server = command("server", "set up a newsroom server (PostgreSQL) and manage its people")
    actions = server.add_subparsers(dest="server_action", metavar="ACTION", required=True)

    def action(group, name: str, help_text: str) -> argparse.ArgumentParser:
        sub = group.add_parser(name, help=help_text, description=help_text)
        _add_storage_options(sub, argparse.SUPPRESS)  # --database-url after the action too
        return sub

    action(actions, "init", "create or upgrade the schema, roles, grants and row-level security "
                            "(idempotent; give --database-url postgresql://…)")
    users = action(actions, "users", "the newsroom's people (admins only)")
    user_actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    adding = action(user_actions, "add", "add a person: a PostgreSQL login in a Midad role")
    adding.add_argument("login", metavar="LOGIN", help="their login (lower-case Latin letters, digits, _ . -)")
    adding.add_argument("--name", required=True, help="their name as the newsroom writes it (Arabic)")
    adding.add_argument("--role", default="writer", choices=("writer", "editor", "chief", "admin"))
    adding.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    listing = action(user_actions, "list", "everyone, by name")
    listing.add_argument("--json", action="store_true", help="print JSON")
    disabling = action(user_actions, "disable", "stop a person from logging in (their work stays)")
    disabling.add_argument("login", metavar="LOGIN")
    disabling.add_argument("--enable", action="store_true", help="let them log in again")
    role = action(user_actions, "role", "change a person's role")
    role.add_argument("login", metavar="LOGIN")
    role.add_argument("role", choices=("writer", "editor", "chief", "admin"))
    password = action(user_actions, "password", "set a person's password (your own, or anyone's as admin)")
    password.add_argument("login", metavar="LOGIN")
    password.add_argument("--password-stdin", action="store_true", help="read the password from standard input")


def run(location: StorageLocation, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from editor_app.core.server.people import People
    from editor_app.core.server.setup import initialise_server
    from editor_app.core.storage import open_database

    if args.server_action == "init":
        report = initialise_server(location.database_url)
        print(f"newsroom {report.database} ready: schema {report.schema}, roles {', '.join(report.groups)}, "
              f"{report.people} people", file=out)
        if report.people == 0:
            print("add the first admin with: midad server users add LOGIN --name NAME --role admin", file=out)
        return 0
    database = open_database(location)
    try:
        people = People(database)
        people.require_server()
        action = args.users_action
        if action == "add":
            person = people.add(args.login, args.name, args.role, _password(args.password_stdin))
            print(f"{person.login}\t{person.role}\t{person.display_name}", file=out)
        elif action == "list":
            everyone = people.list()
            if args.json:
                json.dump([person.to_json_dict() for person in everyone], out, ensure_ascii=False, indent=2)
                out.write("\n")
            for person in [] if args.json else everyone:
                state = "disabled" if person.disabled else "active"
                print(f"{person.login}\t{person.role}\t{state}\t{person.display_name}", file=out)
        elif action == "disable":
            people.set_disabled(args.login, not args.enable)
            print(f"{args.login}\t{'active' if args.enable else 'disabled'}", file=out)
        elif action == "role":
            people.set_role(args.login, args.role)
            print(f"{args.login}\t{args.role}", file=out)
        else:
            people.set_password(args.login, _password(args.password_stdin))
            print(f"{args.login}\tpassword changed", file=out)
        return 0
    finally:
        database.close()


def _password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise MidadError("the two passwords differ; nothing was changed")
    return first
