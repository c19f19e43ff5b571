"""`midad server init`: make a PostgreSQL database a newsroom, or bring one up to date.

The same Alembic migrations as every Midad database (a database of another application,
or of a newer Midad, is refused untouched by core.storage), then the roles, grants,
policies and triggers of core.server.security, in one transaction: run it again after
every upgrade of Midad, it changes only what is missing or out of date.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import make_url

from editor_app.core.errors import QT_TRANSLATE_NOOP, StorageError, Text
from editor_app.core.server.faults import named_connection_failure
from editor_app.core.server.security import GROUP_ROLES, security_statements
from editor_app.core.storage import Database, current_revisions


class NotAServerDatabase(StorageError):
    pass


class CannotManageRoles(StorageError):
    pass


@dataclass(frozen=True)
class InitReport:
    database: str
    schema: str
    groups: tuple[str, ...]
    people: int


def initialise_server(url: str) -> InitReport:
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise NotAServerDatabase(Text(QT_TRANSLATE_NOOP(
            "errors", "a newsroom server is a PostgreSQL database (postgresql://…); {url} is not one"),
            url=parsed.render_as_string(hide_password=True)))
    with named_connection_failure(url):
        _check_rights_before_writing(url)
        database = Database(url)
    try:
        with named_connection_failure(url), database.transaction() as session:
            name = session.scalar(text("SELECT current_database()"))
            for statement in security_statements(name):
                session.execute(text(statement))
            people = session.scalar(text("SELECT count(*) FROM people")) or 0
        return InitReport(name, current_revisions(database.engine)[0], tuple(GROUP_ROLES.values()), people)
    finally:
        database.close()


def _check_rights_before_writing(url: str) -> None:
    """Only a role that can create roles and owns (or may create) the tables can set a newsroom up:
    said before the migrations write anything."""
    from editor_app.core.storage import _create_engine

    engine = _create_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(text(
                "SELECT r.rolsuper, r.rolcreaterole, has_database_privilege(current_database(), 'CREATE'), "
                "has_schema_privilege('public', 'CREATE'), current_user FROM pg_roles r "
                "WHERE r.rolname = current_user")).one()
    finally:
        engine.dispose()
    superuser, createrole, _create_db, create_schema, login = row
    if not (superuser or (createrole and create_schema)):
        raise CannotManageRoles(Text(QT_TRANSLATE_NOOP(
            "errors", "{login} cannot set up a newsroom: `midad server init` needs a PostgreSQL superuser, or the "
                      "database's owner with CREATEROLE; nothing was changed"), login=login))
