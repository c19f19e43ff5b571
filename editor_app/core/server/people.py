"""The people of a newsroom: who I am, who is who, and (for admins) adding and changing them.

On PostgreSQL a person is a login role, member of one of the groups midad_writer,
midad_editor, midad_chief, midad_admin; the `people` table adds their display name. Changes go
through the server's SECURITY DEFINER functions (core.server.security), which check that
the caller is an admin: the client's own checks are only there to word the refusal early.
On SQLite there is one writer, the OS login, and nobody to manage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from editor_app.core.errors import QT_TRANSLATE_NOOP, InvalidField, MidadError, Text
from editor_app.core.models import Person, PersonRole
from editor_app.core.storage import Database

# A PostgreSQL role name Midad creates: lower case, digits, _ . - ; 63 bytes at most.
_LOGIN = re.compile(r"[a-z_][a-z0-9_.\-]{0,62}")


class NeedsServer(MidadError):
    """People and roles exist only on a newsroom server."""


@dataclass(frozen=True)
class PersonRecord:
    login: str
    display_name: str
    role: str
    disabled: bool

    def to_json_dict(self) -> dict:
        return {"login": self.login, "display_name": self.display_name, "role": self.role, "disabled": self.disabled}


def current_login(session: Session) -> str | None:
    """The logged-in PostgreSQL role (None on SQLite: the OS login stands for the writer)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    return session.scalar(text("SELECT current_user"))


def display_names(session: Session, logins: Iterable[str]) -> dict[str, str]:
    """login → display name for those who are people; others keep their login."""
    wanted = {login for login in logins if login}
    if not wanted:
        return {}
    rows = session.execute(select(Person.login, Person.display_name).where(Person.login.in_(wanted)))
    return {row.login: row.display_name for row in rows}


def valid_role(role: str) -> str:
    try:
        return PersonRole(role.strip().lower()).value
    except ValueError:
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "unknown role {role}; choose writer, editor, chief or admin"),
                                role=role)) from None


def valid_login(login: str) -> str:
    if not _LOGIN.fullmatch(login or ""):
        raise InvalidField(Text(QT_TRANSLATE_NOOP(
            "errors", "{login} cannot be a login: use lower-case Latin letters, digits, _ . or - (63 at most), "
                      "starting with a letter"), login=login))
    return login


class People:
    def __init__(self, database: Database) -> None:
        self.database = database

    def require_server(self) -> None:
        if self.database.engine.dialect.name != "postgresql":
            raise NeedsServer(Text(QT_TRANSLATE_NOOP(
                "errors", "people and roles belong to a newsroom server: connect with --database-url "
                          "postgresql://…")))

    def me(self) -> PersonRecord | None:
        with self.database.transaction() as session:
            login = current_login(session)
            if login is None:
                return None
            row = session.scalar(select(Person).where(Person.login == login))
            return None if row is None else _record(row)

    def list(self) -> list[PersonRecord]:
        with self.database.transaction() as session:
            return [_record(row) for row in session.scalars(select(Person).order_by(Person.display_name))]

    def add(self, login: str, display_name: str, role: str, password: str) -> PersonRecord:
        self.require_server()
        login, role = valid_login(login), valid_role(role)
        name = " ".join(display_name.split())
        if not name:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a person needs a display name")))
        if len(password) < 8:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a password needs at least 8 characters")))
        with self.database.transaction() as session:
            session.execute(text("SELECT midad_add_person(:login, :name, :role, :verifier)"),
                            {"login": login, "name": name, "role": role,
                             "verifier": _scram_verifier(session, login, password)})
        return PersonRecord(login, name, role, False)

    def set_role(self, login: str, role: str) -> None:
        self.require_server()
        with self.database.transaction() as session:
            session.execute(text("SELECT midad_set_person_role(:login, :role)"), {"login": login, "role": valid_role(role)})

    def set_disabled(self, login: str, disabled: bool = True) -> None:
        self.require_server()
        with self.database.transaction() as session:
            session.execute(text("SELECT midad_set_person_disabled(:login, :disabled)"),
                            {"login": login, "disabled": disabled})

    def set_password(self, login: str, password: str) -> None:
        self.require_server()
        if len(password) < 8:
            raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "a password needs at least 8 characters")))
        with self.database.transaction() as session:
            session.execute(text("SELECT midad_set_person_password(:login, :verifier)"),
                            {"login": login, "verifier": _scram_verifier(session, login, password)})


def _record(row: Person) -> PersonRecord:
    return PersonRecord(row.login, row.display_name, row.role, row.disabled)


def _scram_verifier(session: Session, login: str, password: str) -> str:
    """The SCRAM-SHA-256 secret libpq would send for ALTER ROLE … PASSWORD (PQencryptPasswordConn),
    made here so that the password itself never travels or lands in a server log."""
    connection = session.connection().connection.dbapi_connection
    return connection.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256").decode()
